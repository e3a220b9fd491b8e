// JSON for right-sizing: the public "recommendations" shape, and the serving figures a snapshot keeps.
#pragma once
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "readyctl/baseline/recommendation.hpp"
#include "readyctl/baseline/serving.hpp"

namespace readyctl::baseline {

// Adds "recommendations" (PRODUCT.md's shape), "recommendation_targets", "recommendation_cluster" and, when
// comparing, "recommendation_followup" to a baseline's JSON object.
void add_recommendations_json(nlohmann::ordered_json& out, const Recommendations& r);

nlohmann::ordered_json serving_to_json(const std::vector<ServingFigures>& serving);
// nullopt when the document has no "serving" array (a snapshot that did not collect them).
std::optional<std::vector<ServingFigures>> serving_from_json(const nlohmann::json& doc);

}  // namespace readyctl::baseline
