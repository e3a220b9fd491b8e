// Helpers the gameday tests share: a PATH prefix for the scope, a run's journal read back.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "secret_ledger.hpp"
#include "test_support.hpp"

namespace readyctl::test::gameday {

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
