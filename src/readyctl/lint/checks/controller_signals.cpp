#include "readyctl/lint/checks/controller_signals.hpp"

#include <array>
#include <string_view>

namespace readyctl::lint {
namespace {

constexpr std::array<std::string_view, 3> k_leader_election_flags = {"--leader-elect", "--enable-leader-election",
                                                                      "--leader-election"};
constexpr std::array<std::string_view, 2> k_namespace_variables = {"SYSTEM_NAMESPACE", "POD_NAMESPACE"};

// `--flag` or `--flag=<anything but false>`.
bool is_leader_election_arg(std::string_view arg)
{
  for (std::string_view flag : k_leader_election_flags) {
    if (arg == flag) return true;
    if (arg.size() > flag.size() && arg.substr(0, flag.size()) == flag && arg[flag.size()] == '=')
      return arg.substr(flag.size() + 1) != "false";
  }
  return false;
}

bool elects_leader(const yaml::Node* container)
{
  for (std::string_view key : {"command", "args"})
    if (const yaml::Node* list = container->get(key); list && list->is_sequence())
      for (const yaml::Node* arg : list->children())
        if (is_leader_election_arg(arg->str())) return true;
  return false;
}

bool runs_manager_binary(const yaml::Node* container)
{
  const yaml::Node* command = container->get("command");
  return command && command->is_sequence() && command->size() > 0 && command->children()[0]->str() == "/manager";
}

bool reads_own_namespace(const yaml::Node* container)
{
  const yaml::Node* env = container->get("env");
  if (!env || !env->is_sequence()) return false;
  for (const yaml::Node* var : env->children()) {
    if (!var->is_mapping()) continue;
    std::string_view name = var->str_at("name");
    bool known = false;
    for (std::string_view v : k_namespace_variables) known = known || name == v;
    const yaml::Node* field = var->path({"valueFrom", "fieldRef", "fieldPath"});
    if (known && field && field->str() == "metadata.namespace") return true;
  }
  return false;
}

}  // namespace

bool runs_controller(const PodTemplate& pod)
{
  for (const yaml::Node* c : pod.containers)
    if (c->is_mapping() && (elects_leader(c) || runs_manager_binary(c) || reads_own_namespace(c))) return true;
  return false;
}

}  // namespace readyctl::lint
