#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/core/error.hpp"
#include "readyctl/scaffold/project.hpp"
#include "readyctl/scaffold/safe_path.hpp"
#include "test_support.hpp"

using namespace readyctl::scaffold;
namespace fs = std::filesystem;
using readyctl::test::TempDir;
using readyctl::test::run_cli;
using readyctl::test::slurp;

namespace {

// A small template tree: a shared include, a partial, a constant, a templated path and a conditional file.
void write_demo_templates(const TempDir& dir, const std::string& body_line = "hello {{name}}")
{
  dir.write("tpl/demo/template.yaml", R"(name: demo
version: 1
description: Demo template
include: [_common]
constants: {pkg: core}
variables:
  - {name: name, description: Name, validation: "^[a-z./-]+$"}
  - {name: ci, type: bool, description: CI, default: "false"}
files:
  - {path: ci.txt, when: ci}
)");
  dir.write("tpl/demo/files/{{pkg}}/{{name}}.txt", body_line + "\n{{> footer}}\n");
  dir.write("tpl/demo/files/ci.txt", "ci for {{name}}\n");
  dir.write("tpl/_common/files/shared.txt", "shared {{pkg}} {{template_name}} v{{template_version}}\n");
  dir.write("tpl/_common/partials/footer.mustache", "-- {{name}} --");
}

// `readyctl scaffold new NAME DIR/out --templates DIR/tpl` through the real binary must fail with exit 2 and
// `message`, writing nothing.
void check_refused(const TempDir& dir, const std::string& name, const std::string& message)
{
  auto r = readyctl::test::run_binary("scaffold new " + name + " '" + (dir / "out").string() + "' --templates '" +
                                      (dir / "tpl").string() + "' --non-interactive");
  CHECK(r.code == 2);
  CHECK(r.err.find(message) != std::string::npos);
  CHECK_FALSE(fs::exists(dir / "out"));
}

}  // namespace

TEST_SUITE("scaffold")
{
  TEST_CASE("new renders includes, partials, constants, templated paths and conditional files")
  {
    TempDir dir;
    write_demo_templates(dir);
    auto r = run_cli({"scaffold", "new", "demo", (dir / "out").string(), "--templates", (dir / "tpl").string(),
                      "--set", "name=abc", "--non-interactive"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(slurp(dir / "out/core/abc.txt") == "hello abc\n-- abc --\n");
    CHECK(slurp(dir / "out/shared.txt") == "shared core demo v1\n");
    CHECK_FALSE(fs::exists(dir / "out/ci.txt"));
    CHECK(slurp(dir / "out/.readyctl/scaffold-base/core/abc.txt.base") == "hello abc\n-- abc --\n");
    RecordedAnswers recorded =
        parse_recorded_answers("a", slurp(dir / "out/.readyctl-answers.yaml"));
    CHECK(recorded.template_name == "demo");
    CHECK(recorded.version == 1);
    CHECK(recorded.answers == Answers{{"ci", "false"}, {"name", "abc"}});
  }

  TEST_CASE("new with ci=true adds the conditional file")
  {
    TempDir dir;
    write_demo_templates(dir);
    auto r = run_cli({"scaffold", "new", "demo", (dir / "out").string(), "--templates", (dir / "tpl").string(),
                      "--set", "name=abc", "--set", "ci=true"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(slurp(dir / "out/ci.txt") == "ci for abc\n");
  }

  TEST_CASE("dry run shows the tree and contents and writes nothing")
  {
    TempDir dir;
    write_demo_templates(dir);
    auto r = run_cli({"scaffold", "new", "demo", (dir / "out").string(), "--templates", (dir / "tpl").string(),
                      "--set", "name=abc", "--dry-run"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("  core/abc.txt\n") != std::string::npos);
    CHECK(r.out.find("==> core/abc.txt <==\nhello abc\n") != std::string::npos);
    CHECK(r.out.find("==> .readyctl-answers.yaml <==") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "out"));
  }

  TEST_CASE("a second new refuses without --force and overwrites with it")
  {
    TempDir dir;
    write_demo_templates(dir);
    std::vector<std::string> args{"scaffold", "new", "demo", (dir / "out").string(), "--templates",
                                  (dir / "tpl").string(), "--set", "name=abc"};
    REQUIRE(run_cli(args).code == 0);
    dir.write("out/core/abc.txt", "edited\n");
    auto again = run_cli(args);
    CHECK(again.code == 2);
    CHECK(again.err.find("already exist") != std::string::npos);
    CHECK(again.err.find("--force") != std::string::npos);
    CHECK(slurp(dir / "out/core/abc.txt") == "edited\n");
    args.push_back("--force");
    CHECK(run_cli(args).code == 0);
    CHECK(slurp(dir / "out/core/abc.txt") == "hello abc\n-- abc --\n");
  }

  TEST_CASE("a generated path may not escape the target directory")
  {
    TempDir dir;
    write_demo_templates(dir);
    auto r = run_cli({"scaffold", "new", "demo", (dir / "out").string(), "--templates", (dir / "tpl").string(),
                      "--set", "name=../../evil"});
    CHECK(r.code == 2);
    CHECK(r.err.find("escapes the target directory") != std::string::npos);
    CHECK_FALSE(fs::exists(dir / "evil.txt"));
    CHECK_FALSE(fs::exists(dir / "out"));
    CHECK_THROWS_AS(check_relative_path("/etc/passwd", "t"), readyctl::InputError);
    CHECK_NOTHROW(check_relative_path("a/b.txt", "t"));
  }

  TEST_CASE("hostile templates are refused with exit 2 and write nothing: '../' in their own paths, self-including partials")
  {
    struct Row {
      std::string name;
      std::vector<std::pair<std::string, std::string>> files;  // below tpl/<name>/, besides template.yaml
      std::string message;
    };
    // Each level once cost the mustache parser memory for all levels below: 50,000 took tens of GB.
    std::string deep_sections;
    for (int i = 0; i < 50'000; ++i) deep_sections += "<%#a%>";
    const Row rows[] = {
        {"climb", {{"files/ok.txt", "fine\n"}, {"files/{{up}}/evil.txt", "owned\n"}},
         "generated path '../../evil.txt' escapes the target directory"},
        {"loop", {{"files/a.txt", "{{> again}}\n"}, {"partials/again.mustache", "x{{> again}}"}},
         "partials expand more than 200 times (does 'again' include itself?)"},
        {"deep", {{"files/a.txt", "{{=<% %>=}}" + deep_sections}}, "deep/files/a.txt: sections nested deeper than 64 levels"},
    };
    for (const Row& row : rows) {
      CAPTURE(row.name);
      TempDir dir;
      dir.write("tpl/" + row.name + "/template.yaml",
                "name: " + row.name + "\nversion: 1\ndescription: Hostile\nconstants: {up: ../..}\n");
      for (const auto& [path, text] : row.files) dir.write("tpl/" + row.name + "/" + path, text);
      check_refused(dir, row.name, row.message);
      CHECK_FALSE(fs::exists(dir / "evil.txt"));
    }
  }

  TEST_CASE("a symlink inside the target cannot lead writes outside it")
  {
    TempDir dir;
    fs::create_directories(dir / "out");
    fs::create_directories(dir / "elsewhere");
    fs::create_directory_symlink(dir / "elsewhere", dir / "out/link");
    CHECK_THROWS_AS(safe_join(dir / "out", "link/x.txt"), readyctl::InputError);
    CHECK_NOTHROW(safe_join(dir / "out", "real/x.txt"));
  }

  TEST_CASE("missing answers under --non-interactive name the variable; unknown templates list the known ones")
  {
    TempDir dir;
    write_demo_templates(dir);
    auto r = run_cli({"scaffold", "new", "demo", (dir / "out").string(), "--templates", (dir / "tpl").string(),
                      "--non-interactive"});
    CHECK(r.code == 2);
    CHECK(r.err.find("needs an answer for: name") != std::string::npos);
    auto unknown = run_cli({"scaffold", "new", "nope", (dir / "out").string(), "--templates", (dir / "tpl").string()});
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("unknown template 'nope' (available: demo)") != std::string::npos);
  }

  TEST_CASE("list and describe show the built-in templates")
  {
    auto list = run_cli({"scaffold", "list"});
    REQUIRE(list.code == 0);
    CHECK(list.out.find("durable-flow-python") != std::string::npos);
    CHECK(list.out.find("durable-agent-python") != std::string::npos);
    auto describe = run_cli({"scaffold", "describe", "durable-agent-python"});
    REQUIRE(describe.code == 0);
    CHECK(describe.out.find("approval_timeout_seconds") != std::string::npos);
    CHECK(describe.out.find("(when require_approval)") != std::string::npos);
    CHECK(describe.out.find("project_name") != std::string::npos);
  }
}
