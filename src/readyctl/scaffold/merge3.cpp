#include "readyctl/scaffold/merge3.hpp"

#include <fmt/format.h>

#include "readyctl/scaffold/line_diff.hpp"

namespace readyctl::scaffold {
namespace {

using Lines = std::vector<std::string_view>;

struct SideHunk {
  Hunk hunk;
  bool yours = false;
};

// Both diffs as one list ordered by where they start in the base.
std::vector<SideHunk> ordered_hunks(const std::vector<Hunk>& yours, const std::vector<Hunk>& theirs)
{
  std::vector<SideHunk> all;
  size_t a = 0, b = 0;
  while (a < yours.size() || b < theirs.size()) {
    bool take_yours = b == theirs.size() || (a < yours.size() && yours[a].base_begin <= theirs[b].base_begin);
    all.push_back(take_yours ? SideHunk{yours[a++], true} : SideHunk{theirs[b++], false});
  }
  return all;
}

struct Group {
  size_t lo = 0;
  size_t hi = 0;
  std::vector<SideHunk> hunks;
};

std::string base_text_of(const Group& group, const Lines& base)
{
  std::string out;
  for (size_t i = group.lo; i < group.hi; ++i) out += base[i];
  return out;
}

// The lines one side has in place of base[lo, hi): its hunks plus the unchanged base lines around them.
std::string side_text(const Group& group, bool yours, const Lines& base, const Lines& side)
{
  const Hunk* first = nullptr;
  const Hunk* last = nullptr;
  for (const SideHunk& h : group.hunks)
    if (h.yours == yours) {
      if (!first) first = &h.hunk;
      last = &h.hunk;
    }
  if (!first) return base_text_of(group, base);
  std::string out;
  size_t begin = first->side_begin - (first->base_begin - group.lo);
  size_t end = last->side_begin + last->side_count + (group.hi - (last->base_begin + last->base_count));
  for (size_t i = begin; i < end; ++i) out += side[i];
  return out;
}

void append_section(std::string& out, const std::string& marker, const std::string& text)
{
  out += marker;
  out += '\n';
  out += text;
  if (!text.empty() && text.back() != '\n') out += '\n';
}

// Overlapping changes form one region, and so does an insertion at the edge of another change (their order
// would be a guess); replacements of neighbouring lines stay apart and merge cleanly.
bool joins(const Group& group, const Hunk& hunk)
{
  if (hunk.base_begin < group.hi) return true;
  if (hunk.base_begin > group.hi) return false;
  return hunk.base_count == 0 || group.hunks.back().hunk.base_count == 0;
}

Group next_group(const std::vector<SideHunk>& hunks, size_t& k)
{
  Group group{hunks[k].hunk.base_begin, hunks[k].hunk.base_begin + hunks[k].hunk.base_count, {}};
  while (k < hunks.size() && joins(group, hunks[k].hunk)) {
    group.hi = std::max(group.hi, hunks[k].hunk.base_begin + hunks[k].hunk.base_count);
    group.hunks.push_back(hunks[k++]);
  }
  return group;
}

bool touches(const Group& group, bool yours)
{
  for (const SideHunk& h : group.hunks)
    if (h.yours == yours) return true;
  return false;
}

void append_conflict(std::string& out, const MergeLabels& labels, const std::string& mine, const std::string& original,
                     const std::string& other)
{
  append_section(out, "<<<<<<< " + labels.yours, mine);
  append_section(out, "||||||| " + labels.base, original);
  append_section(out, "=======", other);
  out += ">>>>>>> " + labels.theirs + "\n";
}

}  // namespace

MergeResult merge3(std::string_view base_text, std::string_view yours_text, std::string_view theirs_text,
                   const MergeLabels& labels)
{
  Lines base = split_lines(base_text);
  Lines yours = split_lines(yours_text);
  Lines theirs = split_lines(theirs_text);
  std::vector<SideHunk> hunks = ordered_hunks(diff_lines(base, yours), diff_lines(base, theirs));
  MergeResult result;
  size_t cursor = 0;
  for (size_t k = 0; k < hunks.size();) {
    Group group = next_group(hunks, k);
    for (; cursor < group.lo; ++cursor) result.text += base[cursor];
    std::string mine = side_text(group, true, base, yours);
    std::string other = side_text(group, false, base, theirs);
    if (!touches(group, false) || mine == other) {
      result.text += mine;
    } else if (!touches(group, true)) {
      result.text += other;
    } else {
      ++result.conflicts;
      append_conflict(result.text, labels, mine, base_text_of(group, base), other);
    }
    cursor = group.hi;
  }
  for (; cursor < base.size(); ++cursor) result.text += base[cursor];
  return result;
}

}  // namespace readyctl::scaffold
