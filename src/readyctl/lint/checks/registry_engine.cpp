// Rules the engine itself reports (parse-error, suppression): their family does nothing when run.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/checks/engine_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> engine_check_families()
{
  static constexpr CheckFamily families[] = {
      {"deprecated-api", &check_deprecated_api, CheckScope::per_object},
      {"engine", &check_engine},
  };
  return families;
}

// What each family implements and reads (lint/family_contract.hpp), beside the families above.
std::span<const FamilyContract> engine_family_contracts()
{
  static constexpr std::string_view engine_rules[] = {"parse-error", "suppression"};
  static constexpr FamilyContract contracts[] = {
      {"deprecated-api", {}, {}},
      {"engine", engine_rules, {}},
  };
  return contracts;
}

}  // namespace readyctl::lint
