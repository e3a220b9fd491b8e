// JSON pieces every JSON output shares: schemaVersion and the tool block.
#pragma once
#include <nlohmann/json.hpp>

#include "readyctl/report/finding.hpp"

namespace readyctl {

nlohmann::ordered_json tool_block();

}  // namespace readyctl
