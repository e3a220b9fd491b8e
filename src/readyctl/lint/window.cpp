#include "readyctl/lint/window.hpp"

#include <algorithm>
#include <functional>

namespace readyctl::lint {

Window::Window(const Graph& graph) : m_graph(graph), m_objects(graph.objects()), m_pods(graph.pods()) {}

Window::Window(const Graph& graph, size_t first, size_t last)
    : m_graph(graph), m_objects(graph.objects().subspan(first, last - first)), m_pods(graph.pods_in(first, last))
{
}

// A kind's list is in input order, so the window's members are one run of it, found by address.
std::span<const Object* const> Window::of_kind(std::string_view kind) const
{
  const std::vector<const Object*>& all = m_graph.of_kind(kind);
  const Object* begin = m_objects.data();
  const Object* end = begin + m_objects.size();
  auto before = [](const Object* a, const Object* b) { return std::less<const Object*>{}(a, b); };
  auto first = std::lower_bound(all.begin(), all.end(), begin, before);
  auto last = std::lower_bound(first, all.end(), end, before);
  return {std::to_address(first), static_cast<size_t>(last - first)};
}

}  // namespace readyctl::lint
