// The workload area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> workload_check_families()
{
  static constexpr CheckFamily families[] = {
      {"", nullptr},
  };
  return std::span(families).first(0);
}

}  // namespace readyctl::lint
