// io/process against real processes: exit codes and signals, timeouts and stops that kill the whole group.
#include <chrono>
#include <csignal>
#include <fstream>
#include <thread>

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include "readyctl/core/error.hpp"
#include "readyctl/io/process.hpp"
#include "test_support.hpp"

using namespace readyctl;
using Clock = std::chrono::steady_clock;

namespace {

io::ProcessSpec shell(const std::string& script) { return {{"/bin/sh", "-c", script}, "", {}}; }

// Gone, or a zombie waiting for init: either way it runs no more.
bool process_ended(pid_t pid)
{
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string pid_field, comm, state;
  if (!(stat >> pid_field >> comm >> state)) return true;
  return state == "Z";
}

bool ends_within(pid_t pid, double seconds)
{
  auto deadline = Clock::now() + std::chrono::duration<double>(seconds);
  while (Clock::now() < deadline) {
    if (process_ended(pid)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

pid_t pid_in(const std::filesystem::path& file)
{
  for (int i = 0; i < 100 && std::filesystem::file_size(file) == 0; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  return std::stoi(test::slurp(file));
}

}  // namespace

TEST_SUITE("io")
{
  TEST_CASE("process: an exit code is the program's own; a signal leaves it -1 and names the signal")
  {
    io::ProcessResult exited = io::run_process(shell("echo out; echo err >&2; exit 7"));
    CHECK(exited.exit_code == 7);
    CHECK(exited.signal == 0);
    CHECK(exited.out == "out\n");
    CHECK(exited.err == "err\n");
    CHECK(exited.shell_status() == 7);
    CHECK_FALSE(exited.timed_out);

    io::ProcessResult killed = io::run_process(shell("kill -TERM $$; sleep 5"));
    CHECK(killed.exit_code == -1);
    CHECK(killed.signal == SIGTERM);
    CHECK(killed.shell_status() == 128 + SIGTERM);
    CHECK_FALSE(killed.timed_out);
    CHECK_FALSE(killed.stopped);
  }

  TEST_CASE("process: a timeout kills the whole group, a child's grandchild too")
  {
    test::TempDir dir;
    dir.write("pid", "");
    // sh -> sh -> sleep: the sleep is the grandchild of the process we started, in its group.
    std::string script = "sh -c 'sleep 30 & echo $! > " + (dir / "pid").string() + "; wait' & wait";
    auto start = Clock::now();
    io::ProcessResult r = io::run_process(shell(script), {0.5, {}});
    CHECK(Clock::now() - start < std::chrono::seconds(5));
    CHECK(r.timed_out);
    CHECK_FALSE(r.stopped);
    CHECK(r.exit_code == -1);
    CHECK(r.signal == SIGKILL);
    CHECK(ends_within(pid_in(dir / "pid"), 5));
  }

  TEST_CASE("process: the stop callback ends the run early and is told apart from a timeout")
  {
    auto start = Clock::now();
    auto stop = [&] { return Clock::now() - start > std::chrono::milliseconds(300); };
    io::ProcessResult r = io::run_process(shell("sleep 30"), {60, stop});
    CHECK(Clock::now() - start < std::chrono::seconds(5));
    CHECK(r.stopped);
    CHECK_FALSE(r.timed_out);
    CHECK(r.exit_code == -1);
    CHECK(r.signal == SIGKILL);
  }

  TEST_CASE("process: environment, working directory, a log file, and programs that cannot start")
  {
    test::TempDir dir;
    io::ProcessSpec spec = shell("echo \"$IO_TEST_VALUE\"; pwd");
    spec.env["IO_TEST_VALUE"] = "from-the-spec";
    spec.cwd = dir.path().string();
    io::ProcessResult r = io::run_process(spec);
    CHECK(r.out == "from-the-spec\n" + std::filesystem::canonical(dir.path()).string() + "\n");

    pid_t pid = io::spawn_logged(shell("echo logged; echo also >&2"), (dir / "log").string());
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    CHECK(test::slurp(dir / "log") == "logged\nalso\n");

    CHECK_THROWS_AS(io::run_process({{"readyctl-no-such-program"}, "", {}}), EnvironmentError);
    CHECK_THROWS_AS(io::run_process({}), InputError);
    CHECK(io::on_path("sh"));
    CHECK_FALSE(io::on_path("readyctl-no-such-program"));
  }
}
