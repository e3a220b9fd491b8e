// The Dapr lookups the platform rules make for each app, indexed once per run instead of scanned per app.
#pragma once
#include <string_view>
#include <unordered_map>
#include <vector>

#include "readyctl/lint/checks/platform_dapr.hpp"

namespace readyctl::lint::dapr {

// Built through `graph.cached<Index>()`: with one Component and one app per deployment, scanning every Component
// for each app made the workflow rules quadratic in the size of the input.
class Index {
public:
  explicit Index(const Graph& graph);

  bool has_components() const { return m_has_components; }
  // Actor state stores an app of namespace `ns` can load (same namespace, or unstated on either side), in input order.
  std::vector<const Object*> actor_stores(std::string_view ns) const;
  // Of those, the ones that load into the app: its id in their scopes, or no scopes at all; input order.
  std::vector<const Object*> visible_actor_stores(const App& app) const;
  // An actor state store with scopes names the app (Dapr then runs workflows for it).
  bool scoped_into_actor_store(const App& app) const;
  // The dapr.io Configuration of this name an app of namespace `ns` can use, or null.
  const Object* configuration(std::string_view name, std::string_view ns) const;

private:
  using ByName = std::unordered_map<std::string_view, std::vector<const Object*>>;

  // Objects of `all` an app of namespace `ns` sees; `by_namespace` holds the same objects by their namespace.
  static std::vector<const Object*> visible_from(const std::vector<const Object*>& all, const ByName& by_namespace,
                                                 std::string_view ns);

  bool m_has_components = false;
  std::vector<const Object*> m_actor_stores;
  ByName m_stores_by_namespace;
  std::vector<const Object*> m_unscoped_stores;
  ByName m_unscoped_by_namespace;
  ByName m_stores_by_scope;  // scoped actor stores under each app-id of their scopes
  ByName m_configurations;   // by name
};

}  // namespace readyctl::lint::dapr
