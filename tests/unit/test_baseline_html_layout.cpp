// The HTML pages (baseline and plan report) keep the per-tenant table inside a 1400 px wide window: a real browser
// (headless chromium, scripts/deps/baseline.apt) lays each page out and reports how wide the document became.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <regex>

#include "plan_fixtures.hpp"
#include "test_support.hpp"

namespace fs = std::filesystem;
using readyctl::test::run_binary;
using readyctl::test::slurp;
using readyctl::test::TempDir;

namespace {

constexpr int k_window = 1400;

bool have_chromium() { return std::system("command -v chromium >/dev/null 2>&1") == 0; }

// How far right the page reaches after chromium laid it out in a window `width` px wide: the document's scroll
// width or the right edge of its widest table, whichever is larger (a table clipped by a scrolling box still
// hides columns past the window). A copy of the page gets a script that writes the figure into the DOM chromium
// dumps (the page itself carries no script).
std::optional<int> laid_out_width(const std::string& page, int width)
{
  TempDir dir;
  std::string probe =
      "<script>let w = document.documentElement.scrollWidth;"
      "document.querySelectorAll('table').forEach(t => { w = Math.max(w, Math.ceil(t.getBoundingClientRect().right)); });"
      "document.body.setAttribute('data-width', w)</script>";
  std::string copy = page;
  size_t body_end = copy.rfind("</body>");
  copy.insert(body_end == std::string::npos ? copy.size() : body_end, probe);
  dir.write("page.html", copy);
  std::string cmd = "chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=" + std::to_string(width) +
                    ",900 --dump-dom 'file://" + (dir / "page.html").string() + "' >'" + (dir / "dom").string() +
                    "' 2>/dev/null";
  if (std::system(cmd.c_str()) != 0) return std::nullopt;
  std::smatch m;
  std::string dom = slurp(dir / "dom");
  if (!std::regex_search(dom, m, std::regex(R"re(data-width="(\d+)")re"))) return std::nullopt;
  return std::stoi(m[1]);
}

}  // namespace

TEST_SUITE("baseline")
{
  TEST_CASE("html layout: the per-tenant tables fit a 1400 px window (baseline and plan report, in chromium)")
  {
    if (!have_chromium()) {
      MESSAGE("chromium not installed (scripts/deps/baseline.apt): layout not measured");
      return;
    }
    // The probe sees overflow: a page 3000 px wide measures wider than the window.
    std::optional<int> control = laid_out_width("<!doctype html><html><body><div style=\"width:3000px\">x</div></body></html>", k_window);
    REQUIRE(control);
    CHECK(*control >= 3000);

    TempDir repo;
    REQUIRE(run_binary("baseline --demo -o html=baseline.html", repo.path()).code == 0);
    std::optional<int> baseline = laid_out_width(slurp(repo / "baseline.html"), k_window);
    REQUIRE(baseline);
    CHECK(*baseline <= k_window);

    REQUIRE(run_binary("plan init --non-interactive --start 2026-11-02", repo.path()).code == 0);
    fs::create_directories(repo / ".readyctl/baselines");
    fs::copy_file(readyctl::test::source_dir() / "examples/demo/baseline.json", repo / ".readyctl/baselines/week-1.json");
    REQUIRE(run_binary("plan report --no-record -o html=plan.html" + readyctl::test::k_plan_today, repo.path()).code == 0);
    std::optional<int> plan = laid_out_width(slurp(repo / "plan.html"), k_window);
    REQUIRE(plan);
    CHECK(*plan <= k_window);
  }
}
