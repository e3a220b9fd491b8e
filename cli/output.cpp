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

void write_outputs(Context& ctx, const std::vector<OutputSpec>& specs,
                   const std::function<std::string(const std::string& format, bool to_terminal)>& render)
{
  // Render everything first, so a bad format fails before any file is written.
  std::vector<std::string> rendered;
  for (const OutputSpec& spec : specs) rendered.push_back(render(spec.format, spec.path.empty()));
  for (size_t i = 0; i < specs.size(); ++i) {
    if (specs[i].path.empty() || specs[i].path == "-")
      ctx.streams.out << rendered[i];
    else
      write_file_atomically(specs[i].path, rendered[i], Overwrite::allow);
  }
  ctx.streams.out.flush();
}

}  // namespace readyctl::cli
