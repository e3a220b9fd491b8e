// The lint driver: config, rules, manifests, checks, suppressions -> one LintReport.
#pragma once
#include <iosfwd>
#include <string>
#include <vector>

#include "readyctl/lint/config.hpp"
#include "readyctl/lint/rule.hpp"
#include "readyctl/report/lint_report.hpp"

namespace readyctl::lint {

struct LintOptions {
  std::vector<std::string> paths;      // empty: the config's lint.paths, else "."
  std::vector<std::string> rule_dirs;  // --rules
  std::vector<std::string> enable;     // --enable: turn on rules that are off by default
  std::vector<std::string> disable;    // --disable
  std::vector<std::string> only;       // --only: run just these
  std::string config_path;             // --config; empty: discover .readyctl.yaml upwards
  bool discover_config = true;         // false: no config unless config_path is given (tests)
  std::istream* in = nullptr;          // for "-"
  bool kustomize = true;
  std::string today;  // YYYY-MM-DD for ignore expiry; empty: the current UTC date
};

struct LintRun {
  LintReport report;
  bool input_errors = false;  // any parse-error: the CLI exits 2
  LintConfig config;
};

LintRun run_lint(const LintOptions& options);

// The configured catalogue: built-in rules, --rules dirs, config overrides and --enable/--disable/--only.
std::vector<Rule> resolve_rules(const LintOptions& options, const LintConfig& config);
LintConfig load_lint_config(const std::string& explicit_path, bool discover = true);
std::string utc_today();

}  // namespace readyctl::lint
