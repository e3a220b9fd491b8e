// The check runner: per-object rules run window by window and find exactly what one pass over the whole graph
// finds, on every fixture, example and corpus file; windows hold the objects, pods and kinds they should.
#include <doctest/doctest.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <string>
#include <tuple>
#include <vector>

#include "readyctl/lint/check_runner.hpp"
#include "readyctl/lint/manifest_loader.hpp"
#include "test_support.hpp"

using namespace readyctl;
using namespace readyctl::lint;
namespace fs = std::filesystem;

namespace {

std::vector<Rule> every_rule()
{
  std::vector<Rule> rules = load_builtin_rules();
  for (Rule& r : rules) r.enabled = true;
  return rules;
}

using Summary = std::tuple<std::string, std::string, int, int, std::string, size_t>;

// Every finding as rule, file, line, column, message and number of related locations, sorted.
std::vector<Summary> summaries(const std::vector<std::vector<RawFinding>>& segments)
{
  std::vector<Summary> out;
  for (const std::vector<RawFinding>& segment : segments)
    for (const RawFinding& f : segment)
      out.emplace_back(f.rule->id, f.location_file(), f.line, f.column, f.message, f.related.size());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<fs::path> inputs()
{
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(test::source_dir() / "tests/lint"))
    if (entry.is_directory()) out.push_back(entry.path());
  out.push_back(test::source_dir() / "examples/ready");
  out.push_back(test::source_dir() / "examples/unready");
  out.push_back(test::corpus_dir());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("per-object rules find the same in windows of 1, 2 and 3 objects as in one window of all")
{
  const std::vector<Rule> rules = every_rule();
  size_t compared = 0;
  for (const fs::path& dir : inputs()) {
    INFO(dir.string());
    ManifestSet set = load_manifests({dir.string()}, {nullptr, false});
    Graph graph(set.objects);
    const std::vector<Summary> whole = summaries(run_checks(graph, rules, SIZE_MAX));
    for (size_t width : {1, 2, 3}) {
      INFO("window ", width);
      CHECK(summaries(run_checks(graph, rules, width)) == whole);
    }
    compared += whole.size();
  }
  CHECK(compared > 1000);  // the inputs do hold findings of every kind of rule
}

TEST_CASE("segments: one per whole-graph rule, one per window for a per-object rule, in catalogue order")
{
  test::TempDir dir;
  std::string text;
  for (int i = 0; i < 5; ++i)
    text += "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d" + std::to_string(i) +
            "\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: nginx\n---\n";
  dir.write("d.yaml", text);
  ManifestSet set = load_manifests({(dir / "d.yaml").string()}, {nullptr, false});
  Graph graph(set.objects);
  std::vector<Rule> rules = every_rule();
  size_t whole = 0, windowed = 0;
  for (const Rule& r : rules) (find_check_family(r.check)->scope == CheckScope::per_object ? windowed : whole)++;
  REQUIRE(windowed > 0);
  const std::vector<std::vector<RawFinding>> segments = run_checks(graph, rules, 2);  // windows of 2, 2 and 1
  CHECK(segments.size() == whole + 3 * windowed);
  // image-pinned (per-object) reports each Deployment's untagged image in the window that holds it.
  size_t at = 0;
  for (const Rule& r : rules) {
    if (r.id == "image-pinned") {
      REQUIRE(find_check_family(r.check)->scope == CheckScope::per_object);
      CHECK(segments[at].size() == 2);
      CHECK(segments[at + 1].size() == 2);
      CHECK(segments[at + 2].size() == 1);
      CHECK(segments[at + 2][0].object == &set.objects[4]);
    }
    at += find_check_family(r.check)->scope == CheckScope::per_object ? 3 : 1;
  }
}

TEST_CASE("a window holds its objects, their pod templates and its share of each kind")
{
  test::TempDir dir;
  dir.write("m.yaml",
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\n"
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\nspec:\n  template:\n    spec:\n"
            "      containers: [{name: c, image: x:1}]\n---\n"
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n---\n"
            "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: d\n");
  ManifestSet set = load_manifests({(dir / "m.yaml").string()}, {nullptr, false});
  Graph graph(set.objects);
  REQUIRE(graph.objects().size() == 4);
  const Window all(graph);
  CHECK(all.objects().size() == 4);
  CHECK(all.of_kind("ConfigMap").size() == 3);
  CHECK(all.pods().size() == 1);
  const Window middle(graph, 1, 3);
  REQUIRE(middle.objects().size() == 2);
  CHECK(middle.objects()[0].name == "b");
  REQUIRE(middle.pods().size() == 1);
  CHECK(middle.pods()[0].owner == &set.objects[1]);
  REQUIRE(middle.of_kind("ConfigMap").size() == 1);
  CHECK(middle.of_kind("ConfigMap")[0]->name == "c");
  CHECK(middle.of_kind("Secret").empty());
  const Window tail(graph, 3, 4);
  CHECK(tail.pods().empty());
  CHECK(tail.of_kind("Deployment").empty());
  CHECK(tail.of_kind("ConfigMap").size() == 1);
  const Window none(graph, 4, 4);
  CHECK(none.objects().empty());
  CHECK(none.of_kind("ConfigMap").empty());
}
