// selector-match: a workload's selector matches the labels of its own pod template, or the API server rejects it
// (apps/v1) or the controller adopts pods it did not make.
#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

struct SelectorWorkload {
  std::string_view kind;
  std::string_view group;
};

// Kinds whose `spec.selector` must select `spec.template`'s pods. A Job's selector is generated unless
// `manualSelector: true`; LeaderWorkerSet, JobSet and the operator kinds have no selector field: their controllers
// write it.
constexpr SelectorWorkload k_selector_workloads[] = {
    {"Deployment", "apps"}, {"StatefulSet", "apps"}, {"DaemonSet", "apps"},
    {"ReplicaSet", "apps"}, {"Job", "batch"},        {"Rollout", "argoproj.io"},
};

bool has_own_selector(const Object& o)
{
  for (const SelectorWorkload& w : k_selector_workloads)
    if (o.is(w.kind, w.group)) return o.kind != "Job" || is_true(o.spec->get("manualSelector"));
  return false;
}

std::string quoted_labels(const yaml::Node* labels)
{
  if (!labels || !labels->is_mapping() || labels->size() == 0) return "no labels";
  std::string out;
  for (auto [key, value] : labels->entries()) out += fmt::format("{}{}={}", out.empty() ? "" : ", ", key->str(), value->str());
  return out;
}

// The first requirement of the selector the labels fail, as a reader would name it.
std::string unmet_requirement(const yaml::Node* selector, const yaml::Node* labels)
{
  if (const yaml::Node* ml = selector->get("matchLabels"); ml && ml->is_mapping())
    for (auto [key, value] : ml->entries()) {
      const yaml::Node* has = labels ? labels->get(key->str()) : nullptr;
      if (!has) return fmt::format("matchLabels {}={} (the template has no label '{}')", key->str(), value->str(), key->str());
      if (has->str() != value->str())
        return fmt::format("matchLabels {}={} (the template has {}={})", key->str(), value->str(), key->str(), has->str());
    }
  return fmt::format("its matchExpressions (the template has {})", quoted_labels(labels));
}

bool empty_label_selector(const yaml::Node* selector)
{
  const yaml::Node* ml = selector->get("matchLabels");
  const yaml::Node* exprs = selector->get("matchExpressions");
  return (!ml || ml->size() == 0) && (!exprs || exprs->size() == 0);
}

void check_selects_own_template(const CheckContext& ctx, const Object& o)
{
  const yaml::Node* selector = o.spec->get("selector");
  const yaml::Node* metadata = o.spec->path({"template", "metadata"});
  if (!selector || !selector->is_mapping() || !o.spec->get("template")) return;  // unset: defaulted or not applicable
  const yaml::Node* labels = metadata ? metadata->get("labels") : nullptr;
  const yaml::Node* at = o.spec->key_node("selector");
  std::vector<Related> related;
  if (labels) related.push_back({&o, metadata->key_node("labels"), "the pod template's labels"});
  if (empty_label_selector(selector)) {
    ctx.sink.report(o, at,
                    fmt::format("{} has an empty selector, which would select every pod of its namespace: the API "
                                "server rejects it",
                                o.display_name()),
                    std::move(related));
    return;
  }
  if (label_selector_matches(selector, labels)) return;
  ctx.sink.report(o, at,
                  fmt::format("{}'s selector does not select its own pod template: {} is not met, so the API server "
                              "rejects it (or, where it does not validate, the controller never sees the pods it makes)",
                              o.display_name(), unmet_requirement(selector, labels)),
                  std::move(related));
}

}  // namespace

void check_selector_match(const CheckContext& ctx)
{
  for (const Object& o : ctx.objects())
    if (o.spec && o.spec->is_mapping() && has_own_selector(o)) check_selects_own_template(ctx, o);
}

}  // namespace readyctl::lint
