// The slice of the graph's objects that one call of a check family walks: the whole graph, or, for a per-object
// family, a run of consecutive objects with their pod templates.
#pragma once
#include <algorithm>
#include <cstddef>
#include <functional>
#include <span>
#include <string_view>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

class Window {
public:
  explicit Window(const Graph& graph);                       // every object
  Window(const Graph& graph, size_t first, size_t last);     // objects [first, last) in input order

  const Graph& graph() const { return m_graph; }
  std::span<const Object> objects() const { return m_objects; }
  std::span<const PodTemplate> pods() const { return m_pods; }
  // The graph's objects of a kind that lie in the window, in input order.
  std::span<const Object* const> of_kind(std::string_view kind) const;
  // The run of `sorted`, ordered by each element's object address (`object_of(element)`, input order), whose objects
  // lie in the window.
  template <typename T, typename ObjectOf>
  std::span<const T> slice(std::span<const T> sorted, ObjectOf object_of) const;

private:
  const Graph& m_graph;
  std::span<const Object> m_objects;
  std::span<const PodTemplate> m_pods;
};

template <typename T, typename ObjectOf>
std::span<const T> Window::slice(std::span<const T> sorted, ObjectOf object_of) const
{
  auto before = [&](const T& element, const Object* o) { return std::less<const Object*>{}(object_of(element), o); };
  const Object* begin = m_objects.data();
  auto first = std::lower_bound(sorted.begin(), sorted.end(), begin, before);
  auto last = std::lower_bound(first, sorted.end(), begin + m_objects.size(), before);
  return sorted.subspan(static_cast<size_t>(first - sorted.begin()), static_cast<size_t>(last - first));
}

}  // namespace readyctl::lint
