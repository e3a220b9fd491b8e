// --compare with --recommend: was the earlier snapshot's advice followed, and what did cost and latency do since?
#include <cmath>

#include "readyctl/baseline/recommend.hpp"

namespace readyctl::baseline {
namespace {

const ServingFigures* find_serving(const Baseline& b, const std::string& tenant, const std::string& model)
{
  if (!b.serving) return nullptr;
  for (const ServingFigures& f : *b.serving)
    if (f.tenant == tenant && f.model == model) return &f;
  return nullptr;
}

// The tenant's GPU bill scaled to a month, so windows of different lengths compare.
Figure monthly_gpu_cost(const Baseline& b, const std::string& tenant)
{
  double hours = b.window.seconds() / 3600;
  for (const TenantBaseline& t : b.tenants)
    if (t.name == tenant)
      if (Figure cost = t.get("cost.gpu"); cost && hours > 0) return *cost / hours * k_hours_per_month;
  return std::nullopt;
}

std::string followed(Figure then, Figure recommended, Figure now)
{
  if (!now) return "gone";
  if (!then || !recommended || *recommended == *then) return "held";
  if (*now == *recommended) return "yes";
  bool toward = (*recommended > *then) ? *now > *then : *now < *then;
  bool within = (*recommended > *then) ? *now < *recommended : *now > *recommended;
  return toward && within ? "partly" : "no";
}

}  // namespace

std::vector<FollowUp> follow_up(const Baseline& before, const Baseline& after, const RecommendOptions& options)
{
  std::vector<FollowUp> out;
  for (const Recommendation& r : recommend(before, options).items) {
    if (!r.replicas_now) continue;  // nothing was sized
    FollowUp f;
    f.tenant = r.tenant;
    f.model = r.model;
    f.replicas_then = r.replicas_now;
    f.recommended_then = r.replicas_recommended;
    const ServingFigures* now = find_serving(after, r.tenant, r.model);
    f.replicas_now = now ? now->replicas : std::nullopt;
    f.followed = followed(f.replicas_then, f.recommended_then, f.replicas_now);
    f.monthly_gpu_cost_then = monthly_gpu_cost(before, r.tenant);
    f.monthly_gpu_cost_now = monthly_gpu_cost(after, r.tenant);
    if (const ServingFigures* then = find_serving(before, r.tenant, r.model)) f.ttft_p95_then = then->ttft_p95;
    f.ttft_p95_now = now ? now->ttft_p95 : std::nullopt;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace readyctl::baseline
