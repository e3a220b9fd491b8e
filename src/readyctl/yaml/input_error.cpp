#include "readyctl/yaml/input_error.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl::yaml {

void fail_at(const std::string& path, const Node* at, const std::string& what)
{
  throw InputError(fmt::format("{}:{}:{}: {}", path, at ? at->line() : 1, at ? at->column() : 1, what));
}

}  // namespace readyctl::yaml
