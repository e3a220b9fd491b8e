// A scenario's `command` (exec probes and actions, owned processes) read into what io/process runs.
#pragma once
#include "readyctl/gameday/probe_spec.hpp"
#include "readyctl/io/process.hpp"

namespace readyctl::gameday {

// A resolved command: a string runs through `/bin/sh -c`, a list directly, with its `cwd` and `env`.
io::ProcessSpec process_spec(const CommandSpec& command);
// The same for a block of command, cwd and env as the process table keeps it (already resolved).
io::ProcessSpec command_spec(const Json& spec);

}  // namespace readyctl::gameday
