#include "readyctl/lint/anchors.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "readyctl/yaml/input_error.hpp"

namespace readyctl::lint {
using yaml::fail_at;
namespace {

bool is_check_id(std::string_view id)
{
  return !id.empty() && std::all_of(id.begin(), id.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.';
  });
}

std::vector<std::string> read_tool_checks(const std::string& path, std::string_view tool, const yaml::Node* list)
{
  if (!list->is_sequence())
    fail_at(path, list, fmt::format("expected a list of {} check ids for 'anchors.{}'", tool, tool));
  std::vector<std::string> ids;
  for (const yaml::Node* item : list->children()) {
    if (!item->is_scalar() || !is_check_id(item->str()))
      fail_at(path, item, fmt::format("expected a {} check id (letters, digits, '-', '_', '.')", tool));
    if (std::find(ids.begin(), ids.end(), item->str()) != ids.end())
      fail_at(path, item, fmt::format("expected each check once, '{}' is listed twice", item->str()));
    ids.emplace_back(item->str());
  }
  return ids;
}

}  // namespace

bool is_anchor_tool(std::string_view tool)
{
  return std::find(std::begin(k_anchor_tools), std::end(k_anchor_tools), tool) != std::end(k_anchor_tools);
}

Anchors read_anchors(const std::string& path, const yaml::Node* node)
{
  Anchors anchors;
  if (!node || node->is_null()) return anchors;
  if (!node->is_mapping())
    fail_at(path, node, "expected a mapping of tool names to check lists for 'anchors' (kube-linter, kube-score, polaris)");
  for (auto [key, value] : node->entries()) {
    if (!is_anchor_tool(key->str()))
      fail_at(path, key, fmt::format("expected kube-linter, kube-score or polaris under 'anchors', got '{}'", key->str()));
    anchors[std::string(key->str())] = read_tool_checks(path, key->str(), value);
  }
  return anchors;
}

}  // namespace readyctl::lint
