#include "readyctl/plan/status.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/baseline/window.hpp"
#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/journal.hpp"
#include "readyctl/lint/engine.hpp"

namespace readyctl::plan {
namespace {

namespace fs = std::filesystem;
using StatusJson = nlohmann::json;

constexpr double k_min_baseline_days = 7;
constexpr Day k_gameday_max_age_days = 30;
// The guardrail categories weeks 7-9 must clear of errors.
const std::set<std::string> k_guardrail_categories = {"guardrails", "scheduling", "cost", "isolation"};

// Cluster signals a usable baseline has: name -> JSON pointer into its `cluster` object.
const std::vector<std::pair<std::string, std::string>> k_status_signals = {{"traffic", "/requests/rate_mean"},
                                                                    {"latency", "/latency_seconds/e2e/p95"},
                                                                    {"queue", "/queue/mean"},
                                                                    {"gpu", "/gpu/utilization_mean"},
                                                                    {"cost", "/cost/total"}};

std::vector<fs::path> json_files(const fs::path& dir)
{
  std::vector<fs::path> out;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return out;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.is_regular_file() && entry.path().extension() == ".json") out.push_back(entry.path());
  std::sort(out.begin(), out.end());
  return out;
}

std::string repo_relative(const fs::path& p, const fs::path& root) { return p.lexically_relative(root).generic_string(); }

// What one snapshot file shows; `problem` is set when it is not a readable snapshot.
struct SnapshotEvidence {
  std::string file;
  double days = 0;
  std::vector<std::string> missing;  // signals null or absent in `cluster`
  std::string compared_with;         // file name of the snapshot it was compared with (--compare), if any
  std::string problem;
};

SnapshotEvidence read_snapshot(const fs::path& path, const fs::path& root)
{
  SnapshotEvidence e;
  e.file = repo_relative(path, root);
  StatusJson doc = StatusJson::parse(read_file(path), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("window") || !doc.contains("cluster")) {
    e.problem = "not a baseline snapshot (expected JSON with 'window' and 'cluster')";
    return e;
  }
  try {
    const StatusJson& w = doc["window"];
    e.days = (baseline::parse_time(w.value("end", ""), "window.end") -
              baseline::parse_time(w.value("start", ""), "window.start")) / 86400.0;
  } catch (const InputError& error) {
    e.problem = error.what();
    return e;
  }
  if (doc.contains("comparison") && doc["comparison"].is_object() && doc["comparison"].value("against", "") != "")
    e.compared_with = fs::path(doc["comparison"]["against"].get<std::string>()).filename().string();
  for (const auto& [name, pointer] : k_status_signals) {
    StatusJson::json_pointer ptr(pointer);
    if (!doc["cluster"].contains(ptr) || doc["cluster"][ptr].is_null()) e.missing.push_back(name);
  }
  return e;
}

std::string baseline_command(const PlanConfig& c, const std::string& compare)
{
  std::string cmd = fmt::format("readyctl baseline --prometheus {} --since 7d --save .readyctl/baselines/$(date +%F).json",
                                c.prometheus.empty() ? "URL" : c.prometheus);
  return compare.empty() ? cmd : cmd + " --compare " + compare;
}

// Met by a snapshot saved with --compare against another snapshot of .readyctl/baselines/.
void describe_second(const std::vector<const SnapshotEvidence*>& usable, const PlanConfig& c, Criterion& second)
{
  std::string first = usable.empty() ? "" : ".readyctl/baselines/" + fs::path(usable.front()->file).filename().string();
  second.command = baseline_command(c, first);
  for (size_t i = 0; i < usable.size() && !second.met; ++i)
    for (size_t j = 0; j < usable.size() && !second.met; ++j)
      if (i != j && usable[i]->compared_with == fs::path(usable[j]->file).filename().string()) {
        second.met = true;
        second.evidence = usable[i]->file;
        second.detail = fmt::format("{} is compared with {}", usable[i]->file, usable[j]->file);
      }
  if (second.met) return;
  second.detail = usable.size() < 2 ? fmt::format("{} baseline snapshot{} in .readyctl/baselines/", usable.size(),
                                                  usable.size() == 1 ? "" : "s")
                                    : fmt::format("{} snapshots, but none saved with --compare against an earlier one",
                                                  usable.size());
}

void check_baselines(const fs::path& root, const PlanConfig& c, Criterion& week, Criterion& second,
                     std::vector<std::string>& baselines)
{
  std::vector<SnapshotEvidence> snapshots;
  for (const fs::path& p : json_files(root / ".readyctl/baselines")) snapshots.push_back(read_snapshot(p, root));
  week.command = baseline_command(c, "");
  week.detail = "no snapshot in .readyctl/baselines/";
  std::vector<const SnapshotEvidence*> usable;
  for (const auto& s : snapshots) {
    if (!s.problem.empty()) {
      if (!week.met && week.evidence.empty()) week.detail = fmt::format("{}: {}", s.file, s.problem);
      continue;
    }
    usable.push_back(&s);
    bool covers = s.days >= k_min_baseline_days;
    if (covers && s.missing.empty() && !week.met) {
      week.met = true;
      week.evidence = s.file;
      week.detail = fmt::format("{} covers {:.1f} days with traffic, latency, queue, GPU and cost", s.file, s.days);
    } else if (!week.met) {
      week.detail = !covers ? fmt::format("{} covers {:.1f} days (needs {:g})", s.file, s.days, k_min_baseline_days)
                            : fmt::format("{} has no {} signal", s.file, fmt::join(s.missing, ", "));
    }
  }
  describe_second(usable, c, second);
  for (const SnapshotEvidence* u : usable) baselines.push_back(u->file);
}

struct LintOutcome {
  LintTally tally;  // every finding, by category and severity
  int errors = 0;
  std::string first;    // "file:line:col rule" of the first counted error
  std::string problem;  // the paths could not be linted
};

void count(LintTally& t, const std::string& category, Severity severity)
{
  SeverityCounts& c = t.categories[category.empty() ? "other" : category];
  int SeverityCounts::*field = severity == Severity::error     ? &SeverityCounts::errors
                               : severity == Severity::warning ? &SeverityCounts::warnings
                                                               : &SeverityCounts::notes;
  ++(c.*field);
  ++(t.total.*field);
}

// Runs the lint engine in-process; only error findings in `categories` count (all when empty).
LintOutcome lint_errors(const fs::path& root, const std::vector<std::string>& paths, const std::set<std::string>& categories,
                        Day today, const fs::path& config_dir)
{
  lint::LintOptions o;
  for (const auto& p : paths) o.paths.push_back((root / p).string());
  o.discover_config = false;
  if (fs::exists(config_dir / ".readyctl.yaml")) o.config_path = (config_dir / ".readyctl.yaml").string();
  o.today = format_date(today);
  LintOutcome out;
  out.tally.paths = paths;
  out.tally.at = utc_timestamp_now();
  try {
    lint::LintRun run = lint::run_lint(o);
    std::map<std::string, std::string> category_of;
    for (const auto& rule : lint::resolve_rules(o, run.config)) category_of[rule.id] = rule.category;
    for (const auto& f : run.report.findings) {
      count(out.tally, category_of[f.rule], f.severity);
      bool counted = f.severity == Severity::error && (categories.empty() || categories.count(category_of[f.rule]));
      if (!counted) continue;
      if (out.errors++ == 0)
        out.first = fmt::format("{}:{}:{} {}", repo_relative(fs::path(f.location.file), root), f.location.line, f.location.column, f.rule);
    }
    if (run.input_errors && out.problem.empty()) out.problem = "some manifests do not parse";
  } catch (const std::runtime_error& error) {  // InputError (missing path) or EnvironmentError
    out.problem = error.what();
  }
  return out;
}

void describe_lint(Criterion& c, const LintOutcome& r, const std::string& what)
{
  c.met = r.errors == 0 && r.problem.empty();
  if (!r.problem.empty()) c.detail = r.problem;
  else if (r.errors > 0) c.detail = fmt::format("{} {} error{}, first at {}", r.errors, what, r.errors == 1 ? "" : "s", r.first);
  else c.detail = fmt::format("no {} errors", what);
}

void check_flow(const fs::path& root, const PlanConfig& c, Day today, Criterion& scaffolded, Criterion& clean)
{
  fs::path answers = root / c.flow_dir / ".readyctl-answers.yaml";
  scaffolded.command = "readyctl scaffold new durable-flow-python " + c.flow_dir;
  scaffolded.met = fs::is_regular_file(answers);
  scaffolded.evidence = scaffolded.met ? repo_relative(answers, root) : "";
  scaffolded.detail = scaffolded.met ? "the project records its template answers" : "no " + repo_relative(answers, root);

  std::string deploy = (fs::path(c.flow_dir) / "deploy" / "base").generic_string();
  clean.command = "readyctl lint " + deploy;
  if (!scaffolded.met) {
    clean.detail = "no scaffolded project yet";
    return;
  }
  describe_lint(clean, lint_errors(root, {deploy}, {}, today, root / c.flow_dir), "lint");
  clean.evidence = clean.met ? deploy : "";
}

std::string shell_quote(const std::string& s)
{
  if (s.find_first_of(" '\"$`\\") == std::string::npos) return s;
  std::string out = "'";
  for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
  return out + "'";
}

void check_guardrails(const fs::path& root, const PlanConfig& c, Day today, Criterion& g, std::optional<LintTally>& tally)
{
  if (c.manifests.empty()) {
    g.detail = "no manifest paths in .readyctl/plan.yaml";
    g.command = fmt::format("readyctl plan init --force --start {} --flow-dir {}{} --manifests PATH", format_date(c.start),
                            shell_quote(c.flow_dir), c.prometheus.empty() ? "" : " --prometheus " + shell_quote(c.prometheus));
    return;
  }
  std::vector<std::string> quoted;
  for (const auto& m : c.manifests) quoted.push_back(shell_quote(m));
  g.command = fmt::format("readyctl lint {}", fmt::join(quoted, " "));
  LintOutcome lint = lint_errors(root, c.manifests, k_guardrail_categories, today, root);
  describe_lint(g, lint, "guardrails/scheduling/cost/isolation");
  if (lint.problem.empty()) tally = lint.tally;
  g.evidence = g.met ? fmt::format("{}", fmt::join(c.manifests, " ")) : "";
}

bool has_word(const std::string& text, const std::string& word) { return text.find(word) != std::string::npos; }

// A drill counts when its journal finished with verdict "held", was not a dry run, started within the last 30
// days, and its scenario carries the kind as a tag (or, failing tags, in its name).
void check_gamedays(const fs::path& root, const PlanConfig& c, Day today, std::vector<Criterion*> drills)
{
  std::map<std::string, std::pair<Day, std::string>> latest;  // kind -> (day, file)
  int seen = 0;
  for (const fs::path& p : json_files(root / ".readyctl/gamedays")) {
    gameday::Json j;
    try {
      j = gameday::load_journal(p);
    } catch (const InputError&) {
      continue;
    }
    ++seen;
    if (j.value("verdict", gameday::Json()) != "held" || j.value("dryRun", false)) continue;
    Day day = 0;
    try {
      day = parse_date(j.value("start", gameday::Json("")).get<std::string>().substr(0, 10), "start");
    } catch (const std::exception&) {
      continue;
    }
    if (day < today - k_gameday_max_age_days) continue;
    const gameday::Json& s = j.value("scenario", gameday::Json::object());
    std::vector<std::string> tags;
    if (s.contains("tags") && s["tags"].is_array())
      for (const auto& t : s["tags"]) if (t.is_string()) tags.push_back(t.get<std::string>());
    std::string name = s.contains("name") && s["name"].is_string() ? s["name"].get<std::string>() : "";
    for (Criterion* d : drills) {
      const std::string kind = d->id.substr(std::string("gameday-").size());
      bool matches = std::find(tags.begin(), tags.end(), kind) != tags.end() || has_word(name, kind);
      if (matches && (!latest.count(kind) || day >= latest[kind].first)) latest[kind] = {day, repo_relative(p, root)};
    }
  }
  for (Criterion* d : drills) {
    const std::string kind = d->id.substr(std::string("gameday-").size());
    std::string scenario = kind == "rollback" ? "tool-dependency-failure" : kind == "failover" ? "worker-kill-replay" : "worker-kill-replay";
    d->command = fmt::format("readyctl gameday run {}/gameday/{}.yaml --journal .readyctl/gamedays/{}-$(date +%F).json",
                             c.flow_dir, scenario, kind);
    d->met = latest.count(kind) > 0;
    d->evidence = d->met ? latest[kind].second : "";
    d->detail = d->met ? fmt::format("held on {}", format_date(latest[kind].first))
                       : fmt::format("no held {} drill in the last {} days ({} journal{} read)", kind, k_gameday_max_age_days,
                                     seen, seen == 1 ? "" : "s");
  }
}

Criterion criterion(std::string id, std::string description)
{
  Criterion c;
  c.id = std::move(id);
  c.description = std::move(description);
  return c;
}

Phase make_phase(int number, const char* name, Day start)
{
  Phase p;
  p.number = number;
  p.name = name;
  p.first_week = 3 * (number - 1) + 1;
  p.last_week = p.first_week + 2;
  p.starts = start + 21 * (number - 1);
  p.due = p.starts + 20;
  return p;
}

}  // namespace

bool Phase::met() const
{
  return std::all_of(criteria.begin(), criteria.end(), [](const Criterion& c) { return c.met; });
}

bool PlanStatus::any_late() const
{
  return std::any_of(phases.begin(), phases.end(), [&](const Phase& p) { return p.late(today); });
}

PlanStatus evaluate_plan(const StatusOptions& o)
{
  const PlanConfig& c = o.config;
  PlanStatus s;
  s.root = o.root.string();
  s.start = c.start;
  s.today = o.today;
  Phase baseline = make_phase(1, "baseline", c.start);
  Phase flow = make_phase(2, "durable flow", c.start);
  Phase guardrails = make_phase(3, "guardrails", c.start);
  Phase gamedays = make_phase(4, "game days", c.start);

  Criterion week = criterion("baseline-7d", "a baseline snapshot covering >= 7 days with traffic, latency, queue, GPU and cost");
  Criterion second = criterion("baseline-second", "a second baseline snapshot compared with the first");
  check_baselines(o.root, c, week, second, s.baselines);
  baseline.criteria = {week};

  Criterion scaffolded = criterion("flow-scaffolded", "a scaffolded durable-flow project in " + c.flow_dir);
  Criterion clean = criterion("flow-lint-clean", "the project's manifests lint with zero errors");
  check_flow(o.root, c, o.today, scaffolded, clean);
  flow.criteria = {scaffolded, clean};

  Criterion g = criterion("guardrails-clean", "zero guardrails/scheduling/cost/isolation errors over the planned manifests");
  check_guardrails(o.root, c, o.today, g, s.manifests_lint);
  guardrails.criteria = {g, second};

  gamedays.criteria = {criterion("gameday-failover", "a held failover drill in the last 30 days"),
                       criterion("gameday-replay", "a held replay drill in the last 30 days"),
                       criterion("gameday-rollback", "a held rollback drill in the last 30 days")};
  check_gamedays(o.root, c, o.today, {&gamedays.criteria[0], &gamedays.criteria[1], &gamedays.criteria[2]});

  s.phases = {baseline, flow, guardrails, gamedays};
  for (const Phase& p : s.phases)
    for (const Criterion& cr : p.criteria)
      if (!cr.met && s.next_command.empty()) s.next_command = cr.command;
  return s;
}

}  // namespace readyctl::plan
