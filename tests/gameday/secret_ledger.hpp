// Every secret a gameday test hands to a run and every journal a run wrote, for the whole test process. Each
// (journal, secret) pair is checked when the later of the two is registered, so whatever order the tests run in,
// no journal holding any secret a test used goes unseen — including journals whose TempDir is gone by then
// (a journal's text is kept when it is registered).
#pragma once
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include <doctest/doctest.h>

#include "test_support.hpp"

namespace readyctl::test::gameday {

class SecretLedger {
public:
  static SecretLedger& instance()
  {
    static SecretLedger ledger;
    return ledger;
  }

  void secret(const std::string& value)
  {
    std::lock_guard lock(m_mutex);
    m_secrets.push_back(value);
    for (const auto& [path, text] : m_journals) check(path, text, value);
  }

  // Reads the journal now; a missing file is no journal (the run refused to start).
  void journal(const std::filesystem::path& path)
  {
    if (!std::filesystem::exists(path)) return;
    std::string text = slurp(path);
    std::lock_guard lock(m_mutex);
    for (const std::string& s : m_secrets) check(path.string(), text, s);
    m_journals.emplace_back(path.string(), std::move(text));
  }

  // Whether the text holds the secret anywhere (the same find the ledger's checks use).
  static bool leaks(const std::string& text, const std::string& secret) { return text.find(secret) != std::string::npos; }

private:
  static void check(const std::string& path, const std::string& text, const std::string& secret)
  {
    CHECK_MESSAGE(!leaks(text, secret), "journal " << path << " holds a secret a test used: " << secret);
  }

  std::mutex m_mutex;
  std::vector<std::string> m_secrets;
  std::vector<std::pair<std::string, std::string>> m_journals;
};

// An environment variable holding a secret for the scope, registered with the ledger.
class SecretEnv {
public:
  SecretEnv(std::string name, const std::string& value) : m_name(std::move(name))
  {
    setenv(m_name.c_str(), value.c_str(), 1);
    SecretLedger::instance().secret(value);
  }
  ~SecretEnv() { unsetenv(m_name.c_str()); }
  SecretEnv(const SecretEnv&) = delete;
  SecretEnv& operator=(const SecretEnv&) = delete;

private:
  std::string m_name;
};

// `readyctl gameday run ARGS --journal JOURNAL` in cwd (the real binary); the journal goes to the ledger.
inline CliResult run_drill(const std::string& args, const std::filesystem::path& cwd, const std::filesystem::path& journal)
{
  CliResult r = run_binary("gameday run " + args + " --journal '" + journal.string() + "'", cwd);
  SecretLedger::instance().journal(journal.is_absolute() ? journal : cwd / journal);
  return r;
}

}  // namespace readyctl::test::gameday
