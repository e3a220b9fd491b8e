// `readyctl lint rules --anchors`: each rule's kube-linter, kube-score and Polaris anchors and the coverage per tool,
// as text, JSON and the Markdown page docs/parity.md is generated from.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "readyctl/lint/parity.hpp"

namespace readyctl::cli {

// "kube-linter: latest-tag; polaris: tagNotSpecified", or "-" for none.
std::string anchor_list(const lint::Anchors& anchors);
std::string parity_text(const std::vector<lint::Rule>& rules, const lint::ParityMap& map);
nlohmann::ordered_json parity_json(const std::vector<lint::Rule>& rules, const lint::ParityMap& map);
std::string parity_markdown(const std::vector<lint::Rule>& rules, const lint::ParityMap& map);

}  // namespace readyctl::cli
