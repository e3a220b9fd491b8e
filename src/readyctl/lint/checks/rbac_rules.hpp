// Reading RBAC objects: the PolicyRules of a Role or ClusterRole, their items, and the role a binding names; shared
// by the rbac-* rules (what a role grants) and workload-rbac (which pods hold it).
#pragma once
#include <string_view>
#include <vector>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

inline constexpr std::string_view k_rbac_group = "rbac.authorization.k8s.io";

bool is_rbac(const Object& o, std::string_view kind);
// The PolicyRules of a Role or ClusterRole (top-level `rules`, not `spec`), mappings only.
std::vector<const yaml::Node*> policy_rules(const Object& role);
// The scalar items of a rule's list field (apiGroups, resources, verbs).
std::vector<const yaml::Node*> rule_items(const yaml::Node* rule, std::string_view field);
const yaml::Node* find_rule_item(const yaml::Node* rule, std::string_view field, std::string_view value);
bool has_resource_names(const yaml::Node* rule);
// Writing a status or finalizers subresource is what a controller reconciling objects does.
bool writes_controller_subresource(const yaml::Node* rule);
// A controller's role: one of its rules writes status or finalizers. It creates what it reconciles by design.
bool is_controller_role(const Object& role);
// The Role or ClusterRole a binding's roleRef names, when it is in the input: a RoleBinding reaches only the Role
// of its own scope; a ClusterRole has scope "".
const Object* bound_role(const Graph& graph, const Object& binding);

}  // namespace readyctl::lint
