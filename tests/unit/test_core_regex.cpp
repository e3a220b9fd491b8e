#include <doctest/doctest.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/regex.hpp"

using namespace readyctl;

TEST_SUITE("core")
{
  TEST_CASE("regexes: counts libstdc++ cannot hold are refused before it compiles them")
  {
    // Accepted: ordinary patterns, back-references, counts up to the limit.
    for (const char* ok : {"^[0-9]+$", "(a)(b)\\2\\1", "x{3}", "x{2,}", "x{0,1000}", "\\d{4}-\\d{2}", "a\\{", "[{}]"})
      CHECK_MESSAGE(!regex_problem(ok), ok);
    CHECK(std::regex_search("aab", compile_regex("a{2}b")));
    // Refused with the reason: what fuzz_gameday_scenario found (a signed overflow inside libstdc++'s compiler),
    // counts in the millions, and plain syntax errors.
    const std::pair<const char*, const char*> refused[] = {
        {"(a)\\66666666666666666666", "back-reference \\666666666666 is beyond 1000"},
        {"(a)\\12345", "back-reference \\12345 is beyond 1000"},
        {"a{1001}", "repeat count {1001} is beyond 1000"},
        {"a{2,99999999999999999999}", "repeat count {2,99999999999999999999} is beyond 1000"},
        {"[{12345}]", "repeat count {12345} is beyond 1000"},
    };
    for (auto [pattern, why] : refused) {
      std::optional<std::string> problem = regex_problem(pattern);
      REQUIRE_MESSAGE(problem, pattern);
      CHECK(*problem == why);
    }
    CHECK(regex_problem("(unclosed"));
    CHECK_THROWS_WITH_AS(compile_regex("a{5000}"), "invalid regex 'a{5000}': repeat count {5000} is beyond 1000", InputError);
    CHECK_THROWS_AS(compile_regex("(unclosed"), InputError);
  }
}
