#include "readyctl/lint/inline_patches.hpp"

#include <map>
#include <optional>
#include <regex>
#include <string_view>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

// The scalar is written as a literal block (`|`, `|-`, `|2`) at its node's position in the file.
bool literal_block(const yaml::SourceFile& source, const yaml::Node* n)
{
  std::string_view line = source.line(n->line());
  size_t at = static_cast<size_t>(n->column() > 0 ? n->column() - 1 : 0);
  return at < line.size() && line[at] == '|';
}

int indent_of(std::string_view line)
{
  size_t i = line.find_first_not_of(' ');
  return i == std::string_view::npos ? 0 : static_cast<int>(i);
}

void add_block(std::vector<InlinePatch>& out, const yaml::SourceFile& source, const yaml::Node* patch,
               const yaml::Node* target)
{
  if (!patch || !patch->is_scalar() || !literal_block(source, patch)) return;
  InlinePatch p;
  p.text = std::string(patch->str());
  p.first_line = patch->line() + 1;
  for (int l = p.first_line; l <= source.line_count(); ++l)
    if (std::string_view text = source.line(l); text.find_first_not_of(' ') != std::string_view::npos) {
      p.indent = indent_of(text);
      break;
    }
  if (target && target->is_mapping()) {
    p.kind = std::string(target->str_at("kind"));
    p.name = std::string(target->str_at("name"));
  }
  out.push_back(std::move(p));
}

}  // namespace

std::vector<InlinePatch> read_inline_patches(const fs::path& file)
{
  std::vector<InlinePatch> out;
  try {
    yaml::SourceFile source(file.string(), read_file(file, k_max_kustomization_bytes));
    if (source.text().find('|') == std::string::npos) return out;
    yaml::ParsedFile parsed = yaml::parse_yaml(source);
    const yaml::Node* root = parsed.documents.empty() ? nullptr : parsed.documents.front().root;
    if (!root || !root->is_mapping()) return out;
    for (std::string_view key : {"patches", "patchesJson6902"})
      if (const yaml::Node* list = root->get(key); list && list->is_sequence())
        for (const yaml::Node* item : list->children())
          if (item->is_mapping()) add_block(out, source, item->get("patch"), item->get("target"));
    if (const yaml::Node* list = root->get("patchesStrategicMerge"); list && list->is_sequence())
      for (const yaml::Node* item : list->children()) add_block(out, source, item, nullptr);
  } catch (const InputError&) {
    // Unreadable: rendering it reports the problem.
  }
  return out;
}

bool target_name_takes(std::string_view pattern, std::string_view name)
{
  if (pattern.empty() || pattern == name) return true;
  if (pattern.find_first_of(".*+?[](){}|^$\\") == std::string_view::npos) return false;
  // Compiled once per pattern and thread: patch_location asks for every finding on a patched field.
  thread_local std::map<std::string, std::optional<std::regex>, std::less<>> compiled;
  auto it = compiled.find(pattern);
  if (it == compiled.end()) {
    std::optional<std::regex> re;
    try {
      re.emplace(std::string(pattern));
    } catch (const std::regex_error&) {
      // An invalid pattern takes no name.
    }
    it = compiled.emplace(std::string(pattern), std::move(re)).first;
  }
  return it->second && std::regex_match(name.begin(), name.end(), *it->second);
}

}  // namespace readyctl::lint
