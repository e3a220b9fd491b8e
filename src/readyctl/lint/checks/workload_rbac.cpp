// workload-rbac: which pods hold dangerous RBAC. Follows pod -> ServiceAccount -> (Cluster)RoleBinding -> role and
// reports, on the workload, a role that escalates, reads Secrets, creates pods or grants every verb.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/bound_accounts.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/rbac_rules.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// What a role lets its holder do beyond its own job, and the first rule that grants it.
struct Grants {
  std::vector<std::string> what;
  const yaml::Node* at = nullptr;
  void add(std::string_view item, const yaml::Node* rule)
  {
    if (std::find(what.begin(), what.end(), item) == what.end()) what.emplace_back(item);
    if (!at) at = rule;
  }
};

bool any_item(const yaml::Node* rule, std::string_view field, std::initializer_list<std::string_view> values)
{
  return std::any_of(values.begin(), values.end(), [&](std::string_view v) { return find_rule_item(rule, field, v) != nullptr; });
}

void rule_grants(const yaml::Node* rule, Grants& out)
{
  bool core = any_item(rule, "apiGroups", {"", "*"});
  bool all_verbs = find_rule_item(rule, "verbs", "*") != nullptr;
  if (all_verbs) out.add("every verb ('*')", rule);
  if (any_item(rule, "verbs", {"bind", "escalate", "impersonate"})) out.add("bind/escalate/impersonate", rule);
  if (core && !has_resource_names(rule) && any_item(rule, "resources", {"secrets", "*"}) &&
      (all_verbs || any_item(rule, "verbs", {"get", "list", "watch"})))
    out.add("reading Secrets", rule);
  bool creates = all_verbs || find_rule_item(rule, "verbs", "create");
  if (creates && ((core && any_item(rule, "resources", {"pods", "*"})) ||
                  (any_item(rule, "apiGroups", {"apps", "batch", "*"}) &&
                   any_item(rule, "resources", {"deployments", "statefulsets", "daemonsets", "replicasets", "jobs",
                                                "cronjobs", "*"}))))
    out.add("creating pods or workloads", rule);
}

Grants role_grants(const Object& role)
{
  Grants out;
  for (const yaml::Node* rule : policy_rules(role)) rule_grants(rule, out);
  return out;
}

// The built-in roles a binding may name without defining them (Kubernetes' default user-facing roles).
Grants builtin_grants(const Object& binding)
{
  Grants out;
  const yaml::Node* ref = binding.root->get("roleRef");
  std::string_view name = ref && ref->str_at("kind") == "ClusterRole" ? ref->str_at("name") : "";
  if (name == "cluster-admin") out.what = {"every verb ('*')", "reading Secrets", "creating pods or workloads"};
  else if (name == "admin" || name == "edit") out.what = {"reading Secrets", "creating pods or workloads"};
  if (!out.what.empty()) out.at = ref->get("name");
  return out;
}

// Whether one of the roles bound to the account is a controller's: the pod is a controller, and every grant it holds
// serves what it reconciles (KEDA's operator also holds a Role in its namespace to write its certificate Secrets).
bool runs_a_controller(const std::vector<const Object*>& roles)
{
  return std::any_of(roles.begin(), roles.end(), [](const Object* role) { return role && is_controller_role(*role); });
}

// `role` is the binding's role in the input, null for a built-in one.
void check_binding(const CheckContext& ctx, const PodTemplate& pod, std::string_view account, const Object& binding,
                   const Object* role, bool controller)
{
  Grants grants = role ? role_grants(*role) : builtin_grants(binding);
  if (grants.what.empty()) return;
  const Object& o = *pod.owner;
  bool cluster_wide = binding.kind == "ClusterRoleBinding";
  std::string role_name = role ? role->display_name() : fmt::format("ClusterRole {} (built in)", binding.root->path({"roleRef", "name"})->str());
  std::vector<Related> related = {{role ? role : &binding, grants.at, fmt::format("{} grants it", role_name)}};
  if (role) related.push_back({&binding, binding.root->get("roleRef"), fmt::format("{} binds it", binding.display_name())});
  const yaml::Node* field = service_account_field(pod);
  ctx.sink.report(o, field ? field : pod_spec_anchor(pod),
                  fmt::format("pods of {} run as ServiceAccount '{}', which {} binds to {}: {} {}; a compromised "
                              "container holds that too{}",
                              o.display_name(), account, binding.display_name(), role_name, join(grants.what, ", "),
                              cluster_wide ? "in every namespace" : "in its namespace",
                              controller ? " (a controller's role, which writes status or finalizers: likely by design)" : ""),
                  std::move(related),
                  controller ? std::optional<Severity>(std::min(ctx.rule.severity, Severity::note)) : std::nullopt);
}

}  // namespace

void check_workload_rbac(const CheckContext& ctx)
{
  const BoundAccounts& bound = ctx.graph.cached<BoundAccounts>();
  const bool report_controllers = ctx.rule.param_bool("controllerRoles");
  for (const PodTemplate& pod : ctx.pods()) {
    const yaml::Node* field = service_account_field(pod);
    std::string_view account = field ? field->str() : "default";
    std::vector<const Object*> bindings = bound.bindings_for(*pod.owner, account);
    std::vector<const Object*> roles;
    for (const Object* binding : bindings) roles.push_back(bound_role(ctx.graph, *binding));
    // A controller holds the rights to what it reconciles by design: a note when asked for, else nothing.
    const bool controller = runs_a_controller(roles);
    if (controller && !report_controllers) continue;
    for (size_t i = 0; i < bindings.size(); ++i) check_binding(ctx, pod, account, *bindings[i], roles[i], controller);
  }
}

}  // namespace readyctl::lint
