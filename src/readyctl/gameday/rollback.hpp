// `gameday rollback --journal`: finishes what a crashed or killed run left behind.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace readyctl::gameday {

struct RollbackResult {
  int undone = 0;
  int failed = 0;
  int stopped_processes = 0;
  std::vector<std::string> messages;
};

// Runs every undo still `pending` (newest first) and stops the run's processes that are still alive,
// recording each outcome in the journal. Throws InputError when the file is not a journal.
RollbackResult rollback_journal(const std::filesystem::path& path);

}  // namespace readyctl::gameday
