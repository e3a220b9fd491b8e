#include <doctest/doctest.h>

#include "readyctl/report/report_path.hpp"

using readyctl::report_path;

TEST_SUITE("report")
{
  TEST_CASE("report paths are relative to the checkout with forward slashes")
  {
    CHECK(report_path("deploy/a.yaml", "/work/repo") == "deploy/a.yaml");
    CHECK(report_path("./deploy\\a.yaml", "/work/repo") == "deploy/a.yaml");
    CHECK(report_path("/work/repo/deploy/a.yaml", "/work/repo") == "deploy/a.yaml");
    CHECK(report_path("/work/repo/./deploy/../deploy/a.yaml", "/work/repo/") == "deploy/a.yaml");
    CHECK(report_path("/elsewhere/a.yaml", "/work/repo") == "/elsewhere/a.yaml");
    CHECK(report_path("/work/repository/a.yaml", "/work/repo") == "/work/repository/a.yaml");
  }
}
