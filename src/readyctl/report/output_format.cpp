#include "readyctl/report/output_format.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "readyctl/core/error.hpp"

namespace readyctl {

void throw_unknown_format(std::string_view name, const std::vector<std::string_view>& names)
{
  throw InputError(fmt::format("-o {}: expected one of {}", name, fmt::join(names, ", ")));
}

}  // namespace readyctl
