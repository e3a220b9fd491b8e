#include <algorithm>
#include <array>

#include <fmt/format.h>

#include "readyctl/gameday/action_types.hpp"
#include "readyctl/gameday/schema.hpp"
#include "readyctl/gameday/yaml_json.hpp"

namespace readyctl::gameday {

namespace {

constexpr std::array<std::string_view, 6> k_process_ops = {"start", "signal", "kill", "stop", "restart", "wait"};
constexpr std::array<std::string_view, 7> k_kube_ops = {"delete-pods", "scale", "cordon", "drain",
                                                        "rollout-restart", "apply", "delete"};
constexpr std::array<std::string_view, 9> k_signals = {"TERM", "KILL", "INT", "HUP", "QUIT", "USR1", "USR2", "STOP", "CONT"};

template <size_t N>
bool one_of(std::string_view s, const std::array<std::string_view, N>& list)
{
  return std::find(list.begin(), list.end(), s) != list.end();
}

template <size_t N>
std::string listing(const std::array<std::string_view, N>& list)
{
  std::string out;
  for (std::string_view s : list) out += fmt::format("{}{}", out.empty() ? "" : ", ", s);
  return out;
}

void check_common(Checker& c, const yaml::Node* spec)
{
  if (const yaml::Node* v = spec->get("timeout")) c.duration(v, "timeout");
  if (const yaml::Node* v = spec->get("expectExitCode")) c.integer(v, "expectExitCode", 0, 255);
}

// `ready` is a probe polled until it holds; it belongs to the ops that start something.
void check_ready(Checker& c, const yaml::Node* ready, const yaml::Node* op)
{
  if (op && op->is_scalar() && op->str() != "start" && op->str() != "restart") {
    c.problem(ready, fmt::format("'ready' applies to process start and restart, not '{}'", op->str()));
    return;
  }
  read_probe(c, ready, ProbePlace::step);
  if (ready->is_mapping() && ready->get("until"))
    c.problem(ready->key_node("until"), "'ready' is polled until it holds; leave 'until' out");
}

void check_kube_op_fields(Checker& c, const yaml::Node* spec, std::string_view op)
{
  std::string what = fmt::format("a kubernetes {}", op);
  if (op == "delete-pods") c.required(spec, "selector", what);
  if (op == "scale" || op == "rollout-restart") c.required(spec, "name", what);
  if (op == "scale")
    if (const yaml::Node* r = c.required(spec, "replicas", what)) c.integer(r, "replicas", 0, 100000);
  if ((op == "cordon" || op == "drain") && !spec->get("selector") && !spec->get("name"))
    c.problem(spec, fmt::format("{} needs 'selector' or 'name' (the nodes)", what));
  if (op == "apply") c.required(spec, "file", what);
  if (op == "delete" && !spec->get("file") && !(spec->get("kind") && spec->get("name")))
    c.problem(spec, "a kubernetes delete needs 'file', or 'kind' and 'name'");
}

void check_context(Checker& c, const yaml::Node* spec, const Safety& safety)
{
  const yaml::Node* ctx = spec->get("context");
  if (ctx == nullptr) {
    if (safety.allowed_contexts.empty())
      c.problem(spec, "a kubernetes action needs a context: set 'context' and list it in 'safety.allowedContexts'");
    return;
  }
  if (!c.scalar(ctx, "context") || has_reference(ctx->str())) return;
  const auto& allowed = safety.allowed_contexts;
  if (std::find(allowed.begin(), allowed.end(), ctx->str()) == allowed.end())
    c.problem(ctx, fmt::format("context '{}' is not in 'safety.allowedContexts'", ctx->str()));
}

void check_fields(Checker& c, const yaml::Node* spec, const ActionType& type, const Safety& safety)
{
  if (type.mapping) {
    if (!c.mapping(spec, fmt::format("'{}' action", type.name))) return;
    check_common(c, spec);
  }
  type.check(c, spec, safety);
}

}  // namespace

void check_kubernetes_action(Checker& c, const yaml::Node* spec, const Safety& safety)
{
  c.known_keys(spec, {"op", "context", "namespace", "selector", "count", "percent", "gracePeriod", "kind", "name",
                      "replicas", "file", "maxTargets", "maxPercent", "timeout"}, "a kubernetes action");
  const yaml::Node* op = c.required(spec, "op", "a kubernetes action");
  if (op && c.scalar(op, "op")) {
    if (!one_of(op->str(), k_kube_ops))
      c.problem(op, fmt::format("unknown kubernetes op '{}' (expected one of {})", op->str(), listing(k_kube_ops)));
    else
      check_kube_op_fields(c, spec, op->str());
  }
  check_context(c, spec, safety);
  if (const yaml::Node* v = spec->get("count")) c.integer(v, "count", 1, 100000);
  if (const yaml::Node* v = spec->get("percent")) c.integer(v, "percent", 1, 100);
  if (const yaml::Node* v = spec->get("maxTargets")) c.integer(v, "maxTargets", 1, 100000);
  if (const yaml::Node* v = spec->get("maxPercent")) c.integer(v, "maxPercent", 1, 100);
  if (const yaml::Node* v = spec->get("gracePeriod")) c.integer(v, "gracePeriod", 0, 86400);
  if (spec->get("count") && spec->get("percent")) c.problem(spec->key_node("percent"), "give 'count' or 'percent', not both");
}

void check_exec_action(Checker& c, const yaml::Node* spec, const Safety&)
{
  c.known_keys(spec, {"command", "cwd", "env", "expectExitCode", "timeout"}, "an exec action");
  c.required(spec, "command", "an exec action");
}

void check_http_action(Checker& c, const yaml::Node* spec, const Safety&)
{
  c.known_keys(spec, {"url", "method", "headers", "body", "json", "expectStatus", "timeout"}, "an http action");
  c.required(spec, "url", "an http action");
}

void check_process_action(Checker& c, const yaml::Node* spec, const Safety&)
{
  c.known_keys(spec, {"op", "name", "command", "cwd", "env", "log", "signal", "grace", "within", "expectExitCode",
                      "ready", "timeout"}, "a process action");
  c.required(spec, "name", "a process action");
  const yaml::Node* op = c.required(spec, "op", "a process action");
  if (op && c.scalar(op, "op") && !one_of(op->str(), k_process_ops))
    c.problem(op, fmt::format("unknown process op '{}' (expected one of {})", op->str(), listing(k_process_ops)));
  if (op && op->str() == "signal") {
    const yaml::Node* sig = c.required(spec, "signal", "a process signal");
    if (sig && c.scalar(sig, "signal") && !one_of(sig->str(), k_signals))
      c.problem(sig, fmt::format("unknown signal '{}' (expected one of {})", sig->str(), listing(k_signals)));
  }
  for (std::string_view key : {"grace", "within"})
    if (const yaml::Node* v = spec->get(key)) c.duration(v, key);
  if (const yaml::Node* ready = spec->get("ready")) check_ready(c, ready, op);
}

void check_sleep_action(Checker& c, const yaml::Node* spec, const Safety&) { c.duration(spec, "sleep"); }

Action read_action(Checker& c, const yaml::Node* node, const Safety& safety, std::string_view what)
{
  Action action;
  action.location = c.where(node);
  if (!c.mapping(node, what)) return action;
  if (node->size() != 1) {
    c.problem(node, fmt::format("expected exactly one action type in '{}' ({})", what, action_type_listing()));
    return action;
  }
  auto [key, value] = *node->entries().begin();
  const ActionType* type = find_action_type(key->str());
  if (!type || !type->check) {
    c.problem(key, fmt::format("unknown action type '{}' (expected one of {})", key->str(), action_type_listing()));
    return action;
  }
  action.type = type;
  check_fields(c, value, *type, safety);
  action.written = yaml_to_json(value);
  action.spec = read_action_spec(*type, action.written);
  return action;
}

}  // namespace readyctl::gameday
