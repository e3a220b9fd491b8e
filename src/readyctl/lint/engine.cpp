#include "readyctl/lint/engine.hpp"

#include <algorithm>
#include <ctime>
#include <map>
#include <memory>
#include <set>
#include <span>
#include <tuple>
#include <unordered_map>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "readyctl/core/error.hpp"
#include "readyctl/lint/check_runner.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/graph.hpp"
#include "readyctl/lint/manifest_loader.hpp"
#include "readyctl/lint/split_findings.hpp"
#include "readyctl/lint/suppression.hpp"
#include "readyctl/lint/unrendered.hpp"

namespace readyctl::lint {
namespace {

template <typename Rules>
auto find_rule(Rules& rules, std::string_view id) -> decltype(&rules.front())
{
  for (auto& r : rules)
    if (r.id == id) return &r;
  return nullptr;
}

Rule& require_rule(std::vector<Rule>& rules, std::string_view id, std::string_view flag)
{
  if (Rule* r = find_rule(rules, id)) return *r;
  throw InputError(fmt::format("{} {}: unknown rule id (see 'readyctl lint rules')", flag, id));
}

void merge_rule_dirs(std::vector<Rule>& rules, const std::vector<std::string>& dirs)
{
  for (const std::string& dir : dirs)
    for (Rule& extra : load_rule_dir(dir)) {
      if (Rule* existing = find_rule(rules, extra.id)) *existing = std::move(extra);
      else rules.push_back(std::move(extra));
    }
}

void apply_overrides(std::vector<Rule>& rules, const LintConfig& config)
{
  for (const auto& [id, o] : config.rules) {
    Rule* rule = find_rule(rules, id);
    if (!rule) throw InputError(fmt::format("{}: unknown rule id '{}' (see 'readyctl lint rules')", o.where.str(), id));
    if (o.enabled) rule->enabled = *o.enabled;
    if (o.severity) rule->severity = *o.severity;
    for (const auto& [name, value] : o.params.items()) {
      auto at = o.param_where.find(name);
      const auto [key_at, value_at] = at == o.param_where.end() ? std::pair{o.where, o.where} : at->second;
      set_rule_param(*rule, name, value, key_at, value_at);
    }
  }
}

void apply_flags(std::vector<Rule>& rules, const LintOptions& options)
{
  for (const std::string& id : options.enable) require_rule(rules, id, "--enable").enabled = true;
  for (const std::string& id : options.disable) require_rule(rules, id, "--disable").enabled = false;
  if (options.only.empty()) return;
  for (const std::string& id : options.only) require_rule(rules, id, "--only");
  for (Rule& r : rules)
    r.enabled = std::find(options.only.begin(), options.only.end(), r.id) != options.only.end();
}

void check_families_exist(const std::vector<Rule>& rules)
{
  for (const Rule& r : rules)
    if (!find_check_family(r.check))
      throw InputError(fmt::format("{}: rule {}: unknown check family '{}'", r.origin, r.id, r.check));
}

// Findings sort by file, line, column, then rule and message. Files are ranked once and the numbers sorted as one
// small array: comparing the Findings themselves chased two long path strings per comparison, in memory spread
// over the whole report.
struct SortKey {
  uint32_t file;
  int line;
  int column;
  uint32_t index;
};

// Each finding's file as its rank among the distinct files: one hash lookup per finding, one sort of the distinct
// names (sorting every finding's path was 1.6 million string comparisons at 100,000 findings).
std::vector<uint32_t> file_ranks(const std::vector<Finding>& findings)
{
  std::unordered_map<std::string_view, uint32_t> ids;
  std::vector<std::string_view> names;
  std::vector<uint32_t> id_of(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    auto [it, added] = ids.try_emplace(findings[i].location.file, static_cast<uint32_t>(names.size()));
    if (added) names.push_back(it->first);
    id_of[i] = it->second;
  }
  std::vector<uint32_t> by_name(names.size());
  for (uint32_t id = 0; id < by_name.size(); ++id) by_name[id] = id;
  std::sort(by_name.begin(), by_name.end(), [&](uint32_t a, uint32_t b) { return names[a] < names[b]; });
  std::vector<uint32_t> rank(names.size());
  for (uint32_t r = 0; r < by_name.size(); ++r) rank[by_name[r]] = r;
  for (uint32_t& id : id_of) id = rank[id];
  return id_of;
}

std::vector<SortKey> sort_keys(const std::vector<Finding>& findings)
{
  const std::vector<uint32_t> ranks = file_ranks(findings);
  std::vector<SortKey> keys;
  keys.reserve(findings.size());
  for (size_t i = 0; i < findings.size(); ++i) {
    const Location& at = findings[i].location;
    keys.push_back({ranks[i], at.line, at.column, static_cast<uint32_t>(i)});
  }
  auto by_position = [&](const SortKey& a, const SortKey& b) {
    if (std::tie(a.file, a.line, a.column) != std::tie(b.file, b.line, b.column))
      return std::tie(a.file, a.line, a.column) < std::tie(b.file, b.line, b.column);
    const Finding& fa = findings[a.index];
    const Finding& fb = findings[b.index];
    return std::tie(fa.rule, fa.message) < std::tie(fb.rule, fb.message);
  };
  std::stable_sort(keys.begin(), keys.end(), by_position);
  return keys;
}

// Moves each finding into place along the permutation's cycles: a sorted copy would touch as much new memory as
// the findings take. Stable, so findings at one position keep the order the checks reported them in.
void sort_findings(std::vector<Finding>& findings)
{
  std::vector<SortKey> keys = sort_keys(findings);
  // keys[i].index is the finding that belongs at i. Follow each cycle once, marking placed slots with their own index.
  for (size_t start = 0; start < keys.size(); ++start) {
    if (keys[start].index == start) continue;
    Finding held = std::move(findings[start]);
    size_t at = start;
    while (keys[at].index != start) {
      size_t from = keys[at].index;
      findings[at] = std::move(findings[from]);
      keys[at].index = static_cast<uint32_t>(at);
      at = from;
    }
    findings[at] = std::move(held);
    keys[at].index = static_cast<uint32_t>(at);
  }
}

// Carets need source lines; findings name display paths, which may be Helm chart paths or kustomize sources.
void attach_sources(LintReport& report, std::shared_ptr<ManifestSet> set)
{
  auto index = std::make_shared<std::map<std::string, std::pair<const yaml::SourceFile*, int>>>();
  for (const Object& o : set->objects) index->emplace(o.display_file, std::make_pair(o.shown_file(), o.line_delta));
  for (const yaml::SourceFile& f : set->files) index->emplace(f.path(), std::make_pair(&f, 0));
  report.source_line = [set, index](const std::string& file, int line) -> std::string {
    auto it = index->find(file);
    if (it == index->end()) return {};
    return std::string(it->second.first->line(line + it->second.second));
  };
}

std::vector<std::string> input_paths(const LintOptions& options, const LintConfig& config)
{
  if (!options.paths.empty()) return options.paths;
  if (config.paths.empty()) return {"."};
  std::vector<std::string> out;
  for (const std::string& p : config.paths) out.push_back((config.file.parent_path() / p).lexically_normal().string());
  return out;
}

void fill_report(LintReport& report, const ManifestSet& set, const std::vector<Rule>& rules)
{
  std::set<std::string> files;
  for (const yaml::SourceFile& f : set.files) files.insert(f.path());
  report.files.assign(files.begin(), files.end());
  report.summary.files = static_cast<int>(files.size());
  report.summary.objects = static_cast<int>(set.objects.size() - set.copied_objects);
  for (const Rule& r : rules)
    if (r.enabled) report.rules.push_back(r.summary_record());
  sort_findings(report.findings);
  sort_findings(report.suppressed);
  count_findings(report);
}

// What every unit is linted with.
struct UnitContext {
  const std::vector<Rule>& rules;
  const LintConfig& config;
  std::string today;
};

// One deployment unit on its own graph: its checks, then its suppressions (annotations, comments, config).
void lint_unit(std::span<const Object> objects, const UnitContext& context, LintReport& out, size_t room_after,
               const Graph* input = nullptr)
{
  Graph graph(objects);
  graph.set_input(input);
  std::vector<std::vector<RawFinding>> segments = run_checks(graph, context.rules);
  Suppressor suppressor(graph, context.config, context.today, index_foreign_checks(context.rules));
  if (const Rule* s = find_rule(context.rules, "suppression"); s && s->enabled) {
    std::set<std::string> known;
    for (const Rule& r : context.rules) known.insert(r.id);
    suppressor.report_problems(*s, known, segments.emplace_back());
  }
  split_suppressed(segments, suppressor, out, room_after);
}

// file, line, column, rule, and the source document of the object it is about: a patch that several objects share
// (a component's `target: {name: nfd.*}`) holds one position for each of their findings.
using FindingKey = std::tuple<std::string_view, int, int, std::string_view, std::string_view>;

FindingKey key_of(const Finding& f)
{
  return {f.location.file, f.location.line, f.location.column, f.rule, f.source_object};
}

// The units each finding position was found through; the first unit that found it speaks for all of them.
std::map<FindingKey, std::vector<size_t>> units_by_key(const std::vector<LintReport>& parts,
                                                       std::vector<Finding> LintReport::*list)
{
  std::map<FindingKey, std::vector<size_t>> out;
  for (size_t u = 0; u < parts.size(); ++u)
    for (const Finding& f : parts[u].*list) {
      std::vector<size_t>& units = out[key_of(f)];
      if (units.empty() || units.back() != u) units.push_back(u);
    }
  return out;
}

// Moves each part's findings of `list` into the report once: a base or component reached through several
// kustomizations is reported by the first, naming them all. Decided before anything moves (keys view the findings).
void merge_units(std::vector<LintReport>& parts, const ManifestSet& set, std::vector<Finding> LintReport::*list,
                 LintReport& report)
{
  const std::map<FindingKey, std::vector<size_t>> by_key = units_by_key(parts, list);
  std::vector<std::vector<const std::vector<size_t>*>> found_by(parts.size());  // null: another unit reports it
  for (size_t u = 0; u < parts.size(); ++u)
    for (const Finding& f : parts[u].*list) {
      const std::vector<size_t>& units = by_key.at(key_of(f));
      found_by[u].push_back(units.front() == u ? &units : nullptr);
    }
  for (size_t u = 0; u < parts.size(); ++u)
    for (size_t i = 0; i < (parts[u].*list).size(); ++i) {
      const std::vector<size_t>* units = found_by[u][i];
      if (!units) continue;
      Finding& f = (parts[u].*list)[i];
      std::vector<std::string_view> names;  // plain-file units (alternative files and their directory) go unnamed
      for (size_t n : *units)
        if (set.units[n].kind == UnitKind::kustomization) names.push_back(set.units[n].name);
      if (names.size() > 1)
        f.message += fmt::format(" (through {} kustomizations: {})", names.size(), fmt::join(names, ", "));
      (report.*list).push_back(std::move(f));
    }
}

// Each unit is linted on its own graph, so objects that are never applied together never meet in a
// cross-resource rule. A single unit (the common case) reports straight into the report.
void lint_units(const ManifestSet& set, const UnitContext& context, LintReport& report, size_t room_after)
{
  const std::span<const Object> all(set.objects);
  if (set.units.size() <= 1) {
    lint_unit(all, context, report, room_after);
    return;
  }
  const Graph input(all);
  std::vector<LintReport> parts(set.units.size());
  for (size_t u = 0; u < set.units.size(); ++u)
    lint_unit(all.subspan(set.units[u].first, set.units[u].last - set.units[u].first), context, parts[u], 0, &input);
  merge_units(parts, set, &LintReport::findings, report);
  merge_units(parts, set, &LintReport::suppressed, report);
}

// Charts and template files the loader did not lint (lint/unrendered.hpp), under their rule's switch and severity.
void add_unrendered(LintReport& report, std::vector<Finding>& notes, const std::vector<Rule>& rules)
{
  const Rule* rule = find_rule(rules, k_unrendered_rule);
  if (!rule || !rule->enabled) return;
  for (Finding& f : notes) {
    f.severity = rule->severity;
    report.findings.push_back(std::move(f));
  }
}

}  // namespace

std::string utc_today()
{
  std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  return fmt::format("{:04}-{:02}-{:02}", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

LintConfig load_lint_config(const std::string& explicit_path, bool discover)
{
  if (!explicit_path.empty()) return load_config(explicit_path);
  if (!discover) return {};
  if (auto found = discover_config(std::filesystem::current_path())) return load_config(*found);
  return {};
}

std::vector<Rule> resolve_rules(const LintOptions& options, const LintConfig& config)
{
  // Load the catalogue first, so a broken rule file fails before any manifest is read.
  std::vector<Rule> rules = load_builtin_rules();
  merge_rule_dirs(rules, options.rule_dirs);
  apply_overrides(rules, config);
  apply_flags(rules, options);
  check_families_exist(rules);
  return rules;
}

LintRun run_lint(const LintOptions& options)
{
  LintRun run;
  run.config = load_lint_config(options.config_path, options.discover_config);
  std::vector<Rule> rules = resolve_rules(options, run.config);
  auto set = std::make_shared<ManifestSet>(load_manifests(input_paths(options, run.config), {options.in, options.kustomize}));
  const UnitContext context{rules, run.config, options.today.empty() ? utc_today() : options.today};
  lint_units(*set, context, run.report, set->parse_errors.size());
  run.input_errors = !set->parse_errors.empty();
  for (Finding& e : set->parse_errors) run.report.findings.push_back(std::move(e));
  add_unrendered(run.report, set->unrendered, rules);
  fill_report(run.report, *set, rules);
  attach_sources(run.report, set);
  return run;
}

}  // namespace readyctl::lint
