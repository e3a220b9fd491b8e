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

// An `exec` action's block.
struct ExecAction {
  Json command;  // as written, for a dry run's `wouldRun`
  io::ProcessSpec process;
  std::optional<std::string> timeout;
  std::optional<std::string> expect_exit_code;
};

ExecAction exec_action_spec(const Json& spec)
{
  return {spec.at("command"), command_spec(spec), optional_text(spec, "timeout"), optional_text(spec, "expectExitCode")};
}

ActionResult exec_action(const ExecAction& a, ActionEnv& env)
{
  if (env.dry_run) return {Json{{"wouldRun", a.command}}};
  double timeout = action_seconds(a.timeout, "timeout", 60);
  io::ProcessResult r = io::run_process(a.process, {timeout, env.should_stop});
  int expected = a.expect_exit_code ? std::stoi(*a.expect_exit_code) : 0;
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

// An `http` action's block.
struct HttpAction {
  io::HttpRequest request;
  std::optional<std::vector<std::string>> expect_status;  // none: any 2xx
  std::optional<std::string> timeout;
};

HttpAction http_action_spec(const Json& spec)
{
  HttpAction a{http_request(spec, "POST"), std::nullopt, optional_text(spec, "timeout")};
  if (!spec.contains("expectStatus")) return a;
  const Json& e = spec["expectStatus"];
  a.expect_status.emplace();
  if (!e.is_array()) a.expect_status->push_back(json_text(e));
  else
    for (const Json& s : e) a.expect_status->push_back(json_text(s));
  return a;
}

bool status_expected(const HttpAction& a, long status)
{
  if (!a.expect_status) return status >= 200 && status <= 299;
  return std::find(a.expect_status->begin(), a.expect_status->end(), std::to_string(status)) != a.expect_status->end();
}

ActionResult http_action(const HttpAction& a, ActionEnv& env)
{
  const std::string& method = a.request.method;
  if (env.dry_run) return {Json{{"wouldRequest", method + " " + a.request.url}}};
  Json out = http_output(a.request, action_seconds(a.timeout, "timeout", 60));
  if (out.contains("error")) throw EnvironmentError(fmt::format("{} {}: {}", method, a.request.url, json_text(out["error"])));
  if (!status_expected(a, out["status"].get<long>()))
    throw EnvironmentError(fmt::format("{} {} answered {}", method, a.request.url, json_text(out["status"])));
  return {out};
}

// A `process` action's block.
struct ProcessAction {
  std::string op;
  std::string name;
  Json launch = Json::object();  // command, cwd and env: what the process table starts and journals
  std::optional<std::string> log, signal, grace, within, expect_exit_code;
  std::optional<Probe> ready;  // polled until it holds, after start and restart
};

ProcessAction process_action_spec(const Json& spec)
{
  ProcessAction a{json_text(spec["op"]), json_text(spec["name"]), Json::object(), optional_text(spec, "log"),
                  optional_text(spec, "signal"), optional_text(spec, "grace"), optional_text(spec, "within"),
                  optional_text(spec, "expectExitCode"), std::nullopt};
  for (const char* key : {"command", "cwd", "env"})
    if (spec.contains(key)) a.launch[key] = spec[key];
  if (spec.contains("ready")) a.ready = probe_from_json(spec["ready"]);
  return a;
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

Json process_start(const ProcessAction& a, ActionEnv& env)
{
  std::string log = a.log ? *a.log : env.log_dir + "/" + a.name + ".log";
  Json launch = a.launch;
  if (!launch.contains("command")) {
    // "start it again": reuse what this name was started with earlier in the run.
    std::optional<Json> previous = env.processes->spec_of(a.name);
    if (!previous) throw InputError(fmt::format("process '{}' has no 'command' and was not started before", a.name));
    launch = *previous;
  }
  Json out = env.processes->start(a.name, launch, log);
  if (a.ready) out["ready"] = wait_until_ready(a.name, log, *a.ready, env);
  return out;
}

Json process_op(const ProcessAction& a, double grace, ActionEnv& env)
{
  if (a.op == "start") return process_start(a, env);
  if (a.op == "signal") return env.processes->signal(a.name, signal_number(a.signal.value_or("")));
  if (a.op == "kill") return env.processes->signal(a.name, signal_number("KILL"));
  if (a.op == "stop") return env.processes->stop(a.name, grace);
  if (a.op == "wait") return env.processes->wait(a.name, action_seconds(a.within, "within", 30), env.should_stop);
  env.processes->stop(a.name, grace);
  return process_start(a, env);  // without a new command, the one it ran before
}

ActionResult process_action(const ProcessAction& a, ActionEnv& env)
{
  if (env.dry_run) return {Json{{"would", a.op + " " + a.name}}, Json::array({a.name})};
  Json out = process_op(a, action_seconds(a.grace, "grace", 5), env);
  if (a.op == "wait" && a.expect_exit_code && json_text(out["exitCode"]) != *a.expect_exit_code)
    throw EnvironmentError(fmt::format("process '{}' ended {} (expected exit code {})", a.name, out.dump(),
                                       *a.expect_exit_code));
  return {out, Json::array({a.name})};
}

}  // namespace

ActionResult run_exec_action(const Json& spec, ActionEnv& env, const BeforeInject&)
{
  return exec_action(exec_action_spec(spec), env);
}

ActionResult run_http_action(const Json& spec, ActionEnv& env, const BeforeInject&)
{
  return http_action(http_action_spec(spec), env);
}

ActionResult run_process_action(const Json& spec, ActionEnv& env, const BeforeInject&)
{
  return process_action(process_action_spec(spec), env);
}

ActionResult run_kubernetes_action(const Json& spec, ActionEnv& env, const BeforeInject& before_inject)
{
  double timeout = action_seconds(optional_text(spec, "timeout"), "timeout", 60);
  KubePlan plan = plan_kubernetes_action(spec, *env.safety, timeout, env.should_stop);
  Json commands = Json::array();
  for (const auto& c : plan.commands) commands.push_back("kubectl " + render_command(c));
  ActionResult result{Json{{"context", plan.context}, {"found", plan.found}, {"commands", commands}}, plan.targets};
  if (env.dry_run) return result;
  if (before_inject) before_inject(result.targets, plan.auto_undo);
  result.output["results"] = execute_kubernetes_plan(plan, timeout, env.should_stop);
  return result;
}

ActionResult run_kubectl_undo(const Json& spec, ActionEnv& env, const BeforeInject&)
{
  KubePlan plan;
  for (const Json& args : spec["commands"]) plan.commands.push_back(args.get<std::vector<std::string>>());
  if (env.dry_run) return {Json{{"commands", spec["commands"]}}};
  return {Json{{"results", execute_kubernetes_plan(plan, 60, env.should_stop)}}};
}

ActionResult run_sleep_action(const Json& spec, ActionEnv& env, const BeforeInject&)
{
  double seconds = action_seconds(json_text(spec), "sleep", 0);
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

ActionResult run_action(const ActionType& type, const Json& spec, ActionEnv& env, const BeforeInject& before_inject)
{
  if (type.announce == Announce::before_run && before_inject && !env.dry_run) before_inject(Json::array(), nullptr);
  return type.run(spec, env, before_inject);
}

}  // namespace readyctl::gameday
