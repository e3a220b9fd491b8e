#include "readyctl/baseline/recommend_json.hpp"

namespace readyctl::baseline {
namespace {

using nlohmann::json;
using nlohmann::ordered_json;

ordered_json number_or_null(Figure f) { return f ? ordered_json(*f) : ordered_json(nullptr); }

ordered_json recommendation_json(const Recommendation& r)
{
  ordered_json evidence = ordered_json::object();
  evidence["verdict"] = r.verdict;
  for (const auto& [name, value] : r.evidence) evidence[name] = number_or_null(value);
  evidence["missing"] = r.missing;
  evidence["confidence_notes"] = r.confidence_notes;
  return {{"tenant", r.tenant},
          {"model", r.model},
          {"gpus_per_replica", number_or_null(r.gpus_per_replica)},
          {"replicas", {{"now", number_or_null(r.replicas_now)}, {"recommended", number_or_null(r.replicas_recommended)}}},
          {"gpus", {{"now", number_or_null(r.gpus_now)}, {"recommended", number_or_null(r.gpus_recommended)}}},
          {"monthly_cost_change", number_or_null(r.monthly_cost_change)},
          {"reason", r.reason},
          {"evidence", std::move(evidence)},
          {"confidence", r.confidence}};
}

ordered_json followup_json(const FollowUp& f)
{
  return {{"tenant", f.tenant},
          {"model", f.model},
          {"replicas", {{"then", number_or_null(f.replicas_then)}, {"recommended_then", number_or_null(f.recommended_then)},
                        {"now", number_or_null(f.replicas_now)}}},
          {"followed", f.followed},
          {"monthly_gpu_cost", {{"then", number_or_null(f.monthly_gpu_cost_then)}, {"now", number_or_null(f.monthly_gpu_cost_now)}}},
          {"ttft_p95_seconds", {{"then", number_or_null(f.ttft_p95_then)}, {"now", number_or_null(f.ttft_p95_now)}}}};
}

// Field table of ServingFigures, so writing and reading a snapshot cannot drift apart.
using FigureMember = Figure ServingFigures::*;
const std::pair<const char*, FigureMember> k_serving_fields[] = {
    {"replicas", &ServingFigures::replicas},         {"gpus", &ServingFigures::gpus},
    {"gpus_per_replica", &ServingFigures::gpus_per_replica}, {"rate_mean", &ServingFigures::rate_mean},
    {"rate_peak", &ServingFigures::rate_peak},       {"running_peak", &ServingFigures::running_peak},
    {"queue_p95", &ServingFigures::queue_p95},       {"queue_max", &ServingFigures::queue_max},
    {"queue_first_quarter", &ServingFigures::queue_first}, {"queue_last_quarter", &ServingFigures::queue_last},
    {"kv_cache_peak", &ServingFigures::kv_peak},     {"kv_cache_mean", &ServingFigures::kv_mean},
    {"preemptions", &ServingFigures::preemptions},   {"ttft_p95", &ServingFigures::ttft_p95},
    {"e2e_p95", &ServingFigures::e2e_p95},           {"e2e_mean", &ServingFigures::e2e_mean},
    {"gpu_utilization_mean", &ServingFigures::util_mean}, {"gpu_utilization_peak", &ServingFigures::util_peak},
    {"busy_gpus_peak", &ServingFigures::busy_gpus_peak}};

}  // namespace

void add_recommendations_json(ordered_json& out, const Recommendations& r)
{
  ordered_json items = ordered_json::array();
  for (const Recommendation& item : r.items) items.push_back(recommendation_json(item));
  out["recommendations"] = std::move(items);
  out["recommendation_targets"] = {{"target_utilization", r.options.target_utilization},
                                   {"slo_ttft_p95_seconds", number_or_null(r.options.slo_ttft_p95)},
                                   {"slo_e2e_p95_seconds", number_or_null(r.options.slo_e2e_p95)},
                                   {"slo_queue_p95_per_replica", r.options.slo_queue_p95},
                                   {"hours_per_month", k_hours_per_month}};
  const ClusterRecommendation& c = r.cluster;
  out["recommendation_cluster"] = {{"allocatable_gpus", number_or_null(c.allocatable_gpus)},
                                   {"peak_requested_gpus", number_or_null(c.peak_requested_gpus)},
                                   {"unrequested_gpus", number_or_null(c.unrequested_gpus)},
                                   {"node_pool_monthly_change", number_or_null(c.node_pool_monthly_change)},
                                   {"tenants_monthly_change", c.tenants_monthly_change},
                                   {"total_monthly_change", c.total_monthly_change},
                                   {"notes", r.notes}};
  if (r.followup_against.empty()) return;
  ordered_json followups = ordered_json::array();
  for (const FollowUp& f : r.followup) followups.push_back(followup_json(f));
  out["recommendation_followup"] = {{"against", r.followup_against}, {"deployments", std::move(followups)}};
}

ordered_json serving_to_json(const std::vector<ServingFigures>& serving)
{
  ordered_json out = ordered_json::array();
  for (const ServingFigures& f : serving) {
    ordered_json row{{"tenant", f.tenant}, {"model", f.model}};
    for (auto [name, member] : k_serving_fields) row[name] = number_or_null(f.*member);
    out.push_back(std::move(row));
  }
  return out;
}

std::optional<std::vector<ServingFigures>> serving_from_json(const json& doc)
{
  if (!doc.contains("serving") || !doc["serving"].is_array()) return std::nullopt;
  std::vector<ServingFigures> out;
  for (const json& row : doc["serving"]) {
    ServingFigures f;
    f.tenant = row.at("tenant").get<std::string>();
    f.model = row.value("model", "");
    for (auto [name, member] : k_serving_fields)
      if (row.contains(name) && row[name].is_number()) f.*member = row[name].get<double>();
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace readyctl::baseline
