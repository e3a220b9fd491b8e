// Helpers every test shares: run the CLI in-process or the real binary, locate data, temp dirs.
#pragma once
#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace readyctl::test {

struct CliResult {
  int code = 0;
  std::string out;
  std::string err;
};

// Runs readyctl in-process with these arguments (without the program name) and stdin text.
CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text = "");

// Runs the real binary through the shell: `readyctl ARGS` in `cwd`, capturing stdout and stderr.
CliResult run_binary(const std::string& args, const std::filesystem::path& cwd = {}, const std::string& stdin_text = "");

std::filesystem::path source_dir();  // the repository
std::filesystem::path corpus_dir();  // tests/corpus: the vendored real-world manifests
std::string binary_path();

std::string slurp(const std::filesystem::path& path);

// The `# expect: <id>[, <id>...]` marks of a fixture file: each (line, rule id) a finding must have.
std::vector<std::pair<int, std::string>> expect_marks(const std::filesystem::path& path);

// Polls `condition` every `interval` until it holds; false after `seconds`.
bool wait_until(const std::function<bool()>& condition, double seconds,
                std::chrono::milliseconds interval = std::chrono::milliseconds(50));

// Whether a process the test did not start itself (a grandchild) is gone, or a zombie: either way it runs no more.
bool process_ended(int pid);

// The pid a script wrote into `file` (waits up to 2s for it to be written).
int pid_in(const std::filesystem::path& file);

// A fresh directory removed at scope exit.
class TempDir {
public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return m_path; }
  std::filesystem::path operator/(const std::string& name) const { return m_path / name; }
  void write(const std::string& name, const std::string& content) const;

private:
  std::filesystem::path m_path;
};

}  // namespace readyctl::test
