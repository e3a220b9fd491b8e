#include <ostream>

#include "context.hpp"

namespace readyctl::cli {

void register_lint(CLI::App& app, Context& ctx)
{
  CLI::App* cmd = app.add_subcommand("lint", "(lint: being built)");
  cmd->allow_extras();
  cmd->callback([&ctx] { ctx.exit_code = 2; });
}

}  // namespace readyctl::cli
