// A scenario's `command` (exec probes and actions, owned processes) read into what io/process runs.
#pragma once
#include <nlohmann/json.hpp>

#include "readyctl/io/process.hpp"

namespace readyctl::gameday {

// A string command runs through `/bin/sh -c`, a list directly; `cwd` and `env` come from the spec.
io::ProcessSpec command_spec(const nlohmann::ordered_json& spec);

}  // namespace readyctl::gameday
