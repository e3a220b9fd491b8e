#include "readyctl/gameday/actions.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/action_types.hpp"
#include "readyctl/gameday/command_spec.hpp"
#include "readyctl/gameday/environment.hpp"
#include "readyctl/gameday/kubectl.hpp"
#include "readyctl/gameday/probe_drivers.hpp"
#include "readyctl/gameday/probe_types.hpp"
#include "readyctl/gameday/probes.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

using Clock = std::chrono::steady_clock;

// A duration field as written (after substitution), read when the driver needs it.
double action_seconds(const std::optional<std::string>& text, const char* key, double fallback)
{
  if (!text) return fallback;
  auto value = parse_duration_seconds(*text);
  if (!value) throw InputError(fmt::format("expected a duration for '{}', got '{}'", key, *text));
  return *value;
}

ActionResult exec_action(const ExecActionSpec& a, ActionEnv& env)
{
  if (env.dry_run) return {Json{{"wouldRun", a.command.command.value}}};
  double timeout = action_seconds(optional_text(a.timeout), "timeout", 60);
  io::ProcessResult r = io::run_process(process_spec(a.command), {timeout, env.should_stop});
  int expected = a.expect_exit_code ? std::stoi(a.expect_exit_code->text()) : 0;
  Json out = {{"exitCode", r.exit_code}, {"stdout", r.out.substr(0, 16384)}, {"stderr", r.err.substr(0, 4096)}};
  Json parsed = Json::parse(r.out, nullptr, false);
  out["json"] = parsed.is_discarded() ? Json() : parsed;
  if (r.stopped) return {out};
  if (r.timed_out) throw EnvironmentError(fmt::format("command timed out after {}s", timeout));
  if (r.exit_code != expected)
    throw EnvironmentError(fmt::format("command exited {} (expected {}): {}", r.exit_code, expected,
                                       r.err.substr(0, 300)));
  return {out};
}

// The statuses an `http` action expects; none: any 2xx.
std::optional<std::vector<std::string>> expected_statuses(const HttpActionSpec& a)
{
  if (!a.expect_status) return std::nullopt;
  const Json& e = a.expect_status->value;
  std::vector<std::string> out;
  if (!e.is_array()) out.push_back(json_text(e));
  else
    for (const Json& status : e) out.push_back(json_text(status));
  return out;
}

bool status_expected(const std::optional<std::vector<std::string>>& expected, long status)
{
  if (!expected) return status >= 200 && status <= 299;
  return std::find(expected->begin(), expected->end(), std::to_string(status)) != expected->end();
}

ActionResult http_action(const HttpActionSpec& a, ActionEnv& env)
{
  io::HttpRequest request = http_request(a.http, "POST");
  const std::string& method = request.method;
  if (env.dry_run) return {Json{{"wouldRequest", method + " " + request.url}}};
  Json out = http_output(request, action_seconds(optional_text(a.timeout), "timeout", 60));
  if (out.contains("error"))
    throw EnvironmentError(fmt::format("{} {}: {}", method, request.url, json_text(out["error"])));
  if (!status_expected(expected_statuses(a), out["status"].get<long>()))
    throw EnvironmentError(fmt::format("{} {} answered {}", method, request.url, json_text(out["status"])));
  return {out};
}

// The fields of a spec that were written, as a JSON object in the order the spec lists them.
template <class Spec>
Json present_fields(Spec spec)
{
  Json out = Json::object();
  fields(spec, [&out](const char* key, const std::optional<Template>& t) {
    if (t) out[key] = t->value;
  });
  return out;
}

// A `ready` probe as the probe loop runs it: its fields resolved with the action's block.
Probe ready_probe(const ReadyProbe& ready)
{
  if (!ready.type) throw InputError("a probe needs one type: " + probe_type_listing());
  Probe probe;
  probe.type = ready.type;
  probe.spec = ready.spec;
  probe.tolerance = ready.tolerance.value;
  probe.timing = present_fields(ready.timing);
  return probe;
}

// Polls the start's `ready` probe until it holds: the action is done when the process serves, not when it was
// forked, so whatever runs next (a probe, a rollback) finds it up. Fails when the process exits first.
Json wait_until_ready(const std::string& name, const std::string& log, const Probe& probe, ActionEnv& env)
{
  ProbeTiming timing = probe_timing(probe.timing);
  timing.until = "holds";
  auto exited = [&] { return json_text(env.processes->status(name)["state"]) != "running"; };
  ProbeEnv probe_env{env.processes, env.safety, [&] { return exited() || (env.should_stop && env.should_stop()); },
                     env.prometheus};
  ProbeResult r = evaluate_probe(probe, probe.spec, timing, probe_env);
  if (r.met) return Json{{"attempts", r.attempts}};
  if (exited()) {
    Json process = env.processes->status(name);
    process["log"] = log;
    throw EnvironmentError(unexpected_exit_message(process, "before it was ready"));
  }
  if (r.stopped) return Json{{"attempts", r.attempts}, {"stopped", true}};
  throw EnvironmentError(fmt::format("process '{}' was not ready within {}s: {}", name, timing.within, r.detail));
}

Json process_start(const ProcessActionSpec& a, const std::string& name, ActionEnv& env)
{
  std::string log = a.log ? a.log->text() : env.log_dir + "/" + name + ".log";
  Json launch = present_fields(a.launch);
  if (!launch.contains("command")) {
    // "start it again": reuse what this name was started with earlier in the run.
    std::optional<Json> previous = env.processes->spec_of(name);
    if (!previous) throw InputError(fmt::format("process '{}' has no 'command' and was not started before", name));
    launch = *previous;
  }
  Json out = env.processes->start(name, launch, log);
  if (a.ready) out["ready"] = wait_until_ready(name, log, ready_probe(*a.ready), env);
  return out;
}

Json process_op(const ProcessActionSpec& a, const std::string& name, double grace, ActionEnv& env)
{
  if (a.op == "start") return process_start(a, name, env);
  if (a.op == "signal") return env.processes->signal(name, signal_number(optional_text(a.signal).value_or("")));
  if (a.op == "kill") return env.processes->signal(name, signal_number("KILL"));
  if (a.op == "stop") return env.processes->stop(name, grace);
  if (a.op == "wait")
    return env.processes->wait(name, action_seconds(optional_text(a.within), "within", 30), env.should_stop);
  env.processes->stop(name, grace);
  return process_start(a, name, env);  // without a new command, the one it ran before
}

ActionResult process_action(const ProcessActionSpec& a, ActionEnv& env)
{
  std::string name = a.name.text();
  if (env.dry_run) return {Json{{"would", a.op + " " + name}}, Json::array({name})};
  Json out = process_op(a, name, action_seconds(optional_text(a.grace), "grace", 5), env);
  std::optional<std::string> expected = optional_text(a.expect_exit_code);
  if (a.op == "wait" && expected && json_text(out["exitCode"]) != *expected)
    throw EnvironmentError(fmt::format("process '{}' ended {} (expected exit code {})", name, out.dump(), *expected));
  return {out, Json::array({name})};
}

}  // namespace

ActionResult run_exec_action(const ExecActionSpec& spec, ActionEnv& env, const BeforeInject&)
{
  return exec_action(spec, env);
}

ActionResult run_http_action(const HttpActionSpec& spec, ActionEnv& env, const BeforeInject&)
{
  return http_action(spec, env);
}

ActionResult run_process_action(const ProcessActionSpec& spec, ActionEnv& env, const BeforeInject&)
{
  return process_action(spec, env);
}

ActionResult run_kubernetes_action(const KubeActionSpec& spec, ActionEnv& env, const BeforeInject& before_inject)
{
  double timeout = action_seconds(optional_text(spec.timeout), "timeout", 60);
  KubePlan plan = plan_kubernetes_action(spec, *env.safety, timeout, env.should_stop);
  Json commands = Json::array();
  for (const auto& c : plan.commands) commands.push_back("kubectl " + render_command(c));
  ActionResult result{Json{{"context", plan.context}, {"found", plan.found}, {"commands", commands}}, plan.targets};
  if (env.dry_run) return result;
  if (before_inject) before_inject(result.targets, plan.auto_undo);
  result.output["results"] = execute_kubernetes_plan(plan, timeout, env.should_stop);
  return result;
}

ActionResult run_kubectl_undo(const KubectlUndoSpec& spec, ActionEnv& env, const BeforeInject&)
{
  KubePlan plan;
  Json commands = Json::array();
  for (const std::vector<Template>& args : spec.commands) {
    plan.commands.emplace_back();
    commands.push_back(Json::array());
    for (const Template& arg : args) plan.commands.back().push_back(arg.text()), commands.back().push_back(arg.value);
  }
  if (env.dry_run) return {Json{{"commands", commands}}};
  return {Json{{"results", execute_kubernetes_plan(plan, 60, env.should_stop)}}};
}

ActionResult run_sleep_action(const SleepSpec& spec, ActionEnv& env, const BeforeInject&)
{
  double seconds = action_seconds(spec.duration.text(), "sleep", 0);
  if (!env.dry_run) interruptible_sleep(seconds, env.should_stop);
  return {Json{{"slept", seconds}}};
}

bool interruptible_sleep(double seconds, const StopCheck& should_stop)
{
  auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (Clock::now() < end) {
    if (should_stop && should_stop()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

const ActionType& journaled_action_type(const std::string& name)
{
  const ActionType* type = find_action_type(name);
  if (!type) throw InputError(fmt::format("unknown action type '{}'", name));
  return *type;
}

ActionResult run_action(const ActionType& type, const ActionSpec& spec, ActionEnv& env,
                        const BeforeInject& before_inject)
{
  if (type.announce == Announce::before_run && before_inject && !env.dry_run) before_inject(Json::array(), nullptr);
  return type.run(spec, env, before_inject);
}

}  // namespace readyctl::gameday
