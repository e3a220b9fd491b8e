#include "readyctl/baseline/recommend.hpp"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "readyctl/baseline/display.hpp"

namespace readyctl::baseline {
namespace {

constexpr double k_kv_full = 0.9;       // vLLM starts preempting as the KV cache fills; SGLang retracts
constexpr double k_bursty = 4;          // per-step peak/mean above this: a step's mean hides the bursts
constexpr double k_week_days = 7;
constexpr const char* k_levels[] = {"low", "medium", "high"};

// ceil() that ignores the rounding noise of a ratio that should be whole (2.8 / 0.7 = 4.000000000000001).
double whole_up(double x) { return std::ceil(x - 1e-9); }

std::string pct(Figure v) { return format_figure(v, "%"); }

// What pushes back on a deployment, from the engine's own saturation signals and the latency objectives.
struct Pressure {
  bool queue_over = false;  // more waiting requests per replica at the p95 step than the queue objective
  bool growing = false;     // the last quarter's queue is at least twice the first's (and at least one request)
  bool kv_full = false;
  bool preempting = false;
  bool ttft_over = false;
  bool e2e_over = false;
  bool saturated() const { return queue_over || preempting; }
  bool any() const { return saturated() || kv_full || ttft_over || e2e_over; }
};

Pressure pressure_of(const ServingFigures& f, const RecommendOptions& o)
{
  Pressure p;
  double replicas = std::max(1.0, f.replicas.value_or(1));
  p.queue_over = f.queue_p95 && *f.queue_p95 / replicas > o.slo_queue_p95;
  p.growing = f.queue_first && f.queue_last && *f.queue_last >= 1 && *f.queue_last >= 2 * *f.queue_first;
  p.kv_full = f.kv_peak && *f.kv_peak >= k_kv_full;
  p.preempting = f.preemptions && *f.preemptions >= 1;
  p.ttft_over = o.slo_ttft_p95 && f.ttft_p95 && *f.ttft_p95 > *o.slo_ttft_p95;
  p.e2e_over = o.slo_e2e_p95 && f.e2e_p95 && *f.e2e_p95 > *o.slo_e2e_p95;
  return p;
}

std::vector<std::string> missing_signals(const ServingFigures& f)
{
  std::vector<std::string> out;
  const std::pair<const char*, Figure> k_signals[] = {
      {"GPU utilisation", f.util_peak}, {"KV-cache use", f.kv_peak}, {"queue", f.queue_p95},
      {"preemptions", f.preemptions},   {"TTFT", f.ttft_p95},        {"request rate", f.rate_peak}};
  for (auto [name, value] : k_signals)
    if (!value) out.emplace_back(name);
  return out;
}

// Requests in flight at the peak: measured (running) or, failing that, Little's law L = lambda x W.
Figure in_flight_peak(const ServingFigures& f)
{
  if (f.running_peak && *f.running_peak > 0) return f.running_peak;
  if (f.rate_peak && f.e2e_mean) return *f.rate_peak * *f.e2e_mean;
  return std::nullopt;
}

// Replicas that would put the peak at the target: busy GPUs over target GPUs per replica, or KV-cache use.
struct Sizing {
  Figure replicas;
  Figure peak_now;  // the basis' peak at today's size (0..1)
  std::string basis;
};

Sizing size_on_target(const ServingFigures& f, double k, double replicas, double target)
{
  if (f.busy_gpus_peak && f.gpus && *f.gpus > 0)
    return {std::max(1.0, whole_up(*f.busy_gpus_peak / (target * k))), *f.busy_gpus_peak / (replicas * k),
            "GPU utilisation"};
  if (f.kv_peak) return {std::max(1.0, whole_up(replicas * *f.kv_peak / target)), f.kv_peak, "KV-cache use"};
  return {};
}

std::string saturation_sentence(const ServingFigures& f, const Pressure& p, const RecommendOptions& o)
{
  std::vector<std::string> parts;
  if (p.queue_over)
    parts.push_back(fmt::format("requests waited (queue p95 {} for {} replica(s)){}", three_digits(*f.queue_p95),
                                three_digits(*f.replicas), p.growing ? " and the queue grew" : ""));
  if (p.kv_full) parts.push_back(fmt::format("the KV cache reached {}", pct(f.kv_peak)));
  if (p.preempting) parts.push_back(fmt::format("{} preemptions", three_digits(*f.preemptions)));
  if (p.ttft_over)
    parts.push_back(fmt::format("TTFT p95 {} is over the {} objective", format_figure(f.ttft_p95, "s"),
                                format_figure(o.slo_ttft_p95, "s")));
  if (p.e2e_over)
    parts.push_back(fmt::format("e2e p95 {} is over the {} objective", format_figure(f.e2e_p95, "s"),
                                format_figure(o.slo_e2e_p95, "s")));
  return fmt::format("{}", fmt::join(parts, ", "));
}

struct Decision {
  double replicas;
  std::string verdict;
  std::string reason;
};

// Saturated: never fewer, at least one more, and enough that the requests waiting at the p95 step would run.
Decision grow_saturated(const ServingFigures& f, const Pressure& p, const Sizing& s, const RecommendOptions& o)
{
  double r = *f.replicas;
  double want = r + 1;
  if (s.replicas) want = std::max(want, *s.replicas);
  if (Figure flight = in_flight_peak(f); flight && f.queue_p95)
    want = std::max(want, whole_up(r * (*flight + *f.queue_p95) / *flight));
  return {want, "saturated",
          fmt::format("Saturated: {}; add replicas until the requests waiting at the peak are served.",
                      saturation_sentence(f, p, o))};
}

Decision hold_under_pressure(const ServingFigures& f, const Pressure& p, const Sizing& s, const RecommendOptions& o)
{
  double r = *f.replicas;
  double want = std::max(r, s.replicas.value_or(r));
  if (want > r)
    return {want, "under-provisioned",
            fmt::format("Under-provisioned: {} and peak {} is above the {} target; never fewer, {} replicas.",
                        saturation_sentence(f, p, o), s.basis, pct(o.target_utilization), three_digits(want))};
  std::string verdict = p.ttft_over || p.e2e_over ? "latency over SLO" : "right-sized";
  return {r, verdict,
          fmt::format("{}: {} without a queue, so more replicas may not help and fewer would hurt; hold and look at "
                      "prompt lengths and prefill.", verdict == "right-sized" ? "Hold" : "Latency over SLO",
                      saturation_sentence(f, p, o))};
}

// "the busiest step kept 3.05 GPUs busy, 152% of the 2 it runs now" / "KV-cache use peaked at 20%".
std::string describe_peak(const ServingFigures& f, const Sizing& s)
{
  if (s.basis == "KV-cache use") return fmt::format("KV-cache use peaked at {}", pct(s.peak_now));
  return fmt::format("the busiest step kept {} GPUs busy, {} of the {} it runs now", three_digits(*f.busy_gpus_peak),
                     pct(s.peak_now), three_digits(*f.gpus));
}

Decision size_calm(const ServingFigures& f, const Sizing& s, const RecommendOptions& o)
{
  double r = *f.replicas;
  if (!s.replicas)
    return {r, "cannot size", "Cannot size: neither GPU utilisation nor KV-cache use had data; holding."};
  if (std::fabs(*s.peak_now - o.target_utilization) <= k_hold_band)
    return {r, "right-sized", fmt::format("Right-sized: {}, within {} points of the {} target.", describe_peak(f, s),
                                          three_digits(k_hold_band * 100), pct(o.target_utilization))};
  if (*s.replicas == r)  // below the band, but one replica fewer would be over the target (or none at all)
    return {r, "right-sized", fmt::format("Right-sized: {}; {} is the fewest whole replicas that keep the peak under "
                                          "the {} target.", describe_peak(f, s), three_digits(r),
                                          pct(o.target_utilization))};
  double after = *s.peak_now * r / *s.replicas;
  if (*s.replicas < r)
    return {*s.replicas, "over-provisioned",
            fmt::format("Over-provisioned: {}; {} replica(s) instead of {} would run at {}, under the {} target, with "
                        "no queue or latency pressure.", describe_peak(f, s), three_digits(*s.replicas),
                        three_digits(r), pct(after), pct(o.target_utilization))};
  return {*s.replicas, "under-provisioned",
          fmt::format("Under-provisioned: {}, above the {} target; {} replicas bring it to {}.", describe_peak(f, s),
                      pct(o.target_utilization), three_digits(*s.replicas), pct(after))};
}

void add_evidence(const ServingFigures& f, const RecommendOptions& o, double price, Recommendation& r)
{
  Figure peak_to_mean = ratio(f.rate_peak, f.rate_mean);
  Figure littles = f.rate_peak && f.e2e_mean ? Figure(*f.rate_peak * *f.e2e_mean) : std::nullopt;
  r.evidence = {{"gpu_utilization_peak", f.util_peak}, {"gpu_utilization_mean", f.util_mean},
                {"busy_gpus_peak", f.busy_gpus_peak}, {"queue_p95", f.queue_p95}, {"queue_max", f.queue_max},
                {"queue_first_quarter_mean", f.queue_first}, {"queue_last_quarter_mean", f.queue_last},
                {"kv_cache_peak", f.kv_peak}, {"kv_cache_mean", f.kv_mean}, {"preemptions", f.preemptions},
                {"ttft_p95_seconds", f.ttft_p95}, {"slo_ttft_p95_seconds", o.slo_ttft_p95},
                {"e2e_p95_seconds", f.e2e_p95}, {"slo_e2e_p95_seconds", o.slo_e2e_p95},
                {"e2e_mean_seconds", f.e2e_mean}, {"request_rate_mean", f.rate_mean},
                {"request_rate_peak", f.rate_peak}, {"peak_to_mean", peak_to_mean},
                {"running_peak", f.running_peak}, {"in_flight_littles_law", littles},
                {"usd_per_gpu_hour", price}};
}

// High, less one level for each of: a missing signal, a window under a week, traffic too bursty for a step's
// mean; low outright when there was nothing to size on.
void rate_confidence(const ServingFigures& f, double window_days, const std::string& verdict, Recommendation& r)
{
  int level = 2;
  if (!r.missing.empty()) {
    --level;
    r.confidence_notes.push_back(fmt::format("no data for {}", fmt::join(r.missing, ", ")));
  }
  if (window_days < k_week_days) {
    --level;
    r.confidence_notes.push_back(fmt::format("the window is {} days, under a week", three_digits(window_days)));
  }
  if (Figure pm = ratio(f.rate_peak, f.rate_mean); pm && *pm > k_bursty) {
    --level;
    r.confidence_notes.push_back(fmt::format("traffic is bursty (peak/mean {}): a step's mean hides shorter bursts",
                                             three_digits(*pm)));
  }
  if (verdict == "cannot size") level = 0;
  r.confidence = k_levels[std::max(0, level)];
}

double tenant_gpu_price(const Baseline& b, const std::string& tenant)
{
  for (const TenantBaseline& t : b.tenants)
    if (t.name == tenant)
      if (Figure per = ratio(t.get("cost.gpu"), t.get("gpu.allocated_gpu_hours")); per && *per > 0) return *per;
  return b.prices.gpu_price("").usd;
}

Figure last_value(const TenantBaseline& t, const std::string& series)
{
  auto it = t.series.find(series);
  if (it == t.series.end() || it->second.empty()) return std::nullopt;
  return it->second.back().value_or(0);
}

// A tenant with GPUs but no deployment the engine metrics could count: shown, never resized.
Recommendation unsized_tenant(const TenantBaseline& t, const Baseline& b, bool engine_traffic)
{
  Recommendation r;
  r.tenant = t.name;
  r.gpus_now = r.gpus_recommended = last_value(t, "gpus_allocated");
  r.monthly_cost_change = 0;
  r.verdict = engine_traffic ? "cannot size" : "no engine metrics";
  r.reason = engine_traffic
                 ? "Cannot size: its engine reports traffic but no replica reported running requests at the window's "
                   "end (gone by then, or no per-pod running gauge), so replicas cannot be counted; holding."
                 : "No inference engine metrics: its GPUs serve no measured traffic (batch or training?), so there is "
                   "nothing to size them on; holding.";
  r.missing = {"GPU utilisation", "KV-cache use", "queue", "preemptions", "TTFT", "request rate"};
  if (t.get("gpu.utilization_mean")) r.missing.erase(r.missing.begin());
  Figure peak;
  if (auto it = t.series.find("gpus_allocated"); it != t.series.end()) peak = max_of(it->second);
  r.evidence = {{"gpu_utilization_mean", t.get("gpu.utilization_mean")}, {"gpus_peak", peak},
                {"usd_per_gpu_hour", tenant_gpu_price(b, t.name)}};
  r.confidence = "low";
  r.confidence_notes.push_back(fmt::format("no data for {}", fmt::join(r.missing, ", ")));
  return r;
}

ClusterRecommendation cluster_row(const Baseline& b, const std::vector<Recommendation>& items)
{
  ClusterRecommendation c;
  double hours = b.window.seconds() / 3600;
  if (Figure h = b.cluster.get("gpu.allocatable_gpu_hours"); h && hours > 0) c.allocatable_gpus = *h / hours;
  if (auto it = b.cluster.series.find("gpus_allocated"); it != b.cluster.series.end())
    c.peak_requested_gpus = max_of(it->second);
  if (c.allocatable_gpus && c.peak_requested_gpus) {
    c.unrequested_gpus = std::max(0.0, std::floor(*c.allocatable_gpus - *c.peak_requested_gpus + 1e-9));
    c.node_pool_monthly_change = -*c.unrequested_gpus * b.prices.gpu_price("").usd * k_hours_per_month;
  }
  for (const Recommendation& r : items) c.tenants_monthly_change += r.monthly_cost_change.value_or(0);
  c.total_monthly_change = c.tenants_monthly_change + c.node_pool_monthly_change.value_or(0);
  return c;
}

}  // namespace

Recommendation size_deployment(const ServingFigures& f, const RecommendOptions& o, double usd_per_gpu_hour,
                               double window_days)
{
  Recommendation r;
  r.tenant = f.tenant;
  r.model = f.model;
  r.gpus_per_replica = f.gpus_per_replica;
  r.replicas_now = f.replicas;
  r.gpus_now = f.gpus;
  r.missing = missing_signals(f);
  double k = f.gpus_per_replica.value_or(1);
  Pressure p = pressure_of(f, o);
  Sizing s = size_on_target(f, k, *f.replicas, o.target_utilization);
  Decision d = p.saturated() ? grow_saturated(f, p, s, o) : p.any() ? hold_under_pressure(f, p, s, o)
                                                                    : size_calm(f, s, o);
  r.verdict = d.verdict;
  r.reason = d.reason;
  r.replicas_recommended = d.replicas;
  if (f.gpus_per_replica) {
    r.gpus_recommended = d.replicas * k;
    r.monthly_cost_change = (d.replicas - *f.replicas) * k * usd_per_gpu_hour * k_hours_per_month;
  }
  add_evidence(f, o, usd_per_gpu_hour, r);
  rate_confidence(f, window_days, d.verdict, r);
  return r;
}

Recommendations recommend(const Baseline& b, const RecommendOptions& options)
{
  Recommendations out;
  out.options = options;
  if (!b.serving) {
    out.notes.push_back("this baseline has no serving figures (a snapshot saved by a readyctl that did not collect them): "
                        "run it live with --recommend");
    out.cluster = cluster_row(b, out.items);
    return out;
  }
  double days = b.window.seconds() / 86400;
  for (const ServingFigures& f : *b.serving)
    if (f.replicas) out.items.push_back(size_deployment(f, options, tenant_gpu_price(b, f.tenant), days));
  for (const TenantBaseline& t : b.tenants) {
    bool sized = std::any_of(out.items.begin(), out.items.end(), [&](const Recommendation& r) { return r.tenant == t.name; });
    Figure gpu_hours = t.get("gpu.allocated_gpu_hours");
    if (!sized && gpu_hours && *gpu_hours > 0) out.items.push_back(unsized_tenant(t, b, t.get("requests.total").has_value()));
  }
  std::stable_sort(out.items.begin(), out.items.end(), [](const Recommendation& a, const Recommendation& c) {
    return std::tie(a.tenant, a.model) < std::tie(c.tenant, c.model);
  });
  out.cluster = cluster_row(b, out.items);
  return out;
}

}  // namespace readyctl::baseline
