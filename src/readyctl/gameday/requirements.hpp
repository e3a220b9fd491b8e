// `requires:` checked before setup: a missing command, a taken port or an unset variable is the environment's
// fault, reported as exit 3 naming each, before anything starts.
#pragma once
#include <string>
#include <vector>

#include "readyctl/gameday/scenario.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

// One line per unmet requirement ("command 'redis-sentinel' is not on PATH"); empty when all are met.
std::vector<std::string> missing_requirements(const Requirements& requirements, const Resolver& resolve);

}  // namespace readyctl::gameday
