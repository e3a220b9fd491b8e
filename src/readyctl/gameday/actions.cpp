#include "readyctl/gameday/actions.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/environment.hpp"
#include "readyctl/gameday/kubectl.hpp"
#include "readyctl/gameday/probe_drivers.hpp"
#include "readyctl/gameday/probes.hpp"
#include "readyctl/gameday/command_spec.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

using Clock = std::chrono::steady_clock;

double duration_field(const Json& spec, const char* key, double fallback)
{
  if (!spec.is_object() || !spec.contains(key)) return fallback;
  auto value = parse_duration_seconds(json_text(spec[key]));
  if (!value) throw InputError(fmt::format("expected a duration for '{}', got '{}'", key, json_text(spec[key])));
  return *value;
}

ActionResult exec_action(const Json& spec, ActionEnv& env)
{
  if (env.dry_run) return {Json{{"wouldRun", spec["command"]}}};
  io::ProcessResult r = io::run_process(command_spec(spec), {duration_field(spec, "timeout", 60), env.should_stop});
  int expected = spec.contains("expectExitCode") ? std::stoi(json_text(spec["expectExitCode"])) : 0;
  Json out = {{"exitCode", r.exit_code}, {"stdout", r.out.substr(0, 16384)}, {"stderr", r.err.substr(0, 4096)}};
  Json parsed = Json::parse(r.out, nullptr, false);
  out["json"] = parsed.is_discarded() ? Json() : parsed;
  if (r.stopped) return {out};
  if (r.timed_out) throw EnvironmentError(fmt::format("command timed out after {}s", duration_field(spec, "timeout", 60)));
  if (r.exit_code != expected)
    throw EnvironmentError(fmt::format("command exited {} (expected {}): {}", r.exit_code, expected,
                                       r.err.substr(0, 300)));
  return {out};
}

bool status_expected(const Json& spec, long status)
{
  if (!spec.contains("expectStatus")) return status >= 200 && status <= 299;
  const Json& e = spec["expectStatus"];
  if (!e.is_array()) return json_text(e) == std::to_string(status);
  for (const Json& s : e)
    if (json_text(s) == std::to_string(status)) return true;
  return false;
}

ActionResult http_action(const Json& spec, ActionEnv& env)
{
  std::string method = spec.contains("method") ? json_text(spec["method"]) : "POST";
  if (env.dry_run) return {Json{{"wouldRequest", method + " " + json_text(spec["url"])}}};
  Json out = http_output(spec, "POST", duration_field(spec, "timeout", 60));
  if (out.contains("error")) throw EnvironmentError(fmt::format("{} {}: {}", method, json_text(spec["url"]), json_text(out["error"])));
  if (!status_expected(spec, out["status"].get<long>()))
    throw EnvironmentError(fmt::format("{} {} answered {}", method, json_text(spec["url"]), json_text(out["status"])));
  return {out};
}

// Polls the start's `ready` probe until it holds: the action is done when the process serves, not when it was
// forked, so whatever runs next (a probe, a rollback) finds it up. Fails when the process exits first.
Json wait_until_ready(const std::string& name, const std::string& log, const Json& ready, ActionEnv& env)
{
  Probe probe = probe_from_json(ready);
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

Json process_start(const std::string& name, const Json& spec, ActionEnv& env)
{
  std::string log = spec.contains("log") ? json_text(spec["log"]) : env.log_dir + "/" + name + ".log";
  Json launch = Json::object();
  for (const char* key : {"command", "cwd", "env"})
    if (spec.contains(key)) launch[key] = spec[key];
  if (!launch.contains("command")) {
    // "start it again": reuse what this name was started with earlier in the run.
    std::optional<Json> previous = env.processes->spec_of(name);
    if (!previous) throw InputError(fmt::format("process '{}' has no 'command' and was not started before", name));
    launch = *previous;
  }
  Json out = env.processes->start(name, launch, log);
  if (spec.contains("ready")) out["ready"] = wait_until_ready(name, log, spec["ready"], env);
  return out;
}

ActionResult process_action(const Json& spec, ActionEnv& env)
{
  std::string op = json_text(spec["op"]), name = json_text(spec["name"]);
  if (env.dry_run) return {Json{{"would", op + " " + name}}, Json::array({name})};
  double grace = duration_field(spec, "grace", 5);
  Json out;
  if (op == "start") out = process_start(name, spec, env);
  else if (op == "signal") out = env.processes->signal(name, signal_number(json_text(spec["signal"])));
  else if (op == "kill") out = env.processes->signal(name, signal_number("KILL"));
  else if (op == "stop") out = env.processes->stop(name, grace);
  else if (op == "wait") out = env.processes->wait(name, duration_field(spec, "within", 30), env.should_stop);
  else {
    env.processes->stop(name, grace);
    out = process_start(name, spec, env);  // without a new command, the one it ran before
  }
  if (op == "wait" && spec.contains("expectExitCode") && json_text(out["exitCode"]) != json_text(spec["expectExitCode"]))
    throw EnvironmentError(fmt::format("process '{}' ended {} (expected exit code {})", name, out.dump(),
                                       json_text(spec["expectExitCode"])));
  return {out, Json::array({name})};
}

ActionResult kubernetes_action(const Json& spec, ActionEnv& env, const BeforeInject& before_inject)
{
  double timeout = duration_field(spec, "timeout", 60);
  KubePlan plan = plan_kubernetes_action(spec, *env.safety, timeout, env.should_stop);
  Json commands = Json::array();
  for (const auto& c : plan.commands) commands.push_back("kubectl " + render_command(c));
  ActionResult result{Json{{"context", plan.context}, {"found", plan.found}, {"commands", commands}}, plan.targets};
  if (env.dry_run) return result;
  if (before_inject) before_inject(result.targets, plan.auto_undo);
  result.output["results"] = execute_kubernetes_plan(plan, timeout, env.should_stop);
  return result;
}

ActionResult kubectl_undo(const Json& spec, ActionEnv& env)
{
  KubePlan plan;
  for (const Json& args : spec["commands"]) plan.commands.push_back(args.get<std::vector<std::string>>());
  if (env.dry_run) return {Json{{"commands", spec["commands"]}}};
  return {Json{{"results", execute_kubernetes_plan(plan, 60, env.should_stop)}}};
}

}  // namespace

bool interruptible_sleep(double seconds, const StopCheck& should_stop)
{
  auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (Clock::now() < end) {
    if (should_stop && should_stop()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return true;
}

ActionResult run_action(const std::string& type, const Json& spec, ActionEnv& env, const BeforeInject& before_inject)
{
  if (type != "kubernetes" && type != "sleep" && before_inject && !env.dry_run) before_inject(Json::array(), nullptr);
  if (type == "exec") return exec_action(spec, env);
  if (type == "http") return http_action(spec, env);
  if (type == "process") return process_action(spec, env);
  if (type == "kubernetes") return kubernetes_action(spec, env, before_inject);
  if (type == "kubectl") return kubectl_undo(spec, env);
  if (type == "sleep") {
    double seconds = duration_field(Json{{"sleep", spec}}, "sleep", 0);
    if (!env.dry_run) interruptible_sleep(seconds, env.should_stop);
    return {Json{{"slept", seconds}}};
  }
  throw InputError(fmt::format("unknown action type '{}'", type));
}

}  // namespace readyctl::gameday
