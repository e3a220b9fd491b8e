#include "readyctl/lint/suppression.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "readyctl/core/parallel.hpp"
#include "readyctl/core/text.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_annotation = "readyctl.io/ignore";
constexpr std::string_view k_comment = "readyctl:ignore";

bool names_rule(const Directive& d, std::string_view rule)
{
  return std::any_of(d.rules.begin(), d.rules.end(), [&](const std::string& r) { return r == rule || r == "all"; });
}

std::string relative_to_config(const LintConfig& config, const std::string& file)
{
  std::error_code ec;
  std::filesystem::path base = config.file.parent_path();
  std::filesystem::path rel = std::filesystem::relative(std::filesystem::absolute(file, ec), base, ec);
  return ec ? file : rel.generic_string();
}

// Directives found in comments, by line.
std::map<int, Directive> scan_comments(const yaml::SourceFile& file)
{
  std::map<int, Directive> out;
  if (file.text().find(k_comment) == std::string::npos) return out;
  for (int n = 1; n <= file.line_count(); ++n) {
    std::string_view line = file.line(n);
    size_t at = line.find(k_comment);
    size_t hash = line.rfind('#', at);
    if (at == std::string_view::npos || hash == std::string_view::npos) continue;
    std::string_view rest = line.substr(at + k_comment.size());
    rest = rest.substr(0, rest.find('#'));  // a second comment after the directive is not part of it
    std::optional<Directive> d = parse_directive(rest);
    if (!d) continue;
    d->line = n;
    d->column = static_cast<int>(hash) + 1;
    d->applies_to_next_line = trim(line).starts_with('#');
    out[d->applies_to_next_line ? n + 1 : n] = *d;
  }
  return out;
}

}  // namespace

std::optional<Directive> parse_directive(std::string_view text)
{
  Directive d;
  size_t sep = text.find("--");
  std::string_view ids = trim(text.substr(0, sep));
  if (sep != std::string_view::npos) d.reason = std::string(trim(text.substr(sep + 2)));
  for (std::string_view id : split(ids, ','))
    for (std::string_view word : split(trim(id), ' '))
      if (!trim(word).empty()) d.rules.emplace_back(trim(word));
  if (d.rules.empty()) return std::nullopt;
  return d;
}

Suppressor::Suppressor(const Graph& graph, const LintConfig& config, std::string today, ForeignIndex foreign)
    : m_graph(graph), m_config(config), m_today(std::move(today)), m_foreign(std::move(foreign))
{
  parse_annotations();
  scan_files();
}

void Suppressor::parse_annotations()
{
  const std::span<const Object> objects = m_graph.objects();
  m_annotations.resize(objects.size());
  constexpr size_t k_batch = 1024;
  parallel_for((objects.size() + k_batch - 1) / k_batch, [&](size_t batch) {
    const size_t last = std::min(objects.size(), (batch + 1) * k_batch);
    for (size_t i = batch * k_batch; i < last; ++i) {
      const Object* o = &objects[i];
      Annotations& out = m_annotations[i];
      out.own = o->annotation_node(k_annotation);
      if (out.own)
        if (std::optional<Directive> d = parse_directive(out.own->str())) {
          out.own_parsed = true;
          out.directives.push_back(std::move(*d));
        }
      for (const PodTemplate& p : m_graph.pods_of(o))
        if (p.owner == o && p.metadata)
          if (const yaml::Node* n = p.metadata->path({"annotations", k_annotation}))
            if (std::optional<Directive> d = parse_directive(n->str())) out.directives.push_back(std::move(*d));
      add_foreign(*o, out);
    }
  }, 2);
}

void Suppressor::add_foreign(const Object& object, Annotations& out) const
{
  if (m_foreign.empty() || !object.metadata) return;
  out.foreign = foreign_ignores(m_foreign, object.metadata->get("annotations"));
  for (const ForeignIgnore& f : out.foreign)
    if (!f.reason.empty()) out.directives.push_back({f.rules, f.reason});
}

void Suppressor::scan_files()
{
  for (const Object& o : m_graph.objects())
    if (const yaml::SourceFile* f = o.shown_file(); f && (m_files.empty() || m_files.back() != f)) m_files.push_back(f);
  std::sort(m_files.begin(), m_files.end());
  m_files.erase(std::unique(m_files.begin(), m_files.end()), m_files.end());
  std::vector<std::map<int, Directive>> scanned(m_files.size());
  parallel_for(m_files.size(), [&](size_t i) { scanned[i] = scan_comments(*m_files[i]); }, 2);
  m_comments.reserve(m_files.size());
  for (size_t i = 0; i < m_files.size(); ++i) m_comments.emplace(m_files[i], std::move(scanned[i]));
}

const std::string* Suppressor::reason_for(const RawFinding& raw) const
{
  if (const std::string* r = from_annotations(raw)) return r;
  if (const std::string* r = from_comments(raw)) return r;
  return from_config(raw);
}

const Suppressor::Annotations& Suppressor::annotations_of(const Object* object) const
{
  static const Annotations none;
  const std::span<const Object> objects = m_graph.objects();
  if (object < objects.data() || object >= objects.data() + objects.size()) return none;
  return m_annotations[static_cast<size_t>(object - objects.data())];
}

const std::string* Suppressor::from_annotations(const RawFinding& raw) const
{
  if (!raw.object) return nullptr;
  for (const Directive& d : annotations_of(raw.object).directives)
    if (!d.reason.empty() && names_rule(d, raw.rule->id)) return &d.reason;
  return nullptr;
}

const std::map<int, Directive>& Suppressor::comments_of(const yaml::SourceFile* file) const
{
  static const std::map<int, Directive> none;
  auto it = m_comments.find(file);
  return it == m_comments.end() ? none : it->second;
}

const std::string* Suppressor::from_comments(const RawFinding& raw) const
{
  if (!raw.object || !raw.object->shown_file()) return nullptr;
  const auto& comments = comments_of(raw.object->shown_file());
  auto it = comments.find(raw.source_line);
  if (it == comments.end() || it->second.reason.empty() || !names_rule(it->second, raw.rule->id)) return nullptr;
  return &it->second.reason;
}

const std::string& Suppressor::config_relative(const std::string& file) const
{
  std::lock_guard lock(m_relative_mutex);
  auto it = m_relative.find(file);
  if (it == m_relative.end()) it = m_relative.emplace(file, relative_to_config(m_config, file)).first;
  return it->second;  // map nodes stay put: safe to read after the lock is released
}

const std::string* Suppressor::from_config(const RawFinding& raw) const
{
  const Object* o = raw.object;
  for (const IgnoreEntry& e : m_config.ignores) {
    if (!e.until.empty() && e.until < m_today) continue;
    if (!e.rule.empty() && e.rule != raw.rule->id && e.rule != "all") continue;
    if (!e.path.empty() && !glob_match(e.path, config_relative(raw.location_file()))) continue;
    if (o && ((!e.kind.empty() && e.kind != o->kind) || (!e.ns.empty() && e.ns != o->ns) ||
              (!e.name.empty() && e.name != o->name)))
      continue;
    return &e.reason;
  }
  return nullptr;
}

void Suppressor::report_problems(const Rule& rule, const std::set<std::string>& known,
                                 std::vector<RawFinding>& out) const
{
  auto problems = [&](const Directive& d) {
    std::vector<std::string> found;
    if (d.reason.empty())
      found.push_back(fmt::format("suppression of '{}' has no reason: write 'RULES -- why'", join(d.rules, ",")));
    for (const std::string& r : d.rules)
      if (r != "all" && !known.count(r)) found.push_back(fmt::format("suppression names unknown rule '{}'", r));
    return found;
  };
  // `file` is a SourceFile's path or the config's: both outlive the run.
  auto add = [&](const std::string& file, int line, int column, std::string message) {
    RawFinding raw;
    raw.rule = &rule;
    raw.file = &file;
    raw.line = line;
    raw.column = column;
    raw.source_line = line;
    raw.severity = rule.severity;
    raw.message = std::move(message);
    out.push_back(std::move(raw));
  };
  FindingSink sink(rule, out);
  const std::span<const Object> objects = m_graph.objects();
  for (size_t i = 0; i < objects.size(); ++i) {
    const Annotations& a = m_annotations[i];
    if (a.own_parsed)
      for (std::string& message : problems(a.directives.front())) sink.report(objects[i], a.own, std::move(message));
    for (const ForeignIgnore& f : a.foreign)
      if (f.reason.empty())
        sink.report(objects[i], f.at, fmt::format("{} gives no reason, so it suppresses nothing here: write why as its "
                                                  "value", f.annotation));
  }
  for (const yaml::SourceFile* file : m_files)
    for (const auto& [line, d] : comments_of(file))
      for (std::string& message : problems(d)) add(file->path(), d.line, d.column, std::move(message));
  for (const IgnoreEntry& e : m_config.ignores)
    if (!e.until.empty() && e.until < m_today)
      add(e.where.file, e.where.line, e.where.column, fmt::format("ignore entry for '{}' expired on {}; it no longer suppresses",
                               e.rule.empty() ? "all rules" : e.rule, e.until));
}

}  // namespace readyctl::lint
