#include <ostream>

#include "context.hpp"

namespace readyctl::cli {

void register_gameday(CLI::App& app, Context& ctx)
{
  CLI::App* cmd = app.add_subcommand("gameday", "(gameday: not yet implemented)");
  cmd->allow_extras();
  cmd->callback([&ctx] {
    ctx.streams.err << "readyctl: error: gameday: not yet implemented\n";
    ctx.exit_code = static_cast<int>(ExitCode::bad_input);
  });
}

}  // namespace readyctl::cli
