// plan.yaml is written by yaml-cpp's emitter: whatever the paths and URL hold, `plan status` reads them back.
#include <doctest/doctest.h>

#include "readyctl/plan/plan_file.hpp"
#include "test_support.hpp"

using namespace readyctl::plan;

TEST_SUITE("plan")
{
  TEST_CASE("plan.yaml round-trips values that need quoting")
  {
    PlanConfig c;
    c.start = parse_date("2026-11-02", "start");
    c.manifests = {"yes", "no", "1e3", "0x10", ": ", "#", "- x", " lead", "trail ", "null", "~", "ünïcödé/✓", "",
                   "two\nlines\n", "deploy/base"};
    c.prometheus = "http://prom:9090/a #b";
    c.flow_dir = "1e3";
    std::string text = render_plan_yaml(c);
    INFO(text);
    PlanConfig back = parse_plan_yaml("plan.yaml", text);
    CHECK(back.start == c.start);
    CHECK(back.manifests == c.manifests);
    CHECK(back.prometheus == c.prometheus);
    CHECK(back.flow_dir == c.flow_dir);
    CHECK(text.find("start: 2026-11-02\n") != std::string::npos);
  }

  TEST_CASE("plan.yaml: no manifests and no Prometheus read back as none")
  {
    PlanConfig c;
    c.start = parse_date("2026-11-02", "start");
    c.flow_dir = "null";  // a directory named null stays a string
    PlanConfig back = parse_plan_yaml("plan.yaml", render_plan_yaml(c));
    CHECK(back.manifests.empty());
    CHECK(back.prometheus.empty());
    CHECK(back.flow_dir == "null");
  }
}
