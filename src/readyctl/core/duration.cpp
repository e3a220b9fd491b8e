#include "readyctl/core/duration.hpp"

#include <charconv>
#include <cmath>
#include <string>

#include <fmt/format.h>

namespace readyctl {
namespace {

struct Unit {
  std::string_view name;
  double seconds;
};

// Longest names first so "ms" is not read as "m".
constexpr Unit k_duration_units[] = {{"ns", 1e-9}, {"us", 1e-6}, {"µs", 1e-6}, {"ms", 1e-3},
                                     {"h", 3600}, {"m", 60},     {"s", 1}};

std::optional<double> read_decimal(std::string_view& text)
{
  size_t i = 0;
  bool digits = false;
  while (i < text.size() && (std::isdigit(static_cast<unsigned char>(text[i])) || text[i] == '.')) {
    digits = digits || text[i] != '.';
    ++i;
  }
  if (!digits) return std::nullopt;
  double value = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + i, value);
  if (ec != std::errc() || ptr != text.data() + i) return std::nullopt;
  text.remove_prefix(i);
  return value;
}

}  // namespace

std::optional<double> parse_duration_seconds(std::string_view text)
{
  if (text == "0") return 0.0;
  bool negative = !text.empty() && text.front() == '-';
  if (negative || (!text.empty() && text.front() == '+')) text.remove_prefix(1);
  if (text.empty()) return std::nullopt;
  double total = 0;
  while (!text.empty()) {
    std::optional<double> value = read_decimal(text);
    if (!value) return std::nullopt;
    const Unit* unit = nullptr;
    for (const Unit& u : k_duration_units)
      if (text.starts_with(u.name)) {
        unit = &u;
        break;
      }
    if (!unit) return std::nullopt;
    text.remove_prefix(unit->name.size());
    total += *value * unit->seconds;
  }
  return negative ? -total : total;
}

std::optional<double> parse_quantity(std::string_view text)
{
  static constexpr Unit suffixes[] = {{"Ki", 1024.0}, {"Mi", 1048576.0}, {"Gi", 1073741824.0},
                                      {"Ti", 1099511627776.0}, {"Pi", 1125899906842624.0},
                                      {"Ei", 1152921504606846976.0}, {"n", 1e-9}, {"u", 1e-6}, {"m", 1e-3},
                                      {"k", 1e3}, {"M", 1e6}, {"G", 1e9}, {"T", 1e12}, {"P", 1e15}, {"E", 1e18}};
  if (text.empty()) return std::nullopt;
  std::string_view number = text;
  double scale = 1;
  for (const Unit& s : suffixes)
    if (text.ends_with(s.name) && text.size() > s.name.size()) {
      number = text.substr(0, text.size() - s.name.size());
      scale = s.seconds;
      break;
    }
  if (!number.empty() && number.front() == '+') number.remove_prefix(1);
  double value = 0;
  auto [ptr, ec] = std::from_chars(number.data(), number.data() + number.size(), value);
  if (ec != std::errc() || ptr != number.data() + number.size()) return std::nullopt;
  if (scale != 1 && number.find_first_of("eE") != std::string_view::npos) return std::nullopt;
  return value * scale;
}

std::string format_duration(double seconds)
{
  if (seconds == 0) return "0s";
  if (std::fabs(seconds) < 1) return fmt::format("{:g}ms", seconds * 1000);
  long long whole = static_cast<long long>(seconds);
  if (static_cast<double>(whole) != seconds) return fmt::format("{:g}s", seconds);
  std::string out;
  if (whole >= 3600) out += fmt::format("{}h", whole / 3600);
  if (whole % 3600 >= 60) out += fmt::format("{}m", whole % 3600 / 60);
  if (whole % 60 != 0) out += fmt::format("{}s", whole % 60);
  return out;
}

}  // namespace readyctl
