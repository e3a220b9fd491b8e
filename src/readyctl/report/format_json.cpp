#include "readyctl/report/formatters.hpp"
#include "readyctl/report/json_common.hpp"
#include "readyctl/report/json_writer.hpp"

namespace readyctl {
namespace {

void write_object_ref(JsonWriter& w, const std::optional<ObjectRef>& object)
{
  w.key("object");
  if (!object) return w.null();
  w.begin_object();
  w.field("apiVersion", object->api_version);
  w.field("kind", object->kind);
  w.field("namespace", object->ns);
  w.field("name", object->name);
  w.end_object();
}

void write_related(JsonWriter& w, const std::vector<RelatedLocation>& related)
{
  w.key("related");
  w.begin_array();
  for (const RelatedLocation& r : related) {
    w.begin_object();
    w.field("file", r.location.file);
    w.field("line", r.location.line);
    w.field("column", r.location.column);
    w.field("message", r.message);
    w.end_object();
  }
  w.end_array();
}

void write_finding(JsonWriter& w, const Finding& f)
{
  w.begin_object();
  w.field("rule", f.rule);
  w.field("severity", severity_name(f.severity));
  w.field("message", f.message);
  w.field("file", f.location.file);
  w.field("line", f.location.line);
  w.field("column", f.location.column);
  write_object_ref(w, f.object);
  w.field("remediation", f.remediation.str());
  if (!f.related.empty()) write_related(w, f.related);
  if (!f.suppression_reason.empty()) w.field("reason", f.suppression_reason);
  w.end_object();
}

void write_findings(JsonWriter& w, std::string_view name, const std::vector<Finding>& findings)
{
  w.key(name);
  w.begin_array();
  for (const Finding& f : findings) write_finding(w, f);
  w.end_array();
}

// Bytes write_findings will write, give or take escapes: the report is reserved once instead of growing by doubling,
// each step a fresh copy of everything written so far (a 65 MB report touched ~200 MB that way).
size_t estimated_size(const std::vector<Finding>& findings)
{
  constexpr size_t k_layout = 320;  // keys, quotes, indentation and numbers of one finding with its object block
  size_t bytes = 0;
  for (const Finding& f : findings) {
    bytes += k_layout + f.rule.size() + f.message.size() + f.location.file.size() + f.remediation.size() +
             f.suppression_reason.size();
    if (f.object) bytes += f.object->api_version.size() + f.object->kind.size() + f.object->ns.size() + f.object->name.size();
    for (const RelatedLocation& r : f.related) bytes += 96 + r.location.file.size() + r.message.size();
  }
  return bytes;
}

void write_summary(JsonWriter& w, const LintReport& report)
{
  const LintSummary& s = report.summary;
  w.key("summary");
  w.begin_object();
  w.field("files", s.files);
  w.field("objects", s.objects);
  w.field("findings", report.findings.size());
  w.field("errors", s.errors);
  w.field("warnings", s.warnings);
  w.field("notes", s.notes);
  w.end_object();
}

void write_report(JsonWriter& w, const LintReport& report)
{
  w.begin_object();
  w.field("schemaVersion", 1);
  w.key("tool");
  w.begin_object();
  w.field("name", "readyctl");
  w.field("version", READYCTL_VERSION);
  w.end_object();
  write_findings(w, "findings", report.findings);
  write_findings(w, "suppressed", report.suppressed);
  write_summary(w, report);
  w.end_object();
}

}  // namespace

nlohmann::ordered_json tool_block() { return {{"name", "readyctl"}, {"version", READYCTL_VERSION}}; }

// Written with JsonWriter: a report holds a finding per object or more, and a tree of them cost more than the lint.
std::string render_lint_json(const LintReport& report, const RenderOptions&)
{
  std::string out;
  out.reserve(estimated_size(report.findings) + estimated_size(report.suppressed) + 1024);
  JsonWriter w(out);
  write_report(w, report);
  out += '\n';
  return out;
}

void write_lint_json(const LintReport& report, const RenderOptions&, std::ostream& out)
{
  std::string buffer;
  JsonWriter w(buffer, out);
  write_report(w, report);
  buffer += '\n';
  w.finish();
}

}  // namespace readyctl
