// Number and sparkline formatting shared by the human renderings; "—" stands for a null figure.
#pragma once
#include <span>
#include <string>
#include <string_view>

#include "readyctl/baseline/baseline.hpp"

namespace readyctl::baseline {

// Three significant digits without an exponent: 0.0123 -> "0.0123", 999.96 -> "1000", 2500 -> "2500" (printf's %.3g
// writes "1e+03" and "2.5e+03").
std::string three_digits(double v);
// 0.0123 s -> "12.3ms", 0.42 "%" -> "42.0%", 1234.5 "usd" -> "$1,234.50", 1.2e6 "" -> "1.2M".
std::string format_figure(Figure value, std::string_view unit);
// Relative change as "+45%" / "-3.2%"; "new" or "gone" when one side is null.
std::string format_change(const Change& change);
// Unicode block sparkline of `width` cells (bucket means); blank cells for steps without data.
std::string sparkline(std::span<const Figure> values, size_t width);
const FieldSpec* find_field(std::string_view path);
// "7d", "6h", "90m": the window's length in its largest whole unit.
std::string format_span(double seconds);

}  // namespace readyctl::baseline
