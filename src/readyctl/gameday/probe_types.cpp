#include "readyctl/gameday/probe_types.hpp"

namespace readyctl::gameday {

namespace {

std::vector<ProbeType> build_probe_types()
{
  return {
      {"http", {"url", "method", "headers", "body", "json"}, {"url"}, R"({"range": [200, 399]})", "status"},
      {"prometheus", {"url", "query"}, {"url", "query"}, R"("COMPLETED")", "value", true},
      {"exec", {"command", "cwd", "env"}, {"command"}, "0", "exitCode"},
      {"kubernetes", {"kind", "name", "selector", "namespace", "context"}, {"kind"}, R"({"ge": 1})", "count"},
      {"process", {"name"}, {"name"}, R"("running")", "state"},
      {"dapr-workflow", {"instanceId", "url", "component", "headers"}, {"instanceId"}, R"("COMPLETED")", "runtimeStatus"},
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
