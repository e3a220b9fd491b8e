#include "lint_catalogue.hpp"

#include <ostream>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/lint/engine.hpp"
#include "readyctl/report/json_common.hpp"

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

std::string rules_json(const std::vector<lint::Rule>& rules, const std::string& category)
{
  nlohmann::ordered_json j{{"schemaVersion", 1}, {"tool", tool_block()}, {"rules", nlohmann::ordered_json::array()}};
  for (const lint::Rule& r : rules)
    if (category.empty() || r.category == category)
      j["rules"].push_back({{"id", r.id}, {"severity", severity_name(r.severity)}, {"category", r.category},
                            {"enabled", r.enabled}, {"kinds", r.kinds}, {"summary", r.summary},
                            {"params", r.params}});
  return j.dump(2) + "\n";
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

}  // namespace

void register_lint_catalogue(CLI::App& lint, Context& ctx)
{
  struct Flags {
    std::string category;
    std::string format = "text";
    std::string id;
    std::vector<std::string> rule_dirs;
  };
  Flags& f = ctx.make<Flags>();
  CLI::App* rules = lint.add_subcommand("rules", "List the rule catalogue");
  rules->add_option("--category", f.category, "Only this category: guardrails, scheduling, cost, isolation, durability, hygiene");
  rules->add_option("-o,--output", f.format, "text or json")->check(CLI::IsMember({"text", "json"}));
  rules->add_option("--rules", f.rule_dirs, "A directory of extra rule files (repeatable)");
  rules->callback([&ctx, &f] {
    auto list = catalogue(ctx, f.rule_dirs);
    ctx.streams.out << (f.format == "json" ? rules_json(list, f.category) : rules_text(list, f.category));
  });
  CLI::App* explain = lint.add_subcommand("explain", "Explain one rule: rationale, parameters, examples, fix");
  explain->add_option("id", f.id, "Rule id")->required();
  explain->add_option("--rules", f.rule_dirs, "A directory of extra rule files (repeatable)");
  explain->callback([&ctx, &f] {
    for (const lint::Rule& r : catalogue(ctx, f.rule_dirs))
      if (r.id == f.id) {
        ctx.streams.out << explain_text(r);
        return;
      }
    throw InputError(fmt::format("lint explain {}: unknown rule id (see 'readyctl lint rules')", f.id));
  });
}

}  // namespace readyctl::cli
