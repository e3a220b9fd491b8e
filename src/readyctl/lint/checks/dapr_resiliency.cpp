// resiliency-coverage and resiliency-reference: Dapr Resiliency targets, the policies they name, and the apps,
// HTTPEndpoints and state/pubsub Components they leave uncovered.
#include <algorithm>
#include <functional>
#include <iterator>
#include <map>
#include <set>
#include <span>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/lint/checks/platform_checks.hpp"
#include "readyctl/lint/checks/platform_dapr.hpp"

namespace readyctl::lint {
namespace {

// One Resiliency's policy tables.
struct Policies {
  const yaml::Node* timeouts = nullptr;
  const yaml::Node* retries = nullptr;
  const yaml::Node* breakers = nullptr;
};

Policies policies_of(const Object& r)
{
  const yaml::Node* p = r.spec ? r.spec->get("policies") : nullptr;
  if (!p) return {};
  return {p->get("timeouts"), p->get("retries"), p->get("circuitBreakers")};
}

const yaml::Node* lookup(const yaml::Node* table, std::string_view name)
{
  return table && !name.empty() ? table->get(name) : nullptr;
}

std::string defined(const yaml::Node* table)
{
  std::string out;
  if (table)
    for (auto [key, value] : table->entries()) out += fmt::format("{}{}", out.empty() ? "" : ", ", key->str());
  return out.empty() ? "none" : out;
}

// --- resiliency-reference ---------------------------------------------------------------------------------

struct Field {
  std::string_view key;
  const yaml::Node* Policies::*table;
  std::string_view table_name;
};

constexpr Field k_fields[] = {
    {"timeout", &Policies::timeouts, "timeouts"},
    {"retry", &Policies::retries, "retries"},
    {"circuitBreaker", &Policies::breakers, "circuitBreakers"},
};

// A target's timeout may also be an inline duration ("timeout: 5s"), which needs no policy.
bool resolves(const Policies& p, const Field& f, const yaml::Node* value)
{
  if (lookup(p.*f.table, value->str())) return true;
  return f.key == "timeout" && parse_duration_seconds(value->str()).has_value();
}

void check_target_entry(const CheckContext& ctx, const Object& r, const Policies& p, const yaml::Node* entry,
                        const std::string& where)
{
  if (!entry || !entry->is_mapping()) return;
  for (const Field& f : k_fields) {
    const yaml::Node* value = entry->get(f.key);
    if (!value || resolves(p, f, value)) continue;
    ctx.sink.report(r, value,
                    fmt::format("Resiliency '{}' target {} names {} policy '{}', which spec.policies.{} does not "
                                "define (defined: {})",
                                r.name, where, f.key, value->str(), f.table_name, defined(p.*f.table)));
  }
}

void check_resiliency_references(const CheckContext& ctx, const Object& r)
{
  const Policies p = policies_of(r);
  const yaml::Node* targets = r.spec ? r.spec->get("targets") : nullptr;
  if (!targets) return;
  for (std::string_view group : {"apps", "actors"})
    if (const yaml::Node* table = targets->get(group))
      for (auto [name, entry] : table->entries())
        check_target_entry(ctx, r, p, entry, fmt::format("{}.{}", group, name->str()));
  if (const yaml::Node* table = targets->get("components"))
    for (auto [name, entry] : table->entries())
      for (std::string_view dir : {"outbound", "inbound"})
        check_target_entry(ctx, r, p, entry->get(dir), fmt::format("components.{}.{}", name->str(), dir));
}

// The Resiliency's application is in the input when an app shares its stated namespace exactly, or when one of
// its scopes or app targets is an app-id of the input; manifests of unrelated projects are not cross-checked.
bool application_in_input(const Object& r, const std::vector<const dapr::App*>& candidates)
{
  for (const dapr::App* a : candidates)
    if (a->ns == r.scope) return true;
  auto known = [&](std::string_view id) {
    return std::any_of(candidates.begin(), candidates.end(), [&](const dapr::App* a) { return a->id == id; });
  };
  for (const yaml::Node* scope : dapr::scopes(r)->children())
    if (known(scope->str())) return true;
  if (const yaml::Node* targets = r.spec ? r.spec->path({"targets", "apps"}) : nullptr)
    for (auto [name, entry] : targets->entries())
      if (known(name->str())) return true;
  return false;
}

void check_scopes(const CheckContext& ctx, const Object& r, const std::vector<dapr::App>& apps)
{
  const yaml::Node* s = dapr::scopes(r);
  if (!s) return;
  std::vector<const dapr::App*> candidates;
  std::string known;
  for (const dapr::App& a : apps) {
    if (!dapr::same_namespace(a.ns, r.scope)) continue;
    candidates.push_back(&a);
    if (known.find(fmt::format("'{}'", a.id)) == std::string::npos)
      known += fmt::format("{}'{}'", known.empty() ? "" : ", ", a.id);
  }
  if (candidates.empty() || !application_in_input(r, candidates)) return;
  for (const yaml::Node* scope : s->children())
    if (!dapr::find_app(apps, r.scope, scope->str()))
      ctx.sink.report(r, scope,
                      fmt::format("Resiliency '{}' is scoped to app-id '{}', which no Dapr-enabled workload in the "
                                  "input runs (app-ids: {})",
                                  r.name, scope->str(), known));
}

// --- resiliency-coverage ----------------------------------------------------------------------------------

enum class TargetKind { app, endpoint, statestore, pubsub };

struct Target {
  TargetKind kind;
  std::string_view name;
  std::string_view ns;
  const Object* object;      // owner workload or the resource itself
  const yaml::Node* at;      // where the finding points
  const Object* scoped = nullptr;  // the resource whose scopes name its users (endpoints, components)
};

std::string_view kind_text(TargetKind k)
{
  switch (k) {
  case TargetKind::app: return "Dapr app-id";
  case TargetKind::endpoint: return "HTTPEndpoint";
  case TargetKind::statestore: return "state store Component";
  case TargetKind::pubsub: return "pub/sub Component";
  }
  return "";
}

// Default policy names that apply to the target, most specific first (Dapr "Default%sTimeoutPolicy").
std::vector<std::string> default_names(TargetKind kind, std::string_view policy)
{
  std::vector<std::string_view> prefixes;
  switch (kind) {
  case TargetKind::app:
  case TargetKind::endpoint: prefixes = {"App", ""}; break;
  case TargetKind::statestore:
    prefixes = {"StatestoreComponentOutbound", "ComponentOutbound", "Component", ""};
    break;
  case TargetKind::pubsub:
    prefixes = {"PubsubComponentOutbound", "PubsubComponentInbound", "ComponentOutbound", "ComponentInbound",
                "Component", ""};
    break;
  }
  std::vector<std::string> out;
  for (std::string_view p : prefixes) out.push_back(fmt::format("Default{}{}Policy", p, policy));
  return out;
}

// The Resiliency loads into at least one app that uses the target.
bool applies(const Object& r, const Target& t)
{
  if (!dapr::same_namespace(r.scope, t.ns)) return false;
  if (!dapr::has_scopes(r)) return true;
  for (const yaml::Node* scope : dapr::scopes(r)->children()) {
    if (t.kind == TargetKind::app && scope->str() != t.name) return true;
    if (t.kind != TargetKind::app && (!t.scoped || dapr::in_scope(*t.scoped, scope->str()))) return true;
  }
  return false;
}

// Target entries of the Resiliency for t: the app entry, or the component's inbound/outbound entries.
std::vector<const yaml::Node*> entries_for(const Object& r, const Target& t)
{
  const yaml::Node* targets = r.spec ? r.spec->get("targets") : nullptr;
  std::vector<const yaml::Node*> out;
  if (!targets) return out;
  if (t.kind == TargetKind::app || t.kind == TargetKind::endpoint) {
    if (const yaml::Node* e = targets->path({"apps", t.name})) out.push_back(e);
  } else if (const yaml::Node* c = targets->path({"components", t.name})) {
    for (std::string_view dir : {"outbound", "inbound"})
      if (const yaml::Node* e = c->get(dir)) out.push_back(e);
  }
  return out;
}

struct Verdict {
  bool covered = false;
  std::string problem;  // why this Resiliency does not cover the target
};

std::string_view effective(const yaml::Node* entry, std::string_view key, const yaml::Node* table,
                           const std::vector<std::string>& defaults)
{
  if (const yaml::Node* v = entry ? entry->get(key) : nullptr) return v->str();
  for (const std::string& d : defaults)
    if (lookup(table, d)) return table->key_node(d)->str();
  return {};
}

std::string judge_timeout(const Policies& p, std::string_view name)
{
  if (name.empty()) return "gives no timeout";
  const yaml::Node* t = lookup(p.timeouts, name);
  std::optional<double> seconds = parse_duration_seconds(t ? t->str() : name);
  if (!seconds) return fmt::format("timeout '{}' is not a defined policy or duration", name);
  if (*seconds <= 0) return fmt::format("timeout '{}' is {}", name, t ? t->str() : name);
  return {};
}

std::string judge_retry(const Policies& p, std::string_view name)
{
  if (name.empty()) return "gives no retry";
  const yaml::Node* r = lookup(p.retries, name);
  if (!r) return fmt::format("retry '{}' is not a defined policy", name);
  const yaml::Node* max = r->get("maxRetries");
  std::optional<long long> n = max ? max->as_int() : std::nullopt;
  if (!max) return fmt::format("retry '{}' sets no maxRetries (Dapr's default -1 retries forever)", name);
  if (!n || *n < 0) return fmt::format("retry '{}' has maxRetries {} (unbounded)", name, max->str());
  return {};
}

Verdict judge(const Object& r, const Target& t)
{
  const Policies p = policies_of(r);
  std::vector<const yaml::Node*> entries = entries_for(r, t);
  const bool has_defaults = !effective(nullptr, "timeout", p.timeouts, default_names(t.kind, "Timeout")).empty() ||
                            !effective(nullptr, "retry", p.retries, default_names(t.kind, "Retry")).empty();
  if (entries.empty() && !has_defaults) return {};
  if (entries.empty()) entries.push_back(nullptr);  // default policies only
  std::string problem;
  for (const yaml::Node* e : entries) {
    std::string why = judge_timeout(p, effective(e, "timeout", p.timeouts, default_names(t.kind, "Timeout")));
    std::string retry = judge_retry(p, effective(e, "retry", p.retries, default_names(t.kind, "Retry")));
    if (why.empty() && retry.empty()) return {true, {}};
    if (!why.empty() && !retry.empty()) why += " and " + retry;
    problem = why.empty() ? retry : why;
  }
  return {false, fmt::format("Resiliency '{}' targets it but {}", r.name, problem)};
}

bool has_default_policies(const Object& r, TargetKind kind)
{
  const Policies p = policies_of(r);
  return !effective(nullptr, "timeout", p.timeouts, default_names(kind, "Timeout")).empty() ||
         !effective(nullptr, "retry", p.retries, default_names(kind, "Retry")).empty();
}

// The Resiliencies that can judge a target: those naming it under spec.targets and those with default policies for
// its kind. judge() returns an empty verdict for every other one, so skipping them changes nothing and keeps the
// check linear instead of (targets x resiliencies).
class ResiliencyIndex {
public:
  explicit ResiliencyIndex(const std::vector<const Object*>& all) : m_all(all)
  {
    for (size_t i = 0; i < all.size(); ++i) {
      const Object& r = *all[i];
      const yaml::Node* targets = r.spec ? r.spec->get("targets") : nullptr;
      index_names(targets ? targets->get("apps") : nullptr, m_apps, i);
      index_names(targets ? targets->get("components") : nullptr, m_components, i);
      for (TargetKind k : {TargetKind::app, TargetKind::endpoint, TargetKind::statestore, TargetKind::pubsub})
        if (has_default_policies(r, k)) m_defaults[static_cast<size_t>(k)].push_back(i);
    }
  }

  // In input order, like the full list.
  std::vector<const Object*> candidates(const Target& t) const
  {
    const bool app_like = t.kind == TargetKind::app || t.kind == TargetKind::endpoint;
    const auto& by_name = app_like ? m_apps : m_components;
    auto named = by_name.find(t.name);
    static const std::vector<size_t> none;
    const std::vector<size_t>& a = named == by_name.end() ? none : named->second;
    const std::vector<size_t>& b = m_defaults[static_cast<size_t>(t.kind)];
    std::vector<size_t> merged;
    std::set_union(a.begin(), a.end(), b.begin(), b.end(), std::back_inserter(merged));
    std::vector<const Object*> out;
    out.reserve(merged.size());
    for (size_t i : merged) out.push_back(m_all[i]);
    return out;
  }

private:
  using NameIndex = std::map<std::string_view, std::vector<size_t>, std::less<>>;
  static void index_names(const yaml::Node* table, NameIndex& index, size_t i)
  {
    if (!table) return;
    for (auto [key, value] : table->entries()) {
      std::vector<size_t>& list = index[key->str()];
      if (list.empty() || list.back() != i) list.push_back(i);
    }
  }

  const std::vector<const Object*>& m_all;
  NameIndex m_apps;
  NameIndex m_components;
  std::vector<size_t> m_defaults[4];  // by TargetKind
};

// App-ids are judged only for apps with an app channel: without dapr.io/app-port nothing can invoke the app, so a
// Resiliency target for its app-id would protect no caller.
std::vector<Target> coverage_targets(const Graph& graph)
{
  std::vector<Target> out;
  std::set<std::pair<std::string_view, std::string_view>> seen;
  for (const dapr::App& a : dapr::apps(graph))
    if (dapr::has_app_channel(*a.pod) && seen.insert({a.ns, a.id}).second)
      out.push_back({TargetKind::app, a.id, a.ns, a.pod->owner, a.at});
  for (const Object* e : dapr::resources(graph, "HTTPEndpoint"))
    out.push_back({TargetKind::endpoint, e->name, e->scope, e, e->spec ? e->spec->get("baseUrl") : nullptr, e});
  for (const Object* c : dapr::resources(graph, "Component")) {
    const std::string_view type = dapr::component_type(*c);
    const yaml::Node* at = c->spec ? c->spec->get("type") : nullptr;
    if (type.starts_with("state.")) out.push_back({TargetKind::statestore, c->name, c->scope, c, at, c});
    if (type.starts_with("pubsub.")) out.push_back({TargetKind::pubsub, c->name, c->scope, c, at, c});
  }
  return out;
}

// Built once per run and shared by every window: targets sorted by the object they belong to (stable, so one
// object's targets keep their order), so a window finds its own by address.
struct CoverageIndex {
  explicit CoverageIndex(const Graph& graph)
      : resiliencies(dapr::resources(graph, "Resiliency")), index(resiliencies), targets(coverage_targets(graph))
  {
    std::stable_sort(targets.begin(), targets.end(),
                     [](const Target& a, const Target& b) { return std::less<const Object*>{}(a.object, b.object); });
  }
  CoverageIndex(const CoverageIndex&) = delete;  // `index` refers to `resiliencies`
  CoverageIndex& operator=(const CoverageIndex&) = delete;

  std::span<const Target> targets_in(const Window& window) const
  {
    return window.slice(std::span<const Target>(targets), [](const Target& t) { return t.object; });
  }

  const std::vector<const Object*> resiliencies;
  const ResiliencyIndex index;
  std::vector<Target> targets;
};

}  // namespace

void check_resiliency_reference(const CheckContext& ctx)
{
  const std::vector<dapr::App> apps = dapr::apps(ctx.graph);
  for (const Object* r : dapr::resources(ctx.graph, "Resiliency")) {
    check_resiliency_references(ctx, *r);
    check_scopes(ctx, *r, apps);
  }
}

void check_resiliency_coverage(const CheckContext& ctx)
{
  const CoverageIndex& coverage = ctx.graph.cached<CoverageIndex>();
  for (const Target& t : coverage.targets_in(ctx.window)) {
    std::vector<std::string> problems;
    std::vector<Related> related;
    bool covered = false;
    for (const Object* r : coverage.index.candidates(t)) {
      if (!applies(*r, t)) continue;
      Verdict v = judge(*r, t);
      if (v.covered) {
        covered = true;
        break;
      }
      if (!v.problem.empty()) {
        problems.push_back(std::move(v.problem));
        related.push_back({r, nullptr, "Resiliency that targets it"});
      }
    }
    if (covered) continue;
    std::string why = problems.empty() ? std::string("no Resiliency loaded by the apps that call it targets it") : problems.front();
    for (size_t i = 1; i < problems.size(); ++i) why += "; " + problems[i];
    ctx.sink.report(*t.object, t.at,
                    fmt::format("{} '{}' has no Resiliency with a timeout and a bounded retry: {}", kind_text(t.kind),
                                t.name, why),
                    std::move(related));
  }
}

}  // namespace readyctl::lint
