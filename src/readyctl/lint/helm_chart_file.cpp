#include "readyctl/lint/helm_chart_file.hpp"

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "readyctl/core/error.hpp"
#include "readyctl/core/read_file.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/lint/unrendered.hpp"

namespace readyctl::lint {
namespace fs = std::filesystem;
namespace {

constexpr int k_search_depth = 4;          // below each directory searched
constexpr size_t k_max_dirs_searched = 4000;  // a repository's worth; a render in a huge tree stays cheap
constexpr size_t k_max_template_bytes = 4 * 1024 * 1024;

// Chart directories (named after their chart, holding Chart.yaml) under `base`, by name.
void find_charts(const fs::path& base, int depth, std::multimap<std::string, fs::path>& out, size_t& visited)
{
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(base, fs::directory_options::skip_permission_denied, ec)) {
    if (++visited > k_max_dirs_searched) return;
    if (!e.is_directory(ec) || e.is_symlink(ec) || e.path().filename().string().starts_with(".")) continue;
    if (is_helm_chart_dir(e.path())) out.emplace(e.path().filename().string(), e.path());
    if (depth > 1) find_charts(e.path(), depth - 1, out, visited);
  }
}

class ChartFiles {
public:
  // The on-disk path of `source` (`chart/templates/x.yaml`) near a render in `dir`, or "".
  std::string resolve(const fs::path& dir, std::string_view source)
  {
    std::lock_guard lock(m_mutex);
    const std::string key = dir.string() + '\n' + std::string(source);
    if (auto it = m_resolved.find(key); it != m_resolved.end()) return it->second;
    return m_resolved[key] = search(dir, source);
  }

  // The template's text, read once; null when unreadable.
  std::shared_ptr<const yaml::SourceFile> read(const std::string& path)
  {
    std::lock_guard lock(m_mutex);
    if (auto it = m_files.find(path); it != m_files.end()) return it->second;
    std::shared_ptr<const yaml::SourceFile> file;
    try {
      file = std::make_shared<const yaml::SourceFile>(path, read_file(path, k_max_template_bytes));
    } catch (const InputError&) {
    }
    return m_files[path] = file;
  }

private:
  const std::multimap<std::string, fs::path>& charts_under(const fs::path& base)
  {
    auto [it, added] = m_charts.try_emplace(base.string());
    if (added) {
      size_t visited = 0;
      find_charts(base, k_search_depth, it->second, visited);
    }
    return it->second;
  }

  std::string search(const fs::path& dir, std::string_view source)
  {
    const size_t slash = source.find('/');
    if (slash == std::string_view::npos) return "";
    const std::string chart(source.substr(0, slash));
    const fs::path rest(std::string(source.substr(slash + 1)));
    fs::path base = dir.empty() ? fs::path(".") : dir;
    for (int up = 0; up <= 2; ++up, base = base.parent_path()) {
      auto [lo, hi] = charts_under(base).equal_range(chart);
      for (auto it = lo; it != hi; ++it) {
        std::error_code ec;
        if (fs::is_regular_file(it->second / rest, ec)) return (it->second / rest).lexically_normal().string();
      }
      if (base.parent_path() == base || base == ".") break;
    }
    return "";
  }

  std::mutex m_mutex;
  std::map<std::string, std::string> m_resolved;
  std::map<std::string, std::multimap<std::string, fs::path>> m_charts;
  std::map<std::string, std::shared_ptr<const yaml::SourceFile>> m_files;
};

ChartFiles& chart_files()
{
  static ChartFiles files;
  return files;
}

// A line's mapping key with its colon (`serviceAccountName:`, `- name:`), or the whole trimmed line.
std::string_view key_of(std::string_view line)
{
  line = trim(line);
  const size_t colon = line.find(": ");
  return colon == std::string_view::npos ? line : line.substr(0, colon + 1);
}

// The template line holding what the render has at line `at` (its document starts after the `# Source:` comment
// at line `source`): the template's line like it that comes in the same order (the render's third `hostPath:` is
// the template's third); 0 when there is none.
int nth_line_like(const yaml::SourceFile& tmpl, const yaml::SourceFile& render, int source, int at,
                  std::string_view (*text)(std::string_view))
{
  const std::string_view wanted = text(render.line(at));
  int nth = 0;
  for (int n = source + 1; n < at; ++n) nth += text(render.line(n)) == wanted;
  for (int n = 1; n <= tmpl.line_count(); ++n)
    if (text(tmpl.line(n)) == wanted && nth-- == 0) return n;
  return 0;
}

std::string_view whole(std::string_view line) { return trim(line); }

// The same, by the line's whole text first (`- name: main` is not the template's `- name: {{ .Values.secret }}`),
// then by its key.
int confirmed_line(const yaml::SourceFile& tmpl, const yaml::SourceFile& render, int source, int at)
{
  const std::string_view key = key_of(render.line(at));
  if (key.empty()) return 0;
  const int guess = at - source;
  if (guess >= 1 && guess <= tmpl.line_count() && whole(tmpl.line(guess)) == whole(render.line(at))) return guess;
  if (int exact = nth_line_like(tmpl, render, source, at, whole)) return exact;
  if (guess >= 1 && guess <= tmpl.line_count() && key_of(tmpl.line(guess)) == key) return guess;
  // By key only where the template has that key once: `- name:` of a container is not told from an
  // imagePullSecret's that rendered away.
  int found = 0;
  for (int n = 1; n <= tmpl.line_count(); ++n)
    if (key_of(tmpl.line(n)) == key) {
      if (found) return 0;
      found = n;
    }
  return found;
}

}  // namespace

std::optional<Location> helm_chart_location(const Object& object, const yaml::Node* node)
{
  const fs::path dir = fs::path(object.file->path()).parent_path();
  const std::string path = chart_files().resolve(dir, object.helm_source);
  if (path.empty()) return std::nullopt;
  const std::shared_ptr<const yaml::SourceFile> tmpl = chart_files().read(path);
  const int line = tmpl ? confirmed_line(*tmpl, *object.file, object.helm_line_delta, node->line()) : 0;
  return Location{path, line, line > 0 ? node->column() : 0};
}

}  // namespace readyctl::lint
