#include "readyctl/gameday/kubectl.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/template.hpp"
#include "readyctl/io/process.hpp"

namespace readyctl::gameday {

namespace {

std::string field(const Json& spec, const char* key, const std::string& fallback = "")
{
  return spec.contains(key) && !spec[key].is_null() ? json_text(spec[key]) : fallback;
}

long long number_field(const Json& spec, const char* key, long long fallback)
{
  if (!spec.contains(key) || spec[key].is_null()) return fallback;
  try {
    return std::stoll(json_text(spec[key]));
  } catch (const std::exception&) {
    throw InputError(fmt::format("expected an integer for '{}', got '{}'", key, json_text(spec[key])));
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
std::vector<std::string> resolve_args(const Json& spec, const std::string& op, const std::string& context)
{
  std::string ns = field(spec, "namespace");
  if (op == "delete-pods") {
    auto args = base_args(context, ns);
    args.insert(args.end(), {"get", "pods", "--selector", field(spec, "selector")});
    return args;
  }
  if (op == "cordon" || op == "drain") {
    auto args = base_args(context, "");
    args.insert(args.end(), {"get", "nodes"});
    if (spec.contains("name")) args.push_back(field(spec, "name"));
    else args.insert(args.end(), {"--selector", field(spec, "selector")});
    return args;
  }
  auto args = base_args(context, ns);
  args.insert(args.end(), {"get", field(spec, "kind", "deployment"), field(spec, "name")});
  return args;
}

void select_targets(KubePlan& plan, const Json& spec, const Safety& safety)
{
  size_t total = plan.found.size();
  if (total == 0) throw EnvironmentError("zero targets resolved: refusing to act on nothing");
  size_t pick = total;
  if (spec.contains("count")) pick = std::min(total, static_cast<size_t>(number_field(spec, "count", 1)));
  if (spec.contains("percent"))
    pick = static_cast<size_t>(std::ceil(static_cast<double>(total * number_field(spec, "percent", 100)) / 100.0));
  plan.targets.assign(plan.found.begin(), plan.found.begin() + static_cast<long>(pick));
  long long max_targets = std::min(safety.max_targets, number_field(spec, "maxTargets", safety.max_targets));
  long long max_percent = std::min(safety.max_percent, number_field(spec, "maxPercent", safety.max_percent));
  if (static_cast<long long>(pick) > max_targets)
    throw InputError(fmt::format("blast radius: {} target(s) exceed maxTargets {}", pick, max_targets));
  if (static_cast<long long>(pick * 100) > max_percent * static_cast<long long>(total))
    throw InputError(fmt::format("blast radius: {} of {} target(s) exceed maxPercent {}", pick, total, max_percent));
}

void build_commands(KubePlan& plan, const Json& spec, const std::string& op, double timeout)
{
  auto base = base_args(plan.context, field(spec, "namespace"));
  std::string kind = field(spec, "kind", "deployment");
  auto add = [&](std::vector<std::string> tail, bool namespaced = true) {
    auto args = namespaced ? base : base_args(plan.context, "");
    args.insert(args.end(), tail.begin(), tail.end());
    plan.commands.push_back(std::move(args));
  };
  if (op == "delete-pods") {
    std::vector<std::string> tail{"delete", "pod"};
    tail.insert(tail.end(), plan.targets.begin(), plan.targets.end());
    tail.push_back("--wait=false");
    if (spec.contains("gracePeriod")) tail.push_back("--grace-period=" + field(spec, "gracePeriod"));
    add(tail);
  } else if (op == "scale") {
    add({"scale", kind + "/" + field(spec, "name"), "--replicas=" + field(spec, "replicas")});
  } else if (op == "cordon") {
    for (const std::string& node : plan.targets) add({"cordon", node}, false);
  } else if (op == "drain") {
    for (const std::string& node : plan.targets)
      add({"drain", node, "--ignore-daemonsets", "--delete-emptydir-data",
           fmt::format("--timeout={}s", static_cast<long long>(timeout))}, false);
  } else if (op == "rollout-restart") {
    add({"rollout", "restart", kind + "/" + field(spec, "name")});
  } else if (op == "apply") {
    add({"apply", "--filename", field(spec, "file")});
  } else if (spec.contains("file")) {
    add({"delete", "--filename", field(spec, "file")});
  } else {
    add({"delete", kind, field(spec, "name")});
  }
}

Json auto_undo(const Json& spec, const std::string& op, const Json& resolved, const KubePlan& plan)
{
  if (op == "scale") {
    Json undo = spec;
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

std::string kube_context(const Json& spec, const Safety& safety)
{
  std::string context = field(spec, "context", safety.allowed_contexts.empty() ? "" : safety.allowed_contexts[0]);
  const auto& allowed = safety.allowed_contexts;
  if (context.empty() || std::find(allowed.begin(), allowed.end(), context) == allowed.end())
    throw InputError(fmt::format("context '{}' is not in safety.allowedContexts", context));
  return context;
}

KubePlan plan_kubernetes_action(const Json& spec, const Safety& safety, double timeout, const StopCheck& should_stop)
{
  KubePlan plan;
  plan.context = kube_context(spec, safety);
  std::string op = field(spec, "op");
  Json resolved = nullptr;
  if (op == "apply" || (op == "delete" && spec.contains("file"))) {
    plan.found = plan.targets = {field(spec, "file")};
  } else {
    resolved = run_get(resolve_args(spec, op, plan.context), timeout, should_stop);
    plan.found = names_of(resolved);
    select_targets(plan, spec, safety);
  }
  build_commands(plan, spec, op, timeout);
  plan.auto_undo = auto_undo(spec, op, resolved, plan);
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

Json kubectl_get(const Json& spec, const Safety& safety, double timeout, const StopCheck& should_stop)
{
  std::string context = kube_context(spec, safety);
  auto args = base_args(context, field(spec, "namespace"));
  args.insert(args.end(), {"get", field(spec, "kind")});
  if (spec.contains("name")) args.push_back(field(spec, "name"));
  if (spec.contains("selector")) args.insert(args.end(), {"--selector", field(spec, "selector")});
  Json got = run_get(args, timeout, should_stop);
  std::vector<std::string> names = names_of(got);
  Json out = {{"count", names.size()}, {"names", names}};
  out["items"] = got.contains("items") ? got["items"] : Json::array({got});
  if (spec.contains("name")) out["object"] = got;
  return out;
}

}  // namespace readyctl::gameday
