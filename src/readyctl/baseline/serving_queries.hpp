// The PromQL behind --recommend: engine signals per tenant and model, joined to the pods' GPU requests and DCGM.
#pragma once
#include <string>
#include <vector>

#include "readyctl/baseline/derive.hpp"
#include "readyctl/baseline/query_plan.hpp"
#include "readyctl/baseline/serving.hpp"

namespace readyctl::baseline {

inline constexpr const char* k_model_label = "model_name";  // vLLM, SGLang and the Gateway API inference extension

// A handful of queries (ids "serving.*") whatever the fleet size; none when the engine has no `running` gauge,
// because replicas are counted by its `pod` label.
std::vector<QueryJob> plan_serving_queries(const Detection& detection, const Window& window,
                                           const std::string& tenant_label);

// One entry per (tenant, model) the queries returned, sorted by tenant then model.
std::vector<ServingFigures> derive_serving(const ResultsById& results, const Detection& detection, const Window& window,
                                           const std::string& tenant_label);

}  // namespace readyctl::baseline
