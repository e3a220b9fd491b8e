#include <optional>
#include <ostream>

#include <fmt/format.h>

#include "context.hpp"
#include "readyctl/core/atomic_file.hpp"

namespace readyctl::cli {

std::vector<OutputSpec> parse_output_specs(const std::vector<std::string>& values, const std::string& default_format)
{
  std::vector<OutputSpec> specs;
  for (const std::string& v : values) {
    size_t eq = v.find('=');
    OutputSpec spec{v.substr(0, eq), eq == std::string::npos ? std::string() : v.substr(eq + 1)};
    if (spec.format.empty()) throw InputError(fmt::format("-o '{}': expected FORMAT or FORMAT=PATH", v));
    if (eq != std::string::npos && spec.path.empty())
      throw InputError(fmt::format("-o '{}': expected a path after '='", v));
    specs.push_back(std::move(spec));
  }
  if (specs.empty()) specs.push_back({default_format, ""});
  return specs;
}

namespace {

bool to_stdout(const OutputSpec& spec) { return spec.path.empty() || spec.path == "-"; }

}  // namespace

void write_outputs(Context& ctx, const std::vector<OutputSpec>& specs, const RenderFn& render, const StreamFn& stream)
{
  // Render everything first, so a bad format fails before any file is written; stdout outputs the caller can
  // stream are left for the write loop.
  std::vector<std::optional<std::string>> rendered;
  for (const OutputSpec& spec : specs) {
    if (stream && to_stdout(spec))
      rendered.emplace_back();
    else
      rendered.emplace_back(render(spec.format, spec.path.empty()));
  }
  for (size_t i = 0; i < specs.size(); ++i) {
    if (!rendered[i]) {
      if (!stream(specs[i].format, specs[i].path.empty(), ctx.streams.out))
        ctx.streams.out << render(specs[i].format, specs[i].path.empty());
    } else if (to_stdout(specs[i])) {
      ctx.streams.out << *rendered[i];
    } else {
      write_file_atomically(specs[i].path, *rendered[i], Overwrite::allow);
    }
  }
  ctx.streams.out.flush();
}

}  // namespace readyctl::cli
