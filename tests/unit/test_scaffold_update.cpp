#include <doctest/doctest.h>

#include <filesystem>

#include "test_support.hpp"

namespace fs = std::filesystem;
using readyctl::test::TempDir;
using readyctl::test::run_cli;
using readyctl::test::slurp;

namespace {

void write_template(const TempDir& dir, int version, const std::string& body, bool extra_file)
{
  dir.write("tpl/app/template.yaml", "name: app\nversion: " + std::to_string(version) +
                                         "\ndescription: d\nvariables:\n  - {name: name, description: N}\n"
                                         "  - {name: port, type: int, description: P, default: 8000}\n");
  dir.write("tpl/app/files/config.txt", body);
  if (extra_file) dir.write("tpl/app/files/NEW.txt", "new in v2 for {{name}}\n");
}

std::vector<std::string> args(const TempDir& dir, std::vector<std::string> head)
{
  head.push_back("--templates");
  head.push_back((dir / "tpl").string());
  return head;
}

}  // namespace

TEST_SUITE("scaffold")
{
  TEST_CASE("update merges a newer template with the user's edits")
  {
    TempDir dir;
    write_template(dir, 1, "name={{name}}\nport={{port}}\nmode=a\nlevel=info\n", false);
    REQUIRE(run_cli(args(dir, {"scaffold", "new", "app", (dir / "p").string(), "--set", "name=x"})).code == 0);
    dir.write("p/config.txt", "name=x\nport=8000\nmode=a\nlevel=debug\n");  // the user's edit
    write_template(dir, 2, "name={{name}}\nport={{port}}\nmode=b\nlevel=info\n", true);  // the template's change

    auto dry = run_cli(args(dir, {"scaffold", "update", (dir / "p").string(), "--dry-run"}));
    REQUIRE_MESSAGE(dry.code == 0, dry.err);
    CHECK(dry.out.find("merged") != std::string::npos);
    CHECK(slurp(dir / "p/config.txt") == "name=x\nport=8000\nmode=a\nlevel=debug\n");
    CHECK_FALSE(fs::exists(dir / "p/NEW.txt"));

    auto r = run_cli(args(dir, {"scaffold", "update", (dir / "p").string()}));
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("v1 -> v2") != std::string::npos);
    CHECK(slurp(dir / "p/config.txt") == "name=x\nport=8000\nmode=b\nlevel=debug\n");
    CHECK(slurp(dir / "p/NEW.txt") == "new in v2 for x\n");
    CHECK(slurp(dir / "p/.readyctl-answers.yaml").find("version: 2\n") != std::string::npos);
    CHECK(slurp(dir / "p/.readyctl/scaffold-base/config.txt.base") == "name=x\nport=8000\nmode=b\nlevel=info\n");
  }

  TEST_CASE("update marks conflicts, keeps both versions and exits 1")
  {
    TempDir dir;
    write_template(dir, 1, "a\nmode=a\nz\n", false);
    REQUIRE(run_cli(args(dir, {"scaffold", "new", "app", (dir / "p").string(), "--set", "name=x"})).code == 0);
    dir.write("p/config.txt", "a\nmode=mine\nz\n");
    write_template(dir, 2, "a\nmode=b\nz\n", false);
    auto r = run_cli(args(dir, {"scaffold", "update", (dir / "p").string()}));
    CHECK(r.code == 1);
    CHECK(r.out.find("conflict") != std::string::npos);
    CHECK(slurp(dir / "p/config.txt") ==
          "a\n<<<<<<< yours\nmode=mine\n||||||| template v1\nmode=a\n=======\nmode=b\n>>>>>>> template v2\nz\n");
  }

  TEST_CASE("update of an unchanged template changes nothing, and a non-project is an error")
  {
    TempDir dir;
    write_template(dir, 1, "a\n", false);
    REQUIRE(run_cli(args(dir, {"scaffold", "new", "app", (dir / "p").string(), "--set", "name=x"})).code == 0);
    dir.write("p/config.txt", "a\nmine\n");
    auto r = run_cli(args(dir, {"scaffold", "update", (dir / "p").string()}));
    CHECK(r.code == 0);
    CHECK(r.out.find("nothing to change") != std::string::npos);
    CHECK(slurp(dir / "p/config.txt") == "a\nmine\n");
    auto bad = run_cli(args(dir, {"scaffold", "update", (dir / "nothing").string()}));
    CHECK(bad.code == 2);
  }
}

TEST_SUITE("scaffold")
{
  TEST_CASE("update of a built-in template project keeps the user's edits")
  {
    TempDir dir;
    REQUIRE(run_cli({"scaffold", "new", "durable-flow-python", (dir / "p").string(), "--non-interactive", "--set",
                     "project_name=acme-flow"})
                .code == 0);
    std::string readme = slurp(dir / "p/README.md") + "\nOur own notes.\n";
    dir.write("p/README.md", readme);
    auto r = run_cli({"scaffold", "update", (dir / "p").string(), "--non-interactive"});
    REQUIRE_MESSAGE(r.code == 0, r.err);
    CHECK(r.out.find("nothing to change") != std::string::npos);
    CHECK(slurp(dir / "p/README.md") == readme);
  }
}
