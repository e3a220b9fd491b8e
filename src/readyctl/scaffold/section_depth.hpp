// How deeply a mustache template nests its sections: kainjow's parser takes memory quadratic in that depth
// (8,000 levels hold 390 MB), so templates are bounded before they are parsed.
#pragma once
#include <cstddef>
#include <string_view>

namespace readyctl::scaffold {

// The deepest nesting of `{{#…}}` / `{{^…}}` sections, following set-delimiter tags (`{{=<% %>=}}`).
size_t section_depth(std::string_view text);

}  // namespace readyctl::scaffold
