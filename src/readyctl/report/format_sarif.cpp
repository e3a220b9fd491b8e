#include "readyctl/core/error.hpp"
#include "readyctl/report/formatters.hpp"

namespace readyctl {

std::string render_lint_sarif(const LintReport&, const RenderOptions&)
{
  throw InputError("-o sarif: not yet implemented");
}

}  // namespace readyctl
