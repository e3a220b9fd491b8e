// The time window a baseline covers: start, end and step, aligned so servers can cache the queries.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace readyctl::baseline {

struct Window {
  double start = 0;         // Unix seconds, a multiple of step
  double end = 0;           // Unix seconds, a multiple of step
  double step = 0;          // seconds between points of every per-step series
  double rate_window = 0;   // the [range] of rate(): at least two scrapes, at least one step

  double seconds() const { return end - start; }
  size_t points() const { return static_cast<size_t>((end - start) / step + 0.5); }  // steps in (start, end]
};

struct WindowRequest {
  std::string since = "7d";  // used when start is empty
  std::string start;         // RFC 3339 or Unix seconds
  std::string end;           // RFC 3339 or Unix seconds; default now
  std::string step;          // duration; default: chosen from the window length
};

// RFC 3339 ("2026-11-16T00:00:00Z", offsets and fractions allowed) or Unix seconds; InputError naming `flag`.
double parse_time(std::string_view text, std::string_view flag);

// Resolves the request against `now`; InputError for malformed or empty windows.
Window resolve_window(const WindowRequest& request, double now);

// The smallest step from a ladder of round durations that keeps a window at or below 2,500 points.
double default_step(double window_seconds);

// RFC 3339 in UTC, seconds precision: "2026-11-16T00:00:00Z".
std::string format_time(double unix_seconds);

}  // namespace readyctl::baseline
