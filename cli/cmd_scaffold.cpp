// `readyctl scaffold`: list, describe, new and update project templates.
#include <istream>
#include <memory>
#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "output_formats.hpp"
#include "readyctl/core/terminal.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/scaffold/project.hpp"
#include "readyctl/scaffold/update.hpp"

namespace readyctl::cli {
namespace {

using namespace readyctl::scaffold;

struct ScaffoldFlags {
  std::string templates_dir;
  std::string name;
  std::string dir;
  std::vector<std::string> sets;
  std::string answers;
  bool non_interactive = false;
  bool dry_run = false;
  bool force = false;
  std::vector<std::string> outputs;
};

constexpr const char* k_scaffold_footer = R"(
Examples:
  readyctl scaffold list
  readyctl scaffold describe durable-flow-python
  readyctl scaffold list -o json
  readyctl scaffold new durable-flow-python acme-flow              prompts on a terminal; project_name acme-flow
  readyctl scaffold new durable-flow-python acme-flow --non-interactive --set namespace=acme-flows
  readyctl scaffold new durable-agent-python agent --answers answers.yaml --dry-run
  readyctl scaffold update acme-flow                             3-way merge of the newer template

The project records .readyctl-answers.yaml (template, version, answers) and its base render under
.readyctl/scaffold-base/, so 'update' keeps your edits; conflicts are marked <<<<<<< ======= >>>>>>>.
Exit: 0 ok, 1 update left conflicts, 2 bad input (missing answer, existing files without --force).)";

TemplateStore load_store(const ScaffoldFlags& flags)
{
  return flags.templates_dir.empty() ? TemplateStore::embedded() : TemplateStore::from_directory(flags.templates_dir);
}

std::string prompt_line(const Variable& var, const std::string& suggested)
{
  std::string choices = var.choices.empty() ? "" : fmt::format(" ({})", fmt::join(var.choices, "/"));
  std::string fallback = suggested.empty() ? "" : fmt::format(" [{}]", suggested);
  return fmt::format("{}{} - {}{}: ", var.name, choices, var.description, fallback);
}

// Prompts on stderr and reads stdin, only when both are terminals and --non-interactive is absent.
Prompt make_prompt(Context& ctx, const ScaffoldFlags& flags)
{
  if (flags.non_interactive || !ctx.streams.err_is_terminal || !fd_is_terminal(0)) return {};
  return [&ctx](const Variable& var, const std::string& suggested, const std::string& problem) -> std::optional<std::string> {
    if (!problem.empty()) ctx.streams.err << "  " << problem << "\n";
    ctx.streams.err << prompt_line(var, suggested) << std::flush;
    std::string line;
    if (!std::getline(ctx.streams.in, line)) return std::nullopt;
    return line;
  };
}

AnswerSources make_sources(Context& ctx, const ScaffoldFlags& flags)
{
  AnswerSources sources;
  sources.sets = flags.sets;
  if (!flags.answers.empty()) sources.answers_file = flags.answers;
  sources.prompt = make_prompt(ctx, flags);
  return sources;
}

nlohmann::ordered_json template_json(const TemplateManifest& m)
{
  return {{"name", m.name}, {"version", m.version}, {"description", m.description}};
}

void run_list(Context& ctx, const ScaffoldFlags& flags)
{
  std::vector<OutputSpec> specs = parse_outputs("scaffold list", flags.outputs);
  std::vector<TemplateManifest> list = load_store(flags).list();
  auto text = [&] {
    std::string out;
    for (const TemplateManifest& m : list) out += fmt::format("{:<24} v{:<3} {}\n", m.name, m.version, m.description);
    return out;
  };
  auto json = [&] {
    nlohmann::ordered_json j = document_head();
    j["templates"] = nlohmann::ordered_json::array();
    for (const TemplateManifest& m : list) j["templates"].push_back(template_json(m));
    return j;
  };
  write_document(ctx, specs, {text, json});
}

std::string describe_variable(const Variable& var)
{
  std::string line = fmt::format("  {:<22} {:<7} {}", var.name, type_name(var.type), var.description);
  if (var.default_value) line += fmt::format(" [default: {}]", *var.default_value);
  else line += " [required]";
  if (!var.choices.empty()) line += fmt::format(" (one of: {})", fmt::join(var.choices, ", "));
  if (!var.pattern.empty()) line += fmt::format(" (matches {})", var.pattern);
  if (var.min) line += fmt::format(" (min {})", *var.min);
  if (var.max) line += fmt::format(" (max {})", *var.max);
  if (!var.when.empty()) line += fmt::format(" (when {})", var.when);
  return line + "\n";
}

nlohmann::ordered_json variable_json(const Variable& var)
{
  nlohmann::ordered_json j{{"name", var.name}, {"type", type_name(var.type)}, {"description", var.description},
                           {"required", !var.default_value}};
  if (var.default_value) j["default"] = *var.default_value;
  if (!var.choices.empty()) j["choices"] = var.choices;
  if (!var.pattern.empty()) j["pattern"] = var.pattern;
  if (var.min) j["min"] = *var.min;
  if (var.max) j["max"] = *var.max;
  if (!var.when.empty()) j["when"] = var.when;
  return j;
}

// Each file of the template with the condition that keeps it (empty: always written).
std::vector<std::pair<std::string, std::string>> files_with_conditions(const LoadedTemplate& tmpl)
{
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [path, text] : tmpl.files) {
    std::string when;
    for (const FileRule& rule : tmpl.manifest.files)
      if (glob_match(rule.path, path)) when = rule.when;
    out.emplace_back(path, when);
  }
  return out;
}

std::string describe_text(const TemplateManifest& m, const std::vector<std::pair<std::string, std::string>>& files)
{
  std::string out = fmt::format("{} v{}\n{}\n\nVariables:\n", m.name, m.version, m.description);
  for (const Variable& var : m.variables) out += describe_variable(var);
  out += "\nFiles:\n";
  for (const auto& [path, when] : files) out += fmt::format("  {}{}\n", path, when.empty() ? "" : fmt::format("  (when {})", when));
  return out;
}

nlohmann::ordered_json describe_json(const TemplateManifest& m, const std::vector<std::pair<std::string, std::string>>& files)
{
  nlohmann::ordered_json j = document_head();
  j["template"] = template_json(m);
  j["template"]["variables"] = nlohmann::ordered_json::array();
  for (const Variable& var : m.variables) j["template"]["variables"].push_back(variable_json(var));
  j["template"]["files"] = nlohmann::ordered_json::array();
  for (const auto& [path, when] : files) {
    nlohmann::ordered_json file{{"path", path}};
    if (!when.empty()) file["when"] = when;
    j["template"]["files"].push_back(file);
  }
  return j;
}

void run_describe(Context& ctx, const ScaffoldFlags& flags)
{
  std::vector<OutputSpec> specs = parse_outputs("scaffold describe", flags.outputs);
  LoadedTemplate tmpl = load_store(flags).load(flags.name);
  auto files = files_with_conditions(tmpl);
  write_document(ctx, specs, {[&] { return describe_text(tmpl.manifest, files); }, [&] { return describe_json(tmpl.manifest, files); }});
}

void print_dry_run(Context& ctx, const NewResult& result, const std::string& dir)
{
  std::ostream& out = ctx.streams.out;
  out << fmt::format("Would create {} files in {} from {} v{} (dry run: nothing written):\n", result.files.size(), dir,
                     result.manifest.name, result.manifest.version);
  for (const PlannedFile& file : result.files) out << fmt::format("  {}{}\n", file.path, file.exists ? "  (overwrite)" : "");
  out << fmt::format("  .readyctl/scaffold-base/  ({} base files for 'scaffold update')\n", result.base_files);
  for (const PlannedFile& file : result.files) {
    out << fmt::format("\n==> {} <==\n{}", file.path, file.content);
    if (!file.content.empty() && file.content.back() != '\n') out << "\n";
  }
}

void run_new(Context& ctx, const ScaffoldFlags& flags)
{
  NewOptions options{flags.name, flags.dir, make_sources(ctx, flags), flags.dry_run, flags.force};
  NewResult result = new_project(load_store(flags), options);
  if (flags.dry_run) return print_dry_run(ctx, result, flags.dir);
  if (ctx.global.quiet) return;
  ctx.streams.out << fmt::format("Created {} v{} in {} ({} files):\n", result.manifest.name, result.manifest.version,
                                 flags.dir, result.files.size());
  for (const PlannedFile& file : result.files) ctx.streams.out << "  " << file.path << "\n";
  ctx.streams.out << fmt::format("\nNext: cd {} && readyctl lint deploy/overlays/prod --fail-on warning\n", flags.dir);
}

void run_update(Context& ctx, const ScaffoldFlags& flags)
{
  UpdateOptions options{flags.dir, make_sources(ctx, flags), flags.dry_run};
  UpdateResult result = update_project(load_store(flags), options);
  ctx.streams.out << fmt::format("{} {}: v{} -> v{}{}\n", flags.dry_run ? "Would update" : "Updated", flags.dir,
                                 result.from_version, result.to_version, flags.dry_run ? " (dry run: nothing written)" : "");
  for (const FileUpdate& file : result.files)
    ctx.streams.out << fmt::format("  {:<10} {}\n", action_name(file.action), file.path);
  if (result.files.empty()) ctx.streams.out << "  nothing to change\n";
  if (result.conflicts == 0) return;
  ctx.streams.out << fmt::format("{} conflict(s) marked with <<<<<<< / ======= / >>>>>>>; resolve them and commit.\n",
                                 result.conflicts);
  ctx.exit_code = static_cast<int>(ExitCode::findings);
}

void add_templates_flag(CLI::App* cmd, ScaffoldFlags& flags)
{
  cmd->add_option("--templates", flags.templates_dir, "Read templates from DIR instead of the built-in ones");
}

void add_answer_flags(CLI::App* cmd, ScaffoldFlags& flags)
{
  cmd->add_option("--set", flags.sets, "Answer a variable: NAME=VALUE (repeatable; wins over --answers)");
  cmd->add_flag("--non-interactive", flags.non_interactive,
                "Never prompt (nor when stdin is not a terminal): defaults fill the gaps, a missing required answer is an error naming it");
  cmd->add_flag("--dry-run", flags.dry_run, "Show the files and contents that would be written; write nothing");
}

}  // namespace

void register_scaffold(CLI::App& app, Context& ctx)
{
  auto flags = std::make_shared<ScaffoldFlags>();
  CLI::App* cmd = app.add_subcommand("scaffold", "Generate production-ready durable-flow projects from templates");
  cmd->footer(k_scaffold_footer);
  cmd->require_subcommand(1);

  CLI::App* list = cmd->add_subcommand("list", "List the templates");
  add_templates_flag(list, *flags);
  add_output_option(list, flags->outputs, "scaffold list");
  list->callback([&ctx, flags] { run_list(ctx, *flags); });

  CLI::App* describe = cmd->add_subcommand("describe", "Show a template's variables and files");
  describe->add_option("name", flags->name, "Template name")->required();
  add_templates_flag(describe, *flags);
  add_output_option(describe, flags->outputs, "scaffold describe");
  describe->callback([&ctx, flags] { run_describe(ctx, *flags); });

  CLI::App* create = cmd->add_subcommand("new", "Generate a project from a template into DIR");
  create->footer(k_scaffold_footer);
  create->add_option("name", flags->name, "Template name (see 'readyctl scaffold list')")->required();
  create->add_option("dir", flags->dir, "Target directory; its base name is the default project_name")->required();
  add_answer_flags(create, *flags);
  create->add_option("--answers", flags->answers, "YAML file of NAME: VALUE answers (or a .readyctl-answers.yaml)");
  create->add_flag("--force", flags->force, "Overwrite existing files");
  add_templates_flag(create, *flags);
  create->callback([&ctx, flags] { run_new(ctx, *flags); });

  CLI::App* update = cmd->add_subcommand("update", "Re-apply the current template version to DIR (3-way merge)");
  update->footer(k_scaffold_footer);
  update->add_option("dir", flags->dir, "A project generated by 'readyctl scaffold new'")->required();
  add_answer_flags(update, *flags);
  add_templates_flag(update, *flags);
  update->callback([&ctx, flags] { run_update(ctx, *flags); });
}

}  // namespace readyctl::cli
