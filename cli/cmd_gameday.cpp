// `readyctl gameday`: validate a scenario, run it, finish its rollback, render its report.
#include <atomic>
#include <csignal>
#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "http_flags.hpp"
#include "output_formats.hpp"
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
  std::vector<std::string> outputs;
  HttpFlags prometheus;  // for the scenario's `prometheus` probes: secrets stay out of the scenario file
};

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

nlohmann::ordered_json validation_json(const std::string& file, const gameday::LoadResult& r)
{
  nlohmann::ordered_json j = document_head();
  j["file"] = file;
  j["valid"] = r.problems.empty();
  if (r.problems.empty())
    j["scenario"] = {{"name", r.scenario.name}, {"setup", r.scenario.setup.size()}, {"steps", r.scenario.steps.size()},
                     {"hypothesisProbes", r.scenario.hypothesis.size()}, {"assertions", r.scenario.asserts.size()}};
  j["problems"] = nlohmann::ordered_json::array();
  for (const gameday::Problem& p : r.problems)
    j["problems"].push_back({{"file", p.location.file}, {"line", p.location.line}, {"column", p.location.column},
                             {"message", p.message}});
  return j;
}

std::string validation_text(const std::string& file, const gameday::LoadResult& r, bool quiet)
{
  if (!r.problems.empty() || quiet) return {};
  return fmt::format("{}: valid game day '{}' ({} setup, {} steps, {} hypothesis probes, {} assertions)\n", file,
                     r.scenario.name, r.scenario.setup.size(), r.scenario.steps.size(), r.scenario.hypothesis.size(),
                     r.scenario.asserts.size());
}

void add_validate(CLI::App& gd, Context& ctx)
{
  auto file = std::make_shared<std::string>();
  auto outputs = std::make_shared<std::vector<std::string>>();
  CLI::App* cmd = gd.add_subcommand("validate", "Check a scenario and list every problem with file:line:col");
  cmd->add_option("FILE", *file, "Scenario file (YAML, kind: GameDay)")->required();
  add_output_option(cmd, *outputs, "gameday validate");
  cmd->footer("\nExamples:\n  readyctl gameday validate examples/gamedays/local-failover.yaml\n"
              "  readyctl gameday validate drill.yaml -o json      problems as data too; exit 2 when there are any");
  cmd->callback([&ctx, file, outputs] {
    std::vector<OutputSpec> specs = parse_outputs("gameday validate", *outputs);
    gameday::LoadResult r = gameday::load_scenario(*file);
    // Problems go to stderr whatever the format, so a terminal or a CI log shows them next to the exit code.
    for (const gameday::Problem& p : r.problems) ctx.streams.err << p.str() << "\n";
    if (!r.problems.empty()) ctx.streams.err << fmt::format("{}: {} problem(s)\n", *file, r.problems.size());
    write_document(ctx, specs, {[&] { return validation_text(*file, r, ctx.global.quiet); },
                                [&] { return validation_json(*file, r); }});
    ctx.exit_code = static_cast<int>(r.problems.empty() ? ExitCode::ok : ExitCode::bad_input);
  });
}

std::string run_text(const gameday::RunResult& r)
{
  return fmt::format("{}: {}\njournal: {}\n", gameday::verdict_name(r.verdict),
                     r.reason.empty() ? "the hypothesis held" : r.reason, r.journal.string());
}

nlohmann::ordered_json run_json(const gameday::RunResult& r, int exit_code)
{
  nlohmann::ordered_json j = document_head();
  j["verdict"] = gameday::verdict_name(r.verdict);
  j["reason"] = r.reason;
  j["journal"] = r.journal.string();
  j["exitCode"] = exit_code;
  return j;
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
  add_http_flags(cmd, flags->prometheus, "the prometheus probes' server", false);
  add_output_option(cmd, flags->outputs, "gameday run");
  cmd->footer("\nExit codes: 0 held, 1 deviated, 2 invalid, 3 environment, 4 aborted, 130 interrupted.\n"
              "\nExamples:\n  readyctl gameday run examples/gamedays/local-failover.yaml\n"
              "  readyctl gameday run drill.yaml --dry-run --var namespace=staging\n"
              "  readyctl gameday run drill.yaml --yes --journal .readyctl/gamedays/worker-kill.json\n"
              "  readyctl gameday run drill.yaml -o junit=gameday-junit.xml\n"
              "  readyctl gameday run drill.yaml --bearer-token-file /var/run/secrets/prom-token --tenant-id team-a");
  cmd->callback([&ctx, flags] {
    // Refused before the run starts: a drill is not played for a report it cannot write.
    std::vector<OutputSpec> specs = parse_outputs("gameday run", flags->outputs);
    gameday::RunOptions options;
    options.scenario = flags->file;
    options.dry_run = flags->dry_run;
    options.yes = flags->yes;
    options.journal = flags->journal;
    options.vars = parse_vars(flags->vars);
    options.prometheus = http_options(flags->prometheus);
    options.interrupted = &g_interrupted;
    if (ctx.show_progress()) options.progress = [&ctx](const gameday::Progress& p) { print_progress(ctx, p); };
    InterruptGuard guard;
    gameday::RunResult r = gameday::run_gameday(options);
    ctx.exit_code = gameday::verdict_exit_code(r.verdict);
    const Document doc{[&] { return run_text(r); }, [&] { return run_json(r, ctx.exit_code); }};
    write_outputs(ctx, specs, [&](const std::string& format, bool) {
      // JUnit (each probe, step and assertion a test case) is read from the journal the run wrote.
      return format == "junit" ? gameday::render_junit(gameday::load_journal(r.journal)) : render_document(doc, format);
    });
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
  add_output_option(cmd, *outputs, "gameday report");
  cmd->footer("\nExamples:\n  readyctl gameday report .readyctl/gamedays/*.json\n"
              "  readyctl gameday report run.json -o html=gameday.html -o markdown=gameday.md");
  cmd->callback([&ctx, journals, outputs] {
    std::vector<OutputSpec> specs = parse_outputs("gameday report", *outputs);
    std::vector<gameday::Json> docs;
    for (const std::string& path : *journals) docs.push_back(gameday::load_journal(path));
    write_outputs(ctx, specs, [&](const std::string& format, bool) {
      return find_format(gameday::report_formats(), format).render(docs, {});
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
