// GitHub Actions workflow commands: one annotation per finding, on the file and line, plus a summary notice.
//
// The summary notice comes first: GitHub shows only the first few annotations of each level per step, so a summary
// printed last would be dropped on exactly the runs that need it.
#include <string>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/report/formatters.hpp"
#include "readyctl/report/report_path.hpp"

namespace readyctl {
namespace {

std::string_view command_for(Severity severity)
{
  switch (severity) {
  case Severity::error: return "error";
  case Severity::warning: return "warning";
  case Severity::note: return "notice";
  }
  return "warning";
}

// Message data: %, CR and LF are encoded so a message cannot end the command or start another; other control
// characters (ESC above all) are dropped, as the line also lands in the job log.
std::string escape_data(std::string_view text)
{
  std::string out;
  for (char c : text) {
    switch (c) {
    case '%': out += "%25"; break;
    case '\r': out += "%0D"; break;
    case '\n': out += "%0A"; break;
    default:
      if (c == '\t' || (static_cast<unsigned char>(c) >= 0x20 && c != 0x7f)) out += c;
    }
  }
  return out;
}

// Property values additionally encode ':' and ',', which separate properties and end the property list.
std::string escape_property(std::string_view text)
{
  std::string out;
  for (char c : escape_data(text)) {
    switch (c) {
    case ':': out += "%3A"; break;
    case ',': out += "%2C"; break;
    default: out += c;
    }
  }
  return out;
}

std::string annotation(const Finding& f)
{
  std::string props = "file=" + escape_property(report_path(f.location.file));
  if (f.location.line > 0) {
    props += fmt::format(",line={}", f.location.line);
    if (f.location.column > 0) props += fmt::format(",col={}", f.location.column);
  }
  props += ",title=" + escape_property(f.rule);
  std::string message(trim(f.message));
  for (const RelatedLocation& r : f.related) message += fmt::format("\nrelated: {}: {}", r.location.str(), r.message);
  if (!trim(f.remediation.str()).empty()) message += "\nfix: " + std::string(trim(f.remediation.str()));
  return fmt::format("::{} {}::{}\n", command_for(f.severity), props, escape_data(message));
}

std::string summary(const LintReport& report)
{
  const LintSummary& s = report.summary;
  std::string text = fmt::format("{} {} ({} {}, {} {}, {} {}) in {} {}; {} suppressed", report.findings.size(),
                                 report.findings.size() == 1 ? "finding" : "findings", s.errors,
                                 s.errors == 1 ? "error" : "errors", s.warnings, s.warnings == 1 ? "warning" : "warnings",
                                 s.notes, s.notes == 1 ? "note" : "notes", s.files, s.files == 1 ? "file" : "files",
                                 report.suppressed.size());
  return fmt::format("::notice title={}::{}\n", escape_property("readyctl lint"), escape_data(text));
}

}  // namespace

std::string render_lint_github(const LintReport& report, const RenderOptions&)
{
  std::string out = summary(report);
  for (const Finding& f : report.findings) out += annotation(f);
  return out;
}

}  // namespace readyctl
