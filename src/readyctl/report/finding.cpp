#include "readyctl/report/finding.hpp"

#include "readyctl/report/lint_report.hpp"

namespace readyctl {

std::string_view severity_name(Severity severity)
{
  switch (severity) {
  case Severity::note: return "note";
  case Severity::warning: return "warning";
  case Severity::error: return "error";
  }
  return "error";
}

std::optional<Severity> parse_severity(std::string_view text)
{
  if (text == "note") return Severity::note;
  if (text == "warning") return Severity::warning;
  if (text == "error") return Severity::error;
  return std::nullopt;
}

void count_findings(LintReport& report)
{
  report.summary.errors = report.summary.warnings = report.summary.notes = 0;
  for (const Finding& f : report.findings) {
    if (f.severity == Severity::error) ++report.summary.errors;
    if (f.severity == Severity::warning) ++report.summary.warnings;
    if (f.severity == Severity::note) ++report.summary.notes;
  }
}

}  // namespace readyctl
