// disruption-budget: replicated Deployments/StatefulSets have a PodDisruptionBudget, and it can be satisfied.
#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/scalers.hpp"
#include "readyctl/lint/label_index.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

struct Replicated {
  const Object* workload = nullptr;
  long long replicas = 1;       // the HPA/ScaledObject minimum when autoscaled: the floor a drain meets
  const Scaler* scaler = nullptr;
  const yaml::Node* labels = nullptr;
  std::vector<const Object*> budgets;
};

struct NamespaceWorkloads {
  std::vector<Replicated*> workloads;
  LabelIndex labels;  // of the workloads' pod templates, by position in `workloads`
};

std::vector<Replicated> replicated_workloads(const Graph& graph, const std::vector<Scaler>& scalers)
{
  std::vector<Replicated> out;
  const FirstScalers first_scalers(scalers);
  for (std::string_view kind : {"Deployment", "StatefulSet"})
    for (const Object* o : graph.of_kind(kind)) {
      if (!o->is(kind, "apps") || !o->spec) continue;
      Replicated r;
      r.workload = o;
      r.labels = o->spec->path({"template", "metadata", "labels"});
      if (const yaml::Node* n = o->spec->get("replicas"))
        if (std::optional<long long> v = n->as_int32()) r.replicas = *v;
      if (const Scaler* s = first_scalers.of(*o)) {
        r.scaler = s;
        r.replicas = s->min_replicas;
      }
      out.push_back(r);
    }
  return out;
}

std::string count_source(const Replicated& r)
{
  if (r.scaler)
    return fmt::format("{} min {}", r.scaler->object->display_name(), r.replicas);
  return fmt::format("{} replicas", r.replicas);
}

// An IntOrString budget resolved against `total` pods; percentages round up, as the disruption controller does.
std::optional<long long> resolve(const yaml::Node* value, long long total)
{
  std::string_view text = value->str();
  if (text.ends_with('%')) {
    // As Kubernetes reads it (strconv.Atoi): an optional '+', then digits only; a sign other than '+' is out of range.
    std::optional<long long> pct = yaml::parse_int(text.substr(0, text.size() - 1));
    if (!pct || *pct < 0 || *pct > 100) return std::nullopt;
    return (*pct * total + 99) / 100;
  }
  return value->as_int32();
}

const Object* model_server_target(const CheckContext& ctx, const std::vector<const Replicated*>& targets)
{
  std::vector<std::string> images = ctx.rule.param_strings("modelServerImages");
  for (const Replicated* r : targets)
    for (const PodTemplate& pod : ctx.graph.pods_of(r->workload))
      for (const yaml::Node* c : pod.containers)
        if (is_model_server(pod, c, images)) return r->workload;
  return nullptr;
}

// A model server that never becomes Ready (out of memory while loading weights, a bad driver) counts against the
// budget under the default IfHealthyBudget, and the eviction API then refuses to move it: the GPU node's drain
// and driver upgrade wait on a pod that will never serve.
void check_eviction_policy(const CheckContext& ctx, const Object& pdb, const std::vector<const Replicated*>& targets)
{
  const yaml::Node* policy = pdb.spec->get("unhealthyPodEvictionPolicy");
  if (policy && policy->str() == "AlwaysAllow") return;
  const Object* server = model_server_target(ctx, targets);
  if (!server) return;
  ctx.sink.report(pdb, policy ? policy : pdb.root->key_node("spec"),
                  fmt::format("{} selects model-server pods of {} {}: a pod stuck unready (weights that do not fit, a "
                              "failed load) blocks node drains; set unhealthyPodEvictionPolicy: AlwaysAllow",
                              pdb.display_name(), server->display_name(),
                              policy ? fmt::format("with unhealthyPodEvictionPolicy {}", policy->str())
                                     : std::string("without unhealthyPodEvictionPolicy")),
                  {{server, nullptr, "runs a model server"}});
}

void check_budget(const CheckContext& ctx, const Object& pdb, const std::vector<const Replicated*>& targets)
{
  check_eviction_policy(ctx, pdb, targets);
  long long total = 0;
  std::string parts;
  std::vector<Related> related;
  for (const Replicated* r : targets) {
    total += r->replicas;
    parts += fmt::format("{}{} {}", parts.empty() ? "" : " + ", r->workload->display_name(), count_source(*r));
    related.push_back({r->workload, nullptr, fmt::format("selected: {}", count_source(*r))});
  }
  if (total <= 0) return;
  const yaml::Node* min_available = pdb.spec->get("minAvailable");
  const yaml::Node* max_unavailable = pdb.spec->get("maxUnavailable");
  const yaml::Node* field = min_available ? min_available : max_unavailable;
  if (!field) return;
  std::optional<long long> v = resolve(field, total);
  std::string_view name = min_available ? "minAvailable" : "maxUnavailable";
  if (!v) {
    ctx.sink.report(pdb, field, fmt::format("{} '{}' is neither a 32-bit integer nor a percentage from 0% to 100%", name, field->str()));
    return;
  }
  std::string resolved = field->str().ends_with('%') ? fmt::format("{} (= {} pods, rounded up)", field->str(), *v) : std::string(field->str());
  if (min_available && *v >= total)
    ctx.sink.report(pdb, field,
                    fmt::format("{} minAvailable {} ≥ {} expected pods ({}): no pod may ever be evicted, so node drains "
                                "and upgrades block",
                                pdb.display_name(), resolved, total, parts),
                    std::move(related));
  else if (!min_available && *v < 1)
    ctx.sink.report(pdb, field,
                    fmt::format("{} maxUnavailable {} of {} expected pods ({}) allows no eviction: node drains and "
                                "upgrades block",
                                pdb.display_name(), resolved, total, parts),
                    std::move(related));
}

// Without minAvailable or maxUnavailable the disruption controller allows every eviction: the budget protects nothing.
// (policy/v1beta1 defaulted minAvailable to 1; policy/v1 has no default.)
void check_budget_policy(const CheckContext& ctx, const Object& pdb)
{
  if (pdb.version != "v1" || pdb.spec->get("minAvailable") || pdb.spec->get("maxUnavailable")) return;
  ctx.sink.report(pdb, pdb.root->key_node("spec"),
                  fmt::format("{} sets neither minAvailable nor maxUnavailable: it allows every eviction, so a node "
                              "drain may still take all of its pods at once", pdb.display_name()));
}

// A budget another deployment unit of the input holds for the workload's pods (an alternative file's, applied with
// it): the workload is not without one.
bool budget_in_other_unit(const Graph& graph, const Replicated& r)
{
  if (!graph.input() || !r.labels) return false;
  for (const Object* pdb : graph.input()->of_kind_in("PodDisruptionBudget", r.workload->scope))
    if (pdb->is("PodDisruptionBudget", "policy") && pdb->spec &&
        label_selector_matches(pdb->spec->get("selector"), r.labels))
      return true;
  return false;
}

void report_missing(const CheckContext& ctx, const Replicated& r)
{
  const Object& w = *r.workload;
  if (r.budgets.size() > 1) {
    std::vector<Related> related;
    for (const Object* b : r.budgets) related.push_back({b, b->spec->get("selector"), "selects the same pods"});
    ctx.sink.report(w, w.root->key_node("metadata"),
                    fmt::format("pods of {} are selected by {} PodDisruptionBudgets ({}, …): the eviction API refuses "
                                "pods with more than one budget",
                                w.display_name(), r.budgets.size(), r.budgets.front()->display_name()),
                    std::move(related));
    return;
  }
  if (!r.budgets.empty() || r.replicas < 2 || budget_in_other_unit(ctx.graph, r)) return;
  if (r.scaler)
    ctx.sink.report(w, w.root->key_node("metadata"),
                    fmt::format("{} runs at least {} pods ({}) but no PodDisruptionBudget selects them: a node drain "
                                "may evict them all at once",
                                w.display_name(), r.replicas, r.scaler->object->display_name()),
                    {{r.scaler->object, r.scaler->min_node, "sets the minimum"}});
  else
    ctx.sink.report(w, w.spec->get("replicas"),
                    fmt::format("{} runs {} replicas but no PodDisruptionBudget selects its pods: a node drain may "
                                "evict them all at once",
                                w.display_name(), r.replicas));
}

}  // namespace

void check_disruption_budget(const CheckContext& ctx)
{
  std::vector<Scaler> scalers = all_scalers(ctx.graph);
  std::vector<Replicated> workloads = replicated_workloads(ctx.graph, scalers);
  std::map<std::string_view, NamespaceWorkloads> by_namespace;
  for (Replicated& r : workloads) {
    NamespaceWorkloads& n = by_namespace[r.workload->scope];
    n.workloads.push_back(&r);
    n.labels.add(r.labels);
  }
  for (const Object* pdb : ctx.graph.of_kind("PodDisruptionBudget")) {
    if (!pdb->is("PodDisruptionBudget", "policy") || !pdb->spec) continue;
    check_budget_policy(ctx, *pdb);
    auto in_namespace = by_namespace.find(pdb->scope);
    if (in_namespace == by_namespace.end()) continue;
    const yaml::Node* selector = pdb->spec->get("selector");
    std::vector<const Replicated*> targets;
    for (size_t i : in_namespace->second.labels.candidates(selector))
      if (Replicated* r = in_namespace->second.workloads[i]; label_selector_matches(selector, r->labels)) {
        if (std::none_of(r->budgets.begin(), r->budgets.end(), [&](const Object* b) { return same_identity(*b, *pdb); }))
          r->budgets.push_back(pdb);  // a copy of a budget already counted is that budget
        targets.push_back(r);
      }
    if (!targets.empty()) check_budget(ctx, *pdb, targets);
  }
  for (const Replicated& r : workloads) report_missing(ctx, r);
}

}  // namespace readyctl::lint
