// The probe and action type tables: load-time checks come from the rows, with file:line:col, and the defaults a
// probe without a tolerance is compared on.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "readyctl/gameday/loader.hpp"
#include "readyctl/gameday/probe_types.hpp"

using namespace readyctl::gameday;

namespace {

std::vector<std::string> type_problems(const std::string& steps)
{
  std::string text = "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: types}\nsteps:\n" + steps;
  std::vector<std::string> out;
  for (const Problem& p : load_scenario_text("t.yaml", text).problems) out.push_back(p.str());
  return out;
}

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("probe types: one row each, in the order messages list them")
  {
    CHECK(probe_type_listing() == "http, prometheus, exec, kubernetes, process or dapr-workflow");
    REQUIRE(find_probe_type("http") != nullptr);
    CHECK(default_tolerance(*find_probe_type("http")) == Json{{"range", {200, 399}}});
    CHECK(find_probe_type("http")->target == "status");
    CHECK(default_tolerance(*find_probe_type("exec")) == Json(0));
    CHECK(default_tolerance(*find_probe_type("kubernetes")) == Json{{"ge", 1}});
    CHECK(default_tolerance(*find_probe_type("process")) == Json("running"));
    CHECK(find_probe_type("prometheus")->needs_tolerance);
    CHECK(find_probe_type("smtp") == nullptr);
  }

  TEST_CASE("probe blocks are checked from their row: unknown keys, missing fields, a required tolerance")
  {
    auto p = type_problems("  - name: a\n"
                           "    probe: {prometheus: {url: http://x, qery: up}}\n"       // 6: unknown key, no query, no tolerance
                           "  - name: b\n"
                           "    probe: {exec: {cwd: /tmp}, tolerance: 0}\n"             // 8: no command
                           "  - name: c\n"
                           "    probe: {smtp: {host: x}}\n");                            // 10: unknown key, so no type
    // The texts and places are those the switch-based schema gave before the table (readyctl 0.1.0, main).
    REQUIRE(p.size() == 6);
    CHECK(p[0] == "t.yaml:6:41: unknown key 'qery' in 'prometheus' probe (expected one of 'url', 'query')");
    CHECK(p[1] == "t.yaml:6:25: missing 'query' in 'prometheus' probe");
    CHECK(p[2] == "t.yaml:6:12: a prometheus probe needs a 'tolerance'");
    CHECK(p[3] == "t.yaml:8:19: missing 'command' in 'exec' probe");
    CHECK(p[4] == "t.yaml:10:13: unknown key 'smtp' in a probe (expected one of 'name', 'http', 'prometheus', 'exec', "
                  "'kubernetes', 'process', 'dapr-workflow', 'tolerance', 'timeout', 'retry', 'interval', 'until', "
                  "'within', 'mode')");
    CHECK(p[5] == "t.yaml:10:12: a probe needs one type: http, prometheus, exec, kubernetes, process or dapr-workflow");
  }

  TEST_CASE("action blocks are checked from their row; an unknown type names the table's types")
  {
    auto p = type_problems("  - name: a\n"
                           "    action: {http: {method: GET}}\n"                         // 6: no url
                           "  - name: b\n"
                           "    action: {sleep: soon}\n"                                 // 8: not a duration
                           "  - name: c\n"
                           "    action: {ftp: {url: x}}\n");                             // 10: unknown type
    REQUIRE(p.size() == 3);
    CHECK(p[0] == "t.yaml:6:20: missing 'url' in an http action");
    CHECK(p[1] == "t.yaml:8:21: expected a duration for 'sleep' like 500ms, 5s or 1m30s, got 'soon'");
    CHECK(p[2] == "t.yaml:10:14: unknown action type 'ftp' (expected one of exec, http, process, kubernetes, sleep)");
  }
}
