// `gameday run -o junit=PATH`: a CI test tab gets a case per probe, step and assertion, and one for the verdict.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "../gameday/helpers.hpp"
#include "test_support.hpp"

using readyctl::test::TempDir;
using readyctl::test::gameday::run_drill;

namespace {

// One setup step, a hypothesis probe checked before and after, two method steps, one assertion: 6 cases, plus the
// verdict's. ASSERT_COMMAND decides whether the assertion holds.
std::string junit_scenario(const std::string& assert_command)
{
  return "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: junit-drill}\n"
         "setup:\n  - name: prepare\n    action: {exec: {command: \"true\"}}\n"
         "hypothesis:\n  title: t\n  probes:\n    - name: steady\n      exec: {command: \"true\"}\n"
         "steps:\n  - name: inject\n    action: {exec: {command: \"true\"}}\n"
         "  - name: observe\n    probe: {exec: {command: \"true\"}}\n"
         "assert:\n  - name: ledger-balanced\n    exec: {command: \"" + assert_command + "\"}\n";
}

size_t count_of(const std::string& text, const std::string& part)
{
  size_t n = 0;
  for (size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
  return n;
}

bool junit_has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("a held run: every probe, step and assertion is a passing test case, and so is the verdict")
  {
    TempDir dir;
    dir.write("s.yaml", junit_scenario("true"));
    auto r = run_drill("s.yaml -o junit=out/junit.xml", dir.path(), "j.json");
    INFO(r.out, r.err);
    CHECK(r.code == 0);
    std::string xml = readyctl::test::slurp(dir / "out/junit.xml");
    CHECK(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"readyctl gameday junit-drill\" "
                          "tests=\"7\" failures=\"0\" errors=\"0\" skipped=\"0\""));
    CHECK(count_of(xml, "<testcase ") == 7);
    for (const char* c : {"classname=\"junit-drill.setup\" name=\"prepare\"",
                          "classname=\"junit-drill.hypothesis-before\" name=\"steady\"",
                          "classname=\"junit-drill.method\" name=\"inject\"", "classname=\"junit-drill.method\" name=\"observe\"",
                          "classname=\"junit-drill.hypothesis-after\" name=\"steady\"",
                          "classname=\"junit-drill.assert\" name=\"ledger-balanced\"", "classname=\"junit-drill.run\" name=\"verdict\""})
      CHECK_MESSAGE(junit_has(xml, c), c);
  }

  TEST_CASE("a deviated run: the failing assertion and the verdict are failures, with the reason")
  {
    TempDir dir;
    dir.write("s.yaml", junit_scenario("echo '<unbalanced & short>'; false"));
    auto r = run_drill("s.yaml -o junit=junit.xml", dir.path(), "j.json");
    INFO(r.out, r.err);
    CHECK(r.code == 1);
    std::string xml = readyctl::test::slurp(dir / "junit.xml");
    CHECK(junit_has(xml, "tests=\"7\" failures=\"2\" errors=\"0\""));
    CHECK(count_of(xml, "<failure message=") == 2);
    CHECK(junit_has(xml, "<failure message=\"step &apos;ledger-balanced&apos; did not hold"));
    CHECK_FALSE(junit_has(xml, "<unbalanced"));  // output is escaped, never raw XML
  }

  TEST_CASE("a format gameday run does not write is refused before anything runs")
  {
    TempDir dir;
    dir.write("s.yaml", junit_scenario("true"));
    auto r = readyctl::test::run_binary("gameday run s.yaml -o sarif=x.sarif --journal j.json", dir.path());
    CHECK(r.code == 2);
    CHECK(junit_has(r.err, "-o sarif: expected one of text, json, yaml, junit"));
    CHECK_FALSE(std::filesystem::exists(dir / "j.json"));
  }
}
