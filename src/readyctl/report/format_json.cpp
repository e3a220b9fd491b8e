#include "readyctl/report/formatters.hpp"
#include "readyctl/report/json_common.hpp"

namespace readyctl {

nlohmann::ordered_json tool_block() { return {{"name", "readyctl"}, {"version", READYCTL_VERSION}}; }

nlohmann::ordered_json finding_to_json(const Finding& f)
{
  nlohmann::ordered_json j;
  j["rule"] = f.rule;
  j["severity"] = severity_name(f.severity);
  j["message"] = f.message;
  j["file"] = f.location.file;
  j["line"] = f.location.line;
  j["column"] = f.location.column;
  if (f.object)
    j["object"] = {{"apiVersion", f.object->api_version}, {"kind", f.object->kind}, {"namespace", f.object->ns},
                   {"name", f.object->name}};
  else
    j["object"] = nullptr;
  j["remediation"] = f.remediation;
  if (!f.related.empty()) {
    auto& rel = j["related"] = nlohmann::ordered_json::array();
    for (const RelatedLocation& r : f.related)
      rel.push_back({{"file", r.location.file}, {"line", r.location.line}, {"column", r.location.column},
                     {"message", r.message}});
  }
  if (!f.suppression_reason.empty()) j["reason"] = f.suppression_reason;
  return j;
}

std::string render_lint_json(const LintReport& report, const RenderOptions&)
{
  nlohmann::ordered_json j;
  j["schemaVersion"] = 1;
  j["tool"] = tool_block();
  auto& findings = j["findings"] = nlohmann::ordered_json::array();
  for (const Finding& f : report.findings) findings.push_back(finding_to_json(f));
  auto& suppressed = j["suppressed"] = nlohmann::ordered_json::array();
  for (const Finding& f : report.suppressed) suppressed.push_back(finding_to_json(f));
  const LintSummary& s = report.summary;
  j["summary"] = {{"files", s.files},   {"objects", s.objects},   {"findings", report.findings.size()},
                  {"errors", s.errors}, {"warnings", s.warnings}, {"notes", s.notes}};
  return j.dump(2) + "\n";
}

}  // namespace readyctl
