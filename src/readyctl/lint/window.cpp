#include "readyctl/lint/window.hpp"

namespace readyctl::lint {

Window::Window(const Graph& graph) : m_graph(graph), m_objects(graph.objects()), m_pods(graph.pods()) {}

Window::Window(const Graph& graph, size_t first, size_t last)
    : m_graph(graph), m_objects(graph.objects().subspan(first, last - first)), m_pods(graph.pods_in(first, last))
{
}

// A kind's list is in input order, so the window's members are one run of it.
std::span<const Object* const> Window::of_kind(std::string_view kind) const
{
  return slice(std::span<const Object* const>(m_graph.of_kind(kind)), [](const Object* o) { return o; });
}

}  // namespace readyctl::lint
