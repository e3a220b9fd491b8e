// Rules the engine itself reports (parse-error, suppression, unrendered-template): their family does nothing when run.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/checks/engine_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> engine_check_families()
{
  // The variants and parameters the families declare (lint/family_contract.hpp).
  static constexpr std::string_view engine_rules[] = {"parse-error", "suppression", "unrendered-template"};
  static constexpr CheckFamily families[] = {
      {"deprecated-api", &check_deprecated_api, CheckScope::per_object, {}},
      {"engine", &check_engine, CheckScope::whole_graph, {engine_rules, {}}},
  };
  return families;
}

}  // namespace readyctl::lint
