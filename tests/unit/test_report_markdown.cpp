// The Markdown helpers every report shares: a cell cannot end its row or column, open a code span or start HTML;
// and the game-day, baseline and plan renderers use them (a hostile name stays inside its cell).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "readyctl/gameday/report.hpp"
#include "readyctl/report/markdown.hpp"
#include "test_support.hpp"

using readyctl::markdown_cell;
using readyctl::markdown_code_cell;

namespace {

// Unescaped '|' in one line of a table: a row of N cells has N + 1 of them.
size_t bare_pipes(const std::string& line)
{
  size_t n = 0;
  for (size_t i = 0; i < line.size(); ++i)
    if (line[i] == '|' && (i == 0 || line[i - 1] != '\\')) ++n;
  return n;
}

std::string line_with(const std::string& text, const std::string& needle)
{
  size_t at = text.find(needle);
  REQUIRE(at != std::string::npos);
  size_t begin = text.rfind('\n', at) + 1;
  return text.substr(begin, text.find('\n', at) - begin);
}

}  // namespace

TEST_SUITE("report")
{
  TEST_CASE("markdown_cell escapes what would end the cell or the row, open a code span or start HTML")
  {
    CHECK(markdown_cell("plain text: 3.5s") == "plain text: 3.5s");
    CHECK(markdown_cell("a|b") == "a\\|b");
    CHECK(markdown_cell("one\ntwo") == "one<br>two");
    CHECK(markdown_cell("`code`") == "\\`code\\`");
    CHECK(markdown_cell("<script>&") == "&lt;script&gt;&amp;");
    CHECK(markdown_cell("back\\slash") == "back\\\\slash");
    CHECK(markdown_cell(std::string("bell\x07\r", 6)) == "bell");
  }

  TEST_CASE("markdown_code_cell is a code span that keeps '|' escaped and drops what a span cannot hold")
  {
    CHECK(markdown_code_cell("image-pinned") == "`image-pinned`");
    CHECK(markdown_code_cell("a|b") == "`a\\|b`");
    CHECK(markdown_code_cell("x`y\nz") == "`xyz`");
  }

  TEST_CASE("gameday report markdown: a name with a pipe, a newline and a backtick stays in its cell")
  {
    using readyctl::gameday::Json;
    Json ev = {{"phase", "steps"}, {"name", "kill | `worker`\nnow"}, {"kind", "action"}, {"type", "signal"},
               {"t0", 1.0}, {"t1", 1.5}, {"status", "done"}, {"message", "<b>bold</b>"}};
    Json journal = {{"scenario", {{"name", "drill|one"}}}, {"verdict", "held"}, {"runId", "r1"},
                    {"events", Json::array({ev})}, {"undos", Json::array()}};
    std::string md = readyctl::gameday::render_markdown({journal});
    // The event table has 8 columns, so 9 bare pipes, whatever the name holds.
    std::string row = line_with(md, "kill");
    CHECK(bare_pipes(row) == 9);
    CHECK(row.find("kill \\| \\`worker\\`<br>now") != std::string::npos);
    CHECK(row.find("&lt;b&gt;bold&lt;/b&gt;") != std::string::npos);
    // The summary table has 5 columns.
    CHECK(bare_pipes(line_with(md, "drill\\|one |")) == 6);
  }

  TEST_CASE("baseline markdown: the follow-up list stays a list, one escaped line per item")
  {
    // The demo's previous run has no serving figures, so there is nothing sized to follow up.
    readyctl::test::CliResult r = readyctl::test::run_cli({"baseline", "--demo", "--recommend", "-o", "markdown"});
    CHECK(r.code == 0);
    CHECK(r.out.find("\n- nothing to follow up: the demo's previous run has no sized deployments (no serving figures)\n") !=
          std::string::npos);
  }
}
