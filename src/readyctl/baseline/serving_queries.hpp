// The PromQL behind --recommend: engine signals per tenant and model, joined to the pods' GPU requests and DCGM.
#pragma once
#include <string>
#include <vector>

#include "readyctl/baseline/derive.hpp"
#include "readyctl/baseline/query_plan.hpp"
#include "readyctl/baseline/serving.hpp"

namespace readyctl::baseline {

inline constexpr const char* k_model_label = "model_name";  // vLLM, SGLang and the Gateway API inference extension

// `engine`: what only the engine's per-replica series tell (replicas, running, KV cache, preemptions, mean e2e).
// `split`: the per-model split of rate, queue, latency, GPUs and DCGM utilisation, needed only for tenants that
// serve more than one model (a tenant with one model reuses its own baseline series, which are the same numbers).
enum class ServingQueries { engine, split };

// A handful of queries (ids "serving.*") whatever the fleet size; none when the engine has no `running` gauge,
// because replicas are counted by its `pod` label.
std::vector<QueryJob> plan_serving_queries(const Detection& detection, const Window& window,
                                           const std::string& tenant_label, ServingQueries which);

// Whether any tenant in the engine answers serves more than one model (then the split queries are worth it).
bool serving_needs_split(const ResultsById& results, const std::string& tenant_label);

// One entry per (tenant, model) the queries returned, sorted by tenant then model. Figures the split queries did
// not give come from the tenant's own baseline series when the tenant serves one model.
std::vector<ServingFigures> derive_serving(const ResultsById& results, const Detection& detection, const Baseline& b);

}  // namespace readyctl::baseline
