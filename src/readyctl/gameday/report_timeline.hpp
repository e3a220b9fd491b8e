// The SVG timeline of one game-day journal: a row per step, a bar per event, fault markers and a time axis, laid
// out so that no two labels overlap.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;

// The label of a vertical marker line at x = `anchor`, `width` wide (SVG units).
struct MarkerLabel {
  double anchor = 0;
  double width = 0;
};

// Where a marker's label goes: its lane above the plot (0 = nearest) and its left edge. The marker's line runs from
// its label down through the lower lanes into the plot.
struct PlacedLabel {
  int lane = 0;
  double left = 0;
};

// Puts each label beside its own line (to the right, else to the left) in the lowest lane where it keeps clear of
// every other label and no other marker's line crosses it, within [min_x, max_x]. Markers a few pixels apart share
// a lane, one label on each side. The result is in the order given.
std::vector<PlacedLabel> place_marker_labels(const std::vector<MarkerLabel>& labels, double min_x, double max_x);

// The distance between axis ticks: a round step (1, 2 or 5 times a power of ten seconds, or whole minutes) that
// gives at most `max_ticks` ticks over `span` seconds.
double tick_step(double span, int max_ticks);

// The colour of an event's status: red for failures, grey for unfinished, blue for dry runs, green otherwise.
std::string status_color(const std::string& status);

std::string render_timeline(const Json& journal);

}  // namespace readyctl::gameday
