// `readyctl plan`: the 90-day plan — init writes .readyctl/plan.yaml, status checks each phase from evidence,
// report renders it all on one page for the team.
#include <filesystem>
#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "output_formats.hpp"
#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/terminal.hpp"
#include "readyctl/plan/plan_file.hpp"
#include "readyctl/plan/report.hpp"
#include "readyctl/plan/status.hpp"

namespace readyctl::cli {
namespace {

namespace fs = std::filesystem;
namespace pl = readyctl::plan;

constexpr const char* k_plan_footer = R"(
Examples:
  readyctl plan init                                   on a terminal: asks for each value
  readyctl plan init --non-interactive                 start today, flow project in ./flow
  readyctl plan init --start 2026-11-02 --prometheus http://prometheus:9090 \
      --manifests deploy/ --manifests flow/deploy/base --flow-dir flow
  readyctl plan status
  readyctl plan status -o json=plan.json -o markdown --fail-on-late
  readyctl plan next
  readyctl plan report -o html=plan.html -o markdown=plan.md

Phases: weeks 1-3 baseline, 4-6 durable flow, 7-9 guardrails, 10-12 game days; each is due on the last day
of its third week. Evidence: .readyctl/baselines/*.json, FLOW_DIR/.readyctl-answers.yaml and lint of FLOW_DIR/deploy/base,
lint of the plan's manifests, held game-day journals in .readyctl/gamedays/*.json tagged failover, replay
and rollback. status and report record the lint of the manifests in .readyctl/lint-history.json when the
result changed (--no-record: do not). Exit: 0 ok, 1 a phase is late (with --fail-on-late), 2 bad input or no plan.
See man readyctl-plan.)";

struct InitFlags {
  std::string start;
  std::vector<std::string> manifests;
  std::string prometheus;
  std::string flow_dir;  // empty: not given ("flow")
  bool force = false;
  bool non_interactive = false;
};

struct StatusFlags {
  std::vector<std::string> outputs;
  bool fail_on_late = false;
  bool no_record = false;
  std::string today;
};

// Asks on stderr and reads stdin, only when both are terminals and --non-interactive is absent.
void ask_unset(const InitFlags& f, pl::PlanConfig& c, Context& ctx)
{
  if (f.non_interactive || !ctx.streams.err_is_terminal || !fd_is_terminal(0)) return;
  pl::PlanQuestions q{f.start.empty(), f.flow_dir.empty(), f.manifests.empty(), f.prometheus.empty()};
  pl::ask_plan_config(c, q, [&ctx](const std::string& question) -> std::optional<std::string> {
    ctx.streams.err << question << std::flush;
    std::string line;
    if (!std::getline(ctx.streams.in, line)) return std::nullopt;
    return line;
  });
}

void run_init(const InitFlags& f, Context& ctx)
{
  if (!f.force && fs::exists(pl::k_plan_file))  // before any question: answers would be thrown away
    throw InputError(fmt::format("plan init: {} exists (use --force to replace it)", pl::k_plan_file));
  pl::PlanConfig c;
  c.start = f.start.empty() ? pl::utc_today_day() : pl::parse_date(f.start, "--start");
  c.manifests = f.manifests;
  c.prometheus = f.prometheus;
  if (!f.flow_dir.empty()) c.flow_dir = f.flow_dir;
  ask_unset(f, c, ctx);
  if (c.manifests.empty()) c.manifests = pl::default_manifests(c.flow_dir);
  write_file_atomically(pl::k_plan_file, pl::render_plan_yaml(c), f.force ? Overwrite::allow : Overwrite::refuse);
  if (!ctx.global.quiet)
    ctx.streams.out << fmt::format("wrote {} (start {}); next: readyctl plan status\n", pl::k_plan_file, pl::format_date(c.start));
  ctx.exit_code = static_cast<int>(ExitCode::ok);
}

struct Evaluated {
  fs::path root;
  pl::PlanStatus status;
};

Evaluated evaluate(const StatusFlags& f)
{
  std::optional<fs::path> root = pl::find_plan_root(fs::current_path());
  if (!root) throw InputError(fmt::format("plan: no {} here or in any parent directory: run 'readyctl plan init'", pl::k_plan_file));
  fs::path file = *root / pl::k_plan_file;
  pl::StatusOptions o;
  o.root = *root;
  o.config = pl::parse_plan_yaml(file.string(), read_file(file));
  o.today = f.today.empty() ? pl::utc_today_day() : pl::parse_date(f.today, "--today");
  return {*root, pl::evaluate_plan(o)};
}

// One point of the lint trend per changed result; `plan report` charts them.
void record(const Evaluated& e, const StatusFlags& f)
{
  if (!f.no_record && e.status.manifests_lint) pl::record_lint_history(e.root, *e.status.manifests_lint);
}

// Formats were checked against the table by parse_outputs.
std::string render(const pl::PlanStatus& s, const std::string& format)
{
  return find_format(pl::status_formats(), format).render(s, {});
}

void run_status(const StatusFlags& f, Context& ctx)
{
  std::vector<OutputSpec> specs = parse_outputs("plan status", f.outputs);  // a bad format fails before any work
  Evaluated e = evaluate(f);
  record(e, f);
  write_outputs(ctx, specs, [&](const std::string& format, bool) { return render(e.status, format); });
  ctx.exit_code = static_cast<int>(f.fail_on_late && e.status.any_late() ? ExitCode::findings : ExitCode::ok);
}

std::string render_report(const pl::PlanReport& r, const std::string& format)
{
  return find_format(pl::report_formats(), format).render(r, {});
}

void run_report(const StatusFlags& f, Context& ctx)
{
  std::vector<OutputSpec> specs = parse_outputs("plan report", f.outputs);  // a bad format fails before any work
  Evaluated e = evaluate(f);
  record(e, f);
  pl::PlanReport r = pl::gather_plan_report(e.root, e.status);
  write_outputs(ctx, specs, [&](const std::string& format, bool) { return render_report(r, format); });
  ctx.exit_code = static_cast<int>(f.fail_on_late && e.status.any_late() ? ExitCode::findings : ExitCode::ok);
}

void run_next(const StatusFlags& f, Context& ctx)
{
  std::vector<OutputSpec> specs = parse_outputs("plan next", f.outputs);
  pl::PlanStatus s = evaluate(f).status;
  auto text = [&] { return (s.next_command.empty() ? "# all exit criteria are met" : s.next_command) + "\n"; };
  auto json = [&] {
    nlohmann::ordered_json j = document_head();
    j["next"] = s.next_command.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(s.next_command);
    j["allCriteriaMet"] = s.next_command.empty();
    return j;
  };
  write_document(ctx, specs, {text, json});
  ctx.exit_code = static_cast<int>(ExitCode::ok);
}

void add_today(CLI::App* cmd, StatusFlags& f)
{
  cmd->add_option("--today", f.today, "Evaluate as of this date YYYY-MM-DD (default: today, UTC)");
}

void add_evaluation_flags(CLI::App* cmd, StatusFlags& f)
{
  cmd->add_flag("--fail-on-late", f.fail_on_late, "Exit 1 when a phase is past due with criteria unmet");
  cmd->add_flag("--no-record", f.no_record, "Do not add this lint of the manifests to .readyctl/lint-history.json");
  add_today(cmd, f);
}

}  // namespace

void register_plan(CLI::App& app, Context& ctx)
{
  CLI::App* plan = app.add_subcommand("plan", "Track the 90-day plan: phases, exit criteria from evidence, next command");
  plan->footer(k_plan_footer);
  plan->require_subcommand(1);

  auto init = std::make_shared<InitFlags>();
  CLI::App* cmd = plan->add_subcommand("init", "Write .readyctl/plan.yaml (start date, manifests, Prometheus, flow project)");
  cmd->add_option("--start", init->start, "First day of week 1, YYYY-MM-DD (default: today, UTC)");
  cmd->add_option("--manifests", init->manifests, "Manifest path linted for weeks 7-9 (repeatable; default FLOW_DIR/deploy/base)");
  cmd->add_option("--prometheus", init->prometheus, "Prometheus URL used in the suggested baseline commands");
  cmd->add_option("--flow-dir", init->flow_dir, "Directory of the durable-flow project (default: flow)");
  cmd->add_flag("--force", init->force, "Replace an existing .readyctl/plan.yaml");
  cmd->add_flag("--non-interactive", init->non_interactive, "Never ask on a terminal; flags and defaults only");
  cmd->callback([init, &ctx] { run_init(*init, ctx); });

  auto status = std::make_shared<StatusFlags>();
  cmd = plan->add_subcommand("status", "Show each phase's exit criteria, evidence, due dates, what is late, and the next command");
  add_output_option(cmd, status->outputs, "plan status");
  add_evaluation_flags(cmd, *status);
  cmd->callback([status, &ctx] { run_status(*status, ctx); });

  auto next = std::make_shared<StatusFlags>();
  cmd = plan->add_subcommand("next", "Print just the next command to run");
  add_today(cmd, *next);
  add_output_option(cmd, next->outputs, "plan next");
  cmd->callback([next, &ctx] { run_next(*next, ctx); });

  auto report = std::make_shared<StatusFlags>();
  cmd = plan->add_subcommand("report", "One page for the team's review: phases and evidence, baseline charts, lint trend, drills");
  add_output_option(cmd, report->outputs, "plan report");
  add_evaluation_flags(cmd, *report);
  cmd->callback([report, &ctx] { run_report(*report, ctx); });
}

}  // namespace readyctl::cli
