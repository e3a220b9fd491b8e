// The slice of the graph's objects that one call of a check family walks: the whole graph, or, for a per-object
// family, a run of consecutive objects with their pod templates.
#pragma once
#include <cstddef>
#include <span>
#include <string_view>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

class Window {
public:
  explicit Window(const Graph& graph);                       // every object
  Window(const Graph& graph, size_t first, size_t last);     // objects [first, last) in input order

  std::span<const Object> objects() const { return m_objects; }
  std::span<const PodTemplate> pods() const { return m_pods; }
  // The graph's objects of a kind that lie in the window, in input order.
  std::span<const Object* const> of_kind(std::string_view kind) const;

private:
  const Graph& m_graph;
  std::span<const Object> m_objects;
  std::span<const PodTemplate> m_pods;
};

}  // namespace readyctl::lint
