#include "readyctl/baseline/window.hpp"

#include <array>
#include <cmath>
#include <ctime>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/error.hpp"

namespace readyctl::baseline {
namespace {

constexpr double k_min_rate_window = 120;  // two scrapes at the common 60 s interval
constexpr double k_target_points = 2'500;

// Days since 1970-01-01 for a proleptic Gregorian date (Howard Hinnant's algorithm).
long days_from_civil(long y, unsigned m, unsigned d)
{
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  auto yoe = static_cast<unsigned>(y - era * 400);
  unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

std::optional<double> parse_rfc3339(std::string_view t)
{
  int y = 0, mo = 0, d = 0, h = 0, mi = 0, consumed = 0;
  double s = 0;
  std::string text(t);
  if (std::sscanf(text.c_str(), "%4d-%2d-%2d%*1[Tt ]%2d:%2d:%lf%n", &y, &mo, &d, &h, &mi, &s, &consumed) != 6)
    return std::nullopt;
  std::string_view zone = t.substr(static_cast<size_t>(consumed));
  double offset = 0;
  if (zone == "Z" || zone == "z") {
    offset = 0;
  } else if (zone.size() == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':') {
    int oh = std::stoi(std::string(zone.substr(1, 2))), om = std::stoi(std::string(zone.substr(4, 2)));
    offset = (zone[0] == '-' ? -1 : 1) * (oh * 3600.0 + om * 60.0);
  } else {
    return std::nullopt;
  }
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s >= 61) return std::nullopt;
  double days = static_cast<double>(days_from_civil(y, static_cast<unsigned>(mo), static_cast<unsigned>(d)));
  return days * 86400 + h * 3600 + mi * 60 + s - offset;
}

double parse_positive_duration(std::string_view text, std::string_view flag)
{
  std::optional<double> v = parse_duration_seconds(text);
  if (!v) {
    // Prometheus-style day and week units are common in windows: 7d, 2w.
    if (!text.empty() && (text.back() == 'd' || text.back() == 'w')) {
      std::optional<double> n = parse_duration_seconds(std::string(text.substr(0, text.size() - 1)) + "h");
      if (n) v = *n * (text.back() == 'd' ? 24 : 168);
    }
  }
  if (!v || *v <= 0)
    throw InputError(fmt::format("{} '{}': expected a positive duration such as 7d, 12h or 5m", flag, text));
  return *v;
}

}  // namespace

double parse_time(std::string_view text, std::string_view flag)
{
  char* end = nullptr;
  std::string s(text);
  double unix_seconds = std::strtod(s.c_str(), &end);
  if (!s.empty() && end == s.c_str() + s.size() && std::isfinite(unix_seconds)) return unix_seconds;
  if (std::optional<double> t = parse_rfc3339(text)) return *t;
  throw InputError(fmt::format("{} '{}': expected RFC 3339 (2026-11-16T00:00:00Z) or Unix seconds", flag, text));
}

double default_step(double window_seconds)
{
  static constexpr std::array<double, 10> k_ladder{60, 120, 300, 600, 900, 1800, 3600, 7200, 21600, 86400};
  for (double step : k_ladder)
    if (window_seconds / step <= k_target_points) return step;
  return k_ladder.back();
}

Window resolve_window(const WindowRequest& request, double now)
{
  double end = request.end.empty() ? now : parse_time(request.end, "--end");
  double start = request.start.empty() ? end - parse_positive_duration(request.since, "--since")
                                       : parse_time(request.start, "--start");
  if (start >= end) throw InputError(fmt::format("--start: expected a time before --end ({})", format_time(end)));
  Window w;
  w.step = request.step.empty() ? default_step(end - start) : parse_positive_duration(request.step, "--step");
  w.start = std::floor(start / w.step) * w.step;
  w.end = std::floor(end / w.step) * w.step;
  if (w.end <= w.start) throw InputError(fmt::format("--step '{}': expected a step shorter than the window", request.step));
  w.rate_window = std::max(w.step, k_min_rate_window);
  return w;
}

std::string format_time(double unix_seconds)
{
  auto t = static_cast<std::time_t>(std::floor(unix_seconds));
  std::tm tm{};
  gmtime_r(&t, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
                     tm.tm_min, tm.tm_sec);
}

}  // namespace readyctl::baseline
