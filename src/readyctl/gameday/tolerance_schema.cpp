#include <regex>

#include <fmt/format.h>

#include "readyctl/core/regex.hpp"
#include "readyctl/gameday/schema.hpp"

namespace readyctl::gameday {

namespace {

void check_number(Checker& c, const yaml::Node* node, std::string_view key)
{
  if (!c.scalar(node, key)) return;
  if (!node->as_number() && !has_reference(node->str()))
    c.problem(node, fmt::format("expected a number for '{}', got '{}'", key, node->str()));
}

void check_range(Checker& c, const yaml::Node* node)
{
  if (!c.sequence(node, "range")) return;
  if (node->size() != 2) {
    c.problem(node, "expected 'range' as [low, high]");
    return;
  }
  for (const yaml::Node* item : node->children()) check_number(c, item, "range");
  auto lo = node->children()[0]->as_number(), hi = node->children()[1]->as_number();
  if (lo && hi && *lo > *hi) c.problem(node, "expected 'range' low <= high");
}

void check_tolerance_mapping(Checker& c, const yaml::Node* node)
{
  c.known_keys(node, {"equals", "oneOf", "range", "regex", "contains", "gt", "ge", "lt", "le", "ne", "jsonPath", "count",
                      "target"}, "a tolerance");
  if (node->get("target") && node->get("jsonPath"))
    c.problem(node->key_node("jsonPath"), "'target' and 'jsonPath' are mutually exclusive");
  if (node->get("count") && !node->get("jsonPath"))
    c.problem(node->key_node("count"), "'count' needs a 'jsonPath'");
  if (node->size() == 1 && node->get("target"))
    c.problem(node, "a tolerance with only 'target' checks nothing: add equals, range, regex, ...");
  if (const yaml::Node* v = node->get("oneOf")) c.sequence(v, "oneOf");
  if (const yaml::Node* v = node->get("range")) check_range(c, v);
  if (const yaml::Node* v = node->get("regex")) check_regex(c, v);
  for (std::string_view key : {"gt", "ge", "lt", "le"})
    if (const yaml::Node* v = node->get(key)) check_number(c, v, key);
  if (const yaml::Node* v = node->get("count")) c.integer(v, "count", 0, 1'000'000);
  if (const yaml::Node* v = node->get("jsonPath"))
    if (c.scalar(v, "jsonPath") && !v->str().starts_with("$"))
      c.problem(v, fmt::format("expected a JSON path starting with '$', got '{}'", v->str()));
}

}  // namespace

void check_regex(Checker& c, const yaml::Node* node)
{
  if (!c.scalar(node, "regex")) return;
  if (auto why = regex_problem(node->str())) c.problem(node, fmt::format("invalid regex '{}': {}", node->str(), *why));
}

void check_tolerance(Checker& c, const yaml::Node* node)
{
  if (node == nullptr || node->is_null()) {
    c.problem(node, "expected a tolerance: a value, a list, or a mapping (equals, range, regex, jsonPath, ...)");
    return;
  }
  if (node->is_mapping()) check_tolerance_mapping(c, node);
  if (node->is_sequence())
    for (const yaml::Node* item : node->children()) c.scalar(item, "tolerance");
}

}  // namespace readyctl::gameday
