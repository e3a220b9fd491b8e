// Helpers every test shares: run the CLI in-process or the real binary, locate data, temp dirs.
#pragma once
#include <filesystem>
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
