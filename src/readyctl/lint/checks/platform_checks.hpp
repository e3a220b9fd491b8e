// Families of the platform area.
#pragma once
#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

}  // namespace readyctl::lint
