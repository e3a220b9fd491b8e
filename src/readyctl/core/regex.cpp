#include "readyctl/core/regex.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"

namespace readyctl {
namespace {

bool is_regex_digit(char c) { return c >= '0' && c <= '9'; }

// The digits starting at `at`; `at` moves past them.
std::string_view regex_digits_at(std::string_view text, size_t& at)
{
  size_t start = at;
  while (at < text.size() && is_regex_digit(text[at])) ++at;
  return text.substr(start, at - start);
}

bool regex_count_over_limit(std::string_view digits)
{
  return digits.size() > 4 || (!digits.empty() && std::stoi(std::string(digits)) > k_regex_max_count);
}

// Numbers libstdc++ would accumulate into a long: after a backslash (back-references) and in `{n}`, `{n,}`, `{n,m}`.
// Braces inside a bracket expression are checked too: where the class ends is libstdc++'s call, and a literal
// `{12345` in a class is rare enough to be refused with this message rather than risk its parser.
std::optional<std::string> regex_number_problem(std::string_view pattern)
{
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] == '\\' && i + 1 < pattern.size() && is_regex_digit(pattern[i + 1])) {
      size_t at = i + 1;
      std::string_view n = regex_digits_at(pattern, at);
      if (regex_count_over_limit(n)) return fmt::format("back-reference \\{} is beyond {}", n.substr(0, 12), k_regex_max_count);
      i = at - 1;
    } else if (pattern[i] == '\\') {
      ++i;  // an escaped character, whatever it is
    } else if (pattern[i] == '{') {
      size_t at = i + 1;
      std::string_view low = regex_digits_at(pattern, at);
      std::string_view high;
      if (at < pattern.size() && pattern[at] == ',') high = regex_digits_at(pattern, ++at);
      if (regex_count_over_limit(low) || regex_count_over_limit(high))
        return fmt::format("repeat count {{{}}} is beyond {}", pattern.substr(i + 1, std::min<size_t>(at - i - 1, 24)),
                           k_regex_max_count);
    }
  }
  return std::nullopt;
}

std::optional<std::regex> try_compile_regex(std::string_view pattern, std::string& why)
{
  if (auto problem = regex_number_problem(pattern)) {
    why = *problem;
    return std::nullopt;
  }
  try {
    return std::regex(std::string(pattern));
  } catch (const std::regex_error& e) {
    why = e.what();
    return std::nullopt;
  }
}

}  // namespace

std::optional<std::string> regex_problem(std::string_view pattern)
{
  std::string why;
  if (try_compile_regex(pattern, why)) return std::nullopt;
  return why;
}

std::regex compile_regex(std::string_view pattern)
{
  std::string why;
  if (std::optional<std::regex> compiled = try_compile_regex(pattern, why)) return std::move(*compiled);
  throw InputError(fmt::format("invalid regex '{}': {}", pattern, why));
}

}  // namespace readyctl
