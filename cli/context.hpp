// What every subcommand shares: the streams, the global flags, and the exit code it settles on.
#pragma once
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "app.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/terminal.hpp"

namespace readyctl::cli {

struct GlobalOptions {
  std::string color = "auto";
  bool quiet = false;
  bool verbose = false;
  std::string config;  // --config PATH; empty: discover .readyctl.yaml upwards
};

struct Context {
  Streams& streams;
  GlobalOptions global;
  int exit_code = 0;
  std::vector<std::shared_ptr<void>> owned;

  // Flag storage that lives exactly as long as this invocation (never `static`: in-process runs repeat).
  template <class T>
  T& make()
  {
    auto p = std::make_shared<T>();
    owned.push_back(p);
    return *p;
  }

  bool color_stdout() const { return use_color(parse_color_mode(global.color), streams.out_is_terminal); }
  bool color_stderr() const { return use_color(parse_color_mode(global.color), streams.err_is_terminal); }
  // Progress and diagnostics go to stderr only when it is a terminal and not --quiet.
  bool show_progress() const { return streams.err_is_terminal && !global.quiet; }
};

// `-o FORMAT[=PATH]`: where one rendering goes. An empty path means stdout.
struct OutputSpec {
  std::string format;
  std::string path;
};

std::vector<OutputSpec> parse_output_specs(const std::vector<std::string>& values, const std::string& default_format);

// Writes each requested rendering: stdout, or the named file atomically (report files are replaced).
// `stream`, when given, is offered each stdout output first and returns false for a format it cannot stream; callers
// that pass it must have checked every format beforehand, as a streamed output is not rendered ahead.
using RenderFn = std::function<std::string(const std::string& format, bool to_terminal)>;
using StreamFn = std::function<bool(const std::string& format, bool to_terminal, std::ostream& out)>;
void write_outputs(Context& ctx, const std::vector<OutputSpec>& specs, const RenderFn& render, const StreamFn& stream = {});

// Each subcommand registers itself on the root app; its callback sets ctx.exit_code.
void register_version(CLI::App& app, Context& ctx);
void register_completion(CLI::App& app, Context& ctx);
void register_lint(CLI::App& app, Context& ctx);
void register_baseline(CLI::App& app, Context& ctx);
void register_scaffold(CLI::App& app, Context& ctx);
void register_gameday(CLI::App& app, Context& ctx);
void register_plan(CLI::App& app, Context& ctx);

}  // namespace readyctl::cli
