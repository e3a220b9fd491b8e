#include "readyctl/lint/checks/engine_checks.hpp"

namespace readyctl::lint {

void check_engine(const CheckContext&) {}

}  // namespace readyctl::lint
