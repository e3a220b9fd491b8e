#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "readyctl/core/embedded.hpp"

namespace readyctl::cli {
namespace {

struct Shell {
  std::string_view name;
  std::string_view file;
};
constexpr Shell k_shells[] = {{"bash", "readyctl.bash"}, {"fish", "readyctl.fish"}, {"zsh", "_readyctl"}};

}  // namespace

void register_completion(CLI::App& app, Context& ctx)
{
  static std::string shell;
  CLI::App* cmd = app.add_subcommand("completion", "Print a shell completion script");
  cmd->footer("\nExamples:\n  readyctl completion bash > /etc/bash_completion.d/readyctl\n"
              "  readyctl completion zsh > \"${fpath[1]}/_readyctl\"\n"
              "  readyctl completion fish > ~/.config/fish/completions/readyctl.fish");
  cmd->add_option("shell", shell, "bash, zsh or fish")->required()->check(CLI::IsMember({"bash", "zsh", "fish"}));
  cmd->callback([&ctx] {
    for (const Shell& s : k_shells)
      if (s.name == shell) ctx.streams.out << embedded_file("completions", s.file);
  });
}

}  // namespace readyctl::cli
