// The background watcher: `abortWhen` stop conditions for the whole run, and continuous / on-fault hypothesis
// probes during the method. A failing continuous probe deviates the run; a holding stop condition aborts it.
#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/environment.hpp"
#include "readyctl/gameday/probe_types.hpp"
#include "readyctl/gameday/run.hpp"

namespace readyctl::gameday {

namespace {

using Clock = std::chrono::steady_clock;

struct Watch {
  const Probe* probe;
  bool abort_condition;
  ProbeTiming timing;
  Clock::time_point next;
};

bool active(Run& run, const Watch& w)
{
  if (w.abort_condition) return true;
  if (!run.in_method()) return false;
  bool on_fault = std::find(w.probe->modes.begin(), w.probe->modes.end(), ProbeMode::on_fault) != w.probe->modes.end();
  bool continuous = std::find(w.probe->modes.begin(), w.probe->modes.end(), ProbeMode::continuous) != w.probe->modes.end();
  if (continuous) return true;
  return on_fault && run.fault_started();
}

void evaluate(Run& run, Watch& w)
{
  std::string phase = w.abort_condition ? "abort-check" : "during";
  size_t ev = run.begin_event(phase, w.probe->name, "probe", std::string(w.probe->type->name));
  ProbeResult r;
  ProbeSpec spec;
  try {
    spec = run.resolve_spec(w.probe->spec);
    ProbeEnv env = run.probe_env();
    Probe resolved = *w.probe;
    resolved.tolerance = run.resolve(w.probe->tolerance);
    r = probe_once(resolved, spec, w.timing.timeout, env);
  } catch (const std::exception& e) {
    run.end_event(ev, "error", Json::object(), e.what());
    return;
  }
  Json fields{{"output", r.output}, {"value", r.value}, {"holds", r.holds}};
  if (auto cause = probe_environment_cause(*w.probe, spec, r, false);
      cause && !run.dry_run()) {
    run.end_event(ev, "environment", fields, *cause);
    run.fail_environment(*cause);
    return;
  }
  if (w.abort_condition) {
    run.end_event(ev, r.holds ? "abort" : "clear", fields, r.detail);
    if (r.holds && !run.dry_run()) {
      run.abort(fmt::format("stop condition '{}' held: {}", w.probe->name, r.detail));
    }
    return;
  }
  run.note_probe(r.holds, true);
  run.end_event(ev, r.holds ? "held" : "deviated", fields, r.detail);
  if (!r.holds && !run.dry_run())
    run.fail(Verdict::deviated, fmt::format("continuous probe '{}' did not hold during the method: {}", w.probe->name, r.detail));
}

std::vector<Watch> watches(Run& run)
{
  std::vector<Watch> out;
  for (const Probe& p : run.scenario().abort_when) out.push_back({&p, true, probe_timing(p.timing), Clock::now()});
  for (const Probe& p : run.scenario().hypothesis) {
    bool during = false;
    for (ProbeMode m : p.modes) during = during || m == ProbeMode::continuous || m == ProbeMode::on_fault;
    if (during) out.push_back({&p, false, probe_timing(p.timing), Clock::now()});
  }
  return out;
}

}  // namespace

void Run::start_watcher()
{
  std::vector<Watch> list = watches(*this);
  if (list.empty()) return;
  m_watcher = std::thread([this, list]() mutable {
    while (!m_watch_stop.load()) {
      for (Watch& w : list) {
        if (m_watch_stop.load() || should_stop()) break;
        if (Clock::now() < w.next || !active(*this, w)) continue;
        evaluate(*this, w);
        w.next = Clock::now() + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(w.timing.interval));
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(25));
    }
  });
}

void Run::stop_watcher()
{
  m_watch_stop = true;
  if (m_watcher.joinable()) m_watcher.join();
}

}  // namespace readyctl::gameday
