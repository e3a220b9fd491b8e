#include "readyctl/core/error.hpp"
#include "readyctl/report/formatters.hpp"

namespace readyctl {

std::string render_lint_junit(const LintReport&, const RenderOptions&)
{
  throw InputError("-o junit: not yet implemented");
}

}  // namespace readyctl
