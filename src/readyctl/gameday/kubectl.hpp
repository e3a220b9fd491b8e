// Kubernetes through kubectl: resolves targets, enforces the context allowlist and blast-radius caps, builds the
// exact command lines, and knows the undo of the ops that have one.
#pragma once
#include <string>
#include <vector>

#include "readyctl/gameday/process_table.hpp"
#include "readyctl/gameday/scenario.hpp"

namespace readyctl::gameday {

struct KubePlan {
  std::string context;
  std::vector<std::string> found;    // every object the selector resolved
  std::vector<std::string> targets;  // the ones the action will touch
  std::vector<std::vector<std::string>> commands;  // kubectl argument lists (without "kubectl")
  Json auto_undo;  // an action (kubernetes spec) reversing this one, or null
};

// The context a resolved spec uses (its own, else the first allowed one); InputError when it is not allowed.
std::string kube_context(const std::optional<Template>& context, const Safety& safety);

// Resolves the targets of a kubernetes action (its spec resolved) and checks every safety rule. Throws InputError
// for a refusal (context, caps) and EnvironmentError for kubectl failures and zero targets.
KubePlan plan_kubernetes_action(const KubeActionSpec& spec, const Safety& safety, double timeout,
                                const StopCheck& should_stop);

// Runs the plan's commands in order; EnvironmentError when one fails.
Json execute_kubernetes_plan(const KubePlan& plan, double timeout, const StopCheck& should_stop);

// `kubectl get ... --output json` for probes: returns {count, names, items, object?}.
Json kubectl_get(const KubeGetSpec& spec, const Safety& safety, double timeout, const StopCheck& should_stop);

std::string render_command(const std::vector<std::string>& args);

}  // namespace readyctl::gameday
