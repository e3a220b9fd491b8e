#include "readyctl/core/error.hpp"
#include "readyctl/report/formatters.hpp"

namespace readyctl {

std::string render_lint_markdown(const LintReport&, const RenderOptions&)
{
  throw InputError("-o markdown: not yet implemented");
}

}  // namespace readyctl
