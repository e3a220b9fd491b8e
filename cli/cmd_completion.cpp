#include <ostream>

#include "command_tree.hpp"
#include "context.hpp"

namespace readyctl::cli {

void register_completion(CLI::App& app, Context& ctx)
{
  std::string& shell = ctx.make<std::string>();
  CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script (bash, zsh or fish)");
  cmd->footer("\nExamples:\n  readyctl completion bash > /etc/bash_completion.d/readyctl\n"
              "  readyctl completion zsh > \"${fpath[1]}/_readyctl\"\n"
              "  readyctl completion fish > ~/.config/fish/completions/readyctl.fish");
  cmd->add_option("shell", shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->callback([&ctx, &shell] { ctx.streams.out << completion_script(shell); });
}

}  // namespace readyctl::cli
