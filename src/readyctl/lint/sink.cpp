#include "readyctl/lint/sink.hpp"

namespace readyctl::lint {

void FindingSink::report(const Object& object, const yaml::Node* at, std::string message, std::vector<Related> related,
                         std::optional<Severity> severity)
{
  RawFinding raw;
  raw.object = &object;
  raw.source_line = (at ? at : object.root)->line();
  Finding& f = raw.finding;
  f.rule = m_rule.id;
  f.severity = severity.value_or(m_rule.severity);
  f.message = std::move(message);
  f.location = object.location(at);
  f.object = object.ref();
  f.remediation = m_remediation;
  f.redact_source = m_rule.sensitive;
  for (const Related& r : related) f.related.push_back({r.object->location(r.at), r.message});
  m_out.push_back(std::move(raw));
}

}  // namespace readyctl::lint
