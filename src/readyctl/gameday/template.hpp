// `${...}` substitution in scenario values: vars, env, captured step outputs, run and scenario facts.
#pragma once
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;

// Looks a reference up ("vars.port", "steps.x.output.pid"); nullopt when it cannot be resolved.
using Resolver = std::function<std::optional<std::string>(std::string_view reference)>;

struct SubstituteOptions {
  bool keep_env = false;  // leave `${env.X}` in place, so secrets never reach the journal
};

// Substitutes every reference in the text; throws InputError naming the first unresolved one.
std::string substitute(std::string_view text, const Resolver& resolve, const SubstituteOptions& options = {});
// Substitutes every string inside a JSON value.
Json substitute_json(const Json& value, const Resolver& resolve, const SubstituteOptions& options = {});

// A value found by a dotted path ("json.items.0.name") inside a JSON value, rendered as text.
std::optional<std::string> lookup_text(const Json& root, std::string_view dotted);
std::optional<Json> lookup_json(const Json& root, std::string_view dotted);
std::string json_text(const Json& value);  // strings without quotes, everything else as JSON

// A scenario value whose `${...}` references are resolved at run time: a text field, or a structured one (a JSON
// body, a command list) substituted as a whole. `order` is where it stands in its block as written, so a block
// resolved field by field names the same unresolvable reference as a walk over the block would.
struct Template {
  Json value;  // as written; after resolve_templates(), substituted
  int order = 0;
  std::string text() const { return json_text(value); }
};

// Reads a block's values as Templates numbered in the order they were written (pre-order over the block), when the
// scenario is loaded. Nodes handed in must lie inside the block, which must outlive the reader.
class TemplateReader {
public:
  explicit TemplateReader(const Json& block);
  Template at(const Json& node) const;
  // node[key]; a null Template when node is not a mapping or lacks the key.
  Template field(const Json& node, std::string_view key) const;
  std::optional<Template> optional(const Json& node, std::string_view key) const;
  // node[key]'s entries (a mapping's), each a Template; empty when there is none.
  std::map<std::string, Template> entries(const Json& node, std::string_view key) const;

private:
  void number(const Json& node);
  std::map<const Json*, int> m_order;
};

// Substitutes each template, in the order they were written: the first unresolvable one is the one named.
void resolve_templates(std::vector<Template*> templates, const Resolver& resolve,
                       const SubstituteOptions& options = {});
// The text of a field that may be absent, as json_text renders it.
std::optional<std::string> optional_text(const std::optional<Template>& t);

}  // namespace readyctl::gameday
