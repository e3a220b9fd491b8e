#include "readyctl/lint/foreign_suppression.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_kube_linter_prefix = "ignore-check.kube-linter.io/";
constexpr std::string_view k_polaris_prefix = "polaris.fairwinds.com/";
constexpr std::string_view k_polaris_suffix = "-exempt";

bool is_true_value(std::string_view value)
{
  value = trim(value);
  return value.size() == 4 && std::equal(value.begin(), value.end(), "true", [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == b;
         });
}

// The index key an annotation names, or "" when it is neither tool's.
std::string foreign_key(std::string_view key, std::string_view value)
{
  if (key.starts_with(k_kube_linter_prefix)) return fmt::format("kube-linter/{}", key.substr(k_kube_linter_prefix.size()));
  if (!key.starts_with(k_polaris_prefix) || !is_true_value(value)) return {};
  std::string_view name = key.substr(k_polaris_prefix.size());
  if (name == "exempt") return "polaris/*";
  if (!name.ends_with(k_polaris_suffix) || name.size() == k_polaris_suffix.size()) return {};
  return fmt::format("polaris/{}", name.substr(0, name.size() - k_polaris_suffix.size()));
}

}  // namespace

ForeignIndex index_foreign_checks(const std::vector<Rule>& rules)
{
  ForeignIndex index;
  for (const Rule& r : rules)
    for (const auto& [tool, ids] : r.anchors) {
      for (const std::string& id : ids) index[fmt::format("{}/{}", tool, id)].push_back(r.id);
      if (tool == "polaris" && !ids.empty()) index["polaris/*"].push_back(r.id);
    }
  return index;
}

std::vector<ForeignIgnore> foreign_ignores(const ForeignIndex& index, const yaml::Node* annotations)
{
  std::vector<ForeignIgnore> out;
  if (!annotations || !annotations->is_mapping()) return out;
  for (auto [key, value] : annotations->entries()) {
    std::string found = foreign_key(key->str(), value->str());
    auto it = found.empty() ? index.end() : index.find(found);
    if (it == index.end()) continue;
    const bool polaris = found.starts_with("polaris/");
    std::string reason = polaris ? fmt::format("{}: true", key->str()) : std::string(trim(value->str()));
    out.push_back({it->second, std::move(reason), std::string(key->str()), value});
  }
  return out;
}

}  // namespace readyctl::lint
