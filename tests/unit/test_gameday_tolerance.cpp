#include <doctest/doctest.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/json_path.hpp"
#include "readyctl/gameday/template.hpp"
#include "readyctl/gameday/tolerance.hpp"

using namespace readyctl::gameday;

TEST_SUITE("gameday")
{
  TEST_CASE("tolerances: exact, one-of, range, regex, comparisons, JSON path")
  {
    Json out = {{"status", 200}, {"stdout", "keys=42\n"}, {"json", {{"items", {{{"s", "done"}}, {{"s", "done"}}}}}}};
    CHECK(evaluate_tolerance(200, out, "status").holds);
    CHECK_FALSE(evaluate_tolerance(503, out, "status").holds);
    CHECK(evaluate_tolerance("200", out, "status").holds);
    CHECK(evaluate_tolerance(Json::array({201, 200}), out, "status").holds);
    CHECK(evaluate_tolerance(Json{{"range", {200, 299}}}, out, "status").holds);
    CHECK_FALSE(evaluate_tolerance(Json{{"range", {300, 399}}}, out, "status").holds);
    CHECK(evaluate_tolerance(Json{{"regex", "keys=4[0-9]"}, {"target", "stdout"}}, out, "status").holds);
    CHECK(evaluate_tolerance(Json{{"gt", 199}, {"lt", 201}}, out, "status").holds);
    CHECK_FALSE(evaluate_tolerance(Json{{"ne", 200}}, out, "status").holds);
    CHECK(evaluate_tolerance(Json{{"jsonPath", "$.json.items[*].s"}, {"equals", "done"}, {"count", 2}}, out, "status").holds);
    CHECK_FALSE(evaluate_tolerance(Json{{"jsonPath", "$.json.items[*].s"}, {"count", 3}}, out, "status").holds);
    CHECK_FALSE(evaluate_tolerance(Json{{"jsonPath", "$.json.missing"}}, out, "status").holds);
  }

  TEST_CASE("JSON path selects keys, indexes and wildcards")
  {
    Json doc = Json::parse(R"({"a":{"b":[{"c":1},{"c":2}]},"x y":3})");
    CHECK(json_path(doc, "$.a.b[1].c") == std::vector<Json>{2});
    CHECK(json_path(doc, "$.a.b[*].c") == std::vector<Json>{1, 2});
    CHECK(json_path(doc, "$['x y']") == std::vector<Json>{3});
    CHECK(json_path(doc, "$.a.b[-1].c") == std::vector<Json>{2});
    CHECK_THROWS_AS(json_path(doc, "a.b"), readyctl::InputError);
  }

  TEST_CASE("substitution resolves references, keeps $$ and can leave env references for the journal")
  {
    Resolver r = [](std::string_view ref) -> std::optional<std::string> {
      if (ref == "vars.port") return "8080";
      if (ref == "env.TOKEN") return "s3cret";
      return std::nullopt;
    };
    CHECK(substitute("http://h:${vars.port}/ $$x", r) == "http://h:8080/ $x");
    CHECK(substitute("Bearer ${env.TOKEN}", r, {true}) == "Bearer ${env.TOKEN}");
    CHECK(substitute("Bearer ${env.TOKEN}", r) == "Bearer s3cret");
    CHECK_THROWS_AS(substitute("${vars.nope}", r), readyctl::InputError);
    Json out = {{"json", {{"items", {"a", "b"}}}}, {"pid", 12}};
    CHECK(lookup_text(out, "json.items.1") == "b");
    CHECK(lookup_text(out, "pid") == "12");
  }
}
