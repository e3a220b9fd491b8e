// A rule's anchors: the checks of kube-linter, kube-score and Polaris it covers by meaning (`anchors:` in a rule file).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/yaml/node.hpp"

namespace readyctl::lint {

// Tool name -> check ids, as the tool spells them.
using Anchors = std::map<std::string, std::vector<std::string>, std::less<>>;

// The tools a rule may anchor to, in the order reports list them.
constexpr std::string_view k_anchor_tools[] = {"kube-linter", "kube-score", "polaris"};

bool is_anchor_tool(std::string_view tool);
// `anchors: {kube-linter: [a, b], polaris: [c]}`; a missing node is no anchors. InputError "path:line:col: expected
// ..." on an unknown tool, a value that is not a list, or an entry that is not a check id or appears twice.
Anchors read_anchors(const std::string& path, const yaml::Node* node);

}  // namespace readyctl::lint
