// The scaffold template renderer: the bytes are a template.yaml, a file path template, a file body and
// partials, separated by lines `#--8<--`. Every variable gets its default or a plain value, so rendering runs.
#include <string_view>
#include <vector>

#include "fuzz_input.hpp"
#include "readyctl/scaffold/render.hpp"

namespace {

using namespace readyctl::scaffold;

constexpr std::string_view k_separator = "\n#--8<--\n";

std::vector<std::string> split_sections(std::string_view text)
{
  std::vector<std::string> out;
  for (size_t at = text.find(k_separator); at != std::string_view::npos; at = text.find(k_separator)) {
    out.emplace_back(text.substr(0, at));
    text.remove_prefix(at + k_separator.size());
  }
  out.emplace_back(text);
  return out;
}

Answers plain_answers(const TemplateManifest& manifest)
{
  Answers answers;
  for (const Variable& var : manifest.variables) {
    if (var.default_value) answers[var.name] = *var.default_value;
    else if (var.type == VariableType::boolean) answers[var.name] = "true";
    else if (var.type == VariableType::integer) answers[var.name] = "1";
    else answers[var.name] = var.choices.empty() ? "x" : var.choices.front();
  }
  return answers;
}

void render_bytes(std::string_view text)
{
  std::vector<std::string> sections = split_sections(text);
  sections.resize(std::max<size_t>(sections.size(), 3));
  LoadedTemplate tmpl;
  tmpl.manifest = parse_manifest("fuzz/template.yaml", sections[0]);
  tmpl.files[sections[1]] = sections[2];
  tmpl.origins[sections[1]] = "fuzz/files/" + sections[1];
  for (size_t i = 3; i < sections.size(); ++i) tmpl.partials["part" + std::to_string(i - 3)] = sections[i];
  (void)render_template(tmpl, plain_answers(tmpl.manifest));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
  return readyctl::fuzz::expect_clean_errors([&] { render_bytes(readyctl::fuzz::as_text(data, size)); });
}
