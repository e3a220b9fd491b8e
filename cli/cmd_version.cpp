#include <ostream>

#include "context.hpp"

namespace readyctl::cli {

void register_version(CLI::App& app, Context& ctx)
{
  CLI::App* cmd = app.add_subcommand("version", "Print the version");
  cmd->callback([&ctx] { ctx.streams.out << "readyctl " << READYCTL_VERSION << "\n"; });
}

}  // namespace readyctl::cli
