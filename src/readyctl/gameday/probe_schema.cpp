#include <array>
#include <regex>
#include <string_view>

#include <fmt/format.h>

#include "readyctl/gameday/probe_types.hpp"
#include "readyctl/gameday/schema.hpp"
#include "readyctl/gameday/yaml_json.hpp"

namespace readyctl::gameday {

namespace {

void check_probe_fields(Checker& c, const yaml::Node* spec, const ProbeType& type)
{
  std::string what = fmt::format("'{}' probe", type.name);
  if (!c.mapping(spec, what)) return;
  c.known_keys(spec, type.fields, what);
  for (std::string_view key : type.required) c.required(spec, key, what);
}

// A probe's own keys: its name, one type, the tolerance and the timing fields.
std::vector<std::string_view> probe_keys()
{
  std::vector<std::string_view> keys{"name"};
  for (const ProbeType& t : probe_types()) keys.push_back(t.name);
  for (std::string_view k : {"tolerance", "timeout", "retry", "interval", "until", "within", "mode"}) keys.push_back(k);
  return keys;
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

const ProbeType* find_type(Checker& c, const yaml::Node* node)
{
  const ProbeType* type = nullptr;
  for (const ProbeType& t : probe_types()) {
    if (node->get(t.name) == nullptr) continue;
    if (type) c.problem(node->key_node(t.name), fmt::format("a probe has one type; '{}' and '{}' both given", type->name, t.name));
    else type = &t;
  }
  if (!type) c.problem(node, "a probe needs one type: " + probe_type_listing());
  return type;
}

}  // namespace

Probe read_probe(Checker& c, const yaml::Node* node, ProbePlace place, std::string name)
{
  Probe probe;
  probe.location = c.where(node);
  if (!c.mapping(node, "probe")) return probe;
  static const std::vector<std::string_view> k_keys = probe_keys();
  c.known_keys(node, k_keys, "a probe");
  if (place != ProbePlace::step) {
    if (const yaml::Node* n = c.required(node, "name", "a probe")) name = c.text(n);
  }
  probe.name = name;
  const ProbeType* type = find_type(c, node);
  if (type) {
    probe.type = type;
    check_probe_fields(c, node->get(type->name), *type);
    probe.spec = read_probe_spec(*type, yaml_to_json(node->get(type->name)));
  }
  if (const yaml::Node* t = node->get("tolerance")) {
    check_tolerance(c, t);
    probe.tolerance = yaml_to_json(t);
  } else if (type && type->needs_tolerance) {
    c.problem(node, fmt::format("a {} probe needs a 'tolerance'", type->name));
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
