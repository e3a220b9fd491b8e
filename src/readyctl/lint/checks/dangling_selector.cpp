// dangling-selector: a selector that selects nothing in the input (Service, InferencePool, PodDisruptionBudget,
// NetworkPolicy and its allow-rule peers, ServiceMonitor/PodMonitor), with the nearest near-miss as related location.
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"
#include "readyctl/lint/checks/selector_targets.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

using guardrail::key_of;

// Label keys (or key prefixes, ending in '/') that controllers, injectors and operators write onto pods, and a
// Service carries over from the pods it was made for: a template in the input does not show them, so a selector
// naming one is not judged.
constexpr std::string_view k_injected_labels[] = {
    "pod-template-hash", "controller-revision-hash", "controller-uid", "job-name", "statefulset.kubernetes.io/",
    "apps.kubernetes.io/", "batch.kubernetes.io/", "leaderworkerset.sigs.k8s.io/", "jobset.sigs.k8s.io/",
    "ray.io/", "serving.kserve.io/", "serving.knative.dev/", "training.kubeflow.org/", "trainer.kubeflow.org/",
    "gateway.networking.k8s.io/", "gateway.istio.io/", "istio.io/gateway-name", "security.istio.io/",
    "service.istio.io/", "kagent.dev/", "dapr.io/", "agents.x-k8s.io/",
    // Envoy Gateway's proxy pods for a Gateway (internal/gatewayapi: OwningGatewayNameLabel, …NamespaceLabel).
    "gateway.envoyproxy.io/",
    // prometheus-operator's pods of a Prometheus, Alertmanager or ThanosRuler (prometheus: <name>,
    // alertmanager: <name>, thanos-ruler: <name>, operator.prometheus.io/name and /shard).
    "prometheus", "alertmanager", "thanos-ruler", "operator.prometheus.io/",
    // RoleBasedGroup's role pods (sgl-project/rbg: group-name, role-name, group-uid under this prefix).
    "rbg.workloads.x-k8s.io/",
};

// kubeadm's static Pods of the control plane (cmd/kubeadm/app/util/staticpod: component=<name>, tier=control-plane)
// run in kube-system on every kubeadm cluster, from files on the node, never from manifests a repository applies.
bool selects_static_control_plane(const SelectorRef& s, const std::vector<std::string_view>& scopes)
{
  const yaml::Node* p = s.pairs();
  if (!p || scopes.size() != 1 || scopes.front() != "kube-system") return false;
  const yaml::Node* component = p->get("component");
  if (!component) return false;
  for (std::string_view c : {"kube-apiserver", "kube-controller-manager", "kube-scheduler", "etcd"})
    if (component->str() == c) return true;
  return false;
}

bool injected_label_key(std::string_view key)
{
  for (std::string_view k : k_injected_labels)
    if (k.ends_with('/') ? key.starts_with(k) : key == k) return true;
  return false;
}

bool names_injected_label(const SelectorRef& s)
{
  if (const yaml::Node* p = s.pairs())
    for (auto [key, value] : p->entries())
      if (injected_label_key(key->str())) return true;
  if (s.has_expressions())
    for (const yaml::Node* e : s.node->get("matchExpressions")->children())
      if (injected_label_key(e->str_at("key"))) return true;
  return false;
}

std::string selector_target_name(const SelectorTarget& t)
{
  return t.pod ? fmt::format("pods of {}", t.owner->display_name()) : t.owner->display_name();
}

// "pods of Deployment serving/vllm carry app=vllm-llama3 where the selector wants app=vllm-llama".
std::string near_miss_note(const SelectorRef& s, const SelectorTarget& t)
{
  for (auto [key, value] : s.pairs()->entries()) {
    const yaml::Node* has = t.labels && t.labels->is_mapping() ? t.labels->get(key->str()) : nullptr;
    std::string_view verb = t.pod ? (has ? "carry" : "lack") : (has ? "carries" : "lacks");
    if (!has)
      return fmt::format("nearest near-miss: {} {} label {} (the selector wants {}={})", selector_target_name(t), verb,
                         key->str(), key->str(), value->str());
    if (has->str() != value->str())
      return fmt::format("nearest near-miss: {} {} {}={} where the selector wants {}={}", selector_target_name(t), verb,
                         key->str(), has->str(), key->str(), value->str());
  }
  return fmt::format("nearest near-miss: {}", selector_target_name(t));
}

std::string selector_scopes_label(const std::vector<std::string_view>& scopes)
{
  if (scopes.size() == 1) return scope_label(scopes.front());
  std::string out = "namespaces ";
  for (size_t i = 0; i < scopes.size(); ++i) out += fmt::format("{}{}", i ? ", " : "", scopes[i]);
  return out;
}

// The targets of the unit, and the same targets across the whole input when the unit is one of several.
struct Targets {
  const SelectorTargets& unit;
  const SelectorTargets* input;
};

template <typename T>
Targets targets_of(const CheckContext& ctx)
{
  return {ctx.graph.cached<T>(), ctx.graph.input() ? &ctx.graph.input()->cached<T>() : nullptr};
}

// Reports `what` (the object and its field) when its selector picks none of the targets of `scopes`, judged only
// when every scope holds targets in the input (else they may come from elsewhere). Targets another deployment unit
// of the input holds in those scopes count: applied beside it, they are what it selects.
void judge_selector(const CheckContext& ctx, const Targets& in, std::string_view noun, const Object& o,
           const yaml::Node* at, std::string_view what, const SelectorRef& s, const std::vector<std::string_view>& scopes)
{
  const SelectorTargets& targets = in.unit;
  if (scopes.empty() || s.empty() || names_injected_label(s) || selects_static_control_plane(s, scopes)) return;
  for (std::string_view scope : scopes)
    if (!targets.has_targets(scope)) return;
  for (std::string_view scope : scopes)
    if (targets.first_match(scope, s) || (in.input && in.input->first_match(scope, s))) return;
  std::vector<const SelectorTarget*> elsewhere = targets.matches_elsewhere(scopes.front(), s);
  // A namespace-less object lands wherever it is applied (so does one whose namespace is still `${NAMESPACE}`): a
  // match where either side states none may be it, in this unit or another of the input. So may pods whose label
  // values are placeholders filled in before applying.
  auto lands_anywhere = [](const Object& x) { return x.ns.empty() || is_unfilled_placeholder(x.ns); };
  auto may_be_it = [&](const SelectorTarget* t) {
    return lands_anywhere(o) || lands_anywhere(*t->owner) ||
           std::find(scopes.begin(), scopes.end(), t->owner->scope) != scopes.end();
  };
  if (std::any_of(elsewhere.begin(), elsewhere.end(), may_be_it)) return;
  if (in.input) {
    std::vector<const SelectorTarget*> across = in.input->matches_elsewhere(scopes.front(), s);
    if (std::any_of(across.begin(), across.end(), may_be_it)) return;
  }
  for (const SelectorTargets* where : {&targets, in.input}) {
    if (!where) continue;
    std::vector<const SelectorTarget*> filled = where->placeholder_matches(s);
    if (std::any_of(filled.begin(), filled.end(), may_be_it)) return;
  }
  std::vector<Related> related;
  if (const SelectorTarget* near = targets.near_miss(scopes.front(), s))
    related.push_back({near->owner, near->at, near_miss_note(s, *near)});
  if (!elsewhere.empty())
    related.push_back({elsewhere.front()->owner, elsewhere.front()->at,
                       fmt::format("the selector matches {} in {}", selector_target_name(*elsewhere.front()),
                                   scope_label(elsewhere.front()->owner->scope))});
  ctx.sink.report(o, at,
                  fmt::format("{} selects no {}: none of the {} of {} in the input matches {}", what, noun, noun,
                              selector_scopes_label(scopes), s.describe()),
                  std::move(related));
}

void select_service(const CheckContext& ctx, const Targets& pods, const Object& o)
{
  if (o.spec->str_at("type") == "ExternalName") return;
  SelectorRef s{o.spec->get("selector"), true};
  judge_selector(ctx, pods, "pods", o, key_of(o.spec, "selector"), fmt::format("{}'s selector", o.display_name()), s, {o.scope});
}

void select_inference_pool(const CheckContext& ctx, const Targets& pods, const Object& o)
{
  judge_selector(ctx, pods, "pods", o, key_of(o.spec, "selector"), fmt::format("{}'s selector", o.display_name()),
                 inference_pool_selector(o), {o.scope});
}

void select_disruption_budget(const CheckContext& ctx, const Targets& pods, const Object& o)
{
  SelectorRef s{o.spec->get("selector"), false};
  judge_selector(ctx, pods, "pods", o, key_of(o.spec, "selector"), fmt::format("{}'s selector", o.display_name()), s, {o.scope});
}

// The namespace a namespaceSelector names through the automatic kubernetes.io/metadata.name label, if that is all
// it says.
std::optional<std::vector<std::string_view>> named_namespaces(const yaml::Node* selector)
{
  constexpr std::string_view k_name_label = "kubernetes.io/metadata.name";
  const yaml::Node* ml = selector->get("matchLabels");
  const yaml::Node* exprs = selector->get("matchExpressions");
  if (ml && ml->is_mapping() && ml->size() == 1 && (!exprs || exprs->size() == 0) && ml->get(k_name_label))
    return std::vector<std::string_view>{ml->get(k_name_label)->str()};
  if ((!ml || ml->size() == 0) && exprs && exprs->is_sequence() && exprs->size() == 1) {
    const yaml::Node* e = *exprs->children().begin();
    const yaml::Node* values = e->get("values");
    if (e->str_at("key") != k_name_label || e->str_at("operator") != "In" || !values || !values->is_sequence())
      return std::nullopt;
    std::vector<std::string_view> out;
    for (const yaml::Node* v : values->children()) out.push_back(v->str());
    return out;
  }
  return std::nullopt;
}

// The namespaces a peer's namespaceSelector picks when the input says which they are: named outright, or the
// Namespace objects of the input whose labels it matches. An empty selector (every namespace), one mixing the
// name label with others, or one matching no Namespace of the input is not judged.
std::vector<std::string_view> peer_namespaces(const Graph& graph, const yaml::Node* selector)
{
  if (!selector->is_mapping()) return {};
  if (auto named = named_namespaces(selector)) return *named;
  SelectorRef s{selector, false};
  if (s.empty() || s.describe().find("kubernetes.io/metadata.name") != std::string::npos) return {};
  if (s.has_expressions())
    for (const yaml::Node* e : selector->get("matchExpressions")->children())
      if (e->str_at("key") == "kubernetes.io/metadata.name") return {};
  std::vector<std::string_view> out;
  for (const Object* n : graph.of_kind("Namespace"))
    if (s.matches(n->labels())) out.push_back(n->name);
  return out;
}

void select_peers(const CheckContext& ctx, const Targets& pods, const Object& o, std::string_view rules_key,
                 std::string_view peers_key)
{
  const yaml::Node* rules = o.spec->get(rules_key);
  if (!rules || !rules->is_sequence()) return;
  size_t r = 0;
  for (const yaml::Node* rule : rules->children()) {
    const yaml::Node* peers = rule->is_mapping() ? rule->get(peers_key) : nullptr;
    size_t p = 0;
    if (peers && peers->is_sequence())
      for (const yaml::Node* peer : peers->children()) {
        const yaml::Node* pod_selector = peer->is_mapping() ? peer->get("podSelector") : nullptr;
        if (pod_selector) {
          const yaml::Node* ns_selector = peer->get("namespaceSelector");
          std::vector<std::string_view> scopes =
              ns_selector ? peer_namespaces(ctx.graph, ns_selector) : std::vector<std::string_view>{o.scope};
          judge_selector(ctx, pods, "pods", o, key_of(peer, "podSelector"),
                fmt::format("{}'s {}[{}].{}[{}] podSelector (the rule allows nothing)", o.display_name(), rules_key, r,
                            peers_key, p),
                SelectorRef{pod_selector, false}, scopes);
        }
        ++p;
      }
    ++r;
  }
}

void select_network_policy(const CheckContext& ctx, const Targets& pods, const Object& o)
{
  judge_selector(ctx, pods, "pods", o, key_of(o.spec, "podSelector"),
        fmt::format("{}'s podSelector (the policy governs nothing)", o.display_name()),
        SelectorRef{o.spec->get("podSelector"), false}, {o.scope});
  select_peers(ctx, pods, o, "ingress", "from");
  select_peers(ctx, pods, o, "egress", "to");
}

// A ServiceMonitor or PodMonitor looks in its own namespace unless `namespaceSelector` names others (`any: true`,
// every namespace, is not judged).
void select_monitor(const CheckContext& ctx, const Targets& targets, std::string_view noun, const Object& o)
{
  std::vector<std::string_view> scopes{o.scope};
  if (const yaml::Node* ns = o.spec->get("namespaceSelector"); ns && ns->is_mapping()) {
    if (ns->str_at("any") == "true") return;
    if (const yaml::Node* names = ns->get("matchNames"); names && names->is_sequence() && names->size() > 0) {
      scopes.clear();
      for (const yaml::Node* n : names->children()) scopes.push_back(n->str());
    }
  }
  judge_selector(ctx, targets, noun, o, key_of(o.spec, "selector"), fmt::format("{}'s selector", o.display_name()),
        SelectorRef{o.spec->get("selector"), false}, scopes);
}

}  // namespace

void check_dangling_selector(const CheckContext& ctx)
{
  const Targets pods = targets_of<PodTargets>(ctx);
  for (const Object& o : ctx.objects()) {
    if (!o.spec || !o.spec->is_mapping()) continue;
    if (o.is("Service", "")) select_service(ctx, pods, o);
    else if (o.is("InferencePool", guardrail::k_inference_group)) select_inference_pool(ctx, pods, o);
    else if (o.is("PodDisruptionBudget", "policy")) select_disruption_budget(ctx, pods, o);
    else if (o.is("NetworkPolicy", "networking.k8s.io")) select_network_policy(ctx, pods, o);
    else if (o.is("PodMonitor", "monitoring.coreos.com")) select_monitor(ctx, pods, "pods", o);
    else if (o.is("ServiceMonitor", "monitoring.coreos.com"))
      select_monitor(ctx, targets_of<ServiceTargets>(ctx), "Services", o);
  }
}

}  // namespace readyctl::lint
