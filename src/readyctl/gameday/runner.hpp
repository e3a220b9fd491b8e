// Plays a game day: setup, hypothesis before, method with stop conditions watched, hypothesis after, assertions,
// then rollbacks — always — and settles on a verdict.
#pragma once
#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <string>

#include "readyctl/io/http.hpp"

namespace readyctl::gameday {

enum class Verdict { held, deviated, invalid, environment, aborted, interrupted };

std::string verdict_name(Verdict verdict);
int verdict_exit_code(Verdict verdict);

// One line of live progress; the CLI decides whether and how to show it.
struct Progress {
  double elapsed = 0;
  std::string phase;
  std::string name;
  std::string status;  // running, ok, held, failed, deviated, ...
  std::string detail;
};

struct RunOptions {
  std::filesystem::path scenario;
  bool dry_run = false;
  bool yes = false;
  std::string journal;  // empty: .readyctl/gamedays/<name>-<run id>.json
  std::map<std::string, std::string> vars;
  const std::atomic<bool>* interrupted = nullptr;  // set by the CLI's SIGINT/SIGTERM handler
  std::function<void(const Progress&)> progress;
  // How `prometheus` probes reach their server: the same credentials, CA and tenant flags as `baseline`.
  io::HttpOptions prometheus;
};

struct RunResult {
  Verdict verdict = Verdict::held;
  std::string reason;
  std::filesystem::path journal;
};

// Throws InputError before anything runs when the scenario is invalid, a --var is unknown or --yes is missing.
RunResult run_gameday(const RunOptions& options);

}  // namespace readyctl::gameday
