// CronJob schedules as the CronJob controller parses them: five fields or a macro, after an optional TZ prefix.
#include <doctest/doctest.h>

#include "readyctl/lint/cron_schedule.hpp"

using readyctl::lint::CronSchedule;
using readyctl::lint::parse_cron_schedule;

TEST_SUITE("lint")
{
  TEST_CASE("cron schedules: fields, lists, ranges, steps, names and macros parse")
  {
    for (std::string_view ok : {"*/5 * * * *", "0 3 * * 1-5", "15,45 0-23/2 1 jan-dec mon", "0 0 ? * SUN", "@hourly",
                                "@daily", "@every 90m", "CRON_TZ=Europe/Paris 0 6 * * *", "TZ=UTC @weekly"})
    {
      CAPTURE(ok);
      CHECK_FALSE(parse_cron_schedule(ok).problem.has_value());
    }
    CHECK(parse_cron_schedule("CRON_TZ=Europe/Paris 0 6 * * *").time_zone == "Europe/Paris");
    CHECK(parse_cron_schedule("0 6 * * *").time_zone.empty());
  }

  TEST_CASE("cron schedules that do not parse name the field and its offset")
  {
    struct Bad {
      std::string_view text;
      size_t offset;
      std::string_view field;
    };
    for (const Bad& b : {Bad{"60 * * * *", 0, "minute"}, Bad{"0 24 * * *", 2, "hour"}, Bad{"0 0 0 * *", 4, "day of month"},
                         Bad{"0 0 1 13 *", 6, "month"}, Bad{"0 0 * * 7", 8, "day of week"}, Bad{"*/0 * * * *", 0, "minute"},
                         Bad{"0 5-1 * * *", 2, "hour"}, Bad{"0 0 * * MON#2", 8, "day of week"},
                         Bad{"0,61 * * * *", 2, "minute"}}) {
      CAPTURE(b.text);
      CronSchedule s = parse_cron_schedule(b.text);
      REQUIRE(s.problem.has_value());
      CHECK(s.problem->offset == b.offset);
      CHECK(s.problem->message.find(b.field) == 0);
    }
    CHECK(parse_cron_schedule("0 0 * *").problem->message.find("got 4") != std::string::npos);
    CHECK(parse_cron_schedule("@fortnightly").problem.has_value());
    CHECK(parse_cron_schedule("@every soon").problem.has_value());
    CHECK(parse_cron_schedule("@hourly 5").problem.has_value());
    CHECK(parse_cron_schedule("TZ=UTC").problem.has_value());
    CHECK(parse_cron_schedule("").problem.has_value());
  }
}
