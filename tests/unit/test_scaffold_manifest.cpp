#include <doctest/doctest.h>

#include "readyctl/core/error.hpp"
#include "readyctl/scaffold/condition.hpp"
#include "readyctl/scaffold/template_manifest.hpp"

using namespace readyctl::scaffold;

TEST_SUITE("scaffold")
{
  TEST_CASE("a manifest lists typed variables, constants and conditional files")
  {
    TemplateManifest m = parse_manifest("t.yaml", R"(name: demo
version: 3
description: A demo
include: [_shared]
constants: {package: flow}
variables:
  - name: project_name
    description: Name
    validation: "^[a-z]+$"
  - name: replicas
    type: int
    description: Replicas
    default: 2
    min: 1
    max: 5
  - name: store
    type: choice
    choices: [redis, postgresql]
    default: redis
    description: Store
    when: replicas != 1
files:
  - path: ci/**
    when: "!replicas"
)");
    CHECK(m.name == "demo");
    CHECK(m.version == 3);
    CHECK(m.includes == std::vector<std::string>{"_shared"});
    CHECK(m.constants.at("package") == "flow");
    REQUIRE(m.variables.size() == 3);
    CHECK(!m.variables[0].default_value);
    CHECK(m.variables[1].type == VariableType::integer);
    CHECK(*m.variables[1].max == 5);
    CHECK(m.variables[2].choices.size() == 2);
    CHECK(m.variables[2].location.line == 16);
    REQUIRE(m.files.size() == 1);
    CHECK(m.files[0].when == "!replicas");
  }

  TEST_CASE("manifest errors name file, line and column")
  {
    CHECK_THROWS_WITH_AS(parse_manifest("t.yaml", "name: x\ndescription: d\nvariables:\n  - name: a\n"),
                         "t.yaml:4:5: expected a 'description' field", readyctl::InputError);
    CHECK_THROWS_WITH_AS(
        parse_manifest("t.yaml", "name: x\ndescription: d\nvariables:\n  - {name: a, description: b, type: float}\n"),
        "t.yaml:4:37: expected type string, int, bool or choice, got 'float'", readyctl::InputError);
    CHECK_THROWS_WITH_AS(
        parse_manifest("t.yaml", "name: x\ndescription: d\nvariables:\n  - {name: a, description: b, type: choice}\n"),
        "t.yaml:4:5: expected 'choices' for the choice variable 'a'", readyctl::InputError);
    CHECK_THROWS_AS(parse_manifest("t.yaml", "name: x\ndescription: d\nfiles:\n  - {path: a, when: 'x y'}\n"),
                    readyctl::InputError);
  }

  TEST_CASE("conditions: truthiness, equality, negation, conjunction")
  {
    Answers answers{{"ci", "true"}, {"off", "false"}, {"store", "redis"}, {"name", "x"}};
    CHECK(holds("ci", answers));
    CHECK_FALSE(holds("off", answers));
    CHECK(holds("!off", answers));
    CHECK_FALSE(holds("missing", answers));
    CHECK(holds("store == redis", answers));
    CHECK(holds("store == 'redis'", answers));
    CHECK_FALSE(holds("store != redis", answers));
    CHECK(holds("store != postgresql && ci", answers));
    CHECK_FALSE(holds("ci && off", answers));
    CHECK(holds("", answers));
    CHECK_THROWS_AS(parse_condition("a == b && "), readyctl::InputError);
  }
}

TEST_SUITE("scaffold")
{
  TEST_CASE("a variable declared twice is an error naming the second declaration")
  {
    CHECK_THROWS_WITH_AS(parse_manifest("t.yaml", "name: x\ndescription: d\nvariables:\n  - {name: a, description: b}\n"
                                                  "  - {name: a, description: c}\n"),
                         "t.yaml:5:5: variable 'a' is declared twice", readyctl::InputError);
  }
}
