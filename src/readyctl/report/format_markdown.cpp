// A pull-request comment: verdict and counts in the heading, the worst findings first in a capped table,
// suppressed findings and their reasons folded away.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/report/formatters.hpp"
#include "readyctl/report/markdown.hpp"
#include "readyctl/report/report_path.hpp"

namespace readyctl {
namespace {

// Enough rows to act on; GitHub comments stop at 65,536 characters, and the rest is in the SARIF/text output.
constexpr size_t k_max_rows = 50;

std::string_view severity_cell(Severity severity)
{
  switch (severity) {
  case Severity::error: return "🔴 error";
  case Severity::warning: return "🟡 warning";
  case Severity::note: return "🔵 note";
  }
  return "";
}

std::string location_cell(const Location& loc)
{
  std::string file = report_path(loc.file);
  if (loc.line <= 0) return markdown_cell(file);
  return markdown_cell(fmt::format("{}:{}", file, loc.line));
}

std::string plural(size_t n, std::string_view one, std::string_view many)
{
  return fmt::format("{} {}", n, n == 1 ? one : many);
}

std::string heading(const LintReport& report)
{
  const LintSummary& s = report.summary;
  if (report.findings.empty()) return "## ✅ readyctl lint: no findings\n";
  std::string_view icon = s.errors > 0 ? "❌" : s.warnings > 0 ? "⚠️" : "ℹ️";
  return fmt::format("## {} readyctl lint: {}, {}, {}\n", icon, plural(static_cast<size_t>(s.errors), "error", "errors"),
                     plural(static_cast<size_t>(s.warnings), "warning", "warnings"),
                     plural(static_cast<size_t>(s.notes), "note", "notes"));
}

std::string findings_table(const LintReport& report)
{
  // Worst first; within a severity the report's own order (file, line, column, rule).
  std::vector<const Finding*> rows;
  for (const Finding& f : report.findings) rows.push_back(&f);
  std::stable_sort(rows.begin(), rows.end(), [](const Finding* a, const Finding* b) { return a->severity > b->severity; });
  std::string out = "| Severity | Location | Rule | Message |\n|---|---|---|---|\n";
  for (size_t i = 0; i < rows.size() && i < k_max_rows; ++i)
    out += fmt::format("| {} | {} | {} | {} |\n", severity_cell(rows[i]->severity), location_cell(rows[i]->location),
                       markdown_code_cell(rows[i]->rule), markdown_cell(trim(rows[i]->message)));
  if (rows.size() > k_max_rows)
    out += fmt::format("\n…and {} more; run `readyctl lint` locally or see the SARIF results for all of them.\n",
                       rows.size() - k_max_rows);
  return out;
}

std::string suppressed_details(const LintReport& report)
{
  std::string out = fmt::format("<details>\n<summary>{}</summary>\n\n",
                                plural(report.suppressed.size(), "suppressed finding", "suppressed findings"));
  out += "| Location | Rule | Message | Reason |\n|---|---|---|---|\n";
  for (size_t i = 0; i < report.suppressed.size() && i < k_max_rows; ++i) {
    const Finding& f = report.suppressed[i];
    out += fmt::format("| {} | {} | {} | {} |\n", location_cell(f.location), markdown_code_cell(f.rule), markdown_cell(trim(f.message)),
                       markdown_cell(trim(f.suppression_reason)));
  }
  if (report.suppressed.size() > k_max_rows)
    out += fmt::format("\n…and {} more.\n", report.suppressed.size() - k_max_rows);
  return out + "\n</details>\n";
}

}  // namespace

std::string render_lint_markdown(const LintReport& report, const RenderOptions&)
{
  const LintSummary& s = report.summary;
  std::string out = heading(report);
  out += fmt::format("\nChecked {} in {} against {}; {}.\n", plural(static_cast<size_t>(s.objects), "object", "objects"),
                     plural(static_cast<size_t>(s.files), "file", "files"), plural(report.rules.size(), "rule", "rules"),
                     plural(report.suppressed.size(), "finding suppressed", "findings suppressed"));
  if (!report.findings.empty()) out += "\n" + findings_table(report);
  if (!report.suppressed.empty()) out += "\n" + suppressed_details(report);
  if (!report.findings.empty()) out += "\n`readyctl lint explain RULE` shows why a rule matters and how to fix it.\n";
  return out;
}

}  // namespace readyctl
