// Helpers the gameday tests share: free ports, real child processes, waiting for a port to answer.
#pragma once
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "secret_ledger.hpp"
#include "test_support.hpp"

namespace readyctl::test::gameday {

// A port nobody listens on right now (bind to 0, read it back, close).
inline int free_port()
{
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
  socklen_t len = sizeof addr;
  getsockname(fd, reinterpret_cast<sockaddr*>(&addr), &len);
  close(fd);
  return ntohs(addr.sin_port);
}

inline bool port_open(int port)
{
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bool ok = connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0;
  close(fd);
  return ok;
}

inline bool wait_for_port(int port, double seconds)
{
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
  while (std::chrono::steady_clock::now() < end) {
    if (port_open(port)) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

// A child process the test owns: started with argv, stdout+stderr to a log, stopped at scope exit.
class Child {
public:
  Child(const std::vector<std::string>& argv, const std::filesystem::path& log, const std::filesystem::path& cwd = {})
  {
    m_pid = fork();
    if (m_pid == 0) {
      setpgid(0, 0);
      if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(126);
      int fd = open(log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
      dup2(fd, 1);
      dup2(fd, 2);
      std::vector<char*> args;
      for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
      args.push_back(nullptr);
      execvp(args[0], args.data());
      _exit(127);
    }
  }
  ~Child() { stop(); }
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return m_pid; }
  void signal(int sig) const { ::kill(m_pid, sig); }
  // Waits for the exit and returns the exit code (128+signal when signalled), or -1 on timeout.
  int wait(double seconds)
  {
    auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(static_cast<long>(seconds * 1000));
    while (std::chrono::steady_clock::now() < end) {
      int status = 0;
      if (waitpid(m_pid, &status, WNOHANG) == m_pid) {
        m_done = true;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    return -1;
  }
  void stop()
  {
    if (m_done || m_pid <= 0) return;
    ::kill(-m_pid, SIGTERM);
    if (wait(5) < 0) {
      ::kill(-m_pid, SIGKILL);
      wait(5);
    }
    m_done = true;
  }

private:
  pid_t m_pid = -1;
  bool m_done = false;
};

// Puts a directory first on PATH for the scope (the recording kubectl stand-in).
class PathPrefix {
public:
  explicit PathPrefix(const std::filesystem::path& dir) : m_old(std::getenv("PATH") ? std::getenv("PATH") : "")
  {
    setenv("PATH", (dir.string() + ":" + m_old).c_str(), 1);
  }
  ~PathPrefix() { setenv("PATH", m_old.c_str(), 1); }
  PathPrefix(const PathPrefix&) = delete;
  PathPrefix& operator=(const PathPrefix&) = delete;

private:
  std::string m_old;
};

// A run's journal, parsed (and handed to the secret ledger).
inline nlohmann::json journal_at(const std::filesystem::path& path)
{
  SecretLedger::instance().journal(path);
  return nlohmann::json::parse(readyctl::test::slurp(path));
}

}  // namespace readyctl::test::gameday
