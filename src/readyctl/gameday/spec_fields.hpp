// A typed spec's fields, listed once: `fields(spec, f)` (next to each spec struct) calls f(key, member) per field,
// and both reading the spec from its block at load and listing its templates for resolution walk that list.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

// One field read from its block: a Template (null when absent), an optional one, a mapping's entries, or a literal
// the schema checked (an op). A nested spec (key null) reads its fields from the same block.
void read_field(const TemplateReader& r, const Json& block, const char* key, Template& t);
void read_field(const TemplateReader& r, const Json& block, const char* key, std::optional<Template>& t);
void read_field(const TemplateReader& r, const Json& block, const char* key, std::map<std::string, Template>& t);
void read_field(const TemplateReader& r, const Json& block, const char* key, std::string& literal);
template <class Spec>
void read_field(const TemplateReader& r, const Json& block, const char* key, Spec& nested);

// One field's templates, appended to `out`.
void add_templates(std::vector<Template*>& out, Template& t);
void add_templates(std::vector<Template*>& out, std::optional<Template>& t);
void add_templates(std::vector<Template*>& out, std::map<std::string, Template>& t);
void add_templates(std::vector<Template*>& out, std::string& literal);
template <class Spec>
void add_templates(std::vector<Template*>& out, Spec& nested);

template <class Spec>
void read_fields(Spec& spec, const TemplateReader& r, const Json& block)
{
  fields(spec, [&](const char* key, auto& member) { read_field(r, block, key, member); });
}

// A spec read from its block (inside the block `r` numbers); a spec with more to it specializes this.
template <class Spec>
Spec read_spec(const TemplateReader& r, const Json& block)
{
  Spec spec;
  read_fields(spec, r, block);
  return spec;
}

template <class Spec>
void add_field_templates(std::vector<Template*>& out, Spec& spec)
{
  fields(spec, [&out](const char*, auto& member) { add_templates(out, member); });
}

// Every template of a spec, for resolve_templates(); a spec with more to it overloads this.
template <class Spec>
std::vector<Template*> templates(Spec& spec)
{
  std::vector<Template*> out;
  add_field_templates(out, spec);
  return out;
}

template <class Spec>
void read_field(const TemplateReader& r, const Json& block, const char*, Spec& nested)
{
  nested = read_spec<Spec>(r, block);
}

template <class Spec>
void add_templates(std::vector<Template*>& out, Spec& nested)
{
  for (Template* t : templates(nested)) out.push_back(t);
}

// The spec with its templates substituted, in the order they were written.
template <class Spec>
Spec resolved(Spec spec, const Resolver& resolve, const SubstituteOptions& options = {})
{
  resolve_templates(templates(spec), resolve, options);
  return spec;
}

}  // namespace readyctl::gameday
