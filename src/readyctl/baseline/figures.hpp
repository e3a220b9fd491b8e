// From one tenant's inputs to its figures: rates, quantiles, queue statistics, GPU-hours, resources, costs.
#pragma once
#include "readyctl/baseline/baseline.hpp"
#include "readyctl/baseline/signal_inputs.hpp"

namespace readyctl::baseline {

// Everything but cost; series named as k_series_names are kept on the tenant too.
void compute_figures(const SignalInputs& in, const Window& window, TenantBaseline& out);

// cost.*: GPU by allocation, CPU and memory by max(request, usage) per step, idle GPU by (1 - utilisation).
void compute_costs(const SignalInputs& in, const PriceCatalogue& prices, const Window& window, TenantBaseline& out);

}  // namespace readyctl::baseline
