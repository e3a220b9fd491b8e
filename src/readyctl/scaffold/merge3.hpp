// Line-based three-way merge (diff3 style): base, yours and theirs in, merged text and conflict count out.
#pragma once
#include <string>
#include <string_view>

namespace readyctl::scaffold {

struct MergeLabels {
  std::string yours = "yours";
  std::string base = "base";
  std::string theirs = "theirs";
};

struct MergeResult {
  std::string text;
  int conflicts = 0;  // regions marked with <<<<<<< / ||||||| / ======= / >>>>>>>
};

// Changes made on one side only are taken; identical changes on both sides are taken once; different changes to
// the same (or adjacent) base lines become a conflict region holding all three versions, so nothing is lost.
MergeResult merge3(std::string_view base, std::string_view yours, std::string_view theirs,
                   const MergeLabels& labels = {});

}  // namespace readyctl::scaffold
