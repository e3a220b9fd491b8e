#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

std::string_view label_value(const yaml::Node* labels, std::string_view key, bool& present)
{
  const yaml::Node* n = labels ? labels->get(key) : nullptr;
  present = n != nullptr;
  return n ? n->str() : std::string_view();
}

bool pairs_match(const yaml::Node* pairs, const yaml::Node* labels)
{
  for (auto [key, value] : pairs->entries()) {
    bool present = false;
    if (label_value(labels, key->str(), present) != value->str() || !present) return false;
  }
  return true;
}

bool in_values(const yaml::Node* values, std::string_view v)
{
  if (!values || !values->is_sequence()) return false;
  for (const yaml::Node* item : values->children())
    if (item->str() == v) return true;
  return false;
}

bool expression_matches(const yaml::Node* expr, const yaml::Node* labels)
{
  const yaml::Node* key = expr->get("key");
  const yaml::Node* op = expr->get("operator");
  if (!key || !op) return false;
  bool present = false;
  std::string_view value = label_value(labels, key->str(), present);
  std::string_view o = op->str();
  if (o == "In") return present && in_values(expr->get("values"), value);
  if (o == "NotIn") return !present || !in_values(expr->get("values"), value);
  if (o == "Exists") return present;
  if (o == "DoesNotExist") return !present;
  return false;
}

}  // namespace

bool label_selector_matches(const yaml::Node* selector, const yaml::Node* labels)
{
  if (!selector) return false;
  if (selector->is_null()) return false;
  if (!selector->is_mapping()) return false;
  if (const yaml::Node* ml = selector->get("matchLabels"); ml && ml->is_mapping() && !pairs_match(ml, labels))
    return false;
  if (const yaml::Node* exprs = selector->get("matchExpressions"); exprs && exprs->is_sequence())
    for (const yaml::Node* e : exprs->children())
      if (!expression_matches(e, labels)) return false;
  return true;
}

bool map_selector_matches(const yaml::Node* selector, const yaml::Node* labels)
{
  if (!selector || !selector->is_mapping() || selector->size() == 0) return false;
  return pairs_match(selector, labels);
}

}  // namespace readyctl::lint
