// JUnit XML for CI test tabs: a suite per rule that ran, a test case per (file, rule), a failure per finding.
//
// Suites are per rule, not per file: a CI test tab then reads "deprecated-api: 2 of 40 files failed" and the rule's
// summary explains every failure in the suite; a test case is identified by rule (classname) and file (name),
// which stays the same from run to run, so CI history ("new failure", "fixed") tracks one rule on one file.
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/report/formatters.hpp"
#include "readyctl/report/report_path.hpp"

namespace readyctl {
namespace {

std::string attr(std::string_view text) { return xml_escape(text, true); }
std::string text(std::string_view s) { return xml_escape(s, false); }

struct Case {
  std::vector<const Finding*> failures;
  std::vector<const Finding*> suppressed;
};

// Every input file, then any file only a finding names (e.g. a chart file found through '# Source:').
std::vector<std::string> files_for(const LintReport& report)
{
  std::vector<std::string> files;
  auto add = [&files](const std::string& file) {
    std::string path = report_path(file);
    for (const std::string& f : files)
      if (f == path) return;
    files.push_back(path);
  };
  for (const std::string& file : report.files) add(file);
  for (const Finding& f : report.findings) add(f.location.file);
  for (const Finding& f : report.suppressed) add(f.location.file);
  return files;
}

std::vector<std::string> junit_rule_ids(const LintReport& report)
{
  std::vector<std::string> rules;
  auto add = [&rules](const std::string& id) {
    for (const std::string& r : rules)
      if (r == id) return;
    rules.push_back(id);
  };
  for (const RuleSummary& r : report.rules) add(r.id);
  for (const Finding& f : report.findings) add(f.rule);
  for (const Finding& f : report.suppressed) add(f.rule);
  return rules;
}

std::string failure_body(const Finding& f)
{
  std::string body = fmt::format("{}: {}: {} [{}]\n", f.location.str(), severity_name(f.severity), f.message, f.rule);
  if (f.object)
    body += fmt::format("object: {} {}{}\n", f.object->kind, f.object->ns.empty() ? "" : f.object->ns + "/",
                        f.object->name);
  for (const RelatedLocation& r : f.related) body += fmt::format("related: {}: {}\n", r.location.str(), r.message);
  if (!trim(f.remediation.str()).empty()) body += fmt::format("fix: {}\n", trim(f.remediation.str()));
  return body;
}

std::string render_case(const std::string& rule, const std::string& file, const Case& c)
{
  std::string out = fmt::format("    <testcase classname=\"{}\" name=\"{}\" time=\"0\"", attr(rule), attr(file));
  if (c.failures.empty() && c.suppressed.empty()) return out + "/>\n";
  out += ">\n";
  for (const Finding* f : c.failures)
    out += fmt::format("      <failure message=\"{}\" type=\"{}\">{}</failure>\n", attr(f->message),
                       severity_name(f->severity), text(failure_body(*f)));
  // Suppressed-only cases are skipped, not passed, so the CI shows someone decided to accept them.
  if (c.failures.empty()) {
    std::string reasons;
    for (const Finding* f : c.suppressed) reasons += (reasons.empty() ? "" : "; ") + f->suppression_reason;
    out += fmt::format("      <skipped message=\"suppressed: {}\"/>\n", attr(reasons));
  }
  return out + "    </testcase>\n";
}

}  // namespace

std::string render_lint_junit(const LintReport& report, const RenderOptions&)
{
  std::vector<std::string> files = files_for(report);
  std::vector<std::string> rules = junit_rule_ids(report);
  std::map<std::pair<std::string, std::string>, Case> cases;  // (rule, file)
  for (const Finding& f : report.findings) cases[{f.rule, report_path(f.location.file)}].failures.push_back(&f);
  for (const Finding& f : report.suppressed) cases[{f.rule, report_path(f.location.file)}].suppressed.push_back(&f);

  std::string suites;
  size_t total_tests = 0, total_failures = 0, total_skipped = 0;
  for (const std::string& rule : rules) {
    std::string body;
    size_t failures = 0, skipped = 0;
    for (const std::string& file : files) {
      auto it = cases.find({rule, file});
      Case c = it == cases.end() ? Case{} : it->second;
      if (!c.failures.empty()) ++failures;
      if (c.failures.empty() && !c.suppressed.empty()) ++skipped;
      body += render_case(rule, file, c);
    }
    suites += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n",
                          attr(rule), files.size(), failures, skipped);
    suites += body + "  </testsuite>\n";
    total_tests += files.size();
    total_failures += failures;
    total_skipped += skipped;
  }
  return fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                     "<testsuites name=\"readyctl lint\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"{}\" time=\"0\">\n"
                     "{}</testsuites>\n",
                     total_tests, total_failures, total_skipped, suites);
}

}  // namespace readyctl
