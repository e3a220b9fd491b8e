#include "readyctl/gameday/scenario.hpp"

#include "readyctl/gameday/action_types.hpp"

namespace readyctl::gameday {

namespace {

bool step_touches_cluster(const Step& step)
{
  if (step.kind != StepKind::action) return false;
  if (step.action.type->touches_cluster) return true;
  return step.undo && step.undo->type->touches_cluster;
}

}  // namespace

bool has_kubernetes_actions(const Scenario& scenario)
{
  for (const auto* list : {&scenario.setup, &scenario.steps, &scenario.rollbacks})
    for (const Step& step : *list)
      if (step_touches_cluster(step)) return true;
  return false;
}

}  // namespace readyctl::gameday
