#include "readyctl/scaffold/line_diff.hpp"

#include <cstdint>

namespace readyctl::scaffold {
namespace {

using Lines = std::vector<std::string_view>;

// LCS lengths of every suffix pair; generated files are small enough for the quadratic table.
std::vector<uint32_t> lcs_table(const Lines& a, const Lines& b, size_t lo, size_t a_hi, size_t b_lo, size_t b_hi)
{
  size_t n = a_hi - lo;
  size_t m = b_hi - b_lo;
  std::vector<uint32_t> table((n + 1) * (m + 1), 0);
  for (size_t i = n; i-- > 0;)
    for (size_t j = m; j-- > 0;)
      table[i * (m + 1) + j] = a[lo + i] == b[b_lo + j]
                                   ? table[(i + 1) * (m + 1) + j + 1] + 1
                                   : std::max(table[(i + 1) * (m + 1) + j], table[i * (m + 1) + j + 1]);
  return table;
}

void push_hunk(std::vector<Hunk>& hunks, size_t i, size_t j, size_t i0, size_t j0)
{
  if (i > i0 || j > j0) hunks.push_back({i0, i - i0, j0, j - j0});
}

}  // namespace

std::vector<std::string_view> split_lines(std::string_view text)
{
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    size_t nl = text.find('\n');
    size_t len = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(0, len));
    text.remove_prefix(len);
  }
  return lines;
}

std::vector<Hunk> diff_lines(const Lines& base, const Lines& side)
{
  // Trim the common prefix and suffix first: most edits are local.
  size_t lo = 0;
  while (lo < base.size() && lo < side.size() && base[lo] == side[lo]) ++lo;
  size_t a_hi = base.size();
  size_t b_hi = side.size();
  while (a_hi > lo && b_hi > lo && base[a_hi - 1] == side[b_hi - 1]) --a_hi, --b_hi;
  std::vector<uint32_t> table = lcs_table(base, side, lo, a_hi, lo, b_hi);
  size_t m = b_hi - lo;
  std::vector<Hunk> hunks;
  size_t i = lo, j = lo, i0 = lo, j0 = lo;
  while (i < a_hi && j < b_hi) {
    if (base[i] == side[j]) {
      push_hunk(hunks, i, j, i0, j0);
      i0 = ++i;
      j0 = ++j;
    } else if (table[(i - lo + 1) * (m + 1) + (j - lo)] >= table[(i - lo) * (m + 1) + (j - lo + 1)]) {
      ++i;
    } else {
      ++j;
    }
  }
  push_hunk(hunks, a_hi, b_hi, i0, j0);
  return hunks;
}

}  // namespace readyctl::scaffold
