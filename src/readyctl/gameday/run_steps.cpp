// Steps and probe lists of a run: substitution, events, captures, undo registration and fault timings.
#include <regex>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/regex.hpp"
#include "readyctl/gameday/action_types.hpp"
#include "readyctl/gameday/environment.hpp"
#include "readyctl/gameday/json_path.hpp"
#include "readyctl/gameday/probe_types.hpp"
#include "readyctl/gameday/run.hpp"

namespace readyctl::gameday {

namespace {

bool default_fault(const Step& step, const std::string& phase)
{
  if (step.fault) return *step.fault;
  if (phase != "method" || step.kind != StepKind::action) return false;
  return !step.action.type->faults || step.action.type->faults(step.action.spec);
}

bool credential_name(std::string name)
{
  for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  for (const char* word : {"auth", "token", "secret", "password", "key", "cookie"})
    if (name.find(word) != std::string::npos) return true;
  return false;
}

// Credential-like header values that are not `${env.*}` references never reach the journal.
Json redact_headers(Json spec)
{
  if (!spec.is_object() || !spec.contains("headers") || !spec["headers"].is_object()) return spec;
  for (auto it = spec["headers"].begin(); it != spec["headers"].end(); ++it)
    if (credential_name(it.key()) && json_text(it.value()).find("${env.") == std::string::npos) it.value() = "<redacted>";
  return spec;
}

Json capture_value(const Json& rule, const Json& output)
{
  if (rule.contains("jsonPath")) {
    std::vector<Json> found = json_path(output, json_text(rule["jsonPath"]));
    return found.empty() ? Json() : found.front();
  }
  std::string from = rule.contains("from") ? json_text(rule["from"]) : "stdout";
  std::string text = lookup_text(output, from).value_or("");
  std::smatch m;
  if (!std::regex_search(text, m, compile_regex(json_text(rule["regex"])))) return nullptr;
  return m.size() > 1 ? m[1].str() : m[0].str();
}

void apply_captures(const Step& step, Json& output)
{
  if (!step.capture.is_object()) return;
  for (auto it = step.capture.begin(); it != step.capture.end(); ++it) {
    Json value = capture_value(it.value(), output);
    if (value.is_null())
      throw EnvironmentError(fmt::format("step '{}': capture '{}' found nothing in the output", step.name, it.key()));
    output[it.key()] = value;
  }
}

}  // namespace

std::optional<std::string> Run::lookup(std::string_view reference)
{
  std::string ref(reference);
  if (ref == "run.id") return m_run_id;
  if (ref == "run.journalDir") return m_journal_dir.string();
  if (ref == "scenario.dir") return m_scenario.dir;
  if (ref.starts_with("vars.")) {
    auto it = m_scenario.vars.find(ref.substr(5));
    return it == m_scenario.vars.end() ? std::nullopt : std::optional(it->second);
  }
  if (ref.starts_with("env.")) {
    const char* value = std::getenv(ref.substr(4).c_str());
    if (!value) return std::nullopt;
    m_journal.redact(value);
    return std::string(value);
  }
  if (!ref.starts_with("steps.")) return std::nullopt;
  size_t dot = ref.find('.', 6);
  std::string step = ref.substr(6, dot - 6);
  std::string path = ref.substr(dot + 1);  // output.FIELD...
  std::lock_guard lock(m_mutex);
  auto it = m_outputs.find(step);
  if (it == m_outputs.end()) return m_options.dry_run ? std::optional<std::string>("<dry-run>") : std::nullopt;
  return lookup_text(Json{{"output", it->second}}, path);
}

Json Run::resolve(const Json& spec, bool keep_env)
{
  return substitute_json(spec, [this](std::string_view r) { return lookup(r); }, {keep_env});
}

std::string Run::resolve_text(const std::string& text)
{
  return substitute(text, [this](std::string_view r) { return lookup(r); });
}

ProbeSpec Run::resolve_spec(const ProbeSpec& spec)
{
  return resolved(spec, [this](std::string_view r) { return lookup(r); });
}

ActionSpec Run::resolve_spec(const ActionSpec& spec)
{
  return resolved(spec, [this](std::string_view r) { return lookup(r); });
}

size_t Run::begin_event(const std::string& phase, const std::string& name, const std::string& kind, const std::string& type)
{
  double t = elapsed();
  if (m_options.progress) m_options.progress({t, phase, name, "running", type});
  return m_journal.add_event(Json{{"phase", phase}, {"name", name}, {"kind", kind}, {"type", type},
                                  {"start", iso_time(std::chrono::system_clock::now())}, {"t0", t}, {"end", nullptr},
                                  {"t1", nullptr}, {"status", "running"}});
}

void Run::end_event(size_t index, const std::string& status, Json fields, const std::string& detail)
{
  double t = elapsed();
  fields["end"] = iso_time(std::chrono::system_clock::now());
  fields["t1"] = t;
  fields["status"] = status;
  if (!detail.empty()) fields["message"] = detail;
  m_journal.update_event(index, fields);
  if (m_options.progress) {
    Json ev = m_journal.snapshot()["events"][index];
    m_options.progress({t, json_text(ev["phase"]), json_text(ev["name"]), status, m_journal.redacted_text(detail)});
  }
}

void Run::note_fault_start()
{
  std::lock_guard lock(m_mutex);
  if (!m_fault_start) m_fault_start = elapsed();
}

void Run::note_probe(bool holds, bool recovery_check)
{
  std::lock_guard lock(m_mutex);
  if (!m_fault_start) return;
  if (!holds && !m_detected) m_detected = elapsed();
  if (holds && recovery_check && m_detected && !m_recovered) m_recovered = elapsed();
}

void Run::keep_output(const std::string& step, Json output)
{
  std::lock_guard lock(m_mutex);
  m_outputs[step] = std::move(output);
}

void Run::annotate_event(size_t index, const Json& fields) { m_journal.update_event(index, fields); }

size_t Run::journal_undo(Json undo) { return m_journal.add_undo(std::move(undo)); }

void Run::keep_undos(const std::vector<PendingUndo>& undos)
{
  std::lock_guard lock(m_mutex);
  m_undos.insert(m_undos.end(), undos.begin(), undos.end());
}

std::vector<PendingUndo> Run::pending_undos()
{
  std::lock_guard lock(m_mutex);
  return m_undos;
}

void Run::set_undo_status(size_t index, const std::string& status, const std::string& message)
{
  m_journal.set_undo_status(index, status, message);
}

void Run::journal_processes() { m_journal.set("processes", m_processes.to_json()); }

ProbeEnv Run::probe_env()
{
  return ProbeEnv{&m_processes, &m_scenario.safety, [this] { return should_stop(); }, &m_options.prometheus};
}

ActionEnv Run::action_env(bool dry_run)
{
  return ActionEnv{&m_processes, &m_scenario.safety, [this] { return should_stop(); }, dry_run, m_journal_dir.string(),
                   &m_options.prometheus};
}

namespace {

struct StepRunner {
  Run& run;
  const std::string& phase;

  void register_undo(const Step& step, const Json& auto_undo, std::vector<PendingUndo>& added)
  {
    if (!step.undo && auto_undo.is_null()) return;
    const ActionType& type = step.undo ? *step.undo->type : journaled_action_type(auto_undo.begin().key());
    Json spec = run.resolve(step.undo ? step.undo->written : auto_undo.begin().value(), true);
    size_t index = run.journal_undo(
        Json{{"step", step.name}, {"type", std::string(type.name)}, {"action", redact_headers(spec)}});
    added.push_back({index, &type, read_action_spec(type, spec)});
  }

  bool action(const Step& step)
  {
    const ActionType& type = *step.action.type;
    size_t ev = run.begin_event(phase, step.name, "action", std::string(type.name));
    ActionSpec spec = run.resolve_spec(step.action.spec);
    ActionEnv env = run.action_env(run.dry_run());
    std::vector<PendingUndo> added;
    bool fault = default_fault(step, phase);
    auto before = [&](const Json& targets, const Json& auto_undo) {
      register_undo(step, auto_undo, added);
      run.annotate_event(ev, Json{{"targets", targets}, {"fault", fault}});
      if (fault) run.note_fault_start();
    };
    ActionResult result;
    try {
      result = run_action(type, spec, env, before);
      apply_captures(step, result.output);
    } catch (const std::exception& e) {
      run.keep_undos(added);
      throw_after_event(ev, step.name, e);
    }
    run.keep_undos(added);
    run.keep_output(step.name, result.output);
    if (type.owns_processes) run.journal_processes();
    run.end_event(ev, run.dry_run() ? "dry-run" : "succeeded",
                  Json{{"output", result.output}, {"targets", result.targets}});
    return true;
  }

  // The verdict names the step: "command timed out after 60s" alone does not say which of a dozen commands.
  [[noreturn]] void throw_after_event(size_t ev, const std::string& step, const std::exception& e)
  {
    bool refused = dynamic_cast<const InputError*>(&e) != nullptr;
    run.end_event(ev, refused ? "refused" : "failed", Json::object(), e.what());
    std::string message = fmt::format("step '{}': {}", step, e.what());
    if (refused) throw InputError(message);
    throw EnvironmentError(message);
  }

  bool probe(const Step& step)
  {
    size_t ev = run.begin_event(phase, step.name, "probe", std::string(step.probe.type->name));
    ProbeSpec spec = run.resolve_spec(step.probe.spec);
    ProbeTiming timing = probe_timing(run.resolve(step.probe.timing));
    if (run.dry_run()) timing.until.clear(), timing.retry = 0;
    ProbeEnv env = run.probe_env();
    Probe resolved = step.probe;
    resolved.tolerance = run.resolve(step.probe.tolerance);
    ProbeResult r = evaluate_probe(resolved, spec, timing, env);
    if (!run.dry_run())
      if (auto cause = probe_environment_cause(resolved, spec, r, !run.fault_started())) {
        run.end_event(ev, "environment", Json{{"output", r.output}, {"attempts", r.attempts}}, *cause);
        run.fail_environment(*cause);
        return false;
      }
    // Final assertions check ledgers and counts after the fact: a failing one is not the moment the outage was seen.
    if (phase != "assert") run.note_probe(r.holds, timing.until == "holds");
    if (r.met && !run.dry_run()) apply_captures(step, r.output);
    run.keep_output(step.name, r.output);
    std::string status = r.stopped ? "stopped" : run.dry_run() ? "dry-run" : r.met ? "met" : "deviated";
    run.end_event(ev, status, Json{{"output", r.output}, {"value", r.value}, {"holds", r.holds}, {"attempts", r.attempts}},
                  r.detail);
    if (r.met || r.stopped || run.dry_run()) return !r.stopped;
    run.fail(Verdict::deviated, fmt::format("step '{}' did not hold: {}", step.name, r.detail));
    return false;
  }

  bool sleep(const Step& step)
  {
    size_t ev = run.begin_event(phase, step.name, "sleep", "sleep");
    double seconds = parse_duration_seconds(run.resolve_text(step.sleep)).value_or(0);
    bool whole = run.dry_run() || interruptible_sleep(seconds, [this] { return run.should_stop(); });
    run.end_event(ev, whole ? "succeeded" : "stopped", Json{{"output", {{"slept", seconds}}}});
    return whole;
  }
};

}  // namespace

bool Run::run_steps(const std::vector<Step>& steps, const std::string& phase)
{
  StepRunner runner{*this, phase};
  for (const Step& step : steps) {
    if (check_stop()) return false;
    bool go = step.kind == StepKind::action ? runner.action(step)
              : step.kind == StepKind::probe ? runner.probe(step)
                                             : runner.sleep(step);
    if (!go) return false;
  }
  return true;
}

bool Run::run_probe_list(const std::vector<Probe>& probes, const std::string& phase, std::optional<ProbeMode> mode)
{
  for (const Probe& probe : probes) {
    if (mode && std::find(probe.modes.begin(), probe.modes.end(), *mode) == probe.modes.end()) continue;
    if (check_stop()) return false;
    Step step;
    step.name = probe.name;
    step.kind = StepKind::probe;
    step.probe = probe;
    if (!StepRunner{*this, phase}.probe(step)) return false;
  }
  return true;
}

}  // namespace readyctl::gameday
