#include <array>
#include <regex>
#include <string_view>

#include <fmt/format.h>

#include "readyctl/gameday/schema.hpp"
#include "readyctl/gameday/yaml_json.hpp"

namespace readyctl::gameday {

namespace {

void check_probe_fields(Checker& c, const yaml::Node* spec, std::string_view type)
{
  std::string what = fmt::format("'{}' probe", type);
  if (!c.mapping(spec, what)) return;
  if (type == "http") {
    c.known_keys(spec, {"url", "method", "headers", "body", "json"}, what);
    c.required(spec, "url", what);
  } else if (type == "prometheus") {
    c.known_keys(spec, {"url", "query"}, what);
    c.required(spec, "url", what);
    c.required(spec, "query", what);
  } else if (type == "exec") {
    c.known_keys(spec, {"command", "cwd", "env"}, what);
    c.required(spec, "command", what);
  } else if (type == "kubernetes") {
    c.known_keys(spec, {"kind", "name", "selector", "namespace", "context"}, what);
    c.required(spec, "kind", what);
  } else if (type == "process") {
    c.known_keys(spec, {"name"}, what);
    c.required(spec, "name", what);
  } else {
    c.known_keys(spec, {"instanceId", "url", "component", "headers"}, what);
    c.required(spec, "instanceId", what);
  }
}

std::vector<ProbeMode> read_modes(Checker& c, const yaml::Node* node)
{
  std::vector<ProbeMode> modes;
  auto add = [&](const yaml::Node* item) {
    std::string_view s = item->is_scalar() ? item->str() : "";
    if (s == "before") modes.push_back(ProbeMode::before);
    else if (s == "after") modes.push_back(ProbeMode::after);
    else if (s == "continuous") modes.push_back(ProbeMode::continuous);
    else if (s == "on-fault") modes.push_back(ProbeMode::on_fault);
    else c.problem(item, "expected a probe mode: before, after, continuous or on-fault");
  };
  if (node->is_sequence())
    for (const yaml::Node* item : node->children()) add(item);
  else
    add(node);
  return modes;
}

void check_timing(Checker& c, const yaml::Node* node)
{
  for (std::string_view key : {"timeout", "interval", "within"})
    if (const yaml::Node* v = node->get(key)) c.duration(v, key);
  if (const yaml::Node* v = node->get("retry")) c.integer(v, "retry", 0, 1000);
  if (const yaml::Node* v = node->get("until"))
    if (c.scalar(v, "until") && v->str() != "holds" && v->str() != "fails")
      c.problem(v, fmt::format("expected 'holds' or 'fails' for 'until', got '{}'", v->str()));
}

std::string find_type(Checker& c, const yaml::Node* node)
{
  std::string type;
  for (std::string_view t : k_probe_types) {
    if (node->get(t) == nullptr) continue;
    if (!type.empty()) c.problem(node->key_node(t), fmt::format("a probe has one type; '{}' and '{}' both given", type, t));
    else type = t;
  }
  if (type.empty())
    c.problem(node, "a probe needs one type: http, prometheus, exec, kubernetes, process or dapr-workflow");
  return type;
}

}  // namespace

Probe read_probe(Checker& c, const yaml::Node* node, ProbePlace place, std::string name)
{
  Probe probe;
  probe.location = c.where(node);
  if (!c.mapping(node, "probe")) return probe;
  c.known_keys(node, {"name", "http", "prometheus", "exec", "kubernetes", "process", "dapr-workflow", "tolerance",
                      "timeout", "retry", "interval", "until", "within", "mode"}, "a probe");
  if (place != ProbePlace::step) {
    if (const yaml::Node* n = c.required(node, "name", "a probe")) name = c.text(n);
  }
  probe.name = name;
  probe.type = find_type(c, node);
  if (!probe.type.empty()) {
    check_probe_fields(c, node->get(probe.type), probe.type);
    probe.spec = yaml_to_json(node->get(probe.type));
  }
  if (const yaml::Node* t = node->get("tolerance")) {
    check_tolerance(c, t);
    probe.tolerance = yaml_to_json(t);
  } else if (probe.type == "prometheus") {
    c.problem(node, "a prometheus probe needs a 'tolerance'");
  }
  check_timing(c, node);
  probe.timing = Json::object();
  for (std::string_view key : {"timeout", "retry", "interval", "until", "within"})
    if (const yaml::Node* v = node->get(key)) probe.timing[std::string(key)] = yaml_to_json(v);
  const yaml::Node* mode = node->get("mode");
  if (mode != nullptr && place != ProbePlace::hypothesis)
    c.problem(node->key_node("mode"), "'mode' applies to hypothesis probes only");
  if (place == ProbePlace::hypothesis)
    probe.modes = mode ? read_modes(c, mode) : std::vector<ProbeMode>{ProbeMode::before, ProbeMode::after};
  return probe;
}

}  // namespace readyctl::gameday
