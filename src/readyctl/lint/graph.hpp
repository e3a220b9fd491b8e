// One object graph across every input, so cross-resource rules see a whole application at once.
#pragma once
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <typeindex>
#include <vector>

#include "readyctl/lint/object.hpp"
#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {

class Graph {
public:
  explicit Graph(std::span<const Object> objects);

  std::span<const Object> objects() const { return m_objects; }
  std::span<const PodTemplate> pods() const { return m_pods; }
  // The pod templates an object owns, without scanning every pod (suppressions ask this once per finding).
  std::span<const PodTemplate> pods_of(const Object* owner) const;
  // The pod templates of objects [first, last) (input order).
  std::span<const PodTemplate> pods_in(size_t first, size_t last) const;
  // Objects of a kind (any group), in input order.
  const std::vector<const Object*>& of_kind(std::string_view kind) const;
  // Lookups by scope (Object::scope): the namespace, or the directory of namespace-less plain files.
  std::vector<const Object*> of_kind_in(std::string_view kind, std::string_view scope) const;
  const Object* find(std::string_view kind, std::string_view scope, std::string_view name) const;
  bool has_kind(std::string_view kind) const { return !of_kind(kind).empty(); }

  // The whole input, when this graph is one of several deployment units linted on their own; else null. Rules judge
  // within their unit, and ask the whole input only whether a missing object is made by another unit the repository
  // applies beside it (a ClusterRole of the install that an e2e setup binds, a ServiceAccount of a cluster-scoped
  // resources unit applied first).
  const Graph* input() const { return m_input; }
  void set_input(const Graph* input) { m_input = input; }
  // An object of that kind (and group, "*" for any), scope and name in another deployment unit; `any_scope` for cluster-scoped
  // kinds, whose scope is the cluster wherever their manifest sits.
  const Object* find_in_other_unit(std::string_view kind, std::string_view group, std::string_view scope,
                                   std::string_view name, bool any_scope = false) const;

  // A per-run index built once from the graph by `T(const Graph&)` and shared by every rule that asks for it, so
  // a rule does not scan all objects of a kind for each object it checks. Safe to call from rules running on
  // several threads: the first caller builds it, later callers wait for it (an index may ask for another one while
  // it is built, but never for itself).
  template <typename T>
  const T& cached() const;

private:
  void link_serving_runtimes();

  std::span<const Object> m_objects;
  const Graph* m_input = nullptr;
  std::vector<PodTemplate> m_pods;
  std::vector<size_t> m_first_pod;  // per object (input order), index of its first pod; one extra entry at the end
  std::map<std::string, std::vector<const Object*>, std::less<>> m_by_kind;
  // One slot per index type. The map's lock is held only to find the slot, and each index is built under its own
  // once-flag, so rules waiting for one index do not wait for another one being built on the other thread.
  struct CacheSlot {
    std::once_flag built;
    std::shared_ptr<const void> value;
  };
  mutable std::mutex m_cache_mutex;
  mutable std::map<std::type_index, std::unique_ptr<CacheSlot>> m_cache;
};

template <typename T>
const T& Graph::cached() const
{
  CacheSlot* slot = nullptr;
  {
    std::lock_guard lock(m_cache_mutex);
    std::unique_ptr<CacheSlot>& s = m_cache[std::type_index(typeid(T))];
    if (!s) s = std::make_unique<CacheSlot>();
    slot = s.get();
  }
  std::call_once(slot->built, [&] { slot->value = std::make_shared<const T>(*this); });
  return *static_cast<const T*>(slot->value.get());
}

}  // namespace readyctl::lint
