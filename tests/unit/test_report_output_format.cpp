// Each command's format table in the core is what the CLI offers: `-o` lookup, the error naming the formats, and
// the renderer a row holds.
#include <doctest/doctest.h>

#include <string>

#include "output_formats.hpp"
#include "readyctl/baseline/render.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/plan/report.hpp"
#include "readyctl/plan/status.hpp"
#include "readyctl/report/output_format.hpp"

using namespace readyctl;

namespace {

template <class Result>
void check_row(std::string_view command, std::span<const OutputFormat<Result>> formats)
{
  const cli::CommandFormats* row = cli::formats_of(command);
  REQUIRE(row != nullptr);
  CHECK(row->names == format_names(formats));
}

}  // namespace

TEST_SUITE("report")
{
  TEST_CASE("the CLI's rows for baseline, gameday report and plan are the core's renderer tables")
  {
    check_row("baseline", baseline::baseline_formats());
    check_row("gameday report", gameday::report_formats());
    check_row("plan status", plan::status_formats());
    check_row("plan report", plan::report_formats());
    // Defaults, as the man pages state them.
    CHECK(baseline::baseline_formats().front().name == "text");
    CHECK(gameday::report_formats().front().name == "markdown");
    CHECK(plan::report_formats().front().name == "html");
  }

  TEST_CASE("find_format returns the row's renderer, and names the formats when there is none")
  {
    using Journals = std::vector<gameday::Json>;
    std::span<const OutputFormat<Journals>> formats = gameday::report_formats();
    std::string html = find_format(formats, "html").render({}, {});
    CHECK(html.starts_with("<!doctype html>"));
    CHECK(find_format(formats, "markdown").render({}, {}).starts_with("# Game-day report"));
    CHECK_THROWS_WITH_AS(find_format(formats, "pdf"), "-o pdf: expected one of markdown, html", InputError);
  }
}
