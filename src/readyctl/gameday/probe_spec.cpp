#include "readyctl/gameday/probe_spec.hpp"

namespace readyctl::gameday {

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
