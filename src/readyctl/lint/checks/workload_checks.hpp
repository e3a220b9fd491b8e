// Families of the workload area.
#pragma once
#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

}  // namespace readyctl::lint
