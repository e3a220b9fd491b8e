// tool-call-audit: Dapr agent apps leave an audit trail of their tool calls.
#include <string>

#include <fmt/format.h>

#include "readyctl/lint/checks/platform_checks.hpp"
#include "readyctl/lint/checks/platform_dapr.hpp"

namespace readyctl::lint {
namespace {

// An MCPServer the app loads that runs an afterCallTool hook (a workflow that records each call).
const Object* audited_mcp_server(const Graph& graph, const dapr::App& app)
{
  for (const Object* s : dapr::resources(graph, "MCPServer")) {
    if (!dapr::same_namespace(s->scope, app.ns) || !dapr::in_scope(*s, app.id)) continue;
    const yaml::Node* after = s->spec ? s->spec->path({"middleware", "afterCallTool"}) : nullptr;
    if (after && after->size() > 0) return s;
  }
  return nullptr;
}

// Empty when the sidecar logs API calls and traces every request; otherwise what is missing.
std::string sidecar_gap(const Graph& graph, const dapr::App& app, std::vector<Related>& related)
{
  std::string gap;
  const std::string_view logging = app.pod->annotation("dapr.io/enable-api-logging");
  if (logging != "true") gap = "dapr.io/enable-api-logging is not \"true\"";
  const std::string_view config_name = app.pod->annotation("dapr.io/config");
  const Object* config = dapr::app_configuration(graph, app);
  std::string trace;
  if (config_name.empty()) {
    trace = "no dapr.io/config Configuration sets tracing";
  } else if (config) {
    const yaml::Node* rate = config->spec ? config->spec->path({"tracing", "samplingRate"}) : nullptr;
    std::optional<double> v = rate ? rate->as_number() : std::nullopt;
    if (!v || *v < 1.0) {
      trace = fmt::format("Configuration '{}' samples {} of requests (needs samplingRate \"1\")", config->name,
                          rate ? rate->str() : "none");
      related.push_back({config, rate, "the app's Configuration"});
    }
  }  // a Configuration outside the input is not judged
  if (!trace.empty()) gap += fmt::format("{}{}", gap.empty() ? "" : "; ", trace);
  return gap;
}

}  // namespace

void check_tool_call_audit(const CheckContext& ctx)
{
  for (const dapr::App& app : dapr::apps(ctx.graph)) {
    if (!dapr::is_agent_app(app) || audited_mcp_server(ctx.graph, app)) continue;
    std::vector<Related> related;
    const std::string gap = sidecar_gap(ctx.graph, app, related);
    if (gap.empty()) continue;
    ctx.sink.report(*app.pod->owner, app.at,
                    fmt::format("agent app '{}' leaves no tool-call audit trail: {}; and no MCPServer in its scope "
                                "has a middleware.afterCallTool hook",
                                app.id, gap),
                    std::move(related));
  }
}

}  // namespace readyctl::lint
