#include "readyctl/lint/checks/platform_dapr_index.hpp"

#include <algorithm>

namespace readyctl::lint::dapr {
namespace {

void add_once(std::vector<const Object*>& list, const Object* o)
{
  if (list.empty() || list.back() != o) list.push_back(o);
}

// Objects are one vector in input order, so address order is input order.
std::vector<const Object*> in_input_order(std::vector<const Object*> objects)
{
  std::sort(objects.begin(), objects.end());
  objects.erase(std::unique(objects.begin(), objects.end()), objects.end());
  return objects;
}

const std::vector<const Object*>& bucket(const std::unordered_map<std::string_view, std::vector<const Object*>>& map,
                                         std::string_view key)
{
  static const std::vector<const Object*> none;
  auto it = map.find(key);
  return it == map.end() ? none : it->second;
}

}  // namespace

Index::Index(const Graph& graph)
{
  for (const Object* c : resources(graph, "Component")) {
    m_has_components = true;
    if (!is_actor_state_store(*c)) continue;
    m_actor_stores.push_back(c);
    m_stores_by_namespace[c->scope].push_back(c);
    if (!has_scopes(*c)) {
      m_unscoped_stores.push_back(c);
      m_unscoped_by_namespace[c->scope].push_back(c);
      continue;
    }
    for (const yaml::Node* scope : scopes(*c)->children()) add_once(m_stores_by_scope[scope->str()], c);
  }
  for (const Object* config : resources(graph, "Configuration")) m_configurations[config->name].push_back(config);
}

std::vector<const Object*> Index::visible_from(const std::vector<const Object*>& all, const ByName& by_namespace,
                                               std::string_view ns)
{
  if (ns.empty()) return all;
  std::vector<const Object*> out = bucket(by_namespace, ns);
  const std::vector<const Object*>& unstated = bucket(by_namespace, "");
  out.insert(out.end(), unstated.begin(), unstated.end());
  return in_input_order(std::move(out));
}

std::vector<const Object*> Index::actor_stores(std::string_view ns) const
{
  return visible_from(m_actor_stores, m_stores_by_namespace, ns);
}

std::vector<const Object*> Index::visible_actor_stores(const App& app) const
{
  std::vector<const Object*> out;
  for (const Object* s : bucket(m_stores_by_scope, app.id))
    if (same_namespace(s->scope, app.ns)) out.push_back(s);
  for (const Object* s : visible_from(m_unscoped_stores, m_unscoped_by_namespace, app.ns)) out.push_back(s);
  return in_input_order(std::move(out));
}

bool Index::scoped_into_actor_store(const App& app) const
{
  const std::vector<const Object*>& stores = bucket(m_stores_by_scope, app.id);
  return std::any_of(stores.begin(), stores.end(), [&](const Object* s) { return same_namespace(s->scope, app.ns); });
}

const Object* Index::configuration(std::string_view name, std::string_view ns) const
{
  for (const Object* o : bucket(m_configurations, name))
    if (same_namespace(o->scope, ns)) return o;
  return nullptr;
}

}  // namespace readyctl::lint::dapr
