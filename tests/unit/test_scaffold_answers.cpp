#include <doctest/doctest.h>

#include "readyctl/core/error.hpp"
#include "readyctl/scaffold/answers.hpp"
#include "test_support.hpp"

using namespace readyctl::scaffold;

namespace {

TemplateManifest demo_manifest()
{
  return parse_manifest("t.yaml", R"(name: demo
description: d
variables:
  - {name: project_name, description: Name, validation: "^[a-z]+$"}
  - {name: replicas, type: int, description: R, default: 2, min: 1, max: 5}
  - {name: ci, type: bool, description: C, default: "yes"}
  - {name: ci_provider, type: choice, choices: [github, gitlab], description: P, default: github, when: ci}
)");
}

}  // namespace

TEST_SUITE("scaffold")
{
  TEST_CASE("answers: a missing required answer is an error naming it")
  {
    CHECK_THROWS_WITH_AS(resolve_answers(demo_manifest(), {}),
                         "template 'demo' needs an answer for: project_name (use --set NAME=VALUE or --answers FILE)",
                         readyctl::InputError);
  }

  TEST_CASE("answers: defaults fill the gaps, booleans are canonical, `when` skips variables")
  {
    AnswerSources sources;
    sources.sets = {"project_name=acme"};
    Answers answers = resolve_answers(demo_manifest(), sources);
    CHECK(answers.at("project_name") == "acme");
    CHECK(answers.at("replicas") == "2");
    CHECK(answers.at("ci") == "true");
    CHECK(answers.at("ci_provider") == "github");
    sources.sets.push_back("ci=off");
    answers = resolve_answers(demo_manifest(), sources);
    CHECK(answers.at("ci") == "false");
    CHECK(!answers.contains("ci_provider"));
  }

  TEST_CASE("answers: --set wins over the answers file; bad values name their source")
  {
    readyctl::test::TempDir dir;
    dir.write("a.yaml", "project_name: fromfile\nreplicas: 9\n");
    AnswerSources sources;
    sources.answers_file = dir / "a.yaml";
    std::string file = (dir / "a.yaml").string();
    CHECK_THROWS_WITH_AS(resolve_answers(demo_manifest(), sources),
                         (file + ":2:11: expected 'replicas' between 1 and 5, got 9").c_str(), readyctl::InputError);
    sources.sets = {"replicas=4"};
    Answers answers = resolve_answers(demo_manifest(), sources);
    CHECK(answers.at("project_name") == "fromfile");
    CHECK(answers.at("replicas") == "4");
    sources.sets = {"replicas=four"};
    CHECK_THROWS_WITH_AS(resolve_answers(demo_manifest(), sources),
                         "--set replicas=four: expected an integer for 'replicas', got 'four'", readyctl::InputError);
    sources.sets = {"project_name=Bad Name"};
    CHECK_THROWS_WITH_AS(resolve_answers(demo_manifest(), sources),
                         "--set project_name=Bad Name: expected 'project_name' to match ^[a-z]+$, got 'Bad Name'",
                         readyctl::InputError);
    sources.sets = {"nosuch=1"};
    CHECK_THROWS_AS(resolve_answers(demo_manifest(), sources), readyctl::InputError);
  }

  TEST_CASE("answers: the prompt is asked again after an invalid answer")
  {
    std::vector<std::string> replies{"Not Valid", "good"};
    std::vector<std::string> problems;
    AnswerSources sources;
    sources.sets = {"replicas=3"};
    sources.prompt = [&](const Variable& var, const std::string&, const std::string& problem) -> std::optional<std::string> {
      problems.push_back(problem);
      if (var.name != "project_name") return std::string();  // accept the default
      std::string reply = replies.front();
      replies.erase(replies.begin());
      return reply;
    };
    Answers answers = resolve_answers(demo_manifest(), sources);
    CHECK(answers.at("project_name") == "good");
    CHECK(answers.at("replicas") == "3");
    CHECK(problems.at(1) == "expected 'project_name' to match ^[a-z]+$, got 'Not Valid'");
  }

  TEST_CASE("recorded answers round-trip, quoting values")
  {
    RecordedAnswers recorded{"demo", 4, {{"a", "x: y"}, {"b", "true"}, {"c", "line\"quote"}}};
    // Values a YAML reader would take for something else, YAML syntax, edge spaces, unicode, multi-line text.
    int n = 0;
    for (const char* v : {"yes", "no", "1e3", "0x10", ": ", "#", "- x", " lead", "trail ", "null", "~", "ünïcödé ✓",
                          "", "two\nlines\n", "two\nlines, no final newline"})
      recorded.answers["v" + std::to_string(n++)] = v;
    RecordedAnswers back = parse_recorded_answers("r.yaml", format_recorded_answers(recorded));
    CHECK(back.template_name == "demo");
    CHECK(back.version == 4);
    CHECK(back.answers == recorded.answers);
  }
}
