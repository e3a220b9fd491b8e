#include <doctest/doctest.h>

#include "readyctl/core/text.hpp"

using namespace readyctl;

TEST_SUITE("core")
{
  TEST_CASE("glob matching: * stays within a directory, ** crosses them")
  {
    CHECK(glob_match("deploy/*.yaml", "deploy/a.yaml"));
    CHECK_FALSE(glob_match("deploy/*.yaml", "deploy/sub/a.yaml"));
    CHECK(glob_match("deploy/**/*.yaml", "deploy/sub/deeper/a.yaml"));
    CHECK(glob_match("**", "anything/at/all"));
    CHECK(glob_match("a?c", "abc"));
    CHECK_FALSE(glob_match("a?c", "a/c"));
  }

  TEST_CASE("split and trim")
  {
    auto parts = split("a,b,,c", ',');
    REQUIRE(parts.size() == 4);
    CHECK(parts[2].empty());
    CHECK(trim("  x y \n") == "x y");
  }
}

TEST_SUITE("core")
{
  TEST_CASE("html_escape covers text and attribute values")
  {
    CHECK(html_escape(R"(<a href="x">&</a>)") == "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    CHECK(html_escape("plain") == "plain");
  }

  TEST_CASE("scope_css prefixes every selector, maps body to the scope and scopes inside @media")
  {
    CHECK(scope_css("body{margin:0} h1,h2 {font-size:2px}\n.cards div{gap:1px}", ".x") ==
          ".x{margin:0}.x h1,.x h2{font-size:2px}.x .cards div{gap:1px}");
    CHECK(scope_css("@media(max-width:9px){.g{a:b}td{c:d}}p{e:f}", ".s") == "@media(max-width:9px){.s .g{a:b}.s td{c:d}}.s p{e:f}");
    CHECK(scope_css("", ".s").empty());
  }
}
