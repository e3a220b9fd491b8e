// Tells a broken environment from a failed system: a process that died before the fault, a command that cannot
// start, a server nobody runs. Each yields the message of an exit-3 verdict that names the cause.
#pragma once
#include <optional>
#include <string>

#include "readyctl/gameday/probes.hpp"

namespace readyctl::gameday {

// The last lines of a process log (at most `max_chars`), for a message that must show why it died.
std::string log_tail(const std::string& path, size_t max_lines = 6, size_t max_chars = 600);

// "process 'worker' (pid 12) exited with code 1 WHEN: …; its output (LOG) ends: <tail>", for a process described
// by ProcessTable (with "log").
std::string unexpected_exit_message(const Json& process, const std::string& when);

// Why a probe's result says more about the environment than about the system, or nullopt:
// - its command cannot start (not found, not executable), at any point of the run;
// - before the fault, every connection to its server was refused and the probe did not hold.
// `spec` is the probe's spec as it ran (resolved).
std::optional<std::string> probe_environment_cause(const Probe& probe, const ProbeSpec& spec,
                                                   const ProbeResult& result, bool before_fault);

}  // namespace readyctl::gameday
