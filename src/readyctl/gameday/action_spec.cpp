#include "readyctl/gameday/action_spec.hpp"

#include "readyctl/gameday/probe_types.hpp"

namespace readyctl::gameday {

namespace {

// A kubernetes action's optional fields: the key a scenario writes, the member it is read into.
constexpr std::pair<const char*, std::optional<Template> KubeActionSpec::*> k_kube_fields[] = {
    {"context", &KubeActionSpec::context},       {"namespace", &KubeActionSpec::namespace_},
    {"selector", &KubeActionSpec::selector},     {"count", &KubeActionSpec::count},
    {"percent", &KubeActionSpec::percent},       {"gracePeriod", &KubeActionSpec::grace_period},
    {"kind", &KubeActionSpec::kind},             {"name", &KubeActionSpec::name},
    {"replicas", &KubeActionSpec::replicas},     {"file", &KubeActionSpec::file},
    {"maxTargets", &KubeActionSpec::max_targets}, {"maxPercent", &KubeActionSpec::max_percent},
    {"timeout", &KubeActionSpec::timeout},
};

// The given keys of a block that are present, as written, in the order given.
std::vector<std::pair<std::string, Template>> present(const TemplateReader& r, const Json& block,
                                                      std::initializer_list<const char*> keys)
{
  std::vector<std::pair<std::string, Template>> out;
  for (const char* key : keys)
    if (auto t = r.optional(block, key)) out.emplace_back(key, *t);
  return out;
}

void add_pairs(std::vector<Template*>& out, std::vector<std::pair<std::string, Template>>& pairs)
{
  for (auto& [key, t] : pairs) out.push_back(&t);
}

std::optional<ReadyProbe> read_ready(const TemplateReader& r, const Json& block)
{
  auto it = block.is_object() ? block.find("ready") : block.end();
  if (it == block.end() || !it->is_object()) return std::nullopt;
  ReadyProbe ready;
  for (const ProbeType& type : probe_types())
    if (auto spec = it->find(std::string(type.name)); spec != it->end()) ready.type = &type, ready.spec = type.read(r, *spec);
  ready.tolerance = r.field(*it, "tolerance");
  ready.timing = present(r, *it, {"timeout", "retry", "interval", "until", "within"});
  return ready;
}

}  // namespace

ExecActionSpec read_exec_action_spec(const TemplateReader& r, const Json& block)
{
  return {read_command_spec(r, block), r.optional(block, "timeout"), r.optional(block, "expectExitCode")};
}

HttpActionSpec read_http_action_spec(const TemplateReader& r, const Json& block)
{
  return {read_http_spec(r, block), r.optional(block, "expectStatus"), r.optional(block, "timeout")};
}

ProcessActionSpec read_process_action_spec(const TemplateReader& r, const Json& block)
{
  return {r.field(block, "op").text(), r.field(block, "name"), present(r, block, {"command", "cwd", "env"}),
          r.optional(block, "log"), r.optional(block, "signal"), r.optional(block, "grace"),
          r.optional(block, "within"), r.optional(block, "expectExitCode"), read_ready(r, block)};
}

KubeActionSpec read_kube_action_spec(const TemplateReader& r, const Json& block)
{
  KubeActionSpec s;
  s.op = r.field(block, "op").text();
  for (auto [key, member] : k_kube_fields) s.*member = r.optional(block, key);
  if (s.op == "scale") s.scaled = r.at(block);
  return s;
}

KubectlUndoSpec read_kubectl_undo_spec(const TemplateReader& r, const Json& block)
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

SleepSpec read_sleep_spec(const TemplateReader& r, const Json& block) { return {r.at(block)}; }

std::vector<Template*> templates(ExecActionSpec& s)
{
  std::vector<Template*> out = templates(s.command);
  add_template(out, s.timeout);
  add_template(out, s.expect_exit_code);
  return out;
}

std::vector<Template*> templates(HttpActionSpec& s)
{
  std::vector<Template*> out = templates(s.http);
  add_template(out, s.expect_status);
  add_template(out, s.timeout);
  return out;
}

std::vector<Template*> templates(ProcessActionSpec& s)
{
  std::vector<Template*> out{&s.name};
  add_pairs(out, s.launch);
  for (std::optional<Template>* t : {&s.log, &s.signal, &s.grace, &s.within, &s.expect_exit_code}) add_template(out, *t);
  if (!s.ready) return out;
  for (Template* t : templates(s.ready->spec)) out.push_back(t);
  out.push_back(&s.ready->tolerance);
  add_pairs(out, s.ready->timing);
  return out;
}

std::vector<Template*> templates(KubeActionSpec& s)
{
  std::vector<Template*> out{&s.scaled};
  for (auto [key, member] : k_kube_fields) add_template(out, s.*member);
  return out;
}

std::vector<Template*> templates(KubectlUndoSpec& s)
{
  std::vector<Template*> out;
  for (auto& args : s.commands)
    for (Template& arg : args) out.push_back(&arg);
  return out;
}

std::vector<Template*> templates(SleepSpec& s) { return {&s.duration}; }

std::vector<Template*> templates(ActionSpec& s)
{
  return std::visit([](auto& spec) { return templates(spec); }, s);
}

}  // namespace readyctl::gameday
