// `readyctl lint rules` and `readyctl lint explain ID`: the rule catalogue for people.
#pragma once
#include "context.hpp"

namespace readyctl::cli {

void register_lint_catalogue(CLI::App& lint, Context& ctx);

}  // namespace readyctl::cli
