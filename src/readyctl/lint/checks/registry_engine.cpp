// Rules the engine itself reports (parse-error, suppression): their family does nothing when run.
#include "readyctl/lint/check.hpp"
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

}  // namespace readyctl::lint
