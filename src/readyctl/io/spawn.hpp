// The posix_spawn and waitpid calls io's two runners share (run_process, ChildProcess): start, reap, kill a group.
#pragma once
#include <spawn.h>
#include <sys/types.h>

#include "readyctl/io/process.hpp"

namespace readyctl::io {

// Starts `spec` in a process group of its own with default signal dispositions and nothing blocked. Consumes
// `actions`. Throws EnvironmentError when the program cannot be started, InputError for an empty argv.
pid_t spawn(const ProcessSpec& spec, posix_spawn_file_actions_t* actions);

// Whether `pid` has ended, without blocking; if so its exit code or signal goes into `result`.
bool reaped(pid_t pid, ProcessResult& result);

// SIGKILL to the group of `pid` and to `pid` itself (should it have left the group), then waits for it.
void kill_group(pid_t pid, ProcessResult& result);

}  // namespace readyctl::io
