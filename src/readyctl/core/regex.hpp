// Regular expressions from users' files (scenario captures and tolerances, template validations), compiled with
// std::regex after refusing what libstdc++ cannot take: a back-reference or repeat count with more digits than a long
// holds overflows inside its compiler (undefined behaviour; fuzz_gameday_scenario found `\66666666666666666666`),
// and a count in the millions expands into as many states. Counts over 1000 are refused, as Go's and RE2's are.
#pragma once
#include <optional>
#include <regex>
#include <string>
#include <string_view>

namespace readyctl {

constexpr int k_regex_max_count = 1000;

// Why `pattern` is refused, or nullopt when it compiles (ECMAScript grammar, std::regex's default).
std::optional<std::string> regex_problem(std::string_view pattern);

// The compiled pattern; InputError "invalid regex '…': why" when regex_problem() refuses it.
std::regex compile_regex(std::string_view pattern);

}  // namespace readyctl
