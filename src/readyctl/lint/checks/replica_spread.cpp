// replica-spread: a replicated serving workload spreads its pods over nodes (or zones) with pod anti-affinity or
// topologySpreadConstraints that select its own pods, and every spread constraint is well-formed.
#include <algorithm>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_spread_keys[] = {"kubernetes.io/hostname", "topology.kubernetes.io/zone",
                                              "failure-domain.beta.kubernetes.io/zone"};

bool spreads_over(const yaml::Node* key)
{
  return key && std::find(std::begin(k_spread_keys), std::end(k_spread_keys), key->str()) != std::end(k_spread_keys);
}

bool selects_itself(const PodTemplate& pod, const yaml::Node* selector)
{
  return selector && selector->is_mapping() && label_selector_matches(selector, pod.labels());
}

// A term of podAntiAffinity (required, or the podAffinityTerm of a preferred one) that keeps the pods apart.
bool anti_affinity_spreads(const PodTemplate& pod)
{
  const yaml::Node* anti = pod.spec->path({"affinity", "podAntiAffinity"});
  if (!anti || !anti->is_mapping()) return false;
  std::vector<const yaml::Node*> terms;
  if (const yaml::Node* req = anti->get("requiredDuringSchedulingIgnoredDuringExecution"); req && req->is_sequence())
    for (const yaml::Node* t : req->children()) terms.push_back(t);
  if (const yaml::Node* pref = anti->get("preferredDuringSchedulingIgnoredDuringExecution"); pref && pref->is_sequence())
    for (const yaml::Node* t : pref->children())
      if (const yaml::Node* term = t->get("podAffinityTerm")) terms.push_back(term);
  return std::any_of(terms.begin(), terms.end(), [&](const yaml::Node* t) {
    return t->is_mapping() && spreads_over(t->get("topologyKey")) && selects_itself(pod, t->get("labelSelector"));
  });
}

// Reports what is malformed in one constraint; true when it is well-formed.
bool check_constraint(const CheckContext& ctx, const PodTemplate& pod, const yaml::Node* c)
{
  const Object& o = *pod.owner;
  bool ok = true;
  const yaml::Node* skew = c->get("maxSkew");
  if (!skew || skew->as_int32().value_or(0) < 1) {
    ctx.sink.report(o, skew ? skew : c, fmt::format("topologySpreadConstraint maxSkew {}: expected a whole number of "
                                                    "at least 1",
                                                    skew ? fmt::format("'{}'", skew->str()) : std::string("is missing")));
    ok = false;
  }
  const yaml::Node* when = c->get("whenUnsatisfiable");
  if (!when || (when->str() != "DoNotSchedule" && when->str() != "ScheduleAnyway")) {
    ctx.sink.report(o, when ? when : c, fmt::format("topologySpreadConstraint whenUnsatisfiable {}: expected "
                                                    "DoNotSchedule or ScheduleAnyway",
                                                    when ? fmt::format("'{}'", when->str()) : std::string("is missing")));
    ok = false;
  }
  if (const yaml::Node* key = c->get("topologyKey"); !key || key->str().empty()) {
    ctx.sink.report(o, key ? key : c, "topologySpreadConstraint has no topologyKey: expected a node label such as "
                                      "kubernetes.io/hostname");
    ok = false;
  }
  const yaml::Node* selector = c->get("labelSelector");
  if (!selects_itself(pod, selector)) {
    ctx.sink.report(o, selector ? c->key_node("labelSelector") : c,
                    selector ? "topologySpreadConstraint labelSelector does not match the pod's own labels: the "
                               "constraint counts other pods and does not spread these"
                             : "topologySpreadConstraint has no labelSelector: it counts no pods and spreads nothing");
    ok = false;
  }
  return ok;
}

// Checks every constraint; true when a well-formed one spreads over hostname or zone.
bool constraints_spread(const CheckContext& ctx, const PodTemplate& pod)
{
  const yaml::Node* list = pod.spec->get("topologySpreadConstraints");
  if (!list || !list->is_sequence()) return false;
  bool spreads = false;
  for (const yaml::Node* c : list->children()) {
    if (!c->is_mapping()) continue;
    bool ok = check_constraint(ctx, pod, c);
    spreads = spreads || (ok && spreads_over(c->get("topologyKey")));
  }
  return spreads;
}

bool replicated_server(const std::vector<std::string>& images, const PodTemplate& pod, long long replicas)
{
  const Object& o = *pod.owner;
  if (replicas < 2 || !pod.long_running || !pod.serves_traffic) return false;
  if (!o.is("Deployment", "apps") && !o.is("StatefulSet", "apps")) return false;
  return std::any_of(pod.containers.begin(), pod.containers.end(),
                     [&](const yaml::Node* c) { return serves_requests(pod, c, images); });
}

}  // namespace

void check_replica_spread(const CheckContext& ctx)
{
  const std::vector<std::string> images = ctx.rule.param_strings("modelServerImages");
  for (const PodTemplate& pod : ctx.pods()) {
    bool spreads = constraints_spread(ctx, pod);
    long long replicas = spec_replicas(*pod.owner);
    if (spreads || anti_affinity_spreads(pod) || !replicated_server(images, pod, replicas)) continue;
    ctx.sink.report(*pod.owner, pod.owner->spec->get("replicas"),
                    fmt::format("{} runs {} serving replicas with no pod anti-affinity or topologySpreadConstraint on "
                                "kubernetes.io/hostname or a zone that selects its own pods: the scheduler may put "
                                "them all on one node, and one node or GPU driver fault takes every replica down",
                                pod.owner->display_name(), replicas));
  }
}

}  // namespace readyctl::lint
