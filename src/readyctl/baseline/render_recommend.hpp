// Right-sizing sections of the human renderings: a text table, a PR-comment table and an HTML before/after section.
#pragma once
#include <string>

#include "readyctl/baseline/baseline.hpp"

namespace readyctl::baseline {

// Each returns "" when the baseline carries no recommendations.
std::string render_recommend_text(const Baseline& b, bool color);
std::string render_recommend_markdown(const Baseline& b);
std::string render_recommend_html(const Baseline& b);

// "+$1,234.50" / "-$35,156.00" / "$0.00"; "—" for no figure.
std::string format_money_change(Figure usd);

}  // namespace readyctl::baseline
