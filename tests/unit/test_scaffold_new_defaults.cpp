// `scaffold new TEMPLATE DIR`: the project name defaults to DIR's base name (as `cargo new`), and without a
// terminal on stdin nothing is asked.
#include <doctest/doctest.h>

#include "readyctl/scaffold/answers.hpp"
#include "test_support.hpp"

using namespace readyctl;
using test::run_binary;

namespace {

std::string recorded_project_name(const std::filesystem::path& project)
{
  return scaffold::parse_recorded_answers("a", test::slurp(project / ".readyctl-answers.yaml")).answers.at("project_name");
}

}  // namespace

TEST_SUITE("scaffold")
{
  TEST_CASE("scaffold new: project_name defaults to DIR's base name, --non-interactive or stdin not a terminal")
  {
    test::TempDir dir;
    test::CliResult flag = run_binary("scaffold new durable-flow-python my-flow --non-interactive", dir.path());
    INFO(flag.err);
    REQUIRE(flag.code == 0);
    CHECK(recorded_project_name(dir / "my-flow") == "my-flow");
    // stdin is a file here, not a terminal: the same without the flag; a nested DIR names the project by its last part.
    test::CliResult piped = run_binary("scaffold new durable-flow-python nested/other-flow/", dir.path(), "\n");
    INFO(piped.err);
    REQUIRE(piped.code == 0);
    CHECK(recorded_project_name(dir / "nested/other-flow") == "other-flow");
  }

  TEST_CASE("scaffold new: --set project_name wins over DIR; a base name the template refuses is not used")
  {
    test::TempDir dir;
    REQUIRE(run_binary("scaffold new durable-flow-python my-flow --set project_name=acme-flow", dir.path()).code == 0);
    CHECK(recorded_project_name(dir / "my-flow") == "acme-flow");
    // The template wants lowercase, digits and dashes: "My_Flow" is no default, so the answer is still missing.
    test::CliResult r = run_binary("scaffold new durable-flow-python My_Flow", dir.path());
    CHECK(r.code == 2);
    CHECK(r.err.find("needs an answer for: project_name") != std::string::npos);
    CHECK(r.err.find("the base name of DIR 'My_Flow' is not a valid answer") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(dir / "My_Flow"));
  }
}
