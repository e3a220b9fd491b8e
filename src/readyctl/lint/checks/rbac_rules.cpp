#include "readyctl/lint/checks/rbac_rules.hpp"

#include "readyctl/lint/checks/bound_accounts.hpp"

namespace readyctl::lint {

bool is_rbac(const Object& o, std::string_view kind) { return o.is(kind, k_rbac_group); }

std::vector<const yaml::Node*> policy_rules(const Object& role)
{
  std::vector<const yaml::Node*> out;
  const yaml::Node* rules = role.root->get("rules");
  if (!rules || !rules->is_sequence()) return out;
  for (const yaml::Node* r : rules->children())
    if (r->is_mapping()) out.push_back(r);
  return out;
}

std::vector<const yaml::Node*> rule_items(const yaml::Node* rule, std::string_view field)
{
  std::vector<const yaml::Node*> out;
  const yaml::Node* list = rule->get(field);
  if (!list || !list->is_sequence()) return out;
  for (const yaml::Node* i : list->children())
    if (i->is_scalar()) out.push_back(i);
  return out;
}

const yaml::Node* find_rule_item(const yaml::Node* rule, std::string_view field, std::string_view value)
{
  for (const yaml::Node* i : rule_items(rule, field))
    if (i->str() == value) return i;
  return nullptr;
}

bool has_resource_names(const yaml::Node* rule)
{
  const yaml::Node* names = rule->get("resourceNames");
  return names && names->is_sequence() && names->size() > 0;
}

bool writes_controller_subresource(const yaml::Node* rule)
{
  bool writes = false;
  for (const yaml::Node* v : rule_items(rule, "verbs"))
    writes = writes || v->str() == "update" || v->str() == "patch" || v->str() == "*";
  if (!writes) return false;
  for (const yaml::Node* r : rule_items(rule, "resources"))
    if (r->str().ends_with("/status") || r->str().ends_with("/finalizers")) return true;
  return false;
}

bool is_controller_role(const Object& role)
{
  for (const yaml::Node* rule : policy_rules(role))
    if (writes_controller_subresource(rule)) return true;
  return false;
}

namespace {

// The role a binding names, preferring the copy in the binding's own file, then its directory (alternative install
// files linted together each define it).
const Object* find_near(const Graph& graph, std::string_view kind, std::string_view scope, std::string_view name,
                        const Object& near)
{
  const Object* first = graph.find(kind, scope, name);
  if (!first || first->file == near.file) return first;
  const Object* best = first;
  for (const Object* o : graph.of_kind_in(kind, scope))
    if (o->name == name && closeness(*o, &near) > closeness(*best, &near)) best = o;
  return best;
}

}  // namespace

const Object* bound_role(const Graph& graph, const Object& binding)
{
  const yaml::Node* ref = binding.root->get("roleRef");
  const yaml::Node* kind = ref ? ref->get("kind") : nullptr;
  const yaml::Node* name = ref ? ref->get("name") : nullptr;
  if (!kind || !name) return nullptr;
  if (kind->str() == "ClusterRole") {
    const Object* role = find_near(graph, "ClusterRole", "", name->str(), binding);
    return role && is_rbac(*role, "ClusterRole") ? role : nullptr;
  }
  if (kind->str() != "Role" || binding.kind != "RoleBinding") return nullptr;
  const Object* role = find_near(graph, "Role", binding.scope, name->str(), binding);
  return role && is_rbac(*role, "Role") ? role : nullptr;
}

}  // namespace readyctl::lint
