#include "readyctl/lint/parity.hpp"

#include <algorithm>
#include <iterator>
#include <map>

#include <fmt/format.h>

#include "readyctl/core/embedded.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/input_error.hpp"

namespace readyctl::lint {
using yaml::fail_at;
namespace {

constexpr std::string_view k_check_keys[] = {"id", "default", "meaning", "partial", "differs", "non-goal", "planned"};

std::string list_text(const std::string& path, const yaml::Node* entry, std::string_view key)
{
  const yaml::Node* n = entry->get(key);
  if (!n || !n->is_scalar() || n->str().empty())
    fail_at(path, n ? n : entry, fmt::format("expected a non-empty string for '{}'", key));
  return std::string(n->str());
}

void read_parity_state(const std::string& path, const yaml::Node* entry, ForeignCheck& check)
{
  const int states = (entry->get("partial") != nullptr) + (entry->get("non-goal") != nullptr) + (entry->get("planned") != nullptr);
  if (states > 1) fail_at(path, entry, "expected at most one of 'partial', 'non-goal' and 'planned'");
  if (entry->get("differs") && !entry->get("partial"))
    fail_at(path, entry->key_node("differs"), "expected 'differs' only beside 'partial'");
  if (entry->get("partial")) {
    check.stated = ParityState::partial;
    check.rule = list_text(path, entry, "partial");
    check.note = list_text(path, entry, "differs");
  } else if (entry->get("non-goal")) {
    check.stated = ParityState::non_goal;
    check.note = list_text(path, entry, "non-goal");
  } else if (entry->get("planned")) {
    check.stated = ParityState::planned;
    check.rule = list_text(path, entry, "planned");
  }
}

ForeignCheck read_foreign_check(const std::string& path, const std::string& tool, const yaml::Node* entry)
{
  if (!entry->is_mapping()) fail_at(path, entry, "expected a mapping with id, default, meaning");
  for (auto [key, value] : entry->entries())
    if (std::find(std::begin(k_check_keys), std::end(k_check_keys), key->str()) == std::end(k_check_keys))
      fail_at(path, key, fmt::format("expected id, default, meaning, partial, differs, non-goal or planned, got '{}'",
                                     key->str()));
  ForeignCheck check;
  check.tool = tool;
  check.id = list_text(path, entry, "id");
  const yaml::Node* on = entry->get("default");
  if (!on || !on->as_bool()) fail_at(path, on ? on : entry, "expected true or false for 'default'");
  check.on_by_default = *on->as_bool();
  check.meaning = list_text(path, entry, "meaning");
  check.where = {path, entry->line(), entry->column()};
  read_parity_state(path, entry, check);
  return check;
}

using AnchorIndex = std::map<std::pair<std::string, std::string>, std::vector<std::string>>;

// (tool, check) -> the rules that anchor it.
AnchorIndex index_anchors(const std::vector<Rule>& rules)
{
  AnchorIndex index;
  for (const Rule& r : rules)
    for (const auto& [tool, ids] : r.anchors)
      for (const std::string& id : ids) index[{tool, id}].push_back(r.id);
  return index;
}

void add_entry_problems(const ParityEntry& e, const std::vector<Rule>& rules, std::vector<std::string>& out)
{
  const ForeignCheck& c = e.check;
  if (e.state == ParityState::unstated)
    out.push_back(fmt::format("{}: {} check '{}' is anchored by no rule and states no partial, non-goal or planned",
                              c.where.str(), c.tool, c.id));
  if (e.state == ParityState::covered && c.stated != ParityState::unstated)
    out.push_back(fmt::format("{}: {} check '{}' is anchored by rule {} but still states {}: drop the stale state",
                              c.where.str(), c.tool, c.id, e.rules.front(), parity_state_name(c.stated)));
  auto known = [&](const std::string& id) { return std::any_of(rules.begin(), rules.end(), [&](const Rule& r) { return r.id == id; }); };
  if (c.stated == ParityState::partial && !known(c.rule))
    out.push_back(fmt::format("{}: {} check '{}' is partial by rule '{}', which is not in the catalogue", c.where.str(),
                              c.tool, c.id, c.rule));
}

void count_state(ToolCoverage& tool, ParityState state)
{
  ++tool.checks;
  switch (state) {
  case ParityState::covered: ++tool.covered; break;
  case ParityState::partial: ++tool.partial; break;
  case ParityState::non_goal: ++tool.non_goal; break;
  case ParityState::planned: ++tool.planned; break;
  case ParityState::unstated: ++tool.unstated; break;
  }
}

}  // namespace

std::string_view parity_state_name(ParityState state)
{
  switch (state) {
  case ParityState::covered: return "covered";
  case ParityState::partial: return "partial";
  case ParityState::non_goal: return "non-goal";
  case ParityState::planned: return "planned";
  case ParityState::unstated: return "unstated";
  }
  return "unstated";
}

std::vector<ForeignCheck> parse_foreign_checks(const std::string& path, const std::string& text)
{
  yaml::SourceFile file(path, text);
  yaml::Document doc = yaml::parse_single_document(file);
  if (!doc.root || !doc.root->is_mapping()) fail_at(path, doc.root, "expected a mapping with 'tool' and 'checks'");
  std::string tool = list_text(path, doc.root, "tool");
  if (!is_anchor_tool(tool)) fail_at(path, doc.root->get("tool"), "expected kube-linter, kube-score or polaris for 'tool'");
  const yaml::Node* list = doc.root->get("checks");
  if (!list || !list->is_sequence()) fail_at(path, list ? list : doc.root, "expected a list for 'checks'");
  std::vector<ForeignCheck> checks;
  for (const yaml::Node* entry : list->children()) {
    checks.push_back(read_foreign_check(path, tool, entry));
    for (size_t i = 0; i + 1 < checks.size(); ++i)
      if (checks[i].id == checks.back().id)
        fail_at(path, entry->get("id"), fmt::format("expected each check once, '{}' is listed twice", checks[i].id));
  }
  return checks;
}

std::vector<ForeignCheck> builtin_foreign_checks()
{
  std::vector<ForeignCheck> all;
  for (std::string_view tool : k_anchor_tools) {
    std::string path = fmt::format("parity/{}.yaml", tool);
    std::string_view text = find_embedded(embedded_parity(), path);
    std::vector<ForeignCheck> checks = parse_foreign_checks("rules/" + path, std::string(text));
    all.insert(all.end(), std::make_move_iterator(checks.begin()), std::make_move_iterator(checks.end()));
  }
  return all;
}

ParityMap build_parity(const std::vector<ForeignCheck>& checks, const std::vector<Rule>& rules)
{
  ParityMap map;
  AnchorIndex anchored_by = index_anchors(rules);
  for (std::string_view tool : k_anchor_tools) map.coverage.push_back({std::string(tool)});
  map.coverage.push_back({"all"});
  for (const ForeignCheck& c : checks) {
    auto it = anchored_by.find({c.tool, c.id});
    ParityEntry e{c, c.stated, {}};
    if (it != anchored_by.end()) {
      e = {c, ParityState::covered, it->second};
      anchored_by.erase(it);
    } else if (!c.rule.empty()) {
      e.rules.push_back(c.rule);
    }
    add_entry_problems(e, rules, map.problems);
    count_state(*std::find_if(map.coverage.begin(), map.coverage.end(), [&](const ToolCoverage& t) { return t.tool == c.tool; }), e.state);
    count_state(map.coverage.back(), e.state);
    map.entries.push_back(std::move(e));
  }
  for (const auto& [key, by] : anchored_by)  // what is left names checks no list holds
    for (const Rule& r : rules)
      if (std::find(by.begin(), by.end(), r.id) != by.end())
        map.problems.push_back(fmt::format("{}: rule {} anchors {} check '{}', which is not in rules/parity/{}.yaml",
                                           r.origin, r.id, key.first, key.second, key.first));
  return map;
}

}  // namespace readyctl::lint
