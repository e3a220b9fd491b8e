// Small string helpers shared by every module.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace readyctl {

std::vector<std::string_view> split(std::string_view text, char sep);
std::string_view trim(std::string_view text);
std::string join(const std::vector<std::string>& parts, std::string_view sep);
bool glob_match(std::string_view pattern, std::string_view text);  // '*' (not '/'), '**', '?'
std::string to_lower(std::string_view text);
// A value a template engine, envsubst or a test harness fills in later: `{{ .Values.port }}`, `${PORT}`, `$(VAR)`,
// Argo Rollouts' e2e `$$name$$`.
bool is_unfilled_placeholder(std::string_view text);
// Escapes &, <, > and " for HTML text and attribute values (reports, SVG charts).
std::string html_escape(std::string_view text);
// XML 1.0 text (JUnit reports): the five entities escaped, control characters other than tab and newline removed;
// in attributes tab and newline become character references, so attribute normalisation keeps them.
std::string xml_escape(std::string_view text, bool attribute);
// Confines a flat stylesheet to the elements under `scope` (a selector such as ".baseline"): every selector gets
// the prefix, `html`/`body` become the scope itself, @media blocks are scoped inside. So one page can embed the
// parts of several reports whose stylesheets would otherwise fight over `table` or `.cards`.
std::string scope_css(std::string_view css, std::string_view scope);

}  // namespace readyctl
