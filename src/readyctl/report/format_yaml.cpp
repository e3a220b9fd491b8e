#include "readyctl/report/formatters.hpp"
#include "readyctl/report/json_to_yaml.hpp"

namespace readyctl {

// The JSON report's data as YAML (kubectl's `-o yaml`): one source, so the two never differ in content.
std::string render_lint_yaml(const LintReport& report, const RenderOptions& options)
{
  return json_text_to_yaml(render_lint_json(report, options));
}

}  // namespace readyctl
