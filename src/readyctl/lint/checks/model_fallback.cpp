// model-fallback: AI gateway rules have a backend to fall back to, and InferenceObjectives state a priority.
#include <set>

#include <fmt/format.h>

#include "readyctl/lint/checks/guardrail_checks.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"

namespace readyctl::lint {
namespace {

using namespace guardrail;

void check_ai_route(const CheckContext& ctx, const Object& route)
{
  std::vector<const yaml::Node*> rules = spec_list(route, "rules");
  for (size_t i = 0; i < rules.size(); ++i) {
    const yaml::Node* refs = rules[i]->get("backendRefs");
    if (!refs || !refs->is_sequence()) continue;
    std::set<long long> priorities;
    bool pool = false;
    for (const yaml::Node* ref : refs->children()) {
      const yaml::Node* kind = ref->get("kind");
      pool = pool || (kind && kind->str() == "InferencePool");
      const yaml::Node* p = ref->get("priority");
      priorities.insert(p ? p->as_int().value_or(0) : 0);
    }
    // An InferencePool is a rule's only backend in AI Gateway; its endpoint picker spreads over the replicas.
    if (pool || priorities.size() >= 2) continue;
    std::string label = fmt::format("{} {}", route.display_name(), describe_entry("rules", rules[i], i));
    if (refs->size() < 2)
      ctx.sink.report(route, key_of(rules[i], "backendRefs"),
                      fmt::format("{} has a single backend: when that provider fails or rate-limits, requests fail; "
                                  "add a second backendRef with a higher `priority` as fallback",
                                  label));
    else
      ctx.sink.report(route, key_of(rules[i], "backendRefs"),
                      fmt::format("{} has {} backends all at priority {}: traffic is split, none is a fallback",
                                  label, refs->size(), *priorities.begin()));
  }
}

void check_objective(const CheckContext& ctx, const Object& objective)
{
  if (objective.spec && objective.spec->get("priority")) return;
  ctx.sink.report(objective, spec_key(objective),
                  fmt::format("{} sets no `priority`: under load the endpoint picker cannot tell which requests "
                              "to shed first",
                              objective.display_name()));
}

}  // namespace

void check_model_fallback(const CheckContext& ctx)
{
  for (const Object* route : ctx.graph.of_kind("AIGatewayRoute"))
    if (route->is("AIGatewayRoute", k_ai_gateway_group)) check_ai_route(ctx, *route);
  for (const Object* o : ctx.graph.of_kind("InferenceObjective"))
    if (o->is("InferenceObjective", k_inference_group)) check_objective(ctx, *o);
}

}  // namespace readyctl::lint
