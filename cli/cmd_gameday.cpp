// `readyctl gameday`: validate a scenario, run it, finish its rollback, render its report.
#include <atomic>
#include <csignal>
#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "readyctl/gameday/journal.hpp"
#include "readyctl/gameday/loader.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/gameday/rollback.hpp"
#include "readyctl/gameday/runner.hpp"

namespace readyctl::cli {

namespace {

std::atomic<bool> g_interrupted{false};

extern "C" void on_interrupt(int) { g_interrupted = true; }

// Installs SIGINT/SIGTERM handlers for the life of a run, so Ctrl-C still plays the rollbacks.
class InterruptGuard {
public:
  InterruptGuard()
  {
    g_interrupted = false;
    m_int = std::signal(SIGINT, on_interrupt);
    m_term = std::signal(SIGTERM, on_interrupt);
  }
  ~InterruptGuard()
  {
    std::signal(SIGINT, m_int);
    std::signal(SIGTERM, m_term);
  }
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

private:
  void (*m_int)(int);
  void (*m_term)(int);
};

struct RunFlags {
  std::string file;
  bool dry_run = false;
  bool yes = false;
  std::string journal;
  std::vector<std::string> vars;
  std::vector<std::string> outputs;  // -o junit=PATH
};

// Refused before the run starts: a drill is not played for a report it cannot write.
std::vector<OutputSpec> run_outputs(const std::vector<std::string>& values)
{
  std::vector<OutputSpec> specs = values.empty() ? std::vector<OutputSpec>{} : parse_output_specs(values, "junit");
  for (const OutputSpec& spec : specs)
    if (spec.format != "junit") throw InputError(fmt::format("-o {}: gameday run writes junit", spec.format));
  return specs;
}

std::map<std::string, std::string> parse_vars(const std::vector<std::string>& values)
{
  std::map<std::string, std::string> vars;
  for (const std::string& v : values) {
    size_t eq = v.find('=');
    if (eq == std::string::npos || eq == 0) throw InputError(fmt::format("--var '{}': expected NAME=VALUE", v));
    vars[v.substr(0, eq)] = v.substr(eq + 1);
  }
  return vars;
}

void print_progress(Context& ctx, const gameday::Progress& p)
{
  if (p.status == "running") return;
  bool color = ctx.color_stderr();
  bool bad = p.status == "deviated" || p.status == "failed" || p.status == "abort" || p.status == "refused";
  std::string status = color ? fmt::format("\x1b[{}m{}\x1b[0m", bad ? "31" : "32", p.status) : p.status;
  ctx.streams.err << fmt::format("[{:7.1f}s] {:<17} {:<24} {}{}\n", p.elapsed, p.phase, p.name, status,
                                 p.detail.empty() ? "" : "  " + p.detail.substr(0, 120));
  ctx.streams.err.flush();
}

void add_validate(CLI::App& gd, Context& ctx)
{
  auto file = std::make_shared<std::string>();
  CLI::App* cmd = gd.add_subcommand("validate", "Check a scenario and list every problem with file:line:col");
  cmd->add_option("FILE", *file, "Scenario file (YAML, kind: GameDay)")->required();
  cmd->footer("\nExamples:\n  readyctl gameday validate examples/gamedays/local-failover.yaml");
  cmd->callback([&ctx, file] {
    gameday::LoadResult r = gameday::load_scenario(*file);
    for (const gameday::Problem& p : r.problems) ctx.streams.err << p.str() << "\n";
    if (!r.problems.empty()) {
      ctx.streams.err << fmt::format("{}: {} problem(s)\n", *file, r.problems.size());
      ctx.exit_code = static_cast<int>(ExitCode::bad_input);
      return;
    }
    if (!ctx.global.quiet)
      ctx.streams.out << fmt::format("{}: valid game day '{}' ({} setup, {} steps, {} hypothesis probes, {} assertions)\n",
                                     *file, r.scenario.name, r.scenario.setup.size(), r.scenario.steps.size(),
                                     r.scenario.hypothesis.size(), r.scenario.asserts.size());
  });
}

void add_run(CLI::App& gd, Context& ctx)
{
  auto flags = std::make_shared<RunFlags>();
  CLI::App* cmd = gd.add_subcommand("run", "Run a game day and write its journal");
  cmd->add_option("FILE", flags->file, "Scenario file (YAML, kind: GameDay)")->required();
  cmd->add_flag("--dry-run", flags->dry_run, "Resolve targets and evaluate probes; inject nothing");
  cmd->add_option("--journal", flags->journal, "Journal path (default .readyctl/gamedays/NAME-RUNID.json)");
  cmd->add_option("--var", flags->vars, "Set a declared variable: NAME=VALUE (repeatable)");
  cmd->add_flag("--yes", flags->yes, "Allow actions on a Kubernetes cluster");
  cmd->add_option("-o,--output", flags->outputs,
                  "junit[=PATH]: also write the run as JUnit XML (each probe, step and assertion a test case)");
  cmd->footer("\nExit codes: 0 held, 1 deviated, 2 invalid, 3 environment, 4 aborted, 130 interrupted.\n"
              "\nExamples:\n  readyctl gameday run examples/gamedays/local-failover.yaml\n"
              "  readyctl gameday run drill.yaml --dry-run --var namespace=staging\n"
              "  readyctl gameday run drill.yaml --yes --journal .readyctl/gamedays/worker-kill.json\n"
              "  readyctl gameday run drill.yaml -o junit=gameday-junit.xml");
  cmd->callback([&ctx, flags] {
    gameday::RunOptions options;
    options.scenario = flags->file;
    options.dry_run = flags->dry_run;
    options.yes = flags->yes;
    options.journal = flags->journal;
    options.vars = parse_vars(flags->vars);
    options.interrupted = &g_interrupted;
    std::vector<OutputSpec> outputs = run_outputs(flags->outputs);
    if (ctx.show_progress()) options.progress = [&ctx](const gameday::Progress& p) { print_progress(ctx, p); };
    InterruptGuard guard;
    gameday::RunResult r = gameday::run_gameday(options);
    ctx.streams.out << fmt::format("{}: {}{}\njournal: {}\n", gameday::verdict_name(r.verdict),
                                   r.reason.empty() ? "the hypothesis held" : r.reason, "", r.journal.string());
    if (!outputs.empty()) {
      gameday::Json journal = gameday::load_journal(r.journal);
      write_outputs(ctx, outputs, [&](const std::string&, bool) { return gameday::render_junit(journal); });
    }
    ctx.exit_code = gameday::verdict_exit_code(r.verdict);
  });
}

void add_rollback(CLI::App& gd, Context& ctx)
{
  auto journal = std::make_shared<std::string>();
  CLI::App* cmd = gd.add_subcommand("rollback", "Finish the undos a crashed or killed run left pending");
  cmd->add_option("--journal", *journal, "Journal of the run to roll back")->required();
  cmd->footer("\nExamples:\n  readyctl gameday rollback --journal .readyctl/gamedays/worker-kill-20261123T142233Z-1a2b.json");
  cmd->callback([&ctx, journal] {
    gameday::RollbackResult r = gameday::rollback_journal(*journal);
    for (const std::string& m : r.messages) ctx.streams.out << m << "\n";
    ctx.streams.out << fmt::format("{} undo(s) done, {} failed, {} process(es) stopped\n", r.undone, r.failed,
                                   r.stopped_processes);
    ctx.exit_code = r.failed ? static_cast<int>(ExitCode::environment) : 0;
  });
}

void add_report(CLI::App& gd, Context& ctx)
{
  auto journals = std::make_shared<std::vector<std::string>>();
  auto outputs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = gd.add_subcommand("report", "Render journals as markdown or a self-contained HTML timeline");
  cmd->add_option("JOURNAL", *journals, "Journal files")->required();
  cmd->add_option("-o,--output", *outputs, "FORMAT[=PATH]: markdown or html (repeatable; default markdown to stdout)");
  cmd->footer("\nExamples:\n  readyctl gameday report .readyctl/gamedays/*.json\n"
              "  readyctl gameday report run.json -o html=gameday.html -o markdown=gameday.md");
  cmd->callback([&ctx, journals, outputs] {
    std::vector<gameday::Json> docs;
    for (const std::string& path : *journals) docs.push_back(gameday::load_journal(path));
    write_outputs(ctx, parse_output_specs(*outputs, "markdown"), [&](const std::string& format, bool) {
      if (format == "markdown") return gameday::render_markdown(docs);
      if (format == "html") return gameday::render_html(docs);
      throw InputError(fmt::format("-o {}: expected markdown or html", format));
    });
  });
}

}  // namespace

void register_gameday(CLI::App& app, Context& ctx)
{
  CLI::App* cmd = app.add_subcommand("gameday", "Run game days: failure drills with a hypothesis, rollbacks and a journal");
  cmd->require_subcommand(1);
  cmd->footer("\nExamples:\n  readyctl gameday validate examples/gamedays/local-failover.yaml\n"
              "  readyctl gameday run examples/gamedays/local-failover.yaml\n"
              "  readyctl gameday report .readyctl/gamedays/*.json -o html=gameday.html");
  add_validate(*cmd, ctx);
  add_run(*cmd, ctx);
  add_rollback(*cmd, ctx);
  add_report(*cmd, ctx);
}

}  // namespace readyctl::cli
