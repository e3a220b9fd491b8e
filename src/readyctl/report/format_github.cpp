#include "readyctl/core/error.hpp"
#include "readyctl/report/formatters.hpp"

namespace readyctl {

std::string render_lint_github(const LintReport&, const RenderOptions&)
{
  throw InputError("-o github: not yet implemented");
}

}  // namespace readyctl
