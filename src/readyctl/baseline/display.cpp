#include "readyctl/baseline/display.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace readyctl::baseline {
namespace {

std::string with_thousands(double v, int decimals)
{
  std::string digits = fmt::format("{:.{}f}", std::fabs(v), decimals);
  size_t dot = digits.find('.');
  size_t int_end = dot == std::string::npos ? digits.size() : dot;
  std::string out;
  for (size_t i = 0; i < int_end; ++i) {
    if (i > 0 && (int_end - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return (v < 0 ? "-" : "") + out + digits.substr(int_end);
}

// Units change where three digits would round up to the next unit: 0.9996 s is "1s", not "1e+03ms".
std::string seconds(double v)
{
  if (v < 0.9995e-3) return fmt::format("{:.0f}µs", v * 1e6);
  if (v < 0.9995) return three_digits(v * 1e3) + "ms";
  if (v < 120) return three_digits(v) + "s";
  return fmt::format("{:.1f}m", v / 60);
}

std::string count(double v)
{
  double a = std::fabs(v);
  if (a >= 0.9995e9) return three_digits(v / 1e9) + "G";
  if (a >= 0.9995e6) return three_digits(v / 1e6) + "M";
  if (a >= 1e4) return three_digits(v / 1e3) + "k";
  if (a >= 100 || v == std::floor(v)) return fmt::format("{:.0f}", v);
  return three_digits(v);
}

}  // namespace

std::string three_digits(double v)
{
  std::string s = fmt::format("{:.3g}", v);
  if (s.find('e') == std::string::npos) return s;
  if (std::fabs(v) >= 1) return fmt::format("{:.0f}", v);
  // Tiny values: as many decimals as three significant digits need, trailing zeros dropped.
  const int decimals = 2 - static_cast<int>(std::floor(std::log10(std::fabs(v))));
  s = fmt::format("{:.{}f}", v, decimals);
  s.erase(s.find_last_not_of('0') + 1);
  return s;
}

std::string format_figure(Figure value, std::string_view unit)
{
  if (!value) return "—";
  double v = *value;
  if (unit == "s") return seconds(v);
  if (unit == "%") return fmt::format("{:.1f}%", v * 100);
  if (unit == "usd") return "$" + with_thousands(v, std::fabs(v) < 10 ? 2 : 0);
  if (unit == "x") return fmt::format("{:.2f}x", v);
  if (unit == "r/s") return three_digits(v);
  if (unit == "h") return with_thousands(v, 1);
  if (unit == "cores" || unit == "GiB") return three_digits(v);
  return count(v);
}

std::string format_change(const Change& c)
{
  if (!c.before) return "new";
  if (!c.after) return "gone";
  if (!c.relative) return "from 0";
  return fmt::format("{:+.{}f}%", *c.relative * 100, std::fabs(*c.relative) < 0.1 ? 1 : 0);
}

std::string sparkline(std::span<const Figure> values, size_t width)
{
  static constexpr std::string_view k_blocks[] = {"▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
  if (values.empty() || width == 0) return {};
  width = std::min(width, values.size());
  std::vector<Figure> buckets(width);
  for (size_t b = 0; b < width; ++b) {
    size_t from = b * values.size() / width, to = (b + 1) * values.size() / width;
    buckets[b] = mean_of(values.subspan(from, to - from));
  }
  Figure hi = max_of(buckets);
  std::string out;
  for (const Figure& v : buckets) {
    if (!v) { out += ' '; continue; }
    double level = hi && *hi > 0 ? *v / *hi : 0;
    out += k_blocks[std::clamp<size_t>(static_cast<size_t>(level * 7.999), 0, 7)];
  }
  return out;
}

const FieldSpec* find_field(std::string_view path)
{
  for (const FieldSpec& f : baseline_fields())
    if (f.path == path) return &f;
  return nullptr;
}

std::string format_span(double s)
{
  if (std::fmod(s, 86400) == 0) return fmt::format("{}d", s / 86400);
  if (std::fmod(s, 3600) == 0) return fmt::format("{}h", s / 3600);
  return fmt::format("{}m", std::round(s / 60));
}

}  // namespace readyctl::baseline
