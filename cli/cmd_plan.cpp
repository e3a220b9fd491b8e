// `readyctl plan`: the 90-day plan — init writes .readyctl/plan.yaml, status checks each phase from evidence.
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "readyctl/core/atomic_file.hpp"
#include "readyctl/plan/plan_file.hpp"
#include "readyctl/plan/status.hpp"

namespace readyctl::cli {
namespace {

namespace fs = std::filesystem;
namespace pl = readyctl::plan;

constexpr const char* k_footer = R"(
Examples:
  readyctl plan init                                   start today, flow project in ./flow
  readyctl plan init --start 2026-11-02 --prometheus http://prometheus:9090 \
      --manifests deploy/ --manifests flow/deploy/base --flow-dir flow
  readyctl plan status
  readyctl plan status -o json=plan.json -o markdown --fail-on-late
  readyctl plan next

Phases: weeks 1-3 baseline, 4-6 durable flow, 7-9 guardrails, 10-12 game days; each is due on the last day
of its third week. Evidence: .readyctl/baselines/*.json, FLOW_DIR/.readyctl-answers.yaml and lint of FLOW_DIR/deploy/base,
lint of the plan's manifests, held game-day journals in .readyctl/gamedays/*.json tagged failover, replay
and rollback. Exit: 0 ok, 1 a phase is late (with --fail-on-late), 2 bad input or no plan.
See man readyctl-plan.)";

struct InitFlags {
  std::string start;
  std::vector<std::string> manifests;
  std::string prometheus;
  std::string flow_dir = "flow";
  bool force = false;
};

struct StatusFlags {
  std::vector<std::string> outputs;
  bool fail_on_late = false;
  std::string today;
};

void run_init(const InitFlags& f, Context& ctx)
{
  pl::PlanConfig c;
  c.start = f.start.empty() ? pl::utc_today_day() : pl::parse_date(f.start, "--start");
  c.manifests = f.manifests;
  if (c.manifests.empty()) c.manifests.push_back((fs::path(f.flow_dir) / "deploy" / "base").generic_string());
  c.prometheus = f.prometheus;
  c.flow_dir = f.flow_dir;
  write_file_atomically(pl::k_plan_file, pl::render_plan_yaml(c), f.force ? Overwrite::allow : Overwrite::refuse);
  if (!ctx.global.quiet)
    ctx.streams.out << fmt::format("wrote {} (start {}); next: readyctl plan status\n", pl::k_plan_file, pl::format_date(c.start));
  ctx.exit_code = static_cast<int>(ExitCode::ok);
}

pl::PlanStatus evaluate(const StatusFlags& f)
{
  std::optional<fs::path> root = pl::find_plan_root(fs::current_path());
  if (!root) throw InputError(fmt::format("plan: no {} here or in any parent directory: run 'readyctl plan init'", pl::k_plan_file));
  fs::path file = *root / pl::k_plan_file;
  pl::StatusOptions o;
  o.root = *root;
  o.config = pl::parse_plan_yaml(file.string(), read_file(file));
  o.today = f.today.empty() ? pl::utc_today_day() : pl::parse_date(f.today, "--today");
  return pl::evaluate_plan(o);
}

std::string render(const pl::PlanStatus& s, const std::string& format)
{
  if (format == "text") return pl::render_status_text(s);
  if (format == "json") return pl::render_status_json(s);
  if (format == "markdown") return pl::render_status_markdown(s);
  throw InputError(fmt::format("-o {}: expected text, json or markdown", format));
}

void run_status(const StatusFlags& f, Context& ctx)
{
  std::vector<OutputSpec> specs = parse_output_specs(f.outputs, "text");
  for (const auto& spec : specs) render(pl::PlanStatus{}, spec.format);  // reject a bad format before any work
  pl::PlanStatus s = evaluate(f);
  write_outputs(ctx, specs, [&](const std::string& format, bool) { return render(s, format); });
  ctx.exit_code = static_cast<int>(f.fail_on_late && s.any_late() ? ExitCode::findings : ExitCode::ok);
}

void run_next(const StatusFlags& f, Context& ctx)
{
  pl::PlanStatus s = evaluate(f);
  ctx.streams.out << (s.next_command.empty() ? "# all exit criteria are met" : s.next_command) << "\n";
  ctx.exit_code = static_cast<int>(ExitCode::ok);
}

void add_today(CLI::App* cmd, StatusFlags& f)
{
  cmd->add_option("--today", f.today, "Evaluate as of this date YYYY-MM-DD (default: today, UTC)");
}

}  // namespace

void register_plan(CLI::App& app, Context& ctx)
{
  CLI::App* plan = app.add_subcommand("plan", "Track the 90-day plan: phases, exit criteria from evidence, next command");
  plan->footer(k_footer);
  plan->require_subcommand(1);

  auto init = std::make_shared<InitFlags>();
  CLI::App* cmd = plan->add_subcommand("init", "Write .readyctl/plan.yaml (start date, manifests, Prometheus, flow project)");
  cmd->add_option("--start", init->start, "First day of week 1, YYYY-MM-DD (default: today, UTC)");
  cmd->add_option("--manifests", init->manifests, "Manifest path linted for weeks 7-9 (repeatable; default FLOW_DIR/deploy/base)");
  cmd->add_option("--prometheus", init->prometheus, "Prometheus URL used in the suggested baseline commands");
  cmd->add_option("--flow-dir", init->flow_dir, "Directory of the durable-flow project")->capture_default_str();
  cmd->add_flag("--force", init->force, "Replace an existing .readyctl/plan.yaml");
  cmd->callback([init, &ctx] { run_init(*init, ctx); });

  auto status = std::make_shared<StatusFlags>();
  cmd = plan->add_subcommand("status", "Show each phase's exit criteria, evidence, due dates, what is late, and the next command");
  cmd->add_option("-o,--output", status->outputs, "FORMAT[=PATH]: text, json or markdown (repeatable)");
  cmd->add_flag("--fail-on-late", status->fail_on_late, "Exit 1 when a phase is past due with criteria unmet");
  add_today(cmd, *status);
  cmd->callback([status, &ctx] { run_status(*status, ctx); });

  auto next = std::make_shared<StatusFlags>();
  cmd = plan->add_subcommand("next", "Print just the next command to run");
  add_today(cmd, *next);
  cmd->callback([next, &ctx] { run_next(*next, ctx); });

  cmd = plan->add_subcommand("report", "(not yet implemented) HTML plan report");
  cmd->allow_extras();
  cmd->callback([&ctx] {
    ctx.streams.err << "readyctl: error: plan report: not yet implemented\n";
    ctx.exit_code = static_cast<int>(ExitCode::bad_input);
  });
}

}  // namespace readyctl::cli
