#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "lint_catalogue.hpp"
#include "output_formats.hpp"
#include "readyctl/core/huge_heap.hpp"
#include "readyctl/lint/engine.hpp"
#include "readyctl/report/formatters.hpp"

namespace readyctl::cli {
namespace {

struct LintFlags {
  std::vector<std::string> paths;
  std::vector<std::string> outputs;
  std::string fail_on;
  std::vector<std::string> enable, disable, only, rule_dirs;
  bool no_kustomize = false;
};

constexpr const char* k_lint_footer = R"(
Examples:
  readyctl lint deploy/                              findings as text, exit 1 on errors
  readyctl lint deploy/ --fail-on warning -o text -o sarif=lint.sarif -o junit=lint.xml
  helm template charts/app | readyctl lint -        findings mapped to chart files via '# Source:'
  readyctl lint k8s/ --only retry-within-timeout --only route-timeout
  readyctl lint rules --category guardrails
  readyctl lint explain retry-within-timeout

Exit: 0 clean, 1 findings at or above --fail-on, 2 bad input (parse errors are reported as findings too),
3 environment error.)";

int exit_code_for(const lint::LintRun& run, const std::string& fail_on)
{
  if (run.input_errors) return static_cast<int>(ExitCode::bad_input);
  if (fail_on == "never") return 0;
  Severity threshold = *parse_severity(fail_on);
  for (const Finding& f : run.report.findings)
    if (f.severity >= threshold) return static_cast<int>(ExitCode::findings);
  return 0;
}

// Keeps a finished run alive to the end of the process, reachable from a global (so leak checkers do not count
// it): freeing its trees and findings one by one is work nobody needs when the process is about to end. The
// pointer is volatile: a store nobody reads is otherwise dropped by the optimiser, and LeakSanitizer then reports
// the run as leaked.
void keep_until_exit(lint::LintRun&& run)
{
  [[maybe_unused]] static lint::LintRun* volatile kept = nullptr;
  kept = new lint::LintRun(std::move(run));
}

void run_lint_command(Context& ctx, LintFlags& flags)
{
  reserve_huge_heap(k_command_heap_bytes);
  lint::LintOptions options;
  options.paths = flags.paths;
  options.rule_dirs = flags.rule_dirs;
  options.enable = flags.enable;
  options.disable = flags.disable;
  options.only = flags.only;
  options.config_path = ctx.global.config;
  options.in = &ctx.streams.in;
  options.kustomize = !flags.no_kustomize;
  std::vector<OutputSpec> specs = parse_outputs("lint", flags.outputs);
  lint::LintRun run = lint::run_lint(options);
  std::string fail_on = !flags.fail_on.empty() ? flags.fail_on : (!run.config.fail_on.empty() ? run.config.fail_on : "error");
  if (fail_on != "never" && !parse_severity(fail_on))
    throw InputError(fmt::format("{}: failOn: expected error, warning, note or never, got '{}'", run.config.file.string(), fail_on));
  auto options_for = [&](bool to_terminal) {
    return RenderOptions{to_terminal && ctx.color_stdout(), ctx.global.verbose, ctx.global.quiet};
  };
  // Formats were checked above, so stdout may be streamed: a JSON report of 100,000 objects is never held whole.
  write_outputs(
      ctx, specs,
      [&](const std::string& format, bool to_terminal) { return find_lint_format(format).render(run.report, options_for(to_terminal)); },
      [&](const std::string& format, bool to_terminal, std::ostream& out) {
        const LintFormat& f = find_lint_format(format);
        if (!f.stream) return false;
        f.stream(run.report, options_for(to_terminal), out);
        return true;
      });
  ctx.exit_code = exit_code_for(run, fail_on);
  if (ctx.streams.process_exits_after) keep_until_exit(std::move(run));
}

}  // namespace

void register_lint(CLI::App& app, Context& ctx)
{
  LintFlags& flags = ctx.make<LintFlags>();
  CLI::App* cmd = app.add_subcommand("lint", "Check workload manifests against guardrail, scheduling, cost and isolation rules");
  cmd->footer(k_lint_footer);
  cmd->add_option("paths", flags.paths, "Files, directories (recursive *.yaml, *.yml, *.json) or - for stdin");
  add_output_option(cmd, flags.outputs, "lint");
  cmd->add_option("--fail-on", flags.fail_on, "Exit 1 when a finding is at or above: error (default), warning, note, never")
      ->check(CLI::IsMember({"error", "warning", "note", "never"}));
  cmd->add_option("--enable", flags.enable, "Turn on a rule that is off by default (repeatable)");
  cmd->add_option("--disable", flags.disable, "Turn off a rule (repeatable)");
  cmd->add_option("--only", flags.only, "Run only these rules (repeatable)");
  cmd->add_option("--rules", flags.rule_dirs, "A directory of extra rule files (repeatable)");
  cmd->add_flag("--no-kustomize", flags.no_kustomize, "Read kustomization directories as plain files, without kubectl kustomize");
  register_lint_catalogue(*cmd, ctx);
  cmd->callback([&ctx, &flags, cmd] {
    if (cmd->get_subcommands().empty()) run_lint_command(ctx, flags);
  });
}

}  // namespace readyctl::cli
