#include <ostream>

#include "context.hpp"
#include "output_formats.hpp"

namespace readyctl::cli {

void register_version(CLI::App& app, Context& ctx)
{
  auto outputs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = app.add_subcommand("version", "Print the version");
  add_output_option(cmd, *outputs, "version");
  cmd->callback([&ctx, outputs] {
    write_document(ctx, parse_outputs("version", *outputs),
                   {[] { return std::string("readyctl ") + READYCTL_VERSION + "\n"; },
                    [] {
                      nlohmann::ordered_json j = document_head();
                      j["version"] = READYCTL_VERSION;
                      return j;
                    }});
  });
}

}  // namespace readyctl::cli
