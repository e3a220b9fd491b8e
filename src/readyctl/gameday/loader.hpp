// Loads a scenario file and collects every problem with its `file:line:col`, so validate can list them all.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "readyctl/core/location.hpp"
#include "readyctl/gameday/scenario.hpp"

namespace readyctl::gameday {

struct Problem {
  Location location;
  std::string message;
  std::string str() const { return location.str() + ": " + message; }
};

struct LoadResult {
  Scenario scenario;
  std::vector<Problem> problems;  // empty: the scenario is valid
};

// Reads and checks a scenario. Throws InputError only when the file cannot be read or parsed as YAML.
LoadResult load_scenario(const std::filesystem::path& path);
LoadResult load_scenario_text(const std::string& path, const std::string& text);

// Like load_scenario, but throws one InputError listing every problem.
Scenario load_valid_scenario(const std::filesystem::path& path);

}  // namespace readyctl::gameday
