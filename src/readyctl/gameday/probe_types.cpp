#include "readyctl/gameday/probe_types.hpp"

#include "readyctl/gameday/probe_drivers.hpp"

namespace readyctl::gameday {

namespace {

std::vector<ProbeType> build_probe_types()
{
  return {
      {"http", &run_http_probe, {"url", "method", "headers", "body", "json"}, {"url"}, R"({"range": [200, 399]})",
       "status"},
      {"prometheus", &run_prometheus_probe, {"url", "query"}, {"url", "query"}, R"("COMPLETED")", "value", true},
      {"exec", &run_exec_probe, {"command", "cwd", "env"}, {"command"}, "0", "exitCode", false, true},
      {"kubernetes", &run_kubernetes_probe, {"kind", "name", "selector", "namespace", "context"}, {"kind"},
       R"({"ge": 1})", "count"},
      {"process", &run_process_probe, {"name"}, {"name"}, R"("running")", "state"},
      {"dapr-workflow", &run_dapr_workflow_probe, {"instanceId", "url", "component", "headers"}, {"instanceId"},
       R"("COMPLETED")", "runtimeStatus"},
  };
}

}  // namespace

std::span<const ProbeType> probe_types()
{
  static const std::vector<ProbeType> k_types = build_probe_types();
  return k_types;
}

const ProbeType* find_probe_type(std::string_view name)
{
  for (const ProbeType& t : probe_types())
    if (t.name == name) return &t;
  return nullptr;
}

std::string probe_type_listing()
{
  std::span<const ProbeType> types = probe_types();
  std::string out;
  for (size_t i = 0; i < types.size(); ++i) {
    if (i > 0) out += i + 1 == types.size() ? " or " : ", ";
    out += types[i].name;
  }
  return out;
}

Json default_tolerance(const ProbeType& type) { return Json::parse(type.default_tolerance); }

}  // namespace readyctl::gameday
