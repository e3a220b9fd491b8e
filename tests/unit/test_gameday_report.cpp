// The game-day report's layout: label lanes, axis ticks, rounded seconds, and a timeline whose labels stay apart.
#include <doctest/doctest.h>

#include <regex>

#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/report_timeline.hpp"

using namespace readyctl::gameday;

namespace {

Json event(const std::string& phase, const std::string& name, double t0, double t1)
{
  return Json{{"phase", phase}, {"name", name}, {"kind", "probe"}, {"t0", t0}, {"t1", t1}, {"status", "met"}};
}

struct TextAt {
  double x = 0;
  double y = 0;
};

// Where the <text> drawn in `color` with the content `label` (a regex) starts.
TextAt text_at(const std::string& svg, const std::string& color, const std::string& label)
{
  std::smatch m;
  std::regex text("<text x='([0-9.]+)' y='([0-9.]+)' fill='" + color + "' font-size='11'>" + label + "</text>");
  REQUIRE(std::regex_search(svg, m, text));
  return {std::stod(m[1].str()), std::stod(m[2].str())};
}

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("marker labels sit beside their own line, clear of other labels and of other markers' lines")
  {
    // Far apart: each to the right of its line (4 units), all in the lowest lane.
    auto far = place_marker_labels({{100, 30}, {300, 80}, {600, 60}}, 0, 900);
    CHECK(far[0].lane == 0);
    CHECK(far[1].lane == 0);
    CHECK(far[2].lane == 0);
    CHECK(far[0].left == doctest::Approx(104));
    CHECK(far[2].left == doctest::Approx(604));
    // Two lines 6 apart (a fault and its detection): the later label right of its line, the earlier one left of its
    // own, in the same lane, neither crossed by the other line.
    auto close = place_marker_labels({{100, 30}, {106, 80}}, 0, 900);
    CHECK(close[0].lane == 0);
    CHECK(close[1].lane == 0);
    CHECK(close[1].left == doctest::Approx(110));
    CHECK(close[0].left == doctest::Approx(100 - 4 - 30));
    // A third label that fits on neither side of its line goes up a lane, where the lines below do not cross it.
    auto three = place_marker_labels({{100, 30}, {106, 80}, {140, 40}}, 0, 900);
    CHECK(three[2].lane == 0);  // the rightmost is placed first
    CHECK(three[2].left == doctest::Approx(144));
    CHECK(three[1].lane == 1);  // right of 106 runs into the label at 144, left of it into the line at 100
    CHECK(three[1].left == doctest::Approx(110));
    CHECK(three[0].lane == 0);
    CHECK(three[0].left == doctest::Approx(66));
    // Against the right edge: the label goes left of its line.
    CHECK(place_marker_labels({{890, 40}}, 0, 900)[0].left == doctest::Approx(890 - 4 - 40));
    CHECK(place_marker_labels({}, 0, 900).empty());
  }

  TEST_CASE("axis ticks are round steps, no more than asked for")
  {
    CHECK(tick_step(7.1, 9) == doctest::Approx(1));
    CHECK(tick_step(100, 10) == doctest::Approx(10));
    CHECK(tick_step(0.9, 10) == doctest::Approx(0.1));
    CHECK(tick_step(600, 8) == doctest::Approx(120));
    CHECK(tick_step(0, 8) == doctest::Approx(1));
  }

  TEST_CASE("seconds are rounded for reading")
  {
    CHECK(seconds_text(0.0722754) == "72ms");
    CHECK(seconds_text(3.58739) == "3.59s");
    CHECK(seconds_text(12.44) == "12.4s");
    CHECK(seconds_text(125.2) == "2m5s");
    CHECK(seconds_text(Json()) == "—");
  }

  TEST_CASE("timeline: labels of a fault and its detection 70 ms later do not overlap; row labels are whole, left of the bars")
  {
    Json journal = {{"duration", 7.15}, {"fault", {{"start", 3.2}, {"detected", 3.27}, {"recovered", 6.8}}}};
    journal["events"] = Json::array({event("setup", "api", 0, 0.1), event("hypothesis-after", "workflow-succeeded", 6.9, 7.0)});
    std::string svg = render_timeline(journal);
    TextAt fault = text_at(svg, "#d64545", "fault");
    TextAt detected = text_at(svg, "#c77c02", "detected \\+70ms");
    TextAt recovered = text_at(svg, "#3f9142", "recovered \\+3.60s");
    // The same lane, the fault's label ending left of the detection's (5 characters of at most 6.4 units each).
    CHECK(fault.y == doctest::Approx(detected.y));
    CHECK(fault.x + 5 * 6.4 < detected.x);
    CHECK(recovered.y == doctest::Approx(fault.y));
    CHECK(svg.find(">hypothesis-after · workflow-succeeded</text>") != std::string::npos);
    // The first bar starts at t = 0, i.e. where the plot starts: right of the widest row label (37 characters).
    std::smatch m;
    REQUIRE(std::regex_search(svg, m, std::regex("<rect x='([0-9.]+)' y='[0-9.]+' width='[0-9.]+' height='14'")));
    CHECK(std::stod(m[1].str()) > 37 * 6.0);
  }
}
