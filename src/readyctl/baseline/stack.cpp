#include "readyctl/baseline/stack.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "readyctl/core/embedded.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/input_error.hpp"

namespace readyctl::baseline {
using yaml::fail_at;
namespace {

using yaml::Node;

std::vector<std::string> scalars(const std::string& path, const Node* node, std::string_view what)
{
  if (!node || !node->is_sequence()) fail_at(path, node, fmt::format("expected a list of {}", what));
  std::vector<std::string> out;
  for (const Node* item : node->children()) {
    if (!item->is_scalar() || item->str().empty()) fail_at(path, item, fmt::format("expected {} as a string", what));
    out.emplace_back(item->str());
  }
  return out;
}

std::vector<double> scales(const std::string& path, const Node* node, size_t count)
{
  if (!node) return std::vector<double>(count, 1.0);
  if (node->is_scalar() && node->as_number()) return std::vector<double>(count, *node->as_number());
  std::vector<double> out;
  for (const Node* item : node->is_sequence() ? node->children() : Node::Children()) {
    if (!item->as_number()) fail_at(path, item, "expected a number");
    out.push_back(*item->as_number());
  }
  if (out.size() != count) fail_at(path, node, fmt::format("expected a number or a list of {} numbers", count));
  return out;
}

SignalMapping parse_signal(const std::string& path, const Node* node)
{
  static const std::vector<std::pair<std::string_view, SignalKind>> k_kinds{
      {"counter", SignalKind::counter}, {"gauge", SignalKind::gauge},
      {"histogram", SignalKind::histogram}, {"histogram_sum", SignalKind::histogram_sum}};
  if (!node->is_mapping()) fail_at(path, node, "expected a mapping with counter, gauge, histogram or histogram_sum");
  SignalMapping m;
  const Node* names = nullptr;
  for (const auto& [key, kind] : k_kinds)
    if (const Node* n = node->get(key)) names = n, m.kind = kind;
  if (!names) fail_at(path, node, "expected one of counter, gauge, histogram or histogram_sum");
  std::vector<std::string> list = scalars(path, names, "metric names");
  std::vector<double> factors = scales(path, node->get("scale"), list.size());
  for (size_t i = 0; i < list.size(); ++i) m.candidates.push_back({list[i], factors[i]});
  if (const Node* s = node->get("selector")) m.selector = std::string(s->str());
  if (const Node* s = node->get("model_label")) m.model_label = std::string(s->str());
  return m;
}

}  // namespace

Stack parse_stack(const std::string& path, const std::string& text)
{
  yaml::Document doc = yaml::parse_single_document(yaml::SourceFile(path, text));
  const Node* root = doc.root;
  if (!root || !root->is_mapping()) fail_at(path, root, "expected a mapping with name, kind and signals");
  Stack stack;
  const Node* name = root->get("name");
  if (!name || name->str().empty()) fail_at(path, root, "expected 'name'");
  stack.name = std::string(name->str());
  const Node* kind = root->get("kind");
  if (!kind || (kind->str() != "engine" && kind->str() != "infrastructure"))
    fail_at(path, kind ? kind : root, "expected 'kind: engine' or 'kind: infrastructure'");
  stack.engine = kind->str() == "engine";
  if (const Node* d = root->get("description")) stack.description = std::string(d->str());
  if (const Node* signals = root->get("signals"); signals && signals->is_mapping())
    for (auto [key, value] : signals->entries()) stack.signals[std::string(key->str())] = parse_signal(path, value);
  if (const Node* exporters = root->get("exporters"); exporters && exporters->is_mapping())
    for (auto [key, value] : exporters->entries())
      stack.exporters[std::string(key->str())] = scalars(path, value, "metric names");
  if (stack.engine) stack.exporters[stack.name] = {};  // an engine is its own exporter
  return stack;
}

std::vector<Stack> builtin_stacks()
{
  std::vector<Stack> stacks;
  for (const EmbeddedFile& f : embedded_stacks())
    if (f.path.starts_with("stacks/") && f.path.ends_with(".yaml"))
      stacks.push_back(parse_stack("rules/" + std::string(f.path), std::string(f.content)));
  std::stable_sort(stacks.begin(), stacks.end(),
                   [](const Stack& a, const Stack& b) { return a.engine != b.engine ? a.engine : a.name < b.name; });
  return stacks;
}

std::vector<std::string> probe_names(SignalKind kind, const std::string& name)
{
  switch (kind) {
  case SignalKind::counter:
    if (name.ends_with("_total")) return {name, name.substr(0, name.size() - 6)};
    return {name + "_total", name};
  case SignalKind::histogram: return {name + "_bucket"};
  case SignalKind::histogram_sum: return {name + "_sum"};
  case SignalKind::gauge: break;
  }
  return {name};
}

}  // namespace readyctl::baseline
