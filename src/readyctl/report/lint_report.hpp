// The result of one lint run: findings, suppressed findings, counts and the rules that ran.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "readyctl/report/finding.hpp"

namespace readyctl {

struct RuleSummary {
  std::string id;
  Severity severity = Severity::warning;
  std::string category;
  std::string summary;      // one line
  std::string rationale;    // why it matters
  std::string remediation;  // what to do
};

struct LintSummary {
  int files = 0;
  int objects = 0;
  int errors = 0;
  int warnings = 0;
  int notes = 0;
};

struct LintReport {
  std::vector<Finding> findings;    // sorted by file, line, column, rule
  std::vector<Finding> suppressed;  // each with its reason
  std::vector<RuleSummary> rules;   // the rules that ran, for SARIF and JUnit
  std::vector<std::string> files;   // every input file, for JUnit test cases
  LintSummary summary;
  // The text of a source line, for carets; empty when unknown.
  std::function<std::string(const std::string& file, int line)> source_line;
};

// Fills summary.errors/warnings/notes from findings.
void count_findings(LintReport& report);

}  // namespace readyctl
