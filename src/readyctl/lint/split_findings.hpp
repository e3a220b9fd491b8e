// Sorting a run's raw findings into the report's findings and suppressed findings.
#pragma once
#include <vector>

#include "readyctl/lint/sink.hpp"
#include "readyctl/lint/suppression.hpp"
#include "readyctl/report/lint_report.hpp"

namespace readyctl::lint {

// Files each finding of `segments` (run_checks' order) as reported or suppressed, appended to the report in
// segment order, and gives each segment's memory back. `room_after` findings more (the parse errors) will follow:
// reserved now, so the vector is never grown by doubling.
void split_suppressed(std::vector<std::vector<RawFinding>>& segments, const Suppressor& suppressor,
                      LintReport& report, size_t room_after);

}  // namespace readyctl::lint
