// Probe drivers (http, prometheus, exec, kubernetes, process, dapr-workflow) and the retry/until loop around them.
#pragma once
#include <string>

#include "readyctl/gameday/process_table.hpp"
#include "readyctl/gameday/scenario.hpp"
#include "readyctl/io/http.hpp"

namespace readyctl::gameday {

struct ProbeEnv {
  ProcessTable* processes = nullptr;
  const Safety* safety = nullptr;
  StopCheck should_stop;
  const io::HttpOptions* prometheus = nullptr;  // credentials, CA, tenant for `prometheus` probes; null: none
};

struct ProbeResult {
  bool holds = false;     // the tolerance held on the last attempt
  bool met = false;       // the probe's expectation: holds, or (until: fails) stopped holding
  bool stopped = false;   // interrupted or aborted while waiting
  int attempts = 0;
  int refused_attempts = 0;  // attempts whose server refused the connection (nothing listens)
  bool cannot_start = false;  // an exec probe's command was not found or not executable: no point polling on
  Json output;            // last output (bodies trimmed)
  Json value;             // what the tolerance compared
  std::string detail;
};

struct ProbeTiming {
  double timeout = 10;
  int retry = 0;
  double interval = 1;
  std::string until;  // "", "holds", "fails"
  double within = 30;
};

// Parses the (substituted) timing block; InputError on a malformed duration.
ProbeTiming probe_timing(const Json& timing);

// One attempt: runs the driver and applies the tolerance; never throws for an unreachable target.
// `spec` is the probe's spec resolved.
ProbeResult probe_once(const Probe& probe, const ProbeSpec& spec, double timeout, ProbeEnv& env);

// Attempts, retries and `until` polling as the timing asks. `single` forces one attempt (continuous watchers).
ProbeResult evaluate_probe(const Probe& probe, const ProbeSpec& spec, const ProbeTiming& timing, ProbeEnv& env);

}  // namespace readyctl::gameday
