#include "output_formats.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "readyctl/baseline/render.hpp"
#include "readyctl/gameday/report.hpp"
#include "readyctl/plan/report.hpp"
#include "readyctl/plan/status.hpp"
#include "readyctl/report/formatters.hpp"
#include "readyctl/report/json_common.hpp"
#include "readyctl/report/json_to_yaml.hpp"
#include "readyctl/report/output_format.hpp"

namespace readyctl::cli {
namespace {

// lint's row comes from the lint formatters' own table, which holds the renderers.
std::vector<std::string_view> lint_format_names()
{
  std::vector<std::string_view> names;
  for (const LintFormat& f : lint_formats()) names.push_back(f.name);
  return names;
}

// Commands whose renderers live in the core (lint, baseline, plan, gameday report) take their row from the core's
// table of those renderers; the rest print a Document (text, json, yaml) or, for `gameday run`, also its journal.
std::vector<CommandFormats> build_table()
{
  return {
      {"version", {"text", "json", "yaml"}},
      {"lint", lint_format_names()},
      {"lint rules", {"text", "json", "yaml", "markdown"}},
      {"lint explain", {"text", "json", "yaml"}},
      {"baseline", format_names(baseline::baseline_formats())},
      {"scaffold list", {"text", "json", "yaml"}},
      {"scaffold describe", {"text", "json", "yaml"}},
      {"gameday validate", {"text", "json", "yaml"}},
      {"gameday run", {"text", "json", "yaml", "junit"}},
      {"gameday report", format_names(gameday::report_formats())},
      {"plan status", format_names(plan::status_formats())},
      {"plan next", {"text", "json", "yaml"}},
      {"plan report", format_names(plan::report_formats())},
  };
}

const CommandFormats& row_of(std::string_view command)
{
  const CommandFormats* row = formats_of(command);
  if (!row) throw std::logic_error(fmt::format("no output formats registered for '{}'", command));
  return *row;
}

}  // namespace

std::span<const CommandFormats> command_formats()
{
  static const std::vector<CommandFormats> k_table = build_table();
  return k_table;
}

const CommandFormats* formats_of(std::string_view command)
{
  for (const CommandFormats& row : command_formats())
    if (row.command == command) return &row;
  return nullptr;
}

std::vector<OutputSpec> parse_outputs(std::string_view command, const std::vector<std::string>& values)
{
  const CommandFormats& row = row_of(command);
  std::vector<OutputSpec> specs = parse_output_specs(values, std::string(row.names.front()));
  for (const OutputSpec& spec : specs)
    if (std::find(row.names.begin(), row.names.end(), spec.format) == row.names.end())
      throw_unknown_format(spec.format, row.names);
  return specs;
}

void add_output_option(CLI::App* cmd, std::vector<std::string>& values, std::string_view command)
{
  const CommandFormats& row = row_of(command);
  std::string names = fmt::format("{} (default)", row.names.front());
  for (size_t i = 1; i < row.names.size(); ++i) names += fmt::format(", {}", row.names[i]);
  cmd->add_option("-o,--output", values, fmt::format("Output FORMAT[=PATH], repeatable: {}", names));
}

nlohmann::ordered_json document_head() { return {{"schemaVersion", 1}, {"tool", tool_block()}}; }

std::string render_document(const Document& doc, const std::string& format)
{
  if (format == "json") return doc.json().dump(2) + "\n";
  if (format == "yaml") return json_to_yaml(doc.json());
  return doc.text();
}

void write_document(Context& ctx, const std::vector<OutputSpec>& specs, const Document& doc)
{
  write_outputs(ctx, specs, [&](const std::string& format, bool) { return render_document(doc, format); });
}

}  // namespace readyctl::cli
