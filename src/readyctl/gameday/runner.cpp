#include "readyctl/gameday/runner.hpp"

#include <random>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/loader.hpp"
#include "readyctl/gameday/requirements.hpp"
#include "readyctl/gameday/run.hpp"
#include "readyctl/report/json_common.hpp"

namespace readyctl::gameday {

namespace {

std::string new_run_id()
{
  auto now = std::chrono::system_clock::now();
  std::string stamp = iso_time(now);  // 2026-11-23T14:22:33.123Z
  std::string compact;
  for (char ch : stamp.substr(0, 19))
    if (ch != '-' && ch != ':') compact += ch;
  std::random_device rd;
  return fmt::format("{}Z-{:04x}", compact, rd() & 0xffff);
}

void apply_vars(Scenario& scenario, const std::map<std::string, std::string>& vars)
{
  for (const auto& [name, value] : vars) {
    if (!scenario.vars.count(name))
      throw InputError(fmt::format("--var {}: the scenario declares no variable '{}' (declared: {})", name, name,
                                   [&] {
                                     std::string list;
                                     for (const auto& [k, v] : scenario.vars) list += (list.empty() ? "" : ", ") + k;
                                     return list.empty() ? std::string("none") : list;
                                   }()));
    scenario.vars[name] = value;
  }
}

std::filesystem::path journal_path(const RunOptions& options, const Scenario& scenario, const std::string& run_id)
{
  if (!options.journal.empty()) return std::filesystem::absolute(options.journal);
  return std::filesystem::absolute(".readyctl/gamedays") / fmt::format("{}-{}.json", scenario.name, run_id);
}

Json journal_header(const Scenario& s, const RunOptions& options, const std::string& run_id)
{
  Json safety = {{"allowedContexts", s.safety.allowed_contexts}, {"maxTargets", s.safety.max_targets},
                 {"maxPercent", s.safety.max_percent}};
  return Json{{"schemaVersion", 1},
              {"tool", tool_block()},
              {"kind", "GameDayJournal"},
              {"runId", run_id},
              {"scenario", {{"path", s.path}, {"name", s.name}, {"description", s.description}, {"tags", s.tags}}},
              {"dryRun", options.dry_run},
              {"safety", safety},
              {"start", iso_time(std::chrono::system_clock::now())},
              {"end", nullptr},
              {"state", "running"},
              {"phase", "setup"},
              {"verdict", nullptr},
              {"exitCode", nullptr},
              {"reason", nullptr}};
}

}  // namespace

std::string verdict_name(Verdict verdict)
{
  switch (verdict) {
  case Verdict::held: return "held";
  case Verdict::deviated: return "deviated";
  case Verdict::invalid: return "invalid";
  case Verdict::environment: return "environment";
  case Verdict::aborted: return "aborted";
  case Verdict::interrupted: return "interrupted";
  }
  return "invalid";
}

int verdict_exit_code(Verdict verdict)
{
  switch (verdict) {
  case Verdict::held: return 0;
  case Verdict::deviated: return 1;
  case Verdict::invalid: return 2;
  case Verdict::environment: return 3;
  case Verdict::aborted: return 4;
  case Verdict::interrupted: return 130;
  }
  return 2;
}

RunResult run_gameday(const RunOptions& options)
{
  // Everything that can be refused is refused here, before a journal exists or anything runs.
  Scenario scenario = load_valid_scenario(options.scenario);
  apply_vars(scenario, options.vars);
  if (has_kubernetes_actions(scenario) && !options.dry_run && !options.yes)
    throw InputError(fmt::format("{}: this game day acts on a Kubernetes cluster (contexts: {}); pass --yes to run it, "
                                 "or --dry-run to resolve targets without acting",
                                 scenario.path, fmt::join(scenario.safety.allowed_contexts, ", ")));
  std::string run_id = new_run_id();
  std::filesystem::path path = journal_path(options, scenario, run_id);
  std::filesystem::create_directories(path.parent_path());
  Run run(std::move(scenario), options, run_id, path);
  return run.play();
}

Run::Run(Scenario scenario, const RunOptions& options, std::string run_id, std::filesystem::path journal_path)
    : m_scenario(std::move(scenario)), m_options(options), m_run_id(std::move(run_id)),
      m_journal_dir(journal_path.parent_path()), m_journal(journal_path, journal_header(m_scenario, options, m_run_id))
{
}

bool Run::should_stop() const
{
  return m_aborted.load() || m_broken.load() || (m_options.interrupted && m_options.interrupted->load());
}

void Run::fail_environment(const std::string& reason)
{
  fail(Verdict::environment, reason);
  m_broken = true;
}

void Run::abort(const std::string& reason)
{
  fail(Verdict::aborted, reason);
  m_aborted = true;
}

bool Run::fault_started()
{
  std::lock_guard lock(m_mutex);
  return m_fault_start.has_value();
}

double Run::elapsed() const
{
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
}

void Run::fail(Verdict verdict, const std::string& reason)
{
  std::lock_guard lock(m_mutex);
  // The first failure decides, except that Ctrl-C always ends as interrupted.
  if (m_verdict && verdict != Verdict::interrupted) return;
  if (m_verdict == Verdict::interrupted) return;
  m_verdict = verdict;
  m_reason = reason;
}

bool Run::check_stop()
{
  if (m_options.interrupted && m_options.interrupted->load()) fail(Verdict::interrupted, "interrupted (SIGINT/SIGTERM)");
  return should_stop();
}

RunResult Run::play()
{
  auto phase = [&](const char* name) { m_journal.set("phase", name); };
  start_watcher();
  start_sentinel();
  try {
    phase("setup");
    check_requirements();
    bool go = run_steps(m_scenario.setup, "setup") && !check_stop();
    if (go) phase("hypothesis-before");
    go = go && run_probe_list(m_scenario.hypothesis, "hypothesis-before", ProbeMode::before) && !check_stop();
    if (go) step_into_method();
    go = go && run_steps(m_scenario.steps, "method") && !check_stop();
    m_in_method = false;
    if (go) phase("hypothesis-after");
    go = go && run_probe_list(m_scenario.hypothesis, "hypothesis-after", ProbeMode::after) && !check_stop();
    if (go) phase("assert");
    go = go && run_probe_list(m_scenario.asserts, "assert", std::nullopt) && !check_stop();
  } catch (const InputError& e) {
    fail(Verdict::invalid, e.what());
  } catch (const EnvironmentError& e) {
    fail(Verdict::environment, e.what());
  }
  m_in_method = false;
  stop_sentinel();
  stop_watcher();
  check_stop();
  phase("rollback");
  run_rollbacks();
  RunResult result;
  finish(result);
  return result;
}

void Run::check_requirements()
{
  const Requirements& req = m_scenario.requirements;
  if (req.commands.empty() && req.ports.empty() && req.env.empty()) return;
  size_t ev = begin_event("setup", "requires", "check", "requires");
  std::vector<std::string> missing = missing_requirements(req, [this](std::string_view r) { return lookup(r); });
  if (missing.empty()) {
    end_event(ev, "met", Json::object());
    return;
  }
  std::string reason = fmt::format("{}: the scenario's requirements are not met: {}", req.location.str(),
                                   fmt::join(missing, "; "));
  end_event(ev, "environment", Json{{"missing", missing}}, reason);
  throw EnvironmentError(reason);
}

void Run::step_into_method()
{
  m_journal.set("phase", "method");
  m_in_method = true;
}

void Run::record_fault_timings()
{
  std::lock_guard lock(m_mutex);
  Json fault = {{"start", nullptr}, {"detected", nullptr}, {"recovered", nullptr}, {"ttd", nullptr}, {"ttr", nullptr}};
  if (m_fault_start) fault["start"] = *m_fault_start;
  if (m_detected) fault["detected"] = *m_detected;
  if (m_recovered) fault["recovered"] = *m_recovered;
  if (m_fault_start && m_detected) fault["ttd"] = *m_detected - *m_fault_start;
  if (m_fault_start && m_recovered) fault["ttr"] = *m_recovered - *m_fault_start;
  m_journal.set("fault", fault);
}

void Run::finish(RunResult& result)
{
  record_fault_timings();
  Verdict verdict = m_verdict.value_or(Verdict::held);
  result.verdict = verdict;
  result.reason = m_journal.redacted_text(m_reason);  // the terminal gets what the journal gets
  result.journal = m_journal.path();
  m_journal.set("processes", m_processes.to_json());
  m_journal.set("verdict", verdict_name(verdict));
  m_journal.set("exitCode", verdict_exit_code(verdict));
  m_journal.set("reason", m_reason.empty() ? Json() : Json(m_reason));
  m_journal.set("end", iso_time(std::chrono::system_clock::now()));
  m_journal.set("duration", elapsed());
  m_journal.set("state", "finished");
  if (m_options.progress) m_options.progress({elapsed(), "verdict", verdict_name(verdict), verdict_name(verdict), result.reason});
}

}  // namespace readyctl::gameday
