// Markdown pieces every command's report shares (lint, baseline, game day, plan): cells that cannot break a table
// row, and code spans that cannot end early.
#pragma once
#include <string>
#include <string_view>

namespace readyctl {

// A table cell: '|' would end the cell, a backtick would open a code span, '<' and '&' would start HTML or an
// entity, a newline would end the row (it becomes <br>); other control characters are dropped.
std::string markdown_cell(std::string_view text);

// `text` as an inline code span inside a table: backticks and control characters are dropped (a span cannot hold
// them), and '|' keeps its escape, which GitHub applies even there.
std::string markdown_code_cell(std::string_view text);

}  // namespace readyctl
