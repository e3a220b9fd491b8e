#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <nlohmann/json.hpp>

#include "readyctl/report/formatters.hpp"
#include "test_support.hpp"

using namespace readyctl;
namespace fs = std::filesystem;

namespace {

// The lines the hand-built findings point at, for the text format's carets.
const std::map<std::pair<std::string, int>, std::string> k_source = {
    {{"deploy/app.yaml", 7}, "        image: nginx:latest"},
    {{"deploy/app.yaml", 18}, "apiVersion: policy/v1beta1"},
    {{"deploy/app.yaml", 24}, "    app: web|v2"},
    {{"deploy/hpa.yaml", 1}, "apiVersion: autoscaling/v2beta2"},
};

ObjectRef object(std::string api_version, std::string kind, std::string ns, std::string name)
{
  return {std::move(api_version), std::move(kind), std::move(ns), std::move(name)};
}

// Four findings (one per severity and a line-0 one, one cross-resource) and one suppressed, with messages holding
// what each format must escape: & < > " ' % : , | ` newlines and a control character.
LintReport sample_report()
{
  LintReport r;
  r.files = {"deploy/app.yaml", "deploy/empty.yaml", "deploy/hpa.yaml"};
  r.rules = {
      // Folded YAML scalars end in a newline.
      {"deprecated-api", Severity::warning, "hygiene", "apiVersions that have moved", "Removed APIs fail to apply.\n",
       "Use the replacement apiVersion.\n"},
      {"image-pinned", Severity::warning, "supply-chain", "Images are pinned", "A mutable tag changes under you.",
       "Pin by digest."},
      {"parse-error", Severity::error, "hygiene", "Files parse", "An unreadable file checks nothing.", "Fix the YAML."},
      {"pdb-selects-pods", Severity::note, "guardrails", "PDBs select pods", "A PDB that selects nothing protects nothing.",
       "Match the Deployment's pod labels."},
  };
  Finding image{"image-pinned", Severity::warning, "image \"nginx:latest\" uses a mutable tag & <no digest>: 100% 'latest'",
                {"deploy/app.yaml", 7, 16}, object("apps/v1", "Deployment", "shop", "web"), "Pin by digest.", {}, ""};
  Finding pdb{"pdb-selects-pods", Severity::note, "PodDisruptionBudget web selects no pods (selector app=web|v2)",
              {"deploy/app.yaml", 24, 10}, object("policy/v1", "PodDisruptionBudget", "shop", "web"),
              "Match the Deployment's pod labels.",
              {{{"deploy/app.yaml", 3, 5}, "Deployment web labels its pods app=web"}}, ""};
  Finding empty{"parse-error", Severity::error, "no Kubernetes objects\x07 found,\nexpected a document with `kind`",
                {"deploy/empty.yaml", 0, 0}, std::nullopt, "Fix the YAML.", {}, ""};
  Finding hpa{"deprecated-api", Severity::warning, "autoscaling/v2beta2 was removed in 1.26; use `autoscaling/v2`",
              {"deploy/hpa.yaml", 1, 13}, object("autoscaling/v2beta2", "HorizontalPodAutoscaler", "", "h"),
              "Use the replacement apiVersion.\n", {}, ""};
  r.findings = {image, pdb, empty, hpa};
  Finding old_pdb{"deprecated-api", Severity::warning, "policy/v1beta1 was removed in 1.25; use policy/v1",
                  {"deploy/app.yaml", 18, 13}, object("policy/v1beta1", "PodDisruptionBudget", "shop", "old"),
                  "Use the replacement apiVersion.", {}, "cluster pinned to 1.24 <until Q3> & \"agreed\""};
  r.suppressed = {old_pdb};
  r.summary.files = 3;
  r.summary.objects = 5;
  count_findings(r);
  r.source_line = [](const std::string& file, int line) {
    auto it = k_source.find({file, line});
    return it == k_source.end() ? std::string() : it->second;
  };
  return r;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to)
{
  for (size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

// Compares with tests/golden/NAME; READYCTL_UPDATE_GOLDEN=1 rewrites the golden instead (read it before committing).
// The version is masked so a release does not touch every golden.
void check_golden(const std::string& name, const std::string& actual)
{
  std::string masked = replace_all(actual, std::string("\"") + READYCTL_VERSION + "\"", "\"@VERSION@\"");
  fs::path path = test::source_dir() / "tests" / "golden" / name;
  const char* update = std::getenv("READYCTL_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << masked;
    return;
  }
  REQUIRE_MESSAGE(fs::exists(path), "missing golden " << path << "; run with READYCTL_UPDATE_GOLDEN=1");
  CHECK_MESSAGE(masked == test::slurp(path), "output differs from golden " << path);
}

std::string render(std::string_view format, const LintReport& report, RenderOptions options = {})
{
  return find_lint_format(format).render(report, options);
}

const nlohmann::json* result_for(const nlohmann::json& results, const std::string& rule, const std::string& uri)
{
  for (const auto& r : results)
    if (r["ruleId"] == rule && r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == uri &&
        !r.contains("suppressions"))
      return &r;
  return nullptr;
}

}  // namespace

TEST_SUITE("report")
{
  TEST_CASE("every format matches its golden")
  {
    LintReport report = sample_report();
    check_golden("lint.text", render("text", report));
    check_golden("lint.text-color", render("text", report, {.color = true}));
    check_golden("lint.json", render("json", report));
    check_golden("lint.sarif", render("sarif", report));
    check_golden("lint.junit", render("junit", report));
    check_golden("lint.github", render("github", report));
    check_golden("lint.markdown", render("markdown", report));
  }

  TEST_CASE("text has ANSI codes only when color is asked for, and never from the user's files")
  {
    LintReport report = sample_report();
    report.findings[0].message += "\x1b]0;owned\x07";
    CHECK(render("text", report).find('\x1b') == std::string::npos);
    CHECK(render("text", report).find('\x07') == std::string::npos);
    std::string colored = render("text", report, {.color = true});
    CHECK(colored.find("\x1b[1;31merror\x1b[0m") != std::string::npos);
    CHECK(colored.find("\x1b[1;33mwarning\x1b[0m") != std::string::npos);
  }

  TEST_CASE("sarif: version, rules, regions, related locations and suppressions")
  {
    LintReport report = sample_report();
    auto log = nlohmann::json::parse(render("sarif", report));
    CHECK(log["version"] == "2.1.0");
    CHECK(log["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    REQUIRE(log["runs"].size() == 1);
    const auto& run = log["runs"][0];
    CHECK(run["tool"]["driver"]["name"] == "readyctl");
    CHECK(run["tool"]["driver"]["version"] == READYCTL_VERSION);
    const auto& rules = run["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 4);
    CHECK(rules[0]["id"] == "deprecated-api");
    CHECK(rules[0]["name"] == "DeprecatedApi");
    CHECK(rules[0]["shortDescription"]["text"] == "apiVersions that have moved");
    CHECK(rules[0]["fullDescription"]["text"] == "Removed APIs fail to apply.");
    CHECK(rules[0]["defaultConfiguration"]["level"] == "warning");
    CHECK(rules[0]["properties"]["category"] == "hygiene");
    std::string help = rules[0]["help"]["markdown"];
    CHECK(help.find("Removed APIs fail to apply.") != std::string::npos);
    CHECK(help.find("Use the replacement apiVersion.") != std::string::npos);
    CHECK(help.find("readyctl lint explain deprecated-api") != std::string::npos);
    CHECK(run["artifacts"].size() == 3);

    const auto& results = run["results"];
    REQUIRE(results.size() == 5);  // four findings and one suppressed
    for (const auto& r : results) {
      int index = r["ruleIndex"];
      REQUIRE(index >= 0);
      REQUIRE(index < static_cast<int>(rules.size()));
      CHECK(rules[static_cast<size_t>(index)]["id"] == r["ruleId"]);
      CHECK(r["locations"][0]["physicalLocation"]["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
      CHECK(r["partialFingerprints"].size() == 1);
    }

    const auto* image = result_for(results, "image-pinned", "deploy/app.yaml");
    REQUIRE(image);
    CHECK((*image)["level"] == "warning");
    CHECK((*image)["locations"][0]["physicalLocation"]["region"]["startLine"] == 7);
    CHECK((*image)["locations"][0]["physicalLocation"]["region"]["startColumn"] == 16);
    CHECK((*image)["message"]["text"] == "image \"nginx:latest\" uses a mutable tag & <no digest>: 100% 'latest'");

    const auto* pdb = result_for(results, "pdb-selects-pods", "deploy/app.yaml");
    REQUIRE(pdb);
    CHECK((*pdb)["level"] == "note");
    REQUIRE((*pdb)["relatedLocations"].size() == 1);
    const auto& related = (*pdb)["relatedLocations"][0];
    CHECK(related["id"] == 1);
    CHECK(related["message"]["text"] == "Deployment web labels its pods app=web");
    CHECK(related["physicalLocation"]["region"]["startLine"] == 3);
    CHECK(related["physicalLocation"]["region"]["startColumn"] == 5);

    const auto* empty = result_for(results, "parse-error", "deploy/empty.yaml");
    REQUIRE(empty);
    CHECK((*empty)["level"] == "error");
    // A whole-file finding (line 0) points at line 1, without a column.
    CHECK((*empty)["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
    CHECK_FALSE((*empty)["locations"][0]["physicalLocation"]["region"].contains("startColumn"));

    const auto& suppressed = results[4];
    CHECK(suppressed["ruleId"] == "deprecated-api");
    CHECK(suppressed["locations"][0]["physicalLocation"]["region"]["startLine"] == 18);
    REQUIRE(suppressed["suppressions"].size() == 1);
    CHECK(suppressed["suppressions"][0]["kind"] == "inSource");
    CHECK(suppressed["suppressions"][0]["justification"] == "cluster pinned to 1.24 <until Q3> & \"agreed\"");
  }

  TEST_CASE("sarif fingerprints ignore the line and follow rule, file, object and message")
  {
    auto fingerprints = [](const LintReport& report) {
      auto log = nlohmann::json::parse(render("sarif", report));
      std::vector<nlohmann::json> out;
      for (const auto& r : log["runs"][0]["results"]) out.push_back(r["partialFingerprints"]);
      return out;
    };
    LintReport base = sample_report();
    std::vector<nlohmann::json> before = fingerprints(base);
    CHECK(before[0] != before[1]);

    LintReport moved = sample_report();
    for (Finding& f : moved.findings) f.location.line += 5;  // lines added above every finding
    CHECK(fingerprints(moved) == before);

    LintReport renamed = sample_report();
    renamed.findings[0].object->name = "web-2";
    CHECK(fingerprints(renamed)[0] != before[0]);
    CHECK(fingerprints(renamed)[1] == before[1]);

    LintReport other_file = sample_report();
    other_file.findings[0].location.file = "deploy/other.yaml";
    CHECK(fingerprints(other_file)[0] != before[0]);
  }

  TEST_CASE("sarif uris are relative with forward slashes, and unknown rules still get a descriptor")
  {
    LintReport report;
    report.findings = {{"custom-rule", Severity::error, "m", {".\\deploy dir\\a.yaml", 2, 1}, std::nullopt, "", {}, ""}};
    count_findings(report);
    auto log = nlohmann::json::parse(render("sarif", report));
    const auto& run = log["runs"][0];
    CHECK(run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "deploy%20dir/a.yaml");
    REQUIRE(run["tool"]["driver"]["rules"].size() == 1);
    CHECK(run["tool"]["driver"]["rules"][0]["id"] == "custom-rule");
    CHECK(run["results"][0]["ruleIndex"] == 0);
  }

  TEST_CASE("sarif rule names are PascalCase, and left out where they would only repeat a one-word id")
  {
    // SARIF 3.49.7 / Multitool SARIF1001: a name equal to the id (ignoring case) must be omitted.
    LintReport report;
    report.rules = {{"probes", Severity::warning, "guardrails", "Probes", "", ""},
                    {"image-pinned", Severity::warning, "supply-chain", "Images are pinned", "", ""},
                    {"Seccomp", Severity::warning, "isolation", "Seccomp", "", ""}};
    auto rules = nlohmann::json::parse(render("sarif", report))["runs"][0]["tool"]["driver"]["rules"];
    REQUIRE(rules.size() == 3);
    CHECK_FALSE(rules[0].contains("name"));
    CHECK(rules[1]["name"] == "ImagePinned");
    CHECK_FALSE(rules[2].contains("name"));
  }

  TEST_CASE("sarif names files under the working directory relative to %SRCROOT%, others by file: URI")
  {
    LintReport report;
    report.findings = {{"r", Severity::error, "m", {(fs::current_path() / "sub dir" / "a.yaml").string(), 2, 1}, std::nullopt, "", {}, ""},
                       {"r", Severity::error, "m", {"/readyctl-outside/b.yaml", 2, 1}, std::nullopt, "", {}, ""}};
    count_findings(report);
    auto log = nlohmann::json::parse(render("sarif", report));
    const auto& inside = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(inside["uri"] == "sub%20dir/a.yaml");
    CHECK(inside["uriBaseId"] == "%SRCROOT%");
    const auto& outside = log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(outside["uri"] == "file:///readyctl-outside/b.yaml");
    CHECK_FALSE(outside.contains("uriBaseId"));
  }

  TEST_CASE("junit is well-formed XML with a failure per finding and passing cases for clean files")
  {
    test::TempDir dir;
    dir.write("lint.xml", render("junit", sample_report()));
    // Counts through a real XML parser: 3 files x 4 rules = 12 cases; 4 failing; the suppressed-only case skipped.
    dir.write("check.py", "import sys, xml.dom.minidom as m\n"
                          "d = m.parse(sys.argv[1])\n"
                          "cases = d.getElementsByTagName('testcase')\n"
                          "fails = d.getElementsByTagName('failure')\n"
                          "print(len(d.getElementsByTagName('testsuite')), len(cases), len(fails),\n"
                          "      len(d.getElementsByTagName('skipped')))\n"
                          "print(fails[0].getAttribute('type'), fails[0].getAttribute('message'))\n"
                          "print(d.documentElement.getAttribute('tests'), d.documentElement.getAttribute('failures'))\n");
    std::string cmd = "python3 '" + (dir / "check.py").string() + "' '" + (dir / "lint.xml").string() + "' >'" +
                      (dir / "out").string() + "' 2>&1";
    REQUIRE(std::system(cmd.c_str()) == 0);
    CHECK(test::slurp(dir / "out") ==
          "4 12 4 1\n"
          "warning autoscaling/v2beta2 was removed in 1.26; use `autoscaling/v2`\n"
          "12 4\n");
  }

  TEST_CASE("junit escapes markup and drops control characters")
  {
    std::string xml = render("junit", sample_report());
    CHECK(xml.find("uses a mutable tag &amp; &lt;no digest&gt;: 100% &apos;latest&apos;") != std::string::npos);
    CHECK(xml.find("message=\"image &quot;nginx:latest&quot;") != std::string::npos);
    CHECK(xml.find('\x07') == std::string::npos);
    CHECK(xml.find("found,&#10;expected") != std::string::npos);  // a newline inside an attribute
    CHECK(xml.find("<skipped message=\"suppressed: cluster pinned to 1.24 &lt;until Q3&gt; &amp; &quot;agreed&quot;\"/>") !=
          std::string::npos);
  }

  TEST_CASE("junit of a clean run still lists what was checked")
  {
    LintReport report;
    report.files = {"a.yaml"};
    report.rules = {{"deprecated-api", Severity::warning, "hygiene", "s", "r", "f"}};
    CHECK(render("junit", report) ==
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<testsuites name=\"readyctl lint\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
          "  <testsuite name=\"deprecated-api\" tests=\"1\" failures=\"0\" errors=\"0\" skipped=\"0\" time=\"0\">\n"
          "    <testcase classname=\"deprecated-api\" name=\"a.yaml\" time=\"0\"/>\n"
          "  </testsuite>\n"
          "</testsuites>\n");
  }

  TEST_CASE("github annotations escape data and properties")
  {
    LintReport report;
    report.findings = {
        {"r", Severity::error, "50% done\r\nnext: a,b", {"odd,dir/a:b.yaml", 3, 7}, std::nullopt, "", {}, ""},
        {"r", Severity::note, "whole file", {"c.yaml", 0, 0}, std::nullopt, "", {}, ""},
        {"r", Severity::warning, "no column", {"d.yaml", 4, 0}, std::nullopt, "", {}, ""},
    };
    report.summary.files = 3;
    count_findings(report);
    CHECK(render("github", report) ==
          "::notice title=readyctl lint::3 findings (1 error, 1 warning, 1 note) in 3 files; 0 suppressed\n"
          "::error file=odd%2Cdir/a%3Ab.yaml,line=3,col=7,title=r::50%25 done%0D%0Anext: a,b\n"
          "::notice file=c.yaml,title=r::whole file\n"
          "::warning file=d.yaml,line=4,title=r::no column\n");
  }

  TEST_CASE("markdown caps the table and says how many more there are")
  {
    LintReport report;
    for (int i = 1; i <= 60; ++i)
      report.findings.push_back({"r", Severity::warning, "m", {"a.yaml", i, 1}, std::nullopt, "", {}, ""});
    report.findings.push_back({"r", Severity::error, "worst", {"z.yaml", 1, 1}, std::nullopt, "", {}, ""});
    count_findings(report);
    std::string md = render("markdown", report);
    size_t rows = 0;
    for (size_t at = md.find("\n| 🟡"); at != std::string::npos; at = md.find("\n| 🟡", at + 1)) ++rows;
    CHECK(rows == 49);  // 50 rows, the error first
    CHECK(md.find("| 🔴 error | z.yaml:1 | `r` | worst |") < md.find("| 🟡 warning | a.yaml:1 |"));
    CHECK(md.find("…and 11 more") != std::string::npos);
    CHECK(md.find("a.yaml:49 |") != std::string::npos);
    CHECK(md.find("a.yaml:50 |") == std::string::npos);
  }

  TEST_CASE("markdown escapes pipes, backticks and HTML in cells")
  {
    std::string md = render("markdown", sample_report());
    CHECK(md.find("(selector app=web\\|v2)") != std::string::npos);
    CHECK(md.find("use \\`autoscaling/v2\\`") != std::string::npos);
    CHECK(md.find("tag &amp; &lt;no digest&gt;") != std::string::npos);
    CHECK(md.find("found,<br>expected") != std::string::npos);
    CHECK(md.find("<details>") != std::string::npos);
  }

  TEST_CASE("json streamed in pieces is byte for byte the rendered report, however long")
  {
    // 3,000 findings of ~300 bytes pass the writer's 256 KiB drain mark several times, mid-array.
    LintReport report = sample_report();
    const std::vector<Finding> four = report.findings;
    for (int i = 0; i < 750; ++i)
      for (Finding f : four) {
        f.message += " #" + std::to_string(i);
        report.findings.push_back(std::move(f));
      }
    std::ostringstream streamed;
    write_lint_json(report, {}, streamed);
    const std::string rendered = render_lint_json(report, {});
    CHECK(rendered.size() > 3 * 256 * 1024);
    CHECK(streamed.str() == rendered);
    CHECK(nlohmann::json::parse(streamed.str())["findings"].size() == 3004);
  }

  TEST_CASE("json to stdout and to a file are the same bytes, in one run")
  {
    test::TempDir dir;
    dir.write("deploy/hpa.yaml", "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n");
    test::CliResult r = test::run_binary("lint deploy --fail-on never -o json -o json=out.json -o json", dir.path());
    CHECK(r.code == 0);
    const std::string file = test::slurp(dir / "out.json");
    CHECK(nlohmann::json::parse(file)["findings"].size() > 0);
    CHECK(r.out == file + file);  // both stdout copies, streamed, each equal to the file
  }

  TEST_CASE("the real binary writes every format in one run")
  {
    test::TempDir dir;
    dir.write("deploy/hpa.yaml", "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: h\n");
    dir.write("deploy/cm.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n");
    test::CliResult r = test::run_binary("lint deploy --only deprecated-api --fail-on warning -o text -o sarif=out.sarif "
                                         "-o junit=out.xml -o github=out.github -o markdown=out.md",
                                         dir.path());
    CHECK(r.code == 1);  // one warning, and --fail-on warning
    CHECK(r.out.find("deploy/hpa.yaml:1:13: warning:") != std::string::npos);
    for (const char* name : {"out.sarif", "out.xml", "out.github", "out.md"}) CHECK_MESSAGE(fs::exists(dir / name), name);

    auto log = nlohmann::json::parse(test::slurp(dir / "out.sarif"));
    REQUIRE(log["runs"][0]["results"].size() == 1);
    const auto& loc = log["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    CHECK(loc["artifactLocation"]["uri"] == "deploy/hpa.yaml");
    CHECK(loc["region"]["startLine"] == 1);
    CHECK(loc["region"]["startColumn"] == 13);
    CHECK(test::slurp(dir / "out.github").find("::warning file=deploy/hpa.yaml,line=1,col=13,title=deprecated-api::") !=
          std::string::npos);
    CHECK(test::slurp(dir / "out.xml").find("<testcase classname=\"deprecated-api\" name=\"deploy/cm.yaml\" time=\"0\"/>") !=
          std::string::npos);
    CHECK(test::slurp(dir / "out.md").find("| 🟡 warning | deploy/hpa.yaml:1 | `deprecated-api` |") != std::string::npos);

    // An absolute path to the same files names them the same way, relative to the working directory.
    test::CliResult abs = test::run_binary("lint '" + (dir / "deploy").string() + "' --only deprecated-api -o sarif", dir.path());
    CHECK(abs.code == 0);  // a warning, below the default --fail-on error
    auto abs_log = nlohmann::json::parse(abs.out);
    REQUIRE(abs_log["runs"][0]["results"].size() == 1);
    CHECK(abs_log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "deploy/hpa.yaml");
    CHECK(abs_log["runs"][0]["results"][0]["partialFingerprints"] == log["runs"][0]["results"][0]["partialFingerprints"]);
  }
}
