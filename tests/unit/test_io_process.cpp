// io/process against real processes: exit codes and signals, timeouts and stops that kill the whole group.
#include <chrono>
#include <csignal>
#include <thread>

#include <doctest/doctest.h>
#include <signal.h>

#include "readyctl/core/error.hpp"
#include "readyctl/io/process.hpp"
#include "test_support.hpp"

using namespace readyctl;
using Clock = std::chrono::steady_clock;

namespace {

io::ProcessSpec shell(const std::string& script) { return {{"/bin/sh", "-c", script}, "", {}}; }

bool ends_within(pid_t pid, double seconds)
{
  return test::wait_until([&] { return test::process_ended(pid); }, seconds, std::chrono::milliseconds(20));
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
    CHECK(ends_within(test::pid_in(dir / "pid"), 5));
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

  TEST_CASE("process: environment, working directory, and programs that cannot start")
  {
    test::TempDir dir;
    io::ProcessSpec spec = shell("echo \"$IO_TEST_VALUE\"; pwd");
    spec.env["IO_TEST_VALUE"] = "from-the-spec";
    spec.cwd = dir.path().string();
    io::ProcessResult r = io::run_process(spec);
    CHECK(r.out == "from-the-spec\n" + std::filesystem::canonical(dir.path()).string() + "\n");

    CHECK_THROWS_AS(io::run_process({{"readyctl-no-such-program"}, "", {}}), EnvironmentError);
    CHECK_THROWS_AS(io::run_process({}), InputError);
    CHECK(io::on_path("sh"));
    CHECK_FALSE(io::on_path("readyctl-no-such-program"));
  }
}
