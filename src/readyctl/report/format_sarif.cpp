// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, the rules that ran, real regions.
#include <cstdint>
#include <optional>
#include <string>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/report/formatters.hpp"
#include "readyctl/report/json_common.hpp"
#include "readyctl/report/report_path.hpp"

namespace readyctl {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* k_schema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char* k_information_uri = "https://github.com/readyctl/readyctl";
constexpr const char* k_src_root = "%SRCROOT%";
// Our own key: GitHub reserves primaryLocationLineHash and recomputes it from the line's content.
constexpr const char* k_fingerprint_key = "readyctlFindingHash/v1";

std::string_view sarif_level(Severity severity)
{
  switch (severity) {
  case Severity::error: return "error";
  case Severity::warning: return "warning";
  case Severity::note: return "note";
  }
  return "warning";
}

// "deprecated-api" -> "DeprecatedApi": SARIF wants rule names as identifiers, ids stay kebab-case.
std::string pascal_case(std::string_view id)
{
  std::string name;
  bool upper = true;
  for (char c : id) {
    if (c == '-' || c == '_' || c == '.') {
      upper = true;
      continue;
    }
    name += upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
    upper = false;
  }
  return name;
}

// SARIF 3.49.7: a rule's name must differ from its id, or be left out. A one-word id ("probes") has no other
// spelling than "Probes", which the SARIF Multitool (SARIF1001) compares case-insensitively: such rules go
// without a name rather than with an invented one.
std::optional<std::string> rule_name(std::string_view id)
{
  std::string name = pascal_case(id);
  if (to_lower(name) == to_lower(id)) return std::nullopt;
  return name;
}

// A URI reference: anything outside RFC 3986's unreserved and path characters is percent-encoded, so
// "my app/x.yaml" stays a valid uri.
std::string encode_uri_path(std::string_view path)
{
  std::string uri;
  for (char c : path) {
    auto u = static_cast<unsigned char>(c);
    bool plain = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
                 std::string_view("-._~/!$&'()*+,;=:@").find(c) != std::string_view::npos;
    uri += plain ? std::string(1, c) : fmt::format("%{:02X}", u);
  }
  return uri;
}

std::string artifact_uri(std::string_view file) { return encode_uri_path(report_path(file)); }

// Relative to %SRCROOT% (the checkout) when it can be; a file outside it keeps an absolute file: URI.
Json artifact_location(std::string_view file)
{
  std::string uri = artifact_uri(file);
  if (uri.starts_with("/")) return {{"uri", "file://" + uri}};
  return {{"uri", uri}, {"uriBaseId", k_src_root}};
}

// FNV-1a, 64 bits: stable across platforms and releases, which is all a fingerprint needs.
std::uint64_t fnv1a(std::string_view text, std::uint64_t hash = 0xcbf29ce484222325ULL)
{
  for (char c : text) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 0x100000001b3ULL;
  }
  return hash;
}

// Identity of a finding across runs: rule, file, object and message — never the line, so adding a line above a
// finding does not turn it into a new alert. apiVersion is left out: migrating it must not reopen other alerts.
std::string fingerprint(const Finding& f)
{
  std::string key = f.rule + '\0' + artifact_uri(f.location.file) + '\0';
  if (f.object) key += f.object->kind + '\0' + f.object->ns + '\0' + f.object->name + '\0';
  key += f.message;
  return fmt::format("{:016x}", fnv1a(key));
}

// A finding about a whole file (line 0: empty file, no objects) points at its first line: SARIF reads a missing
// region as the whole file, but GitHub then shows no line and the Multitool warns (SARIF2017).
Json physical_location(const Location& loc)
{
  Json physical;
  physical["artifactLocation"] = artifact_location(loc.file);
  Json region{{"startLine", loc.line > 0 ? loc.line : 1}};
  if (loc.line > 0 && loc.column > 0) region["startColumn"] = loc.column;
  physical["region"] = region;
  return physical;
}

// Rule texts come from YAML folded scalars, which end in a newline; trimmed so the joins stay even.
std::string help_text(const RuleSummary& r)
{
  std::string text(trim(r.rationale));
  if (!trim(r.remediation).empty())
    text += (text.empty() ? "" : "\n\n") + std::string("Remediation: ") + std::string(trim(r.remediation));
  return text + fmt::format("\n\nMore: readyctl lint explain {}", r.id);
}

std::string help_markdown(const RuleSummary& r)
{
  std::string md(trim(r.rationale));
  if (!trim(r.remediation).empty())
    md += (md.empty() ? "" : "\n\n") + std::string("**Remediation:** ") + std::string(trim(r.remediation));
  return md + fmt::format("\n\nParameters and a good/bad example: `readyctl lint explain {}`", r.id);
}

Json rule_descriptor(const RuleSummary& r)
{
  Json rule;
  rule["id"] = r.id;
  if (std::optional<std::string> name = rule_name(r.id)) rule["name"] = *name;
  rule["shortDescription"] = {{"text", trim(r.summary).empty() ? r.id : std::string(trim(r.summary))}};
  if (!trim(r.rationale).empty()) rule["fullDescription"] = {{"text", std::string(trim(r.rationale))}};
  rule["help"] = {{"text", help_text(r)}, {"markdown", help_markdown(r)}};
  rule["defaultConfiguration"] = {{"level", sarif_level(r.severity)}};
  Json properties{{"category", r.category}};
  if (!r.category.empty()) properties["tags"] = Json::array({r.category});
  rule["properties"] = properties;
  return rule;
}

// The rules that ran, plus any rule a finding names that the catalogue did not list, so every ruleIndex is valid.
std::vector<RuleSummary> sarif_rules(const LintReport& report)
{
  std::vector<RuleSummary> rules = report.rules;
  auto add_missing = [&rules](const Finding& f) {
    for (const RuleSummary& r : rules)
      if (r.id == f.rule) return;
    rules.push_back({f.rule, f.severity, "", "", "", ""});
  };
  for (const Finding& f : report.findings) add_missing(f);
  for (const Finding& f : report.suppressed) add_missing(f);
  return rules;
}

int rule_index(const std::vector<RuleSummary>& rules, const std::string& id)
{
  for (size_t i = 0; i < rules.size(); ++i)
    if (rules[i].id == id) return static_cast<int>(i);
  return -1;
}

Json result(const Finding& f, const std::vector<RuleSummary>& rules, bool suppressed)
{
  Json r;
  r["ruleId"] = f.rule;
  r["ruleIndex"] = rule_index(rules, f.rule);
  r["level"] = sarif_level(f.severity);
  r["message"] = {{"text", f.message}};
  r["locations"] = Json::array({{{"physicalLocation", physical_location(f.location)}}});
  if (!f.related.empty()) {
    Json related = Json::array();
    int id = 1;
    for (const RelatedLocation& rel : f.related)
      related.push_back({{"id", id++}, {"physicalLocation", physical_location(rel.location)}, {"message", {{"text", rel.message}}}});
    r["relatedLocations"] = related;
  }
  r["partialFingerprints"] = {{k_fingerprint_key, fingerprint(f)}};
  if (suppressed)
    r["suppressions"] = Json::array({{{"kind", "inSource"}, {"justification", f.suppression_reason}}});
  Json properties;
  if (f.object)
    properties["object"] = {{"apiVersion", f.object->api_version}, {"kind", f.object->kind},
                            {"namespace", f.object->ns}, {"name", f.object->name}};
  if (!trim(f.remediation.str()).empty()) properties["remediation"] = std::string(trim(f.remediation.str()));
  if (!properties.empty()) r["properties"] = properties;
  return r;
}

}  // namespace

std::string render_lint_sarif(const LintReport& report, const RenderOptions&)
{
  std::vector<RuleSummary> rules = sarif_rules(report);
  Json driver;
  driver["name"] = "readyctl";
  driver["version"] = READYCTL_VERSION;
  driver["semanticVersion"] = READYCTL_VERSION;
  driver["informationUri"] = k_information_uri;
  Json rule_array = Json::array();
  for (const RuleSummary& r : rules) rule_array.push_back(rule_descriptor(r));
  driver["rules"] = rule_array;

  Json run;
  run["tool"] = {{"driver", driver}};
  Json artifacts = Json::array();
  for (const std::string& file : report.files)
    artifacts.push_back({{"location", artifact_location(file)}});
  run["artifacts"] = artifacts;
  Json results = Json::array();
  for (const Finding& f : report.findings) results.push_back(result(f, rules, false));
  for (const Finding& f : report.suppressed) results.push_back(result(f, rules, true));
  run["results"] = results;

  Json log;
  log["$schema"] = k_schema;
  log["version"] = "2.1.0";
  log["runs"] = Json::array({run});
  return log.dump(2) + "\n";
}

}  // namespace readyctl
