// The precision corpus (tests/precision): real upstream manifests whose every finding a reader has judged in
// labels.tsv. Lint each project directory the way a user lints a repository, and fail when a finding has no label,
// a finding judged wrong comes back, a finding judged true is gone, or a finding names a file that is not there.
//
// Label key: (file relative to tests/precision, line, rule). Several findings with one key (two containers on one
// line, one rule firing twice on one object) share one row and one verdict: the test asks whether the key is
// reported at all, bench/precision/run.sh counts every finding under its row's verdict. The one exception to "the
// file must exist" is k_known_missing_files below (issue 18, cause 9), which fails once it is stale. A FALSE row
// whose fix has not landed is listed in open-false.tsv: reported and allowed; once its finding is gone the test asks
// for the list to shrink (bench/precision/open_false.sh), and from then on its return fails the test.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/lint/engine.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

struct LabelKey {
  std::string file;  // relative to tests/precision
  int line = 0;
  std::string rule;
  friend auto operator<=>(const LabelKey&, const LabelKey&) = default;
  std::string str() const { return file + ":" + std::to_string(line) + " [" + rule + "]"; }
};

enum class Verdict { true_finding, false_finding, noise };

// What the reader decided about each key, and on which labels.tsv line.
struct Label {
  Verdict verdict = Verdict::noise;
  int tsv_line = 0;
};
using Labels = std::map<LabelKey, Label>;

// A finding as the corpus check sees it: its key, whether its file is on disk, and its message for the failure text.
struct SeenFinding {
  LabelKey key;
  bool file_exists = true;
  std::string message;
};

// The data rows of a tab-separated table (# comments and blank lines skipped), each with its line number, checked to
// hold `columns` fields whose second is a line number: a malformed row throws, naming `table:line`, so a hand edit
// cannot silently drop a row.
std::vector<std::pair<int, std::vector<std::string>>> read_rows(const std::string& table, const std::string& text, size_t columns)
{
  std::vector<std::pair<int, std::vector<std::string>>> rows;
  std::istringstream in(text);
  int number = 0;
  for (std::string line; std::getline(in, line);) {
    ++number;
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    std::istringstream cells(line);
    for (std::string field; std::getline(cells, field, '\t');) fields.push_back(field);
    if (fields.size() != columns || fields.back().empty() || fields[1].empty() ||
        fields[1].find_first_not_of("0123456789") != std::string::npos)
      throw std::invalid_argument(table + ":" + std::to_string(number) + ": expected " + std::to_string(columns) +
                                  " tab-separated fields: file, line, rule" + (columns == 5 ? ", verdict, reason" : ""));
    rows.emplace_back(number, std::move(fields));
  }
  return rows;
}

LabelKey key_of(const std::vector<std::string>& fields) { return {fields[0], std::stoi(fields[1]), fields[2]}; }

// labels.tsv: `file<TAB>line<TAB>rule<TAB>TRUE|FALSE|NOISE<TAB>reason`, one row per key.
Labels parse_labels(const std::string& text)
{
  static const std::map<std::string, Verdict> k_verdicts = {
      {"TRUE", Verdict::true_finding}, {"FALSE", Verdict::false_finding}, {"NOISE", Verdict::noise}};
  Labels labels;
  for (const auto& [number, f] : read_rows("labels.tsv", text, 5)) {
    const std::string where = "labels.tsv:" + std::to_string(number) + ": ";
    if (!k_verdicts.contains(f[3])) throw std::invalid_argument(where + "expected TRUE, FALSE or NOISE, got '" + f[3] + "'");
    const LabelKey key = key_of(f);
    if (labels.contains(key))
      throw std::invalid_argument(where + "a second row for " + key.str() + " (first on line " +
                                  std::to_string(labels[key].tsv_line) + ")");
    labels[key] = Label{k_verdicts.at(f[3]), number};
  }
  return labels;
}

// open-false.tsv: `file<TAB>line<TAB>rule` of the findings judged FALSE that the code still reports (known, not yet
// fixed), written by bench/precision/open_false.sh.
std::set<LabelKey> parse_open_false(const std::string& text)
{
  std::set<LabelKey> keys;
  for (const auto& row : read_rows("open-false.tsv", text, 3)) keys.insert(key_of(row.second));
  return keys;
}

// What the corpus is checked against: the labels, the FALSE findings still open, and the missing files still named.
struct Expected {
  Labels labels;
  std::set<LabelKey> open_false;           // FALSE rows whose fix has not landed: reported, and allowed to be
  std::set<std::string> known_missing;     // files findings may name although they do not exist
};

// Files that do not exist but findings name today: helm template output reported under its chart path instead of
// the file read (issue 18, cause 9). An entry no finding names any more fails the test, so the list empties itself
// when positions name the file read.
// None since Helm output keeps its findings in the file read (the chart file is a related location).
const std::set<std::string> k_known_missing_files = {};

std::string tsv_at(const Label& label) { return "(labels.tsv:" + std::to_string(label.tsv_line) + "): "; }

// A finding reported now: labelled, not a FALSE one whose fix has landed, in a file that exists.
void check_finding(const Expected& expected, const SeenFinding& f, std::vector<std::string>& problems)
{
  if (!f.file_exists && !expected.known_missing.contains(f.key.file))
    problems.push_back("finding in a file that does not exist: " + f.key.str() + " " + f.message);
  auto label = expected.labels.find(f.key);
  if (label == expected.labels.end())
    problems.push_back("no label (bench/precision/unlabeled.sh prints a row): " + f.key.str() + " " + f.message);
  else if (label->second.verdict == Verdict::false_finding && !expected.open_false.contains(f.key))
    problems.push_back("finding judged FALSE is back " + tsv_at(label->second) + f.key.str() + " " + f.message);
}

// Rows and list entries whose findings are gone: a TRUE one is lost, an open FALSE one is fixed (tighten the list).
void check_gone(const Expected& expected, const std::set<LabelKey>& seen, const std::set<std::string>& files_seen,
                std::vector<std::string>& problems)
{
  for (const auto& [key, label] : expected.labels)
    if (label.verdict == Verdict::true_finding && !seen.contains(key))
      problems.push_back("finding judged TRUE is gone " + tsv_at(label) + key.str());
  for (const LabelKey& key : expected.open_false) {
    auto label = expected.labels.find(key);
    if (label == expected.labels.end() || label->second.verdict != Verdict::false_finding)
      problems.push_back("open-false.tsv lists a finding not labelled FALSE: " + key.str());
    else if (!seen.contains(key))
      problems.push_back("fixed, no longer reported: " + key.str() + ": run bench/precision/open_false.sh to drop it");
  }
  for (const std::string& file : expected.known_missing)
    if (!files_seen.contains(file))
      problems.push_back("no finding names " + file + " any more: drop it from k_known_missing_files");
}

// Every way the corpus can disagree with what was expected, one message per offending row or finding.
std::vector<std::string> compare_with_labels(const Expected& expected, const std::vector<SeenFinding>& findings)
{
  std::vector<std::string> problems;
  std::set<LabelKey> seen;
  std::set<std::string> files_seen;
  for (const SeenFinding& f : findings) {
    files_seen.insert(f.key.file);
    if (seen.insert(f.key).second) check_finding(expected, f, problems);
  }
  check_gone(expected, seen, files_seen, problems);
  return problems;
}

fs::path precision_dir() { return test::source_dir() / "tests" / "precision"; }

// One directory per upstream project, linted on its own as its repository would be.
std::vector<fs::path> project_dirs()
{
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(precision_dir()))
    if (entry.is_directory()) dirs.push_back(entry.path());
  std::sort(dirs.begin(), dirs.end());
  return dirs;
}

std::vector<SeenFinding> lint_project(const fs::path& dir)
{
  lint::LintOptions options;
  options.paths = {dir.string()};
  options.discover_config = false;
  const lint::LintRun run = lint::run_lint(options);
  std::vector<SeenFinding> findings;
  for (const Finding& f : run.report.findings) {
    const fs::path file(f.location.file);
    const std::string rel = file.is_absolute() ? file.lexically_relative(precision_dir()).generic_string() : file.generic_string();
    const bool exists = fs::is_regular_file(file.is_absolute() ? file : precision_dir() / file);
    findings.push_back({{rel, f.location.line, f.rule}, exists, f.message});
  }
  return findings;
}

const LabelKey k_a{"p/a.yaml", 3, "probes"};
const LabelKey k_b{"p/a.yaml", 9, "resources"};

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("precision corpus: every finding is labelled, none judged FALSE is back, none judged TRUE is gone")
  {
    Expected expected;
    expected.labels = parse_labels(test::slurp(precision_dir() / "labels.tsv"));
    expected.open_false = parse_open_false(test::slurp(precision_dir() / "open-false.tsv"));
    expected.known_missing = k_known_missing_files;
    const std::vector<fs::path> projects = project_dirs();
    // The corpus is at least a dozen upstream projects (tests/precision/SOURCES.md).
    REQUIRE(projects.size() >= 12);
    std::vector<SeenFinding> findings;
    for (const fs::path& dir : projects) {
      INFO(dir.filename().string());
      std::vector<SeenFinding> found;
      REQUIRE_NOTHROW(found = lint_project(dir));
      findings.insert(findings.end(), found.begin(), found.end());
    }
    for (const std::string& problem : compare_with_labels(expected, findings)) FAIL_CHECK(problem);
  }

  TEST_CASE("precision labels: a row of each verdict is read, a malformed row is refused")
  {
    const Labels labels = parse_labels("# header\n\np/a.yaml\t3\tprobes\tTRUE\tno readiness on the vLLM server\n"
                                       "p/a.yaml\t9\tresources\tNOISE\ttest fixture\n");
    REQUIRE(labels.size() == 2);
    CHECK(labels.at(k_a).verdict == Verdict::true_finding);
    CHECK(labels.at(k_a).tsv_line == 3);
    CHECK(labels.at(k_b).verdict == Verdict::noise);
    CHECK_THROWS(parse_labels("p/a.yaml\t3\tprobes\tMAYBE\twhy\n"));
    CHECK_THROWS(parse_labels("p/a.yaml\t3\tprobes\tTRUE\n"));
    CHECK_THROWS(parse_labels("p/a.yaml\t3\tprobes\tTRUE\tone\np/a.yaml\t3\tprobes\tFALSE\ttwo\n"));
  }

  TEST_CASE("precision comparison: each disagreement fires, and a run matching its labels is clean")
  {
    Expected expected;
    expected.labels = {{k_a, {Verdict::true_finding, 1}}, {k_b, {Verdict::noise, 2}}};
    // The findings the labels describe, the TRUE one twice on its line (one key): nothing to report.
    CHECK(compare_with_labels(expected, {{k_a, true, "m"}, {k_a, true, "m"}, {k_b, true, "m"}}).empty());
    // NOISE may go.
    CHECK(compare_with_labels(expected, {{k_a, true, "m"}}).empty());
    // (c) the TRUE finding is gone.
    std::vector<std::string> gone = compare_with_labels(expected, {{k_b, true, "m"}});
    REQUIRE(gone.size() == 1);
    CHECK(gone[0].find("judged TRUE is gone") != std::string::npos);
    // (a) a finding with no row.
    const LabelKey other{"p/a.yaml", 4, "probes"};
    std::vector<std::string> unlabelled = compare_with_labels(expected, {{k_a, true, "m"}, {other, true, "m"}});
    REQUIRE(unlabelled.size() == 1);
    CHECK(unlabelled[0].find("no label") != std::string::npos);
    // (d) a finding whose file is not on disk, unless the file is a known missing one.
    std::vector<std::string> missing = compare_with_labels(expected, {{k_a, false, "m"}});
    REQUIRE(missing.size() == 1);
    CHECK(missing[0].find("does not exist") != std::string::npos);
    expected.known_missing = {"p/a.yaml"};
    CHECK(compare_with_labels(expected, {{k_a, false, "m"}}).empty());
    // A known missing file no finding names any more must leave the list.
    std::vector<std::string> stale = compare_with_labels(expected, {{k_b, true, "m"}, {k_a, true, "m"}});
    CHECK(stale.empty());
    expected.known_missing = {"chart/templates/x.yaml"};
    stale = compare_with_labels(expected, {{k_a, true, "m"}});
    REQUIRE(stale.size() == 1);
    CHECK(stale[0].find("drop it from k_known_missing_files") != std::string::npos);
  }

  TEST_CASE("precision comparison: a FALSE finding may stay while open, fails when back after its fix")
  {
    Expected expected;
    expected.labels = {{k_a, {Verdict::false_finding, 7}}};
    // (b) judged FALSE and not open: its fix had landed, and it is back.
    std::vector<std::string> back = compare_with_labels(expected, {{k_a, true, "m"}});
    REQUIRE(back.size() == 1);
    CHECK(back[0].find("judged FALSE is back (labels.tsv:7)") != std::string::npos);
    CHECK(compare_with_labels(expected, {}).empty());
    // Open (not yet fixed): reported, and allowed.
    expected.open_false = {k_a};
    CHECK(compare_with_labels(expected, {{k_a, true, "m"}}).empty());
    // Fixed while still listed open: the list must tighten.
    std::vector<std::string> fixed = compare_with_labels(expected, {});
    REQUIRE(fixed.size() == 1);
    CHECK(fixed[0].find("open_false.sh") != std::string::npos);
    // The open list names only FALSE rows.
    expected.labels = {{k_a, {Verdict::true_finding, 7}}};
    std::vector<std::string> wrong = compare_with_labels(expected, {{k_a, true, "m"}});
    REQUIRE(wrong.size() == 1);
    CHECK(wrong[0].find("not labelled FALSE") != std::string::npos);
  }

  TEST_CASE("precision open-false list: rows are read, a malformed row is refused")
  {
    const std::set<LabelKey> keys = parse_open_false("# header\np/a.yaml\t3\tprobes\n");
    CHECK(keys == std::set<LabelKey>{k_a});
    CHECK_THROWS(parse_open_false("p/a.yaml\t3\n"));
    CHECK_THROWS(parse_open_false("p/a.yaml\tthree\tprobes\n"));
  }
}
