// A CronJob schedule as the CronJob controller reads it (robfig/cron's standard parser): five fields, or a macro
// (@hourly, @every 90m), optionally after a TZ= / CRON_TZ= prefix.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace readyctl::lint {

struct CronProblem {
  size_t offset = 0;    // byte offset in the schedule text of the part that does not parse
  std::string message;  // what was expected there
};

struct CronSchedule {
  std::string_view time_zone;  // from a TZ= / CRON_TZ= prefix; empty when there is none
  std::optional<CronProblem> problem;
};

CronSchedule parse_cron_schedule(std::string_view text);

}  // namespace readyctl::lint
