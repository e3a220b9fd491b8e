#include "lint_catalogue.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "output_formats.hpp"
#include "readyctl/lint/engine.hpp"

namespace readyctl::cli {
namespace {

std::vector<lint::Rule> catalogue(Context& ctx, const std::vector<std::string>& rule_dirs)
{
  lint::LintOptions options;
  options.rule_dirs = rule_dirs;
  return lint::resolve_rules(options, lint::load_lint_config(ctx.global.config));
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
                            {"params", r.params}});
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
      out += fmt::format("  {} (default {}): {}\n", p.name, p.default_value.dump(), p.description);
  }
  if (!r.example_bad.empty()) out += fmt::format("\nBad:\n{}", r.example_bad);
  if (!r.example_good.empty()) out += fmt::format("\nGood:\n{}", r.example_good);
  out += fmt::format("\nSuppress one occurrence:\n  # readyctl:ignore {} -- <reason>\n", r.id);
  return out;
}

nlohmann::ordered_json explain_json(const lint::Rule& r)
{
  nlohmann::ordered_json params = nlohmann::ordered_json::array();
  for (const lint::RuleParam& p : r.param_docs)
    params.push_back({{"name", p.name}, {"default", p.default_value}, {"description", p.description}});
  nlohmann::ordered_json j = document_head();
  j["rule"] = {{"id", r.id}, {"severity", severity_name(r.severity)}, {"category", r.category},
               {"enabled", r.enabled}, {"kinds", r.kinds}, {"summary", r.summary}, {"rationale", r.rationale},
               {"remediation", r.remediation}, {"parameters", params},
               {"examples", {{"bad", r.example_bad}, {"good", r.example_good}}},
               {"suppress", fmt::format("# readyctl:ignore {} -- <reason>", r.id)}};
  return j;
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
  };
  Flags& f = ctx.make<Flags>();
  CLI::App* rules = lint.add_subcommand("rules", "List the rule catalogue");
  rules->add_option("--category", f.category, "Only this category: guardrails, scheduling, cost, isolation, durability, hygiene");
  add_output_option(rules, f.outputs, "lint rules");
  rules->add_option("--rules", f.rule_dirs, "A directory of extra rule files (repeatable)");
  rules->callback([&ctx, &f] {
    std::vector<OutputSpec> specs = parse_outputs("lint rules", f.outputs);
    auto list = catalogue(ctx, f.rule_dirs);
    write_document(ctx, specs, {[&] { return rules_text(list, f.category); }, [&] { return rules_json(list, f.category); }});
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
