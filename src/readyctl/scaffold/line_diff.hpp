// A line diff as hunks over the base (longest common subsequence), the input of the three-way merge.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace readyctl::scaffold {

// Lines keep their '\n', so joining them gives the text back exactly.
std::vector<std::string_view> split_lines(std::string_view text);

// base[base_begin, base_begin + base_count) was replaced by side[side_begin, side_begin + side_count).
struct Hunk {
  size_t base_begin = 0;
  size_t base_count = 0;
  size_t side_begin = 0;
  size_t side_count = 0;
};

std::vector<Hunk> diff_lines(const std::vector<std::string_view>& base, const std::vector<std::string_view>& side);

}  // namespace readyctl::scaffold
