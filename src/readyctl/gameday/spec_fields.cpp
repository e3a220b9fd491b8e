#include "readyctl/gameday/spec_fields.hpp"

namespace readyctl::gameday {

void read_field(const TemplateReader& r, const Json& block, const char* key, Template& t) { t = r.field(block, key); }

void read_field(const TemplateReader& r, const Json& block, const char* key, std::optional<Template>& t)
{
  t = r.optional(block, key);
}

void read_field(const TemplateReader& r, const Json& block, const char* key, std::map<std::string, Template>& t)
{
  t = r.entries(block, key);
}

void read_field(const TemplateReader& r, const Json& block, const char* key, std::string& literal)
{
  literal = r.field(block, key).text();
}

void add_templates(std::vector<Template*>& out, Template& t) { out.push_back(&t); }

void add_templates(std::vector<Template*>& out, std::optional<Template>& t)
{
  if (t) out.push_back(&*t);
}

void add_templates(std::vector<Template*>& out, std::map<std::string, Template>& t)
{
  for (auto& [key, value] : t) out.push_back(&value);
}

void add_templates(std::vector<Template*>&, std::string&) {}

}  // namespace readyctl::gameday
