#include "readyctl/gameday/report_timeline.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

// SVG units; k_char is the mean advance of an 11px sans-serif character, enough to keep labels apart.
constexpr double k_timeline_width = 900, k_row = 22, k_lane = 14, k_char = 6.4, k_pad = 10, k_min_tick_gap = 70;
// Between two labels in a lane, between a label and its own line, and between a label and another marker's line.
constexpr double k_label_gap = 8, k_beside = 4, k_line_clearance = 3;
constexpr size_t k_max_label_chars = 52;

// Where things go: the plot spans [left, right] for [0, span] seconds; rows start at `top`.
struct Layout {
  double left = 0;
  double right = k_timeline_width - 14;
  double span = 0;
  double top = 0;
  size_t rows = 0;
  double x(double t) const { return left + (right - left) * (span > 0 ? std::clamp(t / span, 0.0, 1.0) : 0.0); }
  double row_y(size_t row) const { return top + k_row * static_cast<double>(row); }
  double bottom() const { return row_y(rows); }
};

struct Marker {
  double t;
  std::string label;
  const char* color;
};

double text_width(const std::string& text)
{
  size_t chars = 0;
  for (unsigned char ch : text) chars += (ch & 0xC0) != 0x80;  // count UTF-8 code points, not bytes
  return k_char * static_cast<double>(chars);
}

std::string clipped(const std::string& text)
{
  return text.size() <= k_max_label_chars ? text : text.substr(0, k_max_label_chars - 1) + "…";
}

std::string row_key(const Json& ev) { return json_text(ev["phase"]) + " · " + json_text(ev["name"]); }

// The fault markers, labelled with their delay after the fault ("detected +72 ms").
std::vector<Marker> markers(const Json& journal)
{
  const Json& fault = journal.value("fault", Json::object());
  std::vector<Marker> out;
  if (!fault.is_object() || !fault.value("start", Json()).is_number()) return out;
  double start = fault["start"].get<double>();
  out.push_back({start, "fault", "#d64545"});
  for (auto [key, label, color] : {std::tuple{"detected", "detected", "#c77c02"}, {"recovered", "recovered", "#3f9142"}})
    if (fault.value(key, Json()).is_number()) {
      double t = fault[key].get<double>();
      out.push_back({t, fmt::format("{} +{}", label, seconds_text(t - start)), color});
    }
  return out;
}

std::vector<MarkerLabel> marker_labels(const std::vector<Marker>& list, const Layout& layout)
{
  std::vector<MarkerLabel> labels;
  for (const Marker& m : list) labels.push_back({layout.x(m.t), text_width(m.label)});
  return labels;
}

// A label's baseline; its line starts just above it, so the text sits beside the line's top.
double label_y(const Layout& layout, int lane) { return layout.top - 5 - k_lane * lane; }

std::string draw_markers(const std::vector<Marker>& list, const std::vector<PlacedLabel>& placed, const Layout& layout)
{
  std::string svg;
  for (size_t i = 0; i < list.size(); ++i) {
    double y = label_y(layout, placed[i].lane);
    svg += fmt::format("<line x1='{0:.1f}' x2='{0:.1f}' y1='{1:.1f}' y2='{2:.1f}' stroke='{3}' stroke-width='2' "
                       "stroke-dasharray='4 3'/><text x='{4:.1f}' y='{5:.1f}' fill='{3}' font-size='11'>{6}</text>",
                       layout.x(list[i].t), y - 9, layout.bottom(), list[i].color, placed[i].left, y,
                       html_escape(list[i].label));
  }
  return svg;
}

std::string draw_rows(const std::vector<std::string>& rows, const Layout& layout)
{
  std::string svg;
  for (size_t i = 0; i < rows.size(); ++i) {
    if (i % 2 == 1)
      svg += fmt::format("<rect x='0' y='{:.1f}' width='{}' height='{}' fill='#f0f3f7'/>", layout.row_y(i), k_timeline_width, k_row);
    svg += fmt::format("<text x='{}' y='{:.1f}' font-size='11'><title>{}</title>{}</text>", k_pad,
                       layout.row_y(i) + 15, html_escape(rows[i]), html_escape(clipped(rows[i])));
  }
  return svg;
}

std::string draw_axis(const Layout& layout)
{
  int max_ticks = std::max(1, static_cast<int>((layout.right - layout.left) / k_min_tick_gap));
  double step = tick_step(layout.span, max_ticks);
  std::string svg;
  for (int i = 0; step * i <= layout.span + 1e-9; ++i) {
    double t = step * i, x = layout.x(t);
    svg += fmt::format("<line x1='{0:.1f}' x2='{0:.1f}' y1='{1:.1f}' y2='{2:.1f}' stroke='#d9e2ec'/><text x='{0:.1f}' "
                       "y='{3:.1f}' font-size='11' fill='#52606d' text-anchor='middle'>{4}</text>",
                       x, layout.top, layout.bottom() + 4, layout.bottom() + 17, format_duration(t));
  }
  return svg;
}

std::string draw_bars(const Json& journal, const std::map<std::string, size_t>& row_of, const Layout& layout)
{
  std::string svg;
  for (const Json& ev : journal["events"]) {
    double t0 = ev.value("t0", 0.0), t1 = ev["t1"].is_number() ? ev["t1"].get<double>() : layout.span;
    double y = layout.row_y(row_of.at(row_key(ev))) + 4;
    double w = std::max(3.0, layout.x(t1) - layout.x(t0));
    svg += fmt::format("<rect x='{:.1f}' y='{:.1f}' width='{:.1f}' height='14' rx='2' fill='{}'><title>{} {} {:.2f}s–{:.2f}s "
                       "{}</title></rect>", layout.x(t0), y, w, status_color(json_text(ev["status"])),
                       html_escape(json_text(ev["name"])), html_escape(json_text(ev["status"])), t0, t1,
                       html_escape(ev.contains("message") ? json_text(ev["message"]) : ""));
  }
  return svg;
}

}  // namespace

std::string status_color(const std::string& status)
{
  if (status == "deviated" || status == "failed" || status == "abort" || status == "error" || status == "refused")
    return "#d64545";
  if (status == "running" || status == "stopped") return "#9aa5b1";
  if (status == "dry-run") return "#7b93db";
  return "#3f9142";
}

namespace {

struct Slot {
  size_t index;  // into the labels
  PlacedLabel at;
};

bool crosses(double line_x, double left, double width)
{
  return line_x > left - k_line_clearance && line_x < left + width + k_line_clearance;
}

// Whether label `a` at `at` keeps clear of a label already placed: no overlap in one lane, and neither marker's line
// (which runs from its own lane downwards) through the other's text.
bool clear_of(const MarkerLabel& a, const PlacedLabel& at, const MarkerLabel& b, const PlacedLabel& b_at)
{
  if (at.lane == b_at.lane && at.left < b_at.left + b.width + k_label_gap && b_at.left < at.left + a.width + k_label_gap)
    return false;
  if (b_at.lane <= at.lane && crosses(a.anchor, b_at.left, b.width)) return false;
  return !(at.lane <= b_at.lane && crosses(b.anchor, at.left, a.width));
}

// Lines of markers not placed yet may end in any lane: a label keeps clear of them everywhere.
bool clear_of_unplaced(size_t i, double left, const std::vector<MarkerLabel>& labels, const std::vector<bool>& is_placed)
{
  for (size_t j = 0; j < labels.size(); ++j)
    if (j != i && !is_placed[j] && crosses(labels[j].anchor, left, labels[i].width)) return false;
  return true;
}

std::optional<PlacedLabel> first_clear(size_t i, const std::vector<MarkerLabel>& labels, const std::vector<Slot>& placed,
                                       const std::vector<bool>& is_placed, double min_x, double max_x)
{
  const MarkerLabel& label = labels[i];
  for (int lane = 0; lane <= static_cast<int>(labels.size()); ++lane)
    for (double left : {label.anchor + k_beside, label.anchor - k_beside - label.width}) {
      PlacedLabel at{lane, left};
      if (left < min_x || left + label.width > max_x || !clear_of_unplaced(i, left, labels, is_placed)) continue;
      if (std::all_of(placed.begin(), placed.end(),
                      [&](const Slot& s) { return clear_of(label, at, labels[s.index], s.at); }))
        return at;
    }
  return std::nullopt;
}

}  // namespace

std::vector<PlacedLabel> place_marker_labels(const std::vector<MarkerLabel>& labels, double min_x, double max_x)
{
  // Right to left, each label preferring the right of its line: the label of a line just before another one then
  // goes to its left, in the same lane.
  std::vector<size_t> order(labels.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return labels[a].anchor > labels[b].anchor; });
  std::vector<Slot> placed;
  std::vector<bool> is_placed(labels.size(), false);
  int top_lane = 0;
  for (size_t i : order) {
    // Nowhere clear (lines a pixel or two apart): a lane of its own above all the others.
    PlacedLabel at = first_clear(i, labels, placed, is_placed, min_x, max_x)
                         .value_or(PlacedLabel{top_lane + 1, std::clamp(labels[i].anchor + k_beside, min_x, max_x - labels[i].width)});
    top_lane = std::max(top_lane, at.lane);
    placed.push_back({i, at});
    is_placed[i] = true;
  }
  std::vector<PlacedLabel> out(labels.size());
  for (const Slot& s : placed) out[s.index] = s.at;
  return out;
}

double tick_step(double span, int max_ticks)
{
  if (span <= 0 || max_ticks < 1) return 1;
  double raw = span / max_ticks;
  if (raw > 30) {
    for (double minutes : {1, 2, 5, 10, 15, 30, 60})
      if (minutes * 60 >= raw) return minutes * 60;
    return std::ceil(raw / 3600) * 3600;
  }
  double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double mantissa : {1.0, 2.0, 5.0})
    if (mantissa * power >= raw) return mantissa * power;
  return 10 * power;
}

std::string render_timeline(const Json& journal)
{
  std::vector<std::string> rows;
  std::map<std::string, size_t> row_of;
  Layout layout;
  layout.span = journal.value("duration", 0.0);
  double widest = 0;
  for (const Json& ev : journal["events"]) {
    std::string key = row_key(ev);
    if (row_of.emplace(key, rows.size()).second) rows.push_back(key), widest = std::max(widest, text_width(clipped(key)));
    if (ev["t1"].is_number()) layout.span = std::max(layout.span, ev["t1"].get<double>());
  }
  layout.left = 2 * k_pad + widest;
  layout.rows = rows.size();
  std::vector<Marker> list = markers(journal);
  std::vector<PlacedLabel> placed = place_marker_labels(marker_labels(list, layout), 2, k_timeline_width - 2);
  int lanes = 0;
  for (const PlacedLabel& p : placed) lanes = std::max(lanes, p.lane + 1);
  layout.top = 8 + k_lane * lanes;
  double height = layout.bottom() + 24;
  return fmt::format("<svg class='timeline' viewBox='0 0 {} {:.0f}' role='img'>{}{}{}{}</svg>", k_timeline_width, height,
                     draw_rows(rows, layout), draw_axis(layout), draw_bars(journal, row_of, layout),
                     draw_markers(list, placed, layout));
}

}  // namespace readyctl::gameday
