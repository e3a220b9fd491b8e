// JUnit XML of the plan's status, for a CI test tab: a suite per phase, a test case per exit criterion. A criterion
// met passes; one unmet in a phase past its due date fails (the plan is late there); one unmet in a phase still
// running or to come is skipped, so a pipeline shows the whole plan without failing on work not yet due.
#include <string>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/plan/status.hpp"

namespace readyctl::plan {
namespace {

std::string attr(std::string_view text) { return xml_escape(text, true); }

std::string criterion_case(const Phase& p, const Criterion& c, Day today)
{
  std::string head = fmt::format("    <testcase classname=\"{}\" name=\"{}\"", attr(fmt::format("phase-{}", p.number)),
                                 attr(c.id + ": " + c.description));
  if (c.met) return head + "/>\n";
  const std::string why = c.detail + (c.command.empty() ? "" : "; next: " + c.command);
  if (p.late(today))
    return fmt::format("{}>\n      <failure message=\"{}\">{}</failure>\n    </testcase>\n", head,
                       attr(fmt::format("late: due {}", format_date(p.due))), xml_escape(why, false));
  return fmt::format("{}>\n      <skipped message=\"{}\"/>\n    </testcase>\n", head,
                     attr(fmt::format("{}: {}", phase_state(p, today), why)));
}

}  // namespace

std::string render_status_junit(const PlanStatus& s)
{
  std::string suites;
  int tests = 0, failures = 0, skipped = 0;
  for (const Phase& p : s.phases) {
    std::string cases;
    int f = 0, k = 0;
    for (const Criterion& c : p.criteria) {
      cases += criterion_case(p, c, s.today);
      f += !c.met && p.late(s.today);
      k += !c.met && !p.late(s.today);
    }
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n{}  "
                          "</testsuite>\n",
                          attr(fmt::format("Phase {}: {} (weeks {}-{})", p.number, p.name, p.first_week, p.last_week)),
                          p.criteria.size(), f, k, cases);
    tests += static_cast<int>(p.criteria.size());
    failures += f;
    skipped += k;
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"readyctl plan status\" "
                     "tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\">\n{}</testsuites>\n",
                     tests, failures, skipped, suites);
}

}  // namespace readyctl::plan
