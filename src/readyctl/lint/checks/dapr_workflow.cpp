// workflow-state-store and workflow-concurrency: what a Dapr workflow app needs to run durably and boundedly.
#include <set>
#include <string>

#include <fmt/format.h>

#include "readyctl/lint/checks/platform_checks.hpp"
#include "readyctl/lint/checks/platform_dapr.hpp"
#include "readyctl/lint/checks/platform_dapr_index.hpp"

namespace readyctl::lint {
namespace {

std::string names(const std::vector<const Object*>& objects)
{
  std::string out;
  for (const Object* o : objects) out += fmt::format("{}{}", out.empty() ? "" : ", ", o->name);
  return out;
}

std::vector<Related> related_all(const std::vector<const Object*>& objects, std::string_view why)
{
  std::vector<Related> out;
  for (const Object* o : objects) out.push_back({o, nullptr, std::string(why)});
  return out;
}

// The app sees no actor store: say which stores exist but leave it out, so the fix is obvious.
void report_missing_store(const CheckContext& ctx, const dapr::App& app, const std::vector<const Object*>& others)
{
  if (others.empty()) {
    ctx.sink.report(*app.pod->owner, app.at,
                    fmt::format("Dapr workflow app '{}' has no actor state store (a state Component with "
                                "actorStateStore: \"true\") in its namespace",
                                app.id));
    return;
  }
  ctx.sink.report(*app.pod->owner, app.at,
                  fmt::format("Dapr workflow app '{}' is not in the scopes of the actor state store(s) {}", app.id,
                              names(others)),
                  related_all(others, "actor state store scoped to other apps"));
}

void check_store(const CheckContext& ctx, const Object& store, const dapr::App& app, std::set<const Object*>& seen)
{
  if (!seen.insert(&store).second) return;
  if (dapr::component_type(store) == "state.in-memory")
    ctx.sink.report(store, store.spec->get("type"),
                    fmt::format("actor state store '{}' of workflow app '{}' is state.in-memory: workflow history "
                                "is lost when the sidecar restarts",
                                store.name, app.id),
                    {{app.pod->owner, app.at, "workflow app"}});
  if (!dapr::has_scopes(store))
    ctx.sink.report(store, store.root,
                    fmt::format("actor state store '{}' of workflow app '{}' has no scopes: every app in the "
                                "namespace loads it as its actor store",
                                store.name, app.id),
                    {{app.pod->owner, app.at, "workflow app"}});
}

bool positive_int(const yaml::Node* n)
{
  std::optional<long long> v = n ? n->as_int() : std::nullopt;
  return v && *v > 0;
}

void check_workflow_block(const CheckContext& ctx, const Object& config, std::string_view why,
                          const std::vector<Related>& related = {})
{
  static constexpr std::string_view k_caps[] = {"maxConcurrentWorkflowInvocations",
                                                "maxConcurrentActivityInvocations"};
  const yaml::Node* workflow = config.spec ? config.spec->get("workflow") : nullptr;
  std::string missing;
  for (std::string_view cap : k_caps) {
    const yaml::Node* n = workflow ? workflow->get(cap) : nullptr;
    if (n && !positive_int(n)) {
      ctx.sink.report(config, n,
                      fmt::format("Configuration '{}' sets spec.workflow.{} to '{}'; expected a positive integer",
                                  config.name, cap, n->str()));
    } else if (!n) {
      missing += fmt::format("{}{}", missing.empty() ? "" : " and ", cap);
    }
  }
  if (missing.empty()) return;
  const yaml::Node* at = workflow ? workflow : (config.spec ? config.spec : config.root);
  ctx.sink.report(config, at,
                  fmt::format("Configuration '{}' ({}) does not set spec.workflow.{}: the sidecar runs workflows "
                              "and activities without a concurrency cap",
                              config.name, why, missing),
                  related);
}

}  // namespace

void check_workflow_state_store(const CheckContext& ctx)
{
  const auto& index = ctx.graph.cached<dapr::Index>();
  std::set<const Object*> seen;
  for (const dapr::App& app : dapr::apps(ctx.graph)) {
    if (!dapr::is_workflow_app(ctx.graph, app)) continue;
    const std::vector<const Object*> visible = index.visible_actor_stores(app);
    // Without any Component in the input, the stores are managed elsewhere and cannot be judged.
    // With none visible, every store of the namespace is one the app is left out of.
    if (visible.empty() && index.has_components()) report_missing_store(ctx, app, index.actor_stores(app.ns));
    if (visible.size() > 1)
      ctx.sink.report(*app.pod->owner, app.at,
                      fmt::format("Dapr workflow app '{}' loads {} actor state stores ({}); Dapr needs exactly one",
                                  app.id, visible.size(), names(visible)),
                      related_all(visible, "actor state store"));
    for (const Object* store : visible) check_store(ctx, *store, app, seen);
  }
}

void check_workflow_concurrency(const CheckContext& ctx)
{
  std::set<const Object*> checked;
  for (const dapr::App& app : dapr::apps(ctx.graph)) {
    if (!dapr::is_workflow_app(ctx.graph, app)) continue;
    if (app.pod->annotation("dapr.io/config").empty()) {
      ctx.sink.report(*app.pod->owner, app.at,
                      fmt::format("Dapr workflow app '{}' names no Configuration (dapr.io/config), so its "
                                  "workflows and activities run without spec.workflow concurrency caps",
                                  app.id));
      continue;
    }
    if (const Object* config = dapr::app_configuration(ctx.graph, app); config && checked.insert(config).second)
      check_workflow_block(ctx, *config, fmt::format("used by workflow app '{}'", app.id),
                           {{app.pod->owner, app.at, "workflow app"}});
  }
  for (const Object* config : dapr::resources(ctx.graph, "Configuration"))
    if (config->spec && config->spec->get("workflow") && checked.insert(config).second)
      check_workflow_block(ctx, *config, "has a spec.workflow block");
}

}  // namespace readyctl::lint
