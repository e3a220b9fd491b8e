#include <fmt/format.h>

#include "readyctl/core/printable.hpp"

#include "readyctl/report/formatters.hpp"

namespace readyctl {
namespace {

std::string_view severity_color(Severity s)
{
  switch (s) {
  case Severity::error: return "\x1b[1;31m";
  case Severity::warning: return "\x1b[1;33m";
  case Severity::note: return "\x1b[1;36m";
  }
  return "";
}

std::string paint(bool color, std::string_view code, std::string_view text)
{
  return color ? fmt::format("{}{}\x1b[0m", code, text) : std::string(text);
}

// The offending line and a caret under the column; tabs kept so the caret lines up.
std::string caret_block(const LintReport& report, const Finding& f, bool color)
{
  if (!report.source_line || f.location.line <= 0) return {};
  std::string line = printable(report.source_line(f.location.file, f.location.line));
  if (line.empty()) return {};
  int col = std::max(1, f.location.column);
  // A secret stays out of the terminal and the CI log: keep the line up to the offending value only.
  if (f.redact_source) line = line.substr(0, std::min(line.size(), static_cast<size_t>(col - 1))) + "<redacted>";
  std::string pad;
  for (int i = 0; i < col - 1 && i < static_cast<int>(line.size()); ++i) pad += line[static_cast<size_t>(i)] == '\t' ? '\t' : ' ';
  return fmt::format("  {}\n  {}{}\n", line, pad, paint(color, "\x1b[1;32m", "^"));
}

std::string summary_line(const LintReport& report)
{
  const LintSummary& s = report.summary;
  return fmt::format("{} {} ({} {}, {} {}, {} {}) in {} {} across {} {}; {} suppressed\n", report.findings.size(),
                     report.findings.size() == 1 ? "finding" : "findings", s.errors, s.errors == 1 ? "error" : "errors",
                     s.warnings, s.warnings == 1 ? "warning" : "warnings", s.notes, s.notes == 1 ? "note" : "notes",
                     s.objects, s.objects == 1 ? "object" : "objects", s.files, s.files == 1 ? "file" : "files",
                     report.suppressed.size());
}

}  // namespace

std::string render_lint_text(const LintReport& report, const RenderOptions& options)
{
  std::string out;
  if (!options.quiet) {
    for (const Finding& f : report.findings) {
      out += fmt::format("{}: {}: {} [{}]\n", paint(options.color, "\x1b[1m", f.location.str()),
                         paint(options.color, severity_color(f.severity), severity_name(f.severity)), printable(f.message),
                         f.rule);
      out += caret_block(report, f, options.color);
      for (const RelatedLocation& r : f.related) out += fmt::format("  {}: note: {}\n", r.location.str(), printable(r.message));
      if (options.verbose && !f.remediation.empty()) out += fmt::format("  fix: {}\n", printable(f.remediation.str()));
    }
  }
  if (!options.quiet || !report.findings.empty()) out += summary_line(report);
  return out;
}

}  // namespace readyctl
