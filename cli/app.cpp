#include "app.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "command_tree.hpp"
#include "context.hpp"

namespace readyctl::cli {
namespace {

constexpr const char* k_description =
    "readyctl - get AI inference and agent platforms on Kubernetes ready for production";

constexpr const char* k_app_footer = R"(
Examples:
  readyctl lint deploy/ -o text -o sarif=lint.sarif
  readyctl lint explain retry-within-timeout
  readyctl baseline --demo
  readyctl completion bash > /etc/bash_completion.d/readyctl

Exit codes: 0 ok, 1 findings or failed assertions, 2 bad input or usage, 3 environment error,
4 game day aborted, 130 interrupted. See man readyctl.)";

void add_global_flags(CLI::App& app, GlobalOptions& global)
{
  app.add_option("--color", global.color, "Colour output: auto, always or never (honours NO_COLOR)")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  app.add_flag("-q,--quiet", global.quiet, "Print only results and errors");
  app.add_flag("-v,--verbose", global.verbose, "Print more detail (remediations, queries)");
  app.add_option("--config", global.config,
                 "Config file (default: .readyctl.yaml found from the working directory upwards)");
}

// Edit distance, for "did you mean" on a mistyped subcommand.
size_t distance(std::string_view a, std::string_view b)
{
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string suggestion(const CLI::App& app, const std::vector<std::string>& args)
{
  if (args.size() < 2 || args[1].starts_with('-')) return {};
  for (const CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; }))
    if (sub->get_name() != args[1] && distance(sub->get_name(), args[1]) <= 2)
      return fmt::format(" (did you mean '{}'?)", sub->get_name());
  return {};
}

int handle_parse_error(CLI::App& app, const CLI::ParseError& e, Context& ctx, const std::vector<std::string>& args)
{
  if (e.get_exit_code() == 0) return app.exit(e, ctx.streams.out, ctx.streams.err);
  ctx.streams.err << fmt::format("readyctl: error: {}{}\nRun 'readyctl --help' or 'readyctl COMMAND --help'.\n",
                                 e.what(), suggestion(app, args));
  return static_cast<int>(ExitCode::bad_input);
}

// Global flags (--color, -q, -v, --config) may follow any subcommand: unknown options climb to the root.
void fall_through(CLI::App& app)
{
  for (CLI::App* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    sub->fallthrough();
    fall_through(*sub);
  }
}

}  // namespace

void build_app(CLI::App& app, Context& ctx)
{
  app.footer(k_app_footer);
  app.set_version_flag("--version", std::string("readyctl ") + READYCTL_VERSION, "Print the version and exit");
  app.require_subcommand(1);
  add_global_flags(app, ctx.global);
  register_baseline(app, ctx);
  register_completion(app, ctx);
  register_gameday(app, ctx);
  register_lint(app, ctx);
  register_plan(app, ctx);
  register_scaffold(app, ctx);
  register_version(app, ctx);
  fall_through(app);
}

namespace {

int run_app(const std::vector<std::string>& args, Context& ctx)
{
  CLI::App app{k_description, "readyctl"};
  build_app(app, ctx);
  std::vector<std::string> reversed(args.rbegin(), args.rend() - (args.empty() ? 0 : 1));
  try {
    app.parse(reversed);
  } catch (const CLI::ParseError& e) {
    return handle_parse_error(app, e, ctx, args);
  }
  return ctx.exit_code;
}

}  // namespace

int run(const std::vector<std::string>& args, Streams& streams)
{
  Context ctx{streams, {}, 0, {}};
  try {
    return run_app(args, ctx);
  } catch (const InputError& e) {
    streams.out.flush();
    streams.err << "readyctl: error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::bad_input);
  } catch (const EnvironmentError& e) {
    streams.out.flush();
    streams.err << "readyctl: error: " << e.what() << "\n";
    return static_cast<int>(ExitCode::environment);
  }
}

}  // namespace readyctl::cli
