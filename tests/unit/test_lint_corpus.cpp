// Real-world manifests (tests/corpus, vendored unmodified; see its SOURCES.md): lint never crashes on them, every finding points into its file, and
// every rule finds exactly what a reader of each file expects, as written down in tests/lint/corpus-expected.txt.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

// Where a finding is: its line in the corpus file ("31223"), Helm output included.
using Where = std::pair<std::string, std::string>;  // rule, location
using Expectations = std::map<std::string, std::map<Where, int>>;  // corpus-relative file -> expected counts

// Reads tests/lint/corpus-expected.txt: `[file]` sections of `rule location why...` rows, # comments.
Expectations read_expectations()
{
  Expectations expected;
  std::istringstream in(test::slurp(test::source_dir() / "tests/lint/corpus-expected.txt"));
  std::map<Where, int>* section = nullptr;
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    if (line[0] == '[') {
      INFO("corpus-expected.txt:", number);
      REQUIRE(line.back() == ']');
      const std::string file = line.substr(1, line.size() - 2);
      REQUIRE_FALSE(expected.contains(file));
      section = &expected[file];
      continue;
    }
    std::istringstream row(line);
    std::string rule, where;
    row >> rule >> where;
    INFO("corpus-expected.txt:", number, ": ", line);
    REQUIRE(section != nullptr);
    REQUIRE_FALSE(where.empty());
    ++(*section)[{rule, where}];
  }
  return expected;
}

std::vector<std::string> lines_of(const fs::path& path)
{
  std::vector<std::string> lines;
  std::istringstream in(test::slurp(path));
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(line);
  }
  return lines;
}

std::vector<fs::path> corpus_files()
{
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(test::corpus_dir())) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".yaml" || ext == ".yml" || ext == ".json")) files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

// Some `# Source: FILE` comment of the rendered file is followed, `line` lines later, by a line long enough for `column`.
bool helm_line_exists(const std::vector<std::string>& lines, const std::string& chart_file, int line, int column)
{
  for (size_t n = 0; n < lines.size(); ++n) {
    if (lines[n].find("# Source: " + chart_file) == std::string::npos) continue;
    size_t target = n + static_cast<size_t>(line);
    if (target < lines.size() && column <= static_cast<int>(lines[target].size()) + 1) return true;
  }
  return false;
}

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("corpus: every finding points into its file, and every rule finds exactly what a reader expects")
  {
    const fs::path corpus = test::corpus_dir();
    std::vector<fs::path> files = corpus_files();
    REQUIRE(files.size() >= 30);
    const Expectations expected = read_expectations();
    std::set<std::string> seen;
    for (const fs::path& file : files) {
      const std::string rel = fs::relative(file, corpus).generic_string();
      seen.insert(rel);
      INFO(rel);
      // Every corpus file has a section, so each one has been read and its expectations (maybe none) written.
      REQUIRE(expected.contains(rel));
      lint::LintOptions options;
      options.paths = {file.string()};
      options.discover_config = false;
      options.kustomize = false;
      lint::LintRun run;
      REQUIRE_NOTHROW(run = lint::run_lint(options));

      const std::vector<std::string> lines = lines_of(file);
      std::map<Where, int> actual;
      for (const Finding& f : run.report.findings) {
        INFO(f.location.str(), " [", f.rule, "] ", f.message);
        REQUIRE(f.location.line >= 1);
        CHECK(f.location.column >= 1);
        const std::string where = std::to_string(f.location.line);
        // Helm output too: the finding stays in the file read (code scanning can open it), the chart file beside it.
        REQUIRE(f.location.file == file.string());
        REQUIRE(f.location.line <= static_cast<int>(lines.size()));
        CHECK(f.location.column <= static_cast<int>(lines[f.location.line - 1].size()) + 1);
        if (!f.related.empty() && f.related.back().message == "rendered from this line of the Helm chart") {
          const Location& chart = f.related.back().location;
          CHECK(helm_line_exists(lines, chart.file, chart.line, chart.column));
        }
        ++actual[{f.rule, where}];
      }
      const std::map<Where, int>& wanted = expected.at(rel);
      for (const auto& [at, count] : wanted) {
        INFO("expected ", at.first, " at ", at.second);
        CHECK(actual[at] == count);
      }
      for (const auto& [at, count] : actual) {
        INFO("unexpected ", at.first, " at ", at.second, " (", count, "x)");
        CHECK(wanted.contains(at));
      }
    }
    // A section for a file that is no longer in the corpus would never be checked.
    for (const auto& entry : expected) {
      INFO(entry.first);
      CHECK(seen.contains(entry.first));
    }
  }
}
