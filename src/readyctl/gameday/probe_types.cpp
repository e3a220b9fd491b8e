#include "readyctl/gameday/probe_types.hpp"

#include "readyctl/gameday/probe_drivers.hpp"

namespace readyctl::gameday {

namespace {

// A row's reader and driver for the spec type it owns: the row picks the variant's alternative.
template <class Spec>
ProbeSpec probe_read(const TemplateReader& r, const Json& block)
{
  return read_spec<Spec>(r, block);
}

template <class Spec, Json (*Run)(const Spec&, double, ProbeEnv&)>
Json probe_run(const ProbeSpec& spec, double timeout, ProbeEnv& env)
{
  return Run(std::get<Spec>(spec), timeout, env);
}

std::vector<ProbeType> build_probe_types()
{
  return {
      {"http", &probe_read<HttpSpec>, &probe_run<HttpSpec, &run_http_probe>,
       {"url", "method", "headers", "body", "json"}, {"url"}, R"({"range": [200, 399]})", "status"},
      {"prometheus", &probe_read<PrometheusSpec>,
       &probe_run<PrometheusSpec, &run_prometheus_probe>, {"url", "query"}, {"url", "query"}, R"("COMPLETED")",
       "value", true},
      {"exec", &probe_read<CommandSpec>, &probe_run<CommandSpec, &run_exec_probe>,
       {"command", "cwd", "env"}, {"command"}, "0", "exitCode", false, true},
      {"kubernetes", &probe_read<KubeGetSpec>, &probe_run<KubeGetSpec, &run_kubernetes_probe>,
       {"kind", "name", "selector", "namespace", "context"}, {"kind"}, R"({"ge": 1})", "count"},
      {"process", &probe_read<ProcessProbeSpec>,
       &probe_run<ProcessProbeSpec, &run_process_probe>, {"name"}, {"name"}, R"("running")", "state"},
      {"dapr-workflow", &probe_read<DaprWorkflowSpec>,
       &probe_run<DaprWorkflowSpec, &run_dapr_workflow_probe>, {"instanceId", "url", "component", "headers"},
       {"instanceId"}, R"("COMPLETED")", "runtimeStatus"},
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

ProbeSpec read_probe_spec(const ProbeType& type, const Json& block) { return type.read(TemplateReader(block), block); }

}  // namespace readyctl::gameday
