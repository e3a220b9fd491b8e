// A small JSON path: `$`, `.key`, `['key']`, `[N]`, `[*]`, `.*` — enough for probe outputs and captures.
#pragma once
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

// Every value the path matches, in document order; InputError on a malformed path.
std::vector<nlohmann::ordered_json> json_path(const nlohmann::ordered_json& root, std::string_view path);

}  // namespace readyctl::gameday
