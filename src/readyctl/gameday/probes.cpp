#include "readyctl/gameday/probes.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/probe_types.hpp"
#include "readyctl/gameday/template.hpp"
#include "readyctl/gameday/tolerance.hpp"

namespace readyctl::gameday {

namespace {

using Clock = std::chrono::steady_clock;

double seconds(const Json& timing, const char* key, double fallback)
{
  if (!timing.contains(key)) return fallback;
  std::string text = json_text(timing[key]);
  auto value = parse_duration_seconds(text);
  if (!value) throw InputError(fmt::format("expected a duration for '{}', got '{}'", key, text));
  return *value;
}

// Waits for `seconds`, waking early when the run must stop; false when it must.
bool pause(double seconds, const StopCheck& should_stop)
{
  auto end = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
  while (Clock::now() < end) {
    if (should_stop && should_stop()) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return !(should_stop && should_stop());
}

// The shell's codes for "command not found" and "found but not executable" (POSIX 2.8.2); a spawn failure is
// reported as 127 too (probe_drivers.cpp).
bool command_cannot_start(const Json& output)
{
  if (!output.is_object() || !output.contains("exitCode") || !output["exitCode"].is_number_integer()) return false;
  int code = output["exitCode"].get<int>();
  return code == 127 || code == 126;
}

bool expectation_met(const ProbeResult& r, const std::string& until) { return until == "fails" ? !r.holds : r.holds; }

ProbeResult poll_until(const Probe& probe, const ProbeSpec& spec, const ProbeTiming& timing, ProbeEnv& env)
{
  auto deadline = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timing.within));
  ProbeResult r;
  int attempts = 0, refused = 0;
  while (true) {
    r = probe_once(probe, spec, timing.timeout, env);
    r.attempts = ++attempts;
    r.refused_attempts = refused += r.refused_attempts;
    r.met = expectation_met(r, timing.until);
    if (r.met || r.cannot_start || Clock::now() >= deadline) return r;
    if (!pause(timing.interval, env.should_stop)) {
      r.stopped = true;
      return r;
    }
  }
}

}  // namespace

ProbeTiming probe_timing(const Json& timing)
{
  ProbeTiming t;
  t.timeout = seconds(timing, "timeout", 10);
  t.interval = seconds(timing, "interval", 1);
  t.within = seconds(timing, "within", 30);
  if (timing.contains("retry")) t.retry = std::stoi(json_text(timing["retry"]));
  if (timing.contains("until")) t.until = json_text(timing["until"]);
  return t;
}

ProbeResult probe_once(const Probe& probe, const ProbeSpec& spec, double timeout, ProbeEnv& env)
{
  ProbeResult r;
  const ProbeType& type = *probe.type;
  r.output = type.run(spec, timeout, env);
  Json tolerance = probe.tolerance.is_null() ? default_tolerance(type) : probe.tolerance;
  ToleranceResult t = evaluate_tolerance(tolerance, r.output, type.target);
  r.holds = t.holds;
  r.met = t.holds;
  r.value = t.value;
  r.detail = t.detail;
  r.refused_attempts = r.output.is_object() && r.output.value("refused", false) ? 1 : 0;
  r.cannot_start = type.runs_command && command_cannot_start(r.output);
  if (r.output.contains("error") && !r.output["error"].is_null())
    r.detail += fmt::format(" ({})", json_text(r.output["error"]));
  return r;
}

ProbeResult evaluate_probe(const Probe& probe, const ProbeSpec& spec, const ProbeTiming& timing, ProbeEnv& env)
{
  if (!timing.until.empty()) return poll_until(probe, spec, timing, env);
  ProbeResult r;
  int refused = 0;
  for (int attempt = 0; attempt <= timing.retry; ++attempt) {
    if (attempt > 0 && !pause(timing.interval, env.should_stop)) {
      r.stopped = true;
      return r;
    }
    r = probe_once(probe, spec, timing.timeout, env);
    r.attempts = attempt + 1;
    r.refused_attempts = refused += r.refused_attempts;
    if (r.holds || r.cannot_start) break;
  }
  return r;
}

}  // namespace readyctl::gameday
