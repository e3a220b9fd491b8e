#include "readyctl/lint/sink.hpp"

#include <fmt/format.h>

#include "readyctl/lint/helm_chart_file.hpp"
#include "readyctl/lint/kustomize.hpp"
#include "readyctl/lint/patch_location.hpp"

namespace readyctl::lint {

namespace {

// What a kustomize patch added: at the patch's line when the patch is found, else at the nearest line the source
// has, saying so.
void point_at_patch(RawFinding& raw, const Object& object, const yaml::Node* node)
{
  if (std::optional<PatchPosition> patch = patch_location(object, node)) {
    raw.file = patch->file;
    raw.line = patch->line;
    raw.column = patch->column;
    raw.message += fmt::format(" (a kustomize patch adds this to {})", object.display_file);
    return;
  }
  raw.message += " (the kustomization adds this: the line shown is the nearest one its source file has)";
}

}  // namespace

void FindingSink::report(const Object& object, const yaml::Node* at, std::string message, std::vector<Related> related,
                         std::optional<Severity> severity)
{
  RawFinding raw;
  raw.rule = &m_rule;
  raw.object = &object;
  const yaml::Node* node = at ? at : object.root;
  const DisplayPosition shown = object.display_position(node);
  raw.line = shown.line;
  raw.column = shown.column;
  // The line in shown_file(): a kustomize object's source line, or the line in the Helm stream.
  raw.source_line = object.origin ? shown.line : node->line();
  raw.severity = severity.value_or(m_rule.severity);
  raw.redact_source = m_rule.sensitive;
  raw.message = std::move(message);
  // The line shown is the source's; where the kustomization changed the value there, say so (for rules whose
  // values are secrets, without either value: Katib's base reads DB_PASSWORD from a Secret, an overlay's patch
  // writes it in).
  if (object.origin) {
    const SourceDifference difference = source_difference(object, node);
    if (difference.was)
      raw.message += m_rule.sensitive ? std::string(" (the source line holds another value; the kustomization "
                                                    "changes it)")
                                      : fmt::format(" (the source has '{}' here; the kustomization changes it)",
                                                    *difference.was);
    else if (at && difference.added)
      point_at_patch(raw, object, node);
  }
  for (const Related& r : related) raw.related.push_back({r.object->location(r.at), r.message});
  if (!object.helm_source.empty() && object.display_file != object.helm_source) {
    // A render kept on disk: its chart file where the chart is beside it, else the chart path in the message.
    if (std::optional<Location> chart = helm_chart_location(object, node)) {
      const char* what = chart->line > 0 ? "rendered from this line of the Helm chart" : "rendered from this Helm chart file";
      raw.related.push_back({std::move(*chart), what});
    } else
      raw.message += fmt::format(" (rendered from Helm chart file {})", object.helm_source);
  }
  m_out.push_back(std::move(raw));
}

Finding make_finding(RawFinding&& raw, const SharedText& remediation)
{
  Finding f;
  f.rule = raw.rule->id;
  f.severity = raw.severity;
  f.message = std::move(raw.message);
  f.location = {raw.location_file(), raw.line, raw.column};
  if (raw.object) f.object = raw.object->ref();
  if (raw.object && raw.object->origin && raw.object->origin->file && raw.object->origin->root) {
    const Origin& o = *raw.object->origin;
    f.source_object = fmt::format("{}:{}:{}", o.file->path(), o.root->line(), o.root->column());
  }
  f.remediation = remediation;
  f.related = std::move(raw.related);
  f.redact_source = raw.redact_source;
  return f;
}

}  // namespace readyctl::lint
