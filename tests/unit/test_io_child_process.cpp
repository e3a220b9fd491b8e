// io/child_process against real processes: how an end is reported, a stop that escalates to the whole group,
// the log, the destructor, and programs that cannot start.
#include <chrono>
#include <memory>
#include <optional>
#include <string>

#include <doctest/doctest.h>
#include <signal.h>
#include <sys/wait.h>

#include "readyctl/core/error.hpp"
#include "readyctl/io/child_process.hpp"
#include "test_support.hpp"

namespace readyctl {
namespace {

using std::chrono::steady_clock;

io::ProcessSpec child_shell(const std::string& script) { return {{"/bin/sh", "-c", script}, "", {}}; }

// Waits until the child's log holds `text`: the script has got that far.
bool logged(const std::filesystem::path& log, const std::string& text)
{
  return test::wait_until([&] { return test::slurp(log).find(text) != std::string::npos; }, 10);
}

}  // namespace

TEST_SUITE("io")
{
  TEST_CASE("child process: an exit code is the program's own; a signal leaves it -1 and names the signal")
  {
    test::TempDir dir;
    io::ChildProcess exits(child_shell("sleep 0.2; exit 7"), dir / "exits.log");
    CHECK_FALSE(exits.wait(0));  // still running
    std::optional<io::ProcessResult> end = exits.wait(10);
    REQUIRE(end);
    CHECK(end->exit_code == 7);
    CHECK(end->signal == 0);
    CHECK(exits.stop().exit_code == 7);  // the end is kept

    io::ChildProcess killed(child_shell("sleep 30"), dir / "killed.log");
    killed.signal(SIGTERM);
    end = killed.wait(10);
    REQUIRE(end);
    CHECK(end->exit_code == -1);
    CHECK(end->signal == SIGTERM);
    CHECK(end->shell_status() == 128 + SIGTERM);
  }

  TEST_CASE("child process: stop() kills a group that ignores SIGTERM after the grace, the grandchild too")
  {
    test::TempDir dir;
    // The ignored SIGTERM is inherited by the background sleep, a grandchild of the process in its group.
    io::ChildProcess child(child_shell("trap '' TERM; sleep 30 & echo $! > " + (dir / "pid").string() +
                                       "; echo ready; wait"),
                           dir / "log");
    REQUIRE(logged(dir / "log", "ready"));
    int grandchild = test::pid_in(dir / "pid");
    auto start = steady_clock::now();
    io::ProcessResult end = child.stop(0.5);
    CHECK(steady_clock::now() - start >= std::chrono::milliseconds(500));
    CHECK(steady_clock::now() - start < std::chrono::seconds(3));
    CHECK(end.exit_code == -1);
    CHECK(end.signal == SIGKILL);
    CHECK(test::wait_until([&] { return test::process_ended(grandchild); }, 5));
  }

  TEST_CASE("child process: SIGTERM to the group ends a well-behaved one within the grace")
  {
    test::TempDir dir;
    io::ChildProcess child(child_shell("sleep 30 & echo $! > " + (dir / "pid").string() + "; wait"), dir / "log");
    int grandchild = test::pid_in(dir / "pid");
    io::ProcessResult end = child.stop(10);
    CHECK(end.signal == SIGTERM);
    CHECK(test::wait_until([&] { return test::process_ended(grandchild); }, 5));
  }

  TEST_CASE("child process: output goes to the log, appended; the destructor stops it; detach leaves it running")
  {
    test::TempDir dir;
    dir.write("log", "earlier\n");
    io::ProcessSpec spec = child_shell("echo out; echo err >&2; pwd");
    spec.cwd = dir.path().string();
    REQUIRE(io::ChildProcess(spec, dir / "log").wait(10));
    CHECK(test::slurp(dir / "log") ==
          "earlier\nout\nerr\n" + std::filesystem::canonical(dir.path()).string() + "\n");

    int pid = 0;
    {
      io::ChildProcess scoped(child_shell("sleep 30"), dir / "scoped.log");
      pid = scoped.pid();
    }
    CHECK(test::process_ended(pid));

    auto detached = std::make_unique<io::ChildProcess>(child_shell("sleep 30"), dir / "detached.log");
    pid = detached->pid();
    detached->detach();
    detached.reset();
    CHECK_FALSE(test::process_ended(pid));
    ::kill(pid, SIGKILL);
    CHECK(::waitpid(pid, nullptr, 0) == pid);  // the test reaps what it let go
  }

  TEST_CASE("child process: a program that cannot start throws EnvironmentError, an empty argv InputError")
  {
    test::TempDir dir;
    CHECK_THROWS_AS(io::ChildProcess({{"readyctl-no-such-program"}, "", {}}, dir / "log"), EnvironmentError);
    CHECK_THROWS_AS(io::ChildProcess({}, dir / "log"), InputError);
  }
}

}  // namespace readyctl
