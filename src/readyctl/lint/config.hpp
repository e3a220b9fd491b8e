// The project config file, .readyctl.yaml: per-rule settings and path/object ignores with expiry.
#pragma once
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "readyctl/core/location.hpp"
#include "readyctl/report/finding.hpp"

namespace readyctl::lint {

struct RuleOverride {
  std::optional<bool> enabled;
  std::optional<Severity> severity;
  nlohmann::json params = nlohmann::json::object();
  std::map<std::string, std::pair<Location, Location>> param_where;  // name -> where its key and its value are
  Location where;
};

// `ignore:` entry. Empty fields match anything; `until` is YYYY-MM-DD, after which it stops suppressing.
struct IgnoreEntry {
  std::string rule;
  std::string path;  // glob relative to the config file's directory
  std::string kind;
  std::string ns;
  std::string name;
  std::string reason;
  std::string until;
  Location where;
};

struct LintConfig {
  std::filesystem::path file;  // empty when there is no config
  std::map<std::string, RuleOverride> rules;
  std::vector<IgnoreEntry> ignores;
  std::vector<std::string> paths;  // default lint paths
  std::string fail_on;             // empty: the CLI default
};

// .readyctl.yaml in `start` or the nearest parent that has one.
std::optional<std::filesystem::path> discover_config(const std::filesystem::path& start);
// InputError "file:line:col: expected ..." on a malformed config.
LintConfig load_config(const std::filesystem::path& path);
// The same from text already read; `path` names it in messages.
LintConfig parse_config(const std::filesystem::path& path, std::string text);

}  // namespace readyctl::lint
