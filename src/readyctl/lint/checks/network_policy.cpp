// network-policy: every namespace with workloads denies by default, and every workload pod is selected by a policy.
#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/agents.hpp"
#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/tenancy.hpp"
#include "readyctl/lint/selector.hpp"
#include "readyctl/lint/selector_index.hpp"

namespace readyctl::lint {
namespace {

struct Namespace {
  std::vector<const PodTemplate*> pods;        // pods the policies can govern (hostNetwork pods excluded)
  std::vector<const Object*> policies;
  SelectorIndex selectors;  // the policies' podSelectors, by position in `policies`
  std::vector<const Object*> agents;  // kagent Agents: their controller runs their pods here, labels unknown
  bool agent = false;
};

// "namespace team-a", or the objects that state none (they share whatever namespace they are applied to).
std::string ns_name(std::string_view scope) { return scope_label(scope); }

bool empty_selector(const yaml::Node* selector)
{
  if (!selector || selector->is_null()) return true;  // podSelector is required; a null one is read as {}
  if (!selector->is_mapping()) return false;
  for (auto [key, value] : selector->entries())
    if ((key->str() == "matchLabels" || key->str() == "matchExpressions") && value->size() > 0) return false;
  return true;
}

bool non_empty_sequence(const yaml::Node* n) { return n && n->is_sequence() && n->size() > 0; }

// policyTypes as the API server defaults them: Ingress always, Egress when egress rules are present.
bool has_policy_type(const Object& policy, std::string_view type)
{
  const yaml::Node* types = policy.spec->get("policyTypes");
  if (non_empty_sequence(types)) {
    for (const yaml::Node* t : types->children())
      if (t->str() == type) return true;
    return false;
  }
  return type == "Ingress" || non_empty_sequence(policy.spec->get("egress"));
}

// A rule without peers and without ports admits everything: the policy then isolates nothing in that direction.
bool allows_all(const Object& policy, std::string_view rules_key, std::string_view peers_key)
{
  const yaml::Node* rules = policy.spec->get(rules_key);
  if (!rules || !rules->is_sequence()) return false;
  for (const yaml::Node* r : rules->children())
    if (!non_empty_sequence(r->get(peers_key)) && !non_empty_sequence(r->get("ports"))) return true;
  return false;
}

bool default_deny(const Object& policy, std::string_view type)
{
  if (!empty_selector(policy.spec->get("podSelector")) || !has_policy_type(policy, type)) return false;
  return type == "Ingress" ? !allows_all(policy, "ingress", "from") : !allows_all(policy, "egress", "to");
}

bool host_network(const PodTemplate& pod)
{
  const yaml::Node* h = pod.spec->get("hostNetwork");
  return h && h->as_bool() == true;
}

std::map<std::string_view, Namespace> collect(const CheckContext& ctx)
{
  std::vector<std::string> agent_labels = ctx.rule.param_strings("agentLabels");
  std::vector<std::string> agent_namespaces = ctx.rule.param_strings("agentNamespaces");
  std::vector<std::string> infrastructure = ctx.rule.param_strings("infrastructureNamespaces");
  std::map<std::string_view, Namespace> out;
  for (const PodTemplate& pod : ctx.graph.pods()) {
    if (host_network(pod)) continue;  // NetworkPolicy does not apply to host-network pods
    if (pod.injected("networkPolicy")) continue;  // its controller makes a NetworkPolicy for it (agent-sandbox)
    if (is_infrastructure_namespace(ctx.graph, pod.owner->scope, infrastructure)) continue;  // not a tenant: see the rule's doc
    Namespace& ns = out[pod.owner->scope];
    ns.pods.push_back(&pod);
    ns.agent = ns.agent || has_any_label(pod.labels(), agent_labels) || has_any_label(pod.owner->labels(), agent_labels);
  }
  for (const Object& o : ctx.graph.objects()) {
    if (o.is("NetworkPolicy", "networking.k8s.io") && o.spec && o.spec->is_mapping()) {
      if (auto it = out.find(o.scope); it != out.end()) {
        it->second.policies.push_back(&o);
        it->second.selectors.add(o.spec->get("podSelector"));
      }
    } else if (is_kagent_agent(o) && !is_infrastructure_namespace(ctx.graph, o.scope, infrastructure)) {
      Namespace& ns = out[o.scope];
      ns.agent = true;
      ns.agents.push_back(&o);
    }
  }
  for (auto& [name, ns] : out)
    if (std::find(agent_namespaces.begin(), agent_namespaces.end(), name) != agent_namespaces.end()) ns.agent = true;
  for (const Object* n : ctx.graph.of_kind("Namespace"))
    if (auto it = out.find(n->name); it != out.end() && has_any_label(n->labels(), agent_labels)) it->second.agent = true;
  return out;
}

// Where a namespace-level finding goes: the Namespace object when it is in the input, else its first workload.
const Object& anchor(const CheckContext& ctx, std::string_view name, const Namespace& ns)
{
  if (!name.empty())
    if (const Object* n = ctx.graph.find("Namespace", "", name)) return *n;
  return ns.pods.empty() ? *ns.agents.front() : *ns.pods.front()->owner;
}

std::string owners(const Namespace& ns)
{
  std::vector<std::string> names;
  for (const PodTemplate* p : ns.pods) {
    std::string n = fmt::format("{} {}", p->owner->kind, p->owner->shown_name());
    if (std::find(names.begin(), names.end(), n) == names.end()) names.push_back(n);
  }
  for (const Object* a : ns.agents) names.push_back(fmt::format("{} {}", a->kind, a->shown_name()));
  std::string out;
  for (size_t i = 0; i < names.size() && i < 3; ++i) out += (i ? ", " : "") + names[i];
  if (names.size() > 3) out += fmt::format(" and {} more", names.size() - 3);
  return out;
}

void check_namespace(const CheckContext& ctx, std::string_view name, const Namespace& ns)
{
  std::vector<std::string_view> missing;
  for (std::string_view type : {"Ingress", "Egress"}) {
    if (type == "Egress" && !ns.agent) continue;
    bool found = std::any_of(ns.policies.begin(), ns.policies.end(), [&](const Object* p) { return default_deny(*p, type); });
    if (!found) missing.push_back(type);
  }
  if (missing.empty()) return;
  const Object& at = anchor(ctx, name, ns);
  std::string types = missing.size() == 2 ? "Ingress and Egress" : std::string(missing.front());
  std::string why = ns.policies.empty() ? "it has no NetworkPolicy at all" : fmt::format("none of its {} NetworkPolicies selects all pods (podSelector: {{}}) with {} and no allow-all rule", ns.policies.size(), types);
  ctx.sink.report(at, at.kind == "Namespace" ? nullptr : at.root->key_node("metadata"),
                  fmt::format("{} ({}{}) has no default-deny {} NetworkPolicy: {}", ns_name(name), owners(ns),
                              ns.agent ? "; agent namespace, so Egress too" : "", types, why));
}

void check_pods(const CheckContext& ctx, std::string_view name, const Namespace& ns)
{
  if (ns.policies.empty()) return;  // the namespace finding already says there is none
  const Object* last = nullptr;
  for (const PodTemplate* pod : ns.pods) {
    const std::vector<size_t> candidates = ns.selectors.candidates(pod->labels());
    bool selected = std::any_of(candidates.begin(), candidates.end(), [&](size_t i) {
      const yaml::Node* sel = ns.policies[i]->spec->get("podSelector");
      return empty_selector(sel) || label_selector_matches(sel, pod->labels());
    });
    if (selected || pod->owner == last) continue;
    last = pod->owner;
    const yaml::Node* at = pod->labels() ? pod->metadata->key_node("labels") : pod->owner->root->key_node("metadata");
    ctx.sink.report(*pod->owner, at,
                    fmt::format("pods of {} are selected by none of the {} NetworkPolicies in {}: their traffic is not restricted",
                                pod->owner->display_name(), ns.policies.size(), ns_name(name)));
  }
}

}  // namespace

void check_network_policy(const CheckContext& ctx)
{
  const bool governed_only = ctx.rule.param_bool("governedNamespacesOnly");
  for (const auto& [name, ns] : collect(ctx)) {
    if (ns.pods.empty() && ns.agents.empty()) continue;
    if (governed_only && !governs_namespace(ctx.graph, name)) continue;
    check_namespace(ctx, name, ns);
    check_pods(ctx, name, ns);
  }
}

}  // namespace readyctl::lint
