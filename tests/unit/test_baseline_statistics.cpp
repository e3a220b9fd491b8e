#include <doctest/doctest.h>

#include "readyctl/baseline/range_chunks.hpp"
#include "readyctl/baseline/statistics.hpp"

using namespace readyctl::baseline;

TEST_SUITE("baseline")
{
  TEST_CASE("statistics skip missing steps and follow Prometheus' quantile_over_time")
  {
    std::vector<Figure> v{1.0, std::nullopt, 3.0, 2.0, 4.0};
    CHECK(*mean_of(v) == doctest::Approx(2.5));
    CHECK(*max_of(v) == 4.0);
    CHECK(*quantile_of(v, 0.5) == doctest::Approx(2.5));   // rank 1.5 between 2 and 3
    CHECK(*quantile_of(v, 0.95) == doctest::Approx(3.85)); // rank 2.85 between 3 and 4
    CHECK(*cv_of(v) == doctest::Approx(1.118033988749895 / 2.5));
    CHECK(*integrate_hours(std::vector<Figure>{2.0, 2.0, 2.0}, 1800) == doctest::Approx(3.0));
    CHECK_FALSE(mean_of(std::vector<Figure>{std::nullopt}));
    CHECK(*cv_of(std::vector<Figure>{0.0, 0.0}) == 0.0);
    CHECK_FALSE(ratio(1.0, 0.0));
  }

  TEST_CASE("sum_series keeps a step missing only when every series misses it")
  {
    std::vector<Figure> s = sum_series({{1.0, std::nullopt, std::nullopt}, {2.0, 5.0}});
    REQUIRE(s.size() == 3);
    CHECK(*s[0] == 3.0);
    CHECK(*s[1] == 5.0);
    CHECK_FALSE(s[2]);
  }

  TEST_CASE("range chunks are step-aligned, cover the window once and respect the points cap")
  {
    std::vector<TimeRange> chunks = range_chunks(0, 7 * 86400, 15, 10'000);
    REQUIRE(chunks.size() == 5);  // 40,321 points at 15 s
    CHECK(chunks.front().start == 0);
    CHECK(chunks.back().end == 7 * 86400);
    for (size_t i = 0; i < chunks.size(); ++i) {
      CHECK((chunks[i].end - chunks[i].start) / 15 + 1 <= 10'000);
      if (i > 0) CHECK(chunks[i].start == chunks[i - 1].end + 15);
    }
    CHECK(range_chunks(0, 3600, 60).size() == 1);
  }
}
