#include "readyctl/gameday/probe_spec.hpp"

namespace readyctl::gameday {

HttpSpec read_http_spec(const TemplateReader& r, const Json& block)
{
  return {r.field(block, "url"), r.optional(block, "method"), r.entries(block, "headers"), r.optional(block, "json"),
          r.optional(block, "body")};
}

PrometheusSpec read_prometheus_spec(const TemplateReader& r, const Json& block)
{
  return {r.field(block, "url"), r.field(block, "query")};
}

CommandSpec read_command_spec(const TemplateReader& r, const Json& block)
{
  return {r.field(block, "command"), r.optional(block, "cwd"), r.entries(block, "env")};
}

KubeGetSpec read_kube_get_spec(const TemplateReader& r, const Json& block)
{
  return {r.field(block, "kind"), r.optional(block, "name"), r.optional(block, "selector"),
          r.optional(block, "namespace"), r.optional(block, "context")};
}

ProcessProbeSpec read_process_probe_spec(const TemplateReader& r, const Json& block) { return {r.field(block, "name")}; }

DaprWorkflowSpec read_dapr_workflow_spec(const TemplateReader& r, const Json& block)
{
  return {r.field(block, "instanceId"), r.optional(block, "url"), r.optional(block, "component"),
          r.entries(block, "headers")};
}

std::vector<Template*> templates(HttpSpec& s)
{
  std::vector<Template*> out{&s.url};
  add_template(out, s.method);
  add_templates(out, s.headers);
  add_template(out, s.json);
  add_template(out, s.body);
  return out;
}

std::vector<Template*> templates(PrometheusSpec& s) { return {&s.url, &s.query}; }

std::vector<Template*> templates(CommandSpec& s)
{
  std::vector<Template*> out{&s.command};
  add_template(out, s.cwd);
  add_templates(out, s.env);
  return out;
}

std::vector<Template*> templates(KubeGetSpec& s)
{
  std::vector<Template*> out{&s.kind};
  for (std::optional<Template>* t : {&s.name, &s.selector, &s.namespace_, &s.context}) add_template(out, *t);
  return out;
}

std::vector<Template*> templates(ProcessProbeSpec& s) { return {&s.name}; }

std::vector<Template*> templates(DaprWorkflowSpec& s)
{
  std::vector<Template*> out{&s.instance_id};
  add_template(out, s.url);
  add_template(out, s.component);
  add_templates(out, s.headers);
  return out;
}

std::vector<Template*> templates(ProbeSpec& s)
{
  return std::visit([](auto& spec) { return templates(spec); }, s);
}

std::optional<std::string> probe_url(const ProbeSpec& s)
{
  if (auto* http = std::get_if<HttpSpec>(&s)) return http->url.text();
  if (auto* prometheus = std::get_if<PrometheusSpec>(&s)) return prometheus->url.text();
  if (auto* dapr = std::get_if<DaprWorkflowSpec>(&s); dapr && dapr->url) return dapr->url->text();
  return std::nullopt;
}

std::string probe_command_text(const ProbeSpec& s)
{
  const auto* spec = std::get_if<CommandSpec>(&s);
  if (!spec || !spec->command.value.is_array()) return spec ? spec->command.text() : "";
  std::string out;
  for (const Json& arg : spec->command.value) out += (out.empty() ? "" : " ") + json_text(arg);
  return out;
}

}  // namespace readyctl::gameday
