#include "readyctl/scaffold/render.hpp"

#include <algorithm>

#include <fmt/format.h>
#include <kainjow/mustache.hpp>

#include "readyctl/core/error.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/scaffold/safe_path.hpp"
#include "readyctl/scaffold/section_depth.hpp"

namespace readyctl::scaffold {
namespace {

namespace mu = kainjow::mustache;

constexpr size_t k_max_section_depth = 64;

// Refuses what would make the mustache parser exhaust memory; `what` names the file or partial.
void check_section_depth(const std::string& text, const std::string& what)
{
  if (section_depth(text) > k_max_section_depth)
    throw InputError(fmt::format("{}: sections nested deeper than {} levels", what, k_max_section_depth));
}

// Booleans become mustache sections; a choice `x` also yields `x_<choice>` sections for its chosen value.
mu::data make_data(const LoadedTemplate& tmpl, const Answers& answers)
{
  mu::data data;
  for (const Variable& var : tmpl.manifest.variables) {
    auto it = answers.find(var.name);
    if (it == answers.end()) {
      data.set(var.name, false);
      continue;
    }
    if (var.type == VariableType::boolean) data.set(var.name, it->second == "true");
    else data.set(var.name, it->second);
    for (const std::string& choice : var.choices) data.set(var.name + "_" + choice, it->second == choice);
  }
  for (const auto& [name, value] : tmpl.manifest.constants) {
    if (value == "true" || value == "false") data.set(name, value == "true");
    else data.set(name, value);
  }
  data.set("template_name", tmpl.manifest.name);
  data.set("template_version", std::to_string(tmpl.manifest.version));
  data.set("readyctl_version", READYCTL_VERSION);
  for (const auto& [name, text] : tmpl.partials) {
    check_section_depth(text, fmt::format("partial '{}'", name));
    std::string copy = text;
    data.set(name, mu::partial([copy] { return copy; }));
  }
  return data;
}

// Partials may include partials, and any string value can stand in for one; a cycle would recurse until the
// stack overflows. A real template expands a handful of partials per file.
constexpr int k_max_partial_expansions = 200;

class BoundedContext : public mu::context<std::string> {
public:
  BoundedContext(const mu::data* data, const std::string& origin) : mu::context<std::string>(data), m_origin(origin) {}

  const mu::data* get_partial(const std::string& name) const override
  {
    if (++m_expansions > k_max_partial_expansions)
      throw InputError(fmt::format("{}: partials expand more than {} times (does '{}' include itself?)", m_origin,
                                   k_max_partial_expansions, name));
    return mu::context<std::string>::get_partial(name);
  }

private:
  const std::string& m_origin;
  mutable int m_expansions = 0;
};

std::string render_text(const std::string& text, const mu::data& data, const std::string& origin)
{
  check_section_depth(text, origin);
  mu::mustache engine(text);
  if (!engine.is_valid()) throw InputError(fmt::format("{}: {}", origin, engine.error_message()));
  engine.set_custom_escape([](const std::string& s) { return s; });
  BoundedContext context(&data, origin);
  std::string out = engine.render(context);
  if (!engine.is_valid()) throw InputError(fmt::format("{}: {}", origin, engine.error_message()));
  return out;
}

bool included(const LoadedTemplate& tmpl, const std::string& source_path, const Answers& answers)
{
  for (const FileRule& rule : tmpl.manifest.files)
    if (glob_match(rule.path, source_path) && !holds(rule.when, answers)) return false;
  return true;
}

}  // namespace

std::vector<RenderedFile> render_template(const LoadedTemplate& tmpl, const Answers& given)
{
  mu::data data = make_data(tmpl, given);
  // Constants take part in file conditions like answers do.
  Answers answers = given;
  answers.insert(tmpl.manifest.constants.begin(), tmpl.manifest.constants.end());
  std::vector<RenderedFile> out;
  for (const auto& [source_path, text] : tmpl.files) {
    if (!included(tmpl, source_path, answers)) continue;
    const std::string& origin = tmpl.origins.at(source_path);
    std::string path = render_text(source_path, data, origin);
    if (path.empty() || path.ends_with("/") || path.find("//") != std::string::npos) continue;
    check_relative_path(path, origin);
    out.push_back({path, render_text(text, data, origin)});
  }
  std::sort(out.begin(), out.end(), [](const RenderedFile& a, const RenderedFile& b) { return a.path < b.path; });
  return out;
}

}  // namespace readyctl::scaffold
