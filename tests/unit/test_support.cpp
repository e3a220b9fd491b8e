#include "test_support.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>
#include <sys/wait.h>

#include "app.hpp"
#include "readyctl/core/text.hpp"

namespace readyctl::test {
namespace fs = std::filesystem;

CliResult run_cli(const std::vector<std::string>& args, const std::string& stdin_text)
{
  std::istringstream in(stdin_text);
  std::ostringstream out;
  std::ostringstream err;
  cli::Streams streams{in, out, err, false, false, false};
  std::vector<std::string> argv{"readyctl"};
  argv.insert(argv.end(), args.begin(), args.end());
  int code = cli::run(argv, streams);
  return {code, out.str(), err.str()};
}

CliResult run_binary(const std::string& args, const fs::path& cwd, const std::string& stdin_text)
{
  TempDir tmp;
  tmp.write("stdin", stdin_text);
  std::string cmd = (cwd.empty() ? std::string() : "cd '" + cwd.string() + "' && ") + "'" + binary_path() + "' " +
                    args + " <'" + (tmp / "stdin").string() + "' >'" + (tmp / "out").string() + "' 2>'" +
                    (tmp / "err").string() + "'";
  int status = std::system(cmd.c_str());
  int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return {code, slurp(tmp / "out"), slurp(tmp / "err")};
}

fs::path source_dir() { return READYCTL_SOURCE_DIR; }
fs::path corpus_dir() { return source_dir() / "tests/corpus"; }
std::string binary_path() { return READYCTL_BINARY; }

std::string slurp(const fs::path& path)
{
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::vector<std::pair<int, std::string>> expect_marks(const fs::path& path)
{
  std::vector<std::pair<int, std::string>> out;
  const std::string text = slurp(path);  // split's views point into it: it must outlive the loop
  int line = 1;
  for (std::string_view l : split(text, '\n')) {
    if (size_t at = l.find("# expect: "); at != std::string_view::npos)
      for (std::string_view id : split(l.substr(at + 10), ',')) out.emplace_back(line, std::string(trim(id)));
    ++line;
  }
  return out;
}

bool wait_until(const std::function<bool()>& condition, double seconds, std::chrono::milliseconds interval)
{
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (condition()) return true;
    std::this_thread::sleep_for(interval);
  }
  return false;
}

bool process_ended(int pid)
{
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, comm, state;
  if (!(stat >> pid_field >> comm >> state)) return true;
  return state == "Z";
}

int pid_in(const fs::path& file)
{
  wait_until([&] { return fs::exists(file) && fs::file_size(file) > 0; }, 2, std::chrono::milliseconds(20));
  return std::stoi(slurp(file));
}

TempDir::TempDir()
{
  std::string templ = (fs::temp_directory_path() / "readyctl-test-XXXXXX").string();
  if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
  m_path = templ;
}

TempDir::~TempDir()
{
  std::error_code ec;
  fs::remove_all(m_path, ec);
}

void TempDir::write(const std::string& name, const std::string& content) const
{
  fs::path p = m_path / name;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}

}  // namespace readyctl::test
