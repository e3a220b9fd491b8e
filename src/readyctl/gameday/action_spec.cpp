#include "readyctl/gameday/action_spec.hpp"

#include "readyctl/gameday/probe_types.hpp"

namespace readyctl::gameday {

void read_field(const TemplateReader& r, const Json& block, const char* key, std::optional<ReadyProbe>& ready)
{
  auto it = block.is_object() ? block.find(key) : block.end();
  if (it == block.end() || !it->is_object()) return;
  ready.emplace();
  for (const ProbeType& type : probe_types()) {
    auto spec = it->find(std::string(type.name));
    if (spec != it->end()) ready->type = &type, ready->spec = type.read(r, *spec);
  }
  ready->tolerance = r.field(*it, "tolerance");
  ready->timing = read_spec<TimingSpec>(r, *it);
}

void add_templates(std::vector<Template*>& out, std::optional<ReadyProbe>& ready)
{
  if (!ready) return;
  for (Template* t : templates(ready->spec)) out.push_back(t);
  out.push_back(&ready->tolerance);
  add_templates(out, ready->timing);
}

template <>
KubeActionSpec read_spec<KubeActionSpec>(const TemplateReader& r, const Json& block)
{
  KubeActionSpec s;
  read_fields(s, r, block);
  if (s.op == "scale") s.scaled = r.at(block);
  return s;
}

std::vector<Template*> templates(KubeActionSpec& s)
{
  std::vector<Template*> out{&s.scaled};
  add_field_templates(out, s);
  return out;
}

template <>
KubectlUndoSpec read_spec<KubectlUndoSpec>(const TemplateReader& r, const Json& block)
{
  KubectlUndoSpec s;
  auto it = block.is_object() ? block.find("commands") : block.end();
  if (it == block.end() || !it->is_array()) return s;
  for (const Json& args : *it) {
    s.commands.emplace_back();
    for (const Json& arg : args) s.commands.back().push_back(r.at(arg));
  }
  return s;
}

std::vector<Template*> templates(KubectlUndoSpec& s)
{
  std::vector<Template*> out;
  for (auto& args : s.commands)
    for (Template& arg : args) out.push_back(&arg);
  return out;
}

template <>
SleepSpec read_spec<SleepSpec>(const TemplateReader& r, const Json& block)
{
  return {r.at(block)};
}

std::vector<Template*> templates(SleepSpec& s) { return {&s.duration}; }

std::vector<Template*> templates(ActionSpec& s)
{
  return std::visit([](auto& spec) { return templates(spec); }, s);
}

}  // namespace readyctl::gameday
