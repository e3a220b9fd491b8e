// Families of the engine area: input hygiene.
#pragma once
#include "readyctl/lint/check.hpp"

namespace readyctl::lint {

void check_engine(const CheckContext& ctx);  // parse-error, suppression: reported by the engine
void check_deprecated_api(const CheckContext& ctx);

}  // namespace readyctl::lint
