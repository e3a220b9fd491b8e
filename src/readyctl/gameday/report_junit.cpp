// JUnit XML of one run, for a CI test tab: a suite per phase (setup, hypothesis before, method, hypothesis after,
// assertions, rollback), a test case per probe, step, assertion and undo that ran; continuous probes and stop
// conditions one case each over all their checks; and a last case for the verdict, so a drill that ended before
// its assertions still fails the tab.
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/runner.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

enum class Outcome { passed, failure, error, skipped };

struct JunitCase {
  std::string name;
  double seconds = 0;
  Outcome outcome = Outcome::passed;
  std::string message;
};

struct JunitSuite {
  std::string name;
  std::vector<JunitCase> cases;
};

// One line of XML text or an attribute value (core/text.hpp's xml_escape).
std::string xml_text(std::string_view text) { return xml_escape(text, false); }

Outcome outcome_of(const std::string& status)
{
  if (status == "deviated" || status == "failed" || status == "refused" || status == "abort") return Outcome::failure;
  if (status == "environment" || status == "error") return Outcome::error;
  if (status == "stopped" || status == "running") return Outcome::skipped;
  return Outcome::passed;
}

// Continuous probes and stop conditions are checked many times: one case per name, the first bad check decides.
void add_watched(JunitSuite& suite, std::map<std::string, size_t>& index, const JunitCase& c)
{
  auto [it, added] = index.try_emplace(c.name, suite.cases.size());
  if (added) {
    suite.cases.push_back(c);
    return;
  }
  JunitCase& seen = suite.cases[it->second];
  seen.seconds += c.seconds;
  if (seen.outcome == Outcome::passed && c.outcome != Outcome::passed) seen.outcome = c.outcome, seen.message = c.message;
}

std::vector<JunitSuite> suites_of(const Json& journal)
{
  std::vector<JunitSuite> suites;
  std::map<std::string, size_t> by_phase;
  std::map<std::string, std::map<std::string, size_t>> watched;
  for (const Json& ev : journal.value("events", Json::array())) {
    std::string phase = json_text(ev["phase"]);
    auto [it, added] = by_phase.try_emplace(phase, suites.size());
    if (added) suites.push_back({phase, {}});
    JunitSuite& suite = suites[it->second];
    double t0 = ev["t0"].is_number() ? ev["t0"].get<double>() : 0;
    double t1 = ev["t1"].is_number() ? ev["t1"].get<double>() : t0;
    JunitCase c{json_text(ev["name"]), t1 - t0, outcome_of(json_text(ev["status"])), json_text(ev.value("message", Json("")))};
    if (c.message.empty() && c.outcome != Outcome::passed) c.message = json_text(ev["status"]);
    if (phase == "during" || phase == "abort-check")
      add_watched(suite, watched[phase], c);
    else
      suite.cases.push_back(std::move(c));
  }
  return suites;
}

JunitCase verdict_case(const Json& journal)
{
  std::string verdict = journal["verdict"].is_string() ? journal["verdict"].get<std::string>() : "running";
  JunitCase c{"verdict", journal.value("duration", 0.0), Outcome::passed, json_text(journal.value("reason", Json("")))};
  if (verdict == "deviated" || verdict == "aborted") c.outcome = Outcome::failure;
  else if (verdict != "held") c.outcome = Outcome::error;
  if (c.message.empty()) c.message = verdict;
  return c;
}

std::string case_xml(const std::string& classname, const JunitCase& c)
{
  std::string head = fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"{:.3f}\"", xml_text(classname),
                                 xml_text(c.name), c.seconds);
  const char* tag = c.outcome == Outcome::failure ? "failure" : c.outcome == Outcome::error ? "error" : "skipped";
  if (c.outcome == Outcome::passed) return head + "/>\n";
  std::string first_line = c.message.substr(0, c.message.find('\n'));
  return fmt::format("{}>\n      <{} message=\"{}\">{}</{}>\n    </testcase>\n", head, tag, xml_text(first_line),
                     xml_text(c.message), tag);
}

}  // namespace

std::string render_junit(const Json& journal)
{
  std::string name = json_text(journal["scenario"].value("name", Json("gameday")));
  std::vector<JunitSuite> suites = suites_of(journal);
  suites.push_back({"run", {verdict_case(journal)}});
  std::string body;
  int tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const JunitSuite& suite : suites) {
    int f = 0, e = 0, s = 0;
    double seconds = 0;
    std::string cases;
    for (const JunitCase& c : suite.cases) {
      f += c.outcome == Outcome::failure, e += c.outcome == Outcome::error, s += c.outcome == Outcome::skipped;
      seconds += c.seconds;
      cases += case_xml(name + "." + suite.name, c);
    }
    body += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n{}"
                        "  </testsuite>\n",
                        xml_text(name + ": " + suite.name), suite.cases.size(), f, e, s, seconds, cases);
    tests += static_cast<int>(suite.cases.size()), failures += f, errors += e, skipped += s;
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"readyctl gameday {}\" tests=\"{}\" "
                     "failures=\"{}\" errors=\"{}\" skipped=\"{}\" time=\"{:.3f}\">\n{}</testsuites>\n",
                     xml_text(name), tests, failures, errors, skipped, journal.value("duration", 0.0), body);
}

}  // namespace readyctl::gameday
