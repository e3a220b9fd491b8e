// Helpers the gameday tests share: a PATH prefix for the scope, a run's journal read back, a step loaded.
#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "readyctl/gameday/loader.hpp"
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

// The one step of a scenario (`head`: the lines after metadata, e.g. `vars:` and `safety:`) whose body is
// `kind: block`, as loaded; each load problem fails the test.
inline readyctl::gameday::Step load_one_step(const std::string& head, const std::string& kind, const std::string& block)
{
  std::string text = "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: one-step}\n" + head +
                     "steps:\n  - name: s\n    " + kind + ": " + block + "\n";
  readyctl::gameday::LoadResult loaded = readyctl::gameday::load_scenario_text("one-step.yaml", text);
  for (const readyctl::gameday::Problem& p : loaded.problems) FAIL_CHECK(p.str());
  REQUIRE(loaded.scenario.steps.size() == 1);
  return loaded.scenario.steps[0];
}

}  // namespace readyctl::test::gameday
