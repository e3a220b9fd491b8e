#include <doctest/doctest.h>

#include "readyctl/core/duration.hpp"

using namespace readyctl;

TEST_SUITE("core")
{
  TEST_CASE("durations parse exactly as Go and protobuf write them")
  {
    CHECK(parse_duration_seconds("1m30s") == doctest::Approx(90));
    CHECK(parse_duration_seconds("500ms") == doctest::Approx(0.5));
    CHECK(parse_duration_seconds("1h2m3.5s") == doctest::Approx(3723.5));
    CHECK(parse_duration_seconds("250us") == doctest::Approx(0.00025));
    CHECK(parse_duration_seconds("0") == doctest::Approx(0));
    CHECK(parse_duration_seconds("300s") == doctest::Approx(300));
    CHECK_FALSE(parse_duration_seconds("30"));
    CHECK_FALSE(parse_duration_seconds("1x"));
    CHECK_FALSE(parse_duration_seconds(""));
    CHECK_FALSE(parse_duration_seconds("s"));
    CHECK_FALSE(parse_duration_seconds("1.2.3s"));
  }

  TEST_CASE("quantities parse with binary and decimal suffixes")
  {
    CHECK(parse_quantity("500m") == doctest::Approx(0.5));
    CHECK(parse_quantity("2") == doctest::Approx(2));
    CHECK(parse_quantity("1Gi") == doctest::Approx(1073741824.0));
    CHECK(parse_quantity("128974848") == doctest::Approx(128974848.0));
    CHECK(parse_quantity("1e3") == doctest::Approx(1000));
    CHECK(parse_quantity("1.5k") == doctest::Approx(1500));
    CHECK_FALSE(parse_quantity("lots"));
    CHECK_FALSE(parse_quantity("1Gb"));
    CHECK_FALSE(parse_quantity(""));
  }

  TEST_CASE("durations format for messages")
  {
    CHECK(format_duration(90) == "1m30s");
    CHECK(format_duration(0.5) == "500ms");
    CHECK(format_duration(7200) == "2h");
    CHECK(format_duration(30) == "30s");
  }
}
