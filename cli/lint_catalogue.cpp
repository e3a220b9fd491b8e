#include "lint_catalogue.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "lint_parity.hpp"
#include "output_formats.hpp"
#include "readyctl/lint/engine.hpp"
#include "readyctl/lint/family_contract.hpp"

namespace readyctl::cli {
namespace {

std::vector<lint::Rule> catalogue(Context& ctx, const std::vector<std::string>& rule_dirs)
{
  lint::LintOptions options;
  options.rule_dirs = rule_dirs;
  return lint::resolve_rules(options, lint::load_lint_config(ctx.global.config));
}

// The type the rule's family declares for a parameter ("int", "string-list", ...), or "any" without a contract.
std::string_view param_type(const lint::Rule& r, std::string_view name)
{
  const lint::FamilyContract* contract = lint::find_family_contract(r.check);
  const lint::ParamSpec* spec = contract ? contract->param(r.id, name) : nullptr;
  return spec ? lint::param_type_name(spec->type) : "any";
}

// Each parameter with its type, its value for this rule (the family's default unless set) and its meaning.
nlohmann::ordered_json parameters_json(const lint::Rule& r)
{
  nlohmann::ordered_json params = nlohmann::ordered_json::array();
  for (const lint::RuleParam& p : r.param_docs)
    params.push_back({{"name", p.name}, {"type", param_type(r, p.name)}, {"default", p.default_value},
                      {"value", r.params.value(p.name, p.default_value)}, {"description", p.description}});
  return params;
}

std::string rules_text(const std::vector<lint::Rule>& rules, const std::string& category)
{
  std::string out = fmt::format("{:<24} {:<8} {:<11} {:<3} {}\n", "RULE", "SEVERITY", "CATEGORY", "ON", "SUMMARY");
  for (const lint::Rule& r : rules)
    if (category.empty() || r.category == category)
      out += fmt::format("{:<24} {:<8} {:<11} {:<3} {}\n", r.id, severity_name(r.severity), r.category,
                         r.enabled ? "yes" : "no", r.summary);
  return out;
}

nlohmann::ordered_json rules_json(const std::vector<lint::Rule>& rules, const std::string& category)
{
  nlohmann::ordered_json j = document_head();
  j["rules"] = nlohmann::ordered_json::array();
  for (const lint::Rule& r : rules)
    if (category.empty() || r.category == category)
      j["rules"].push_back({{"id", r.id}, {"severity", severity_name(r.severity)}, {"category", r.category},
                            {"enabled", r.enabled}, {"kinds", r.kinds}, {"summary", r.summary},
                            {"params", r.params}, {"parameters", parameters_json(r)}});
  return j;
}

std::string explain_text(const lint::Rule& r)
{
  std::string out = fmt::format("{} ({}, {}{})\n  {}\n\nApplies to: {}\n\nWhy:\n  {}\n\nFix:\n  {}\n", r.id,
                                severity_name(r.severity), r.category, r.enabled ? "" : ", off by default", r.summary,
                                fmt::join(r.kinds, ", "), r.rationale, r.remediation);
  if (!r.param_docs.empty()) {
    out += "\nParameters:\n";
    for (const lint::RuleParam& p : r.param_docs)
      out += fmt::format("  {} ({}, default {}): {}\n", p.name, param_type(r, p.name), p.default_value.dump(), p.description);
  }
  if (!r.anchors.empty()) out += fmt::format("\nCovers (kube-linter, kube-score, Polaris):\n  {}\n", anchor_list(r.anchors));
  if (!r.example_bad.empty()) out += fmt::format("\nBad:\n{}", r.example_bad);
  if (!r.example_good.empty()) out += fmt::format("\nGood:\n{}", r.example_good);
  out += fmt::format("\nSuppress one occurrence:\n  # readyctl:ignore {} -- <reason>\n", r.id);
  return out;
}

nlohmann::ordered_json explain_json(const lint::Rule& r)
{
  nlohmann::ordered_json params = parameters_json(r);
  nlohmann::ordered_json j = document_head();
  j["rule"] = {{"id", r.id}, {"severity", severity_name(r.severity)}, {"category", r.category},
               {"enabled", r.enabled}, {"kinds", r.kinds}, {"summary", r.summary}, {"rationale", r.rationale},
               {"remediation", r.remediation}, {"parameters", params}, {"anchors", r.anchors},
               {"examples", {{"bad", r.example_bad}, {"good", r.example_good}}},
               {"suppress", fmt::format("# readyctl:ignore {} -- <reason>", r.id)}};
  return j;
}

std::string rules_markdown(const std::vector<lint::Rule>& rules, const std::string& category)
{
  std::string out = "| Rule | Severity | Category | On | Summary |\n|---|---|---|---|---|\n";
  for (const lint::Rule& r : rules)
    if (category.empty() || r.category == category)
      out += fmt::format("| `{}` | {} | {} | {} | {} |\n", r.id, severity_name(r.severity), r.category,
                         r.enabled ? "yes" : "no", r.summary);
  return out;
}

// `lint rules`: the catalogue, or with --anchors each rule's anchors and the coverage per tool.
std::string render_rules(const std::vector<lint::Rule>& rules, const std::string& category, bool anchors,
                         const std::string& format)
{
  if (!anchors) {
    if (format == "markdown") return rules_markdown(rules, category);
    return render_document({[&] { return rules_text(rules, category); }, [&] { return rules_json(rules, category); }}, format);
  }
  const lint::ParityMap map = lint::build_parity(lint::builtin_foreign_checks(), rules);
  if (format == "markdown") return parity_markdown(rules, map);
  return render_document({[&] { return parity_text(rules, map); }, [&] { return parity_json(rules, map); }}, format);
}

const lint::Rule& find_rule(const std::vector<lint::Rule>& rules, const std::string& id)
{
  for (const lint::Rule& r : rules)
    if (r.id == id) return r;
  throw InputError(fmt::format("lint explain {}: unknown rule id (see 'readyctl lint rules')", id));
}

}  // namespace

void register_lint_catalogue(CLI::App& lint, Context& ctx)
{
  struct Flags {
    std::string category;
    std::vector<std::string> outputs;
    std::string id;
    std::vector<std::string> rule_dirs;
    bool anchors = false;
  };
  Flags& f = ctx.make<Flags>();
  CLI::App* rules = lint.add_subcommand("rules", "List the rule catalogue");
  rules->add_option("--category", f.category, "Only this category: guardrails, scheduling, cost, isolation, durability, hygiene");
  add_output_option(rules, f.outputs, "lint rules");
  rules->add_option("--rules", f.rule_dirs, "A directory of extra rule files (repeatable)");
  rules->add_flag("--anchors", f.anchors,
                  "Show each rule's kube-linter, kube-score and Polaris anchors and the coverage per tool");
  rules->callback([&ctx, &f] {
    std::vector<OutputSpec> specs = parse_outputs("lint rules", f.outputs);
    auto list = catalogue(ctx, f.rule_dirs);
    write_outputs(ctx, specs, [&](const std::string& format, bool) { return render_rules(list, f.category, f.anchors, format); });
  });
  CLI::App* explain = lint.add_subcommand("explain", "Explain one rule: rationale, parameters, examples, fix");
  explain->add_option("id", f.id, "Rule id")->required();
  explain->add_option("--rules", f.rule_dirs, "A directory of extra rule files (repeatable)");
  add_output_option(explain, f.outputs, "lint explain");
  explain->callback([&ctx, &f] {
    std::vector<OutputSpec> specs = parse_outputs("lint explain", f.outputs);
    std::vector<lint::Rule> list = catalogue(ctx, f.rule_dirs);
    const lint::Rule& r = find_rule(list, f.id);
    write_document(ctx, specs, {[&] { return explain_text(r); }, [&] { return explain_json(r); }});
  });
}

}  // namespace readyctl::cli
