// A capture may read another capture of its step through `from`; a chain that comes back to where it started
// could never be filled at run time, so validate reports it at the `from` of the loop's first capture.
#include <map>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "readyctl/gameday/schema.hpp"

namespace readyctl::gameday {
namespace {

// capture name -> the node of its `from`, when `from` names another capture of the same step.
std::map<std::string, const yaml::Node*> from_edges(const yaml::Node* capture)
{
  std::map<std::string, const yaml::Node*> edges;
  for (auto [key, value] : capture->entries()) {
    const yaml::Node* from = value && value->is_mapping() ? value->get("from") : nullptr;
    if (from && from->is_scalar() && capture->get(from->str())) edges[std::string(key->str())] = from;
  }
  return edges;
}

// The captures on the loop through `start`, in order, or empty when following `from` leaves it.
std::vector<std::string> loop_through(const std::map<std::string, const yaml::Node*>& edges, const std::string& start)
{
  std::vector<std::string> loop{start};
  for (size_t hops = 0; hops <= edges.size(); ++hops) {
    auto it = edges.find(loop.back());
    if (it == edges.end()) return {};
    if (it->second->str() == start) return loop;
    loop.emplace_back(it->second->str());
  }
  return {};
}

}  // namespace

void check_capture_cycles(Checker& c, const yaml::Node* capture)
{
  std::map<std::string, const yaml::Node*> edges = from_edges(capture);
  std::set<std::string> reported;
  for (auto [key, value] : capture->entries()) {
    std::string name(key->str());
    if (reported.count(name)) continue;
    std::vector<std::string> loop = loop_through(edges, name);
    if (loop.empty()) continue;
    c.problem(edges.at(name), fmt::format("captures read each other in a cycle ({} -> {}): none of them can be filled",
                                          fmt::join(loop, " -> "), name));
    reported.insert(loop.begin(), loop.end());
  }
}

}  // namespace readyctl::gameday
