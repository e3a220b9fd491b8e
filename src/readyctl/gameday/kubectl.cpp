#include "readyctl/gameday/kubectl.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/template.hpp"
#include "readyctl/io/process.hpp"

namespace readyctl::gameday {

namespace {

// A field's text; `fallback` when it is absent or null.
std::string field(const std::optional<Template>& t, const std::string& fallback = "")
{
  return t && !t->value.is_null() ? t->text() : fallback;
}

long long number_field(const std::optional<Template>& t, const char* key, long long fallback)
{
  if (!t || t->value.is_null()) return fallback;
  try {
    return std::stoll(t->text());
  } catch (const std::exception&) {
    throw InputError(fmt::format("expected an integer for '{}', got '{}'", key, t->text()));
  }
}

std::vector<std::string> base_args(const std::string& context, const std::string& ns)
{
  std::vector<std::string> args{"--context", context};
  if (!ns.empty()) args.insert(args.end(), {"--namespace", ns});
  return args;
}

Json run_get(std::vector<std::string> args, double timeout, const StopCheck& should_stop)
{
  args.insert(args.begin(), "kubectl");
  args.insert(args.end(), {"--output", "json"});
  io::ProcessResult r = io::run_process({args, "", {}}, {timeout, should_stop});
  if (r.exit_code != 0)
    throw EnvironmentError(fmt::format("'{}' failed: {}", render_command({args.begin() + 1, args.end()}),
                                       r.err.empty() ? r.out : r.err));
  Json parsed = Json::parse(r.out, nullptr, false);
  if (parsed.is_discarded()) throw EnvironmentError(fmt::format("'{}' did not print JSON", render_command(args)));
  return parsed;
}

std::vector<std::string> names_of(const Json& list)
{
  std::vector<std::string> names;
  if (list.contains("items")) {
    for (const Json& item : list["items"]) names.push_back(item["metadata"].value("name", ""));
  } else if (list.contains("metadata")) {
    names.push_back(list["metadata"].value("name", ""));
  }
  std::sort(names.begin(), names.end());
  return names;
}

// The resolve query for an op: what kind of object it selects, and how.
std::vector<std::string> resolve_args(const KubeActionSpec& spec, const std::string& context)
{
  const std::string& op = spec.op;
  std::string ns = field(spec.namespace_);
  if (op == "delete-pods") {
    auto args = base_args(context, ns);
    args.insert(args.end(), {"get", "pods", "--selector", field(spec.selector)});
    return args;
  }
  if (op == "cordon" || op == "drain") {
    auto args = base_args(context, "");
    args.insert(args.end(), {"get", "nodes"});
    if (spec.name) args.push_back(field(spec.name));
    else args.insert(args.end(), {"--selector", field(spec.selector)});
    return args;
  }
  auto args = base_args(context, ns);
  args.insert(args.end(), {"get", field(spec.kind, "deployment"), field(spec.name)});
  return args;
}

void select_targets(KubePlan& plan, const KubeActionSpec& spec, const Safety& safety)
{
  size_t total = plan.found.size();
  if (total == 0) throw EnvironmentError("zero targets resolved: refusing to act on nothing");
  size_t pick = total;
  if (spec.count) pick = std::min(total, static_cast<size_t>(number_field(spec.count, "count", 1)));
  if (spec.percent) {
    auto share = static_cast<double>(total * number_field(spec.percent, "percent", 100));
    pick = static_cast<size_t>(std::ceil(share / 100.0));
  }
  plan.targets.assign(plan.found.begin(), plan.found.begin() + static_cast<long>(pick));
  long long max_targets =
      std::min(safety.max_targets, number_field(spec.max_targets, "maxTargets", safety.max_targets));
  long long max_percent =
      std::min(safety.max_percent, number_field(spec.max_percent, "maxPercent", safety.max_percent));
  if (static_cast<long long>(pick) > max_targets)
    throw InputError(fmt::format("blast radius: {} target(s) exceed maxTargets {}", pick, max_targets));
  if (static_cast<long long>(pick * 100) > max_percent * static_cast<long long>(total))
    throw InputError(fmt::format("blast radius: {} of {} target(s) exceed maxPercent {}", pick, total, max_percent));
}

void build_commands(KubePlan& plan, const KubeActionSpec& spec, double timeout)
{
  const std::string& op = spec.op;
  auto base = base_args(plan.context, field(spec.namespace_));
  std::string kind = field(spec.kind, "deployment");
  auto add = [&](std::vector<std::string> tail, bool namespaced = true) {
    auto args = namespaced ? base : base_args(plan.context, "");
    args.insert(args.end(), tail.begin(), tail.end());
    plan.commands.push_back(std::move(args));
  };
  if (op == "delete-pods") {
    std::vector<std::string> tail{"delete", "pod"};
    tail.insert(tail.end(), plan.targets.begin(), plan.targets.end());
    tail.push_back("--wait=false");
    if (spec.grace_period) tail.push_back("--grace-period=" + field(spec.grace_period));
    add(tail);
  } else if (op == "scale") {
    add({"scale", kind + "/" + field(spec.name), "--replicas=" + field(spec.replicas)});
  } else if (op == "cordon") {
    for (const std::string& node : plan.targets) add({"cordon", node}, false);
  } else if (op == "drain") {
    for (const std::string& node : plan.targets)
      add({"drain", node, "--ignore-daemonsets", "--delete-emptydir-data",
           fmt::format("--timeout={}s", static_cast<long long>(timeout))}, false);
  } else if (op == "rollout-restart") {
    add({"rollout", "restart", kind + "/" + field(spec.name)});
  } else if (op == "apply") {
    add({"apply", "--filename", field(spec.file)});
  } else if (spec.file) {
    add({"delete", "--filename", field(spec.file)});
  } else {
    add({"delete", kind, field(spec.name)});
  }
}

Json auto_undo(const KubeActionSpec& spec, const Json& resolved, const KubePlan& plan)
{
  const std::string& op = spec.op;
  if (op == "scale") {
    Json undo = spec.scaled.value;
    undo["replicas"] = resolved.contains("spec") ? resolved["spec"].value("replicas", 1) : 1;
    return Json{{"kubernetes", undo}};
  }
  if (op != "cordon" && op != "drain") return nullptr;
  Json commands = Json::array();
  for (const std::string& node : plan.targets) commands.push_back(Json{"--context", plan.context, "uncordon", node});
  return Json{{"kubectl", {{"commands", commands}}}};
}

}  // namespace

std::string render_command(const std::vector<std::string>& args)
{
  std::string out;
  for (const std::string& a : args) {
    bool plain = !a.empty() && a.find_first_of(" \t'\"$\\;&|<>*?()") == std::string::npos;
    out += (out.empty() ? "" : " ") + (plain ? a : "'" + a + "'");
  }
  return out;
}

std::string kube_context(const std::optional<Template>& written, const Safety& safety)
{
  std::string context = field(written, safety.allowed_contexts.empty() ? "" : safety.allowed_contexts[0]);
  const auto& allowed = safety.allowed_contexts;
  if (context.empty() || std::find(allowed.begin(), allowed.end(), context) == allowed.end())
    throw InputError(fmt::format("context '{}' is not in safety.allowedContexts", context));
  return context;
}

KubePlan plan_kubernetes_action(const KubeActionSpec& spec, const Safety& safety, double timeout,
                                const StopCheck& should_stop)
{
  KubePlan plan;
  plan.context = kube_context(spec.context, safety);
  Json resolved = nullptr;
  if (spec.op == "apply" || (spec.op == "delete" && spec.file)) {
    plan.found = plan.targets = {field(spec.file)};
  } else {
    resolved = run_get(resolve_args(spec, plan.context), timeout, should_stop);
    plan.found = names_of(resolved);
    select_targets(plan, spec, safety);
  }
  build_commands(plan, spec, timeout);
  plan.auto_undo = auto_undo(spec, resolved, plan);
  return plan;
}

Json execute_kubernetes_plan(const KubePlan& plan, double timeout, const StopCheck& should_stop)
{
  Json outputs = Json::array();
  for (std::vector<std::string> args : plan.commands) {
    std::string shown = render_command(args);
    args.insert(args.begin(), "kubectl");
    io::ProcessResult r = io::run_process({args, "", {}}, {timeout, should_stop});
    if (r.exit_code != 0)
      throw EnvironmentError(fmt::format("'kubectl {}' failed ({}): {}", shown, r.exit_code, r.err.empty() ? r.out : r.err));
    outputs.push_back({{"command", "kubectl " + shown}, {"stdout", r.out}});
  }
  return outputs;
}

Json kubectl_get(const KubeGetSpec& spec, const Safety& safety, double timeout, const StopCheck& should_stop)
{
  std::string context = kube_context(spec.context, safety);
  auto args = base_args(context, field(spec.namespace_));
  args.insert(args.end(), {"get", spec.kind.text()});
  if (spec.name) args.push_back(field(spec.name));
  if (spec.selector) args.insert(args.end(), {"--selector", field(spec.selector)});
  Json got = run_get(args, timeout, should_stop);
  std::vector<std::string> names = names_of(got);
  Json out = {{"count", names.size()}, {"names", names}};
  out["items"] = got.contains("items") ? got["items"] : Json::array({got});
  if (spec.name) out["object"] = got;
  return out;
}

}  // namespace readyctl::gameday
