// retry-bounded, retry-backoff, retry-within-timeout: one reading of every retry policy (Istio, Gateway API,
// Envoy Gateway, Dapr), three questions asked of it.
#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/lint/checks/guardrail_checks.hpp"
#include "readyctl/lint/checks/guardrail_resiliency_policies.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"

namespace readyctl::lint {
namespace {

using namespace guardrail;

// A retry count field: absent, malformed, or its value.
struct CountField {
  const yaml::Node* node = nullptr;
  std::optional<long long> value;
};

CountField read_count(const yaml::Node* node)
{
  CountField c;
  if (!node || node->is_null()) return c;
  c.node = node;
  c.value = node->as_int32();
  return c;
}

bool report_bad_count(const CheckContext& ctx, const Object& o, const CountField& c, std::string_view field)
{
  if (!c.node || c.value) return false;
  ctx.sink.report(o, c.node, fmt::format("{} {}: '{}' is not a 32-bit integer", o.display_name(), field, c.node->str()));
  return true;
}

bool report_bad_duration(const CheckContext& ctx, const Object& o, const DurationField& d, std::string_view field)
{
  if (!d.malformed()) return false;
  ctx.sink.report(o, d.node, fmt::format("{} {}: '{}' is not a duration (e.g. 500ms, 30s)", o.display_name(), field, d.node->str()));
  return true;
}

std::string fmt_seconds(double s) { return format_duration(s); }

// "4 attempts (1 + 3 retries) × 20s per try = 1m20s > route timeout 30s"
std::string budget_arithmetic(long long retries, double per_try, double timeout, std::string_view timeout_name)
{
  long long attempts = retries + 1;
  return fmt::format("{} attempt{} (1 + {} retr{}) × {} per try = {} > {} {}", attempts, attempts == 1 ? "" : "s",
                     retries, retries == 1 ? "y" : "ies", fmt_seconds(per_try),
                     fmt_seconds(static_cast<double>(attempts) * per_try), timeout_name, fmt_seconds(timeout));
}

bool exceeds(long long retries, double per_try, double timeout)
{
  // A millisecond of slack absorbs floating-point noise in the product.
  return static_cast<double>(retries + 1) * per_try > timeout + 1e-3;
}

// ---- retry-bounded ----------------------------------------------------------------------------------------

void bound_count(const CheckContext& ctx, const Object& o, const CountField& c, long long limit, std::string_view field,
                 std::string_view param)
{
  if (report_bad_count(ctx, o, c, field) || !c.value || *c.value <= limit) return;
  ctx.sink.report(o, c.node,
                  fmt::format("{} {} is {} retries, above the bound of {} (param {}); each retry re-runs a whole "
                              "model call on a backend that is probably already overloaded",
                              o.display_name(), field, *c.value, limit, param));
}

void bounded_dapr(const CheckContext& ctx, const Object& res, long long limit)
{
  for (const DaprPolicy& p : dapr_policies(res, "retries")) {
    if (!p.value->is_mapping()) continue;
    CountField c = read_count(p.value->get("maxRetries"));
    std::string field = fmt::format("retry policy {}", p.name);
    if (!c.node) {
      ctx.sink.report(res, p.key,
                      fmt::format("{} {} sets no maxRetries: Dapr then retries forever", res.display_name(), field));
      continue;
    }
    if (report_bad_count(ctx, res, c, field + " maxRetries")) continue;
    if (*c.value < 0)
      ctx.sink.report(res, c.node,
                      fmt::format("{} {} maxRetries {} means retry forever", res.display_name(), field, *c.value));
    else bound_count(ctx, res, c, limit, field + " maxRetries", "maxRetries");
  }
}

void check_bounded(const CheckContext& ctx)
{
  long long max_attempts = ctx.rule.param_int("maxAttempts");
  long long max_retries = ctx.rule.param_int("maxRetries");
  for (const Object* vs : ctx.of_kind("VirtualService")) {
    if (!vs->is("VirtualService", k_istio_group)) continue;
    std::vector<const yaml::Node*> routes = spec_list(*vs, "http");
    for (size_t i = 0; i < routes.size(); ++i)
      bound_count(ctx, *vs, read_count(routes[i]->path({"retries", "attempts"})), max_attempts,
                  describe_entry("http", routes[i], i) + " retries.attempts", "maxAttempts");
  }
  for (const Object* route : ctx.of_kind("HTTPRoute")) {
    if (!route->is("HTTPRoute", k_gateway_group)) continue;
    std::vector<const yaml::Node*> rules = spec_list(*route, "rules");
    for (size_t i = 0; i < rules.size(); ++i)
      bound_count(ctx, *route, read_count(rules[i]->path({"retry", "attempts"})), max_attempts,
                  describe_entry("rules", rules[i], i) + " retry.attempts", "maxAttempts");
  }
  for (const Object* p : ctx.of_kind("BackendTrafficPolicy"))
    if (p->is("BackendTrafficPolicy", k_envoy_gateway_group) && p->spec)
      bound_count(ctx, *p, read_count(p->spec->path({"retry", "numRetries"})), max_retries, "retry.numRetries",
                  "maxRetries");
  for (const Object* res : ctx.of_kind("Resiliency"))
    if (is_dapr_resiliency(*res)) bounded_dapr(ctx, *res, max_retries);
}

// ---- retry-backoff ----------------------------------------------------------------------------------------

void backoff_dapr(const CheckContext& ctx, const Object& res, double min_interval)
{
  for (const DaprPolicy& p : dapr_policies(res, "retries")) {
    if (!p.value->is_mapping()) continue;
    CountField retries = read_count(p.value->get("maxRetries"));
    if (retries.value && *retries.value == 0) continue;  // no retries, nothing to space out
    const yaml::Node* kind_node = p.value->get("policy");
    std::string_view kind = kind_node && kind_node->is_scalar() ? kind_node->str() : "constant";
    if (kind == "exponential") {
      DurationField max_interval = read_duration(p.value->get("maxInterval"));
      if (!max_interval.present())
        ctx.sink.report(res, p.key,
                        fmt::format("{} exponential retry policy {} sets no maxInterval; state the cap (Dapr's "
                                    "implicit one is 60s) so it is reviewed against the caller's deadline",
                                    res.display_name(), p.name));
      else report_bad_duration(ctx, res, max_interval, fmt::format("retry policy {} maxInterval", p.name));
    } else if (kind == "constant") {
      DurationField duration = read_duration(p.value->get("duration"));
      if (report_bad_duration(ctx, res, duration, fmt::format("retry policy {} duration", p.name))) continue;
      if (duration.seconds && *duration.seconds < min_interval)
        ctx.sink.report(res, duration.node,
                        fmt::format("{} constant retry policy {} waits {} between retries, below {} (param "
                                    "minInterval): retries arrive as a burst",
                                    res.display_name(), p.name, fmt_seconds(*duration.seconds), fmt_seconds(min_interval)));
    } else {
      ctx.sink.report(res, kind_node,
                      fmt::format("{} retry policy {} has policy '{}'; Dapr knows constant and exponential",
                                  res.display_name(), p.name, kind));
    }
  }
}

void check_backoff(const CheckContext& ctx)
{
  double min_interval = parse_duration_seconds(ctx.rule.param_string("minInterval")).value_or(0.1);
  for (const Object* vs : ctx.of_kind("VirtualService")) {
    if (!vs->is("VirtualService", k_istio_group)) continue;
    std::vector<const yaml::Node*> routes = spec_list(*vs, "http");
    for (size_t i = 0; i < routes.size(); ++i) {
      const yaml::Node* retries = routes[i]->get("retries");
      CountField attempts = read_count(retries ? retries->get("attempts") : nullptr);
      if (!attempts.value || *attempts.value <= 0) continue;  // Istio: absent or 0 attempts disables retries
      if (retries->get("perTryTimeout") || retries->get("backoff")) continue;
      ctx.sink.report(*vs, key_of(routes[i], "retries"),
                      fmt::format("{} {} retries {} times without perTryTimeout: the first try may use the whole "
                                  "route timeout and retries follow at Envoy's 25ms base interval",
                                  vs->display_name(), describe_entry("http", routes[i], i), *attempts.value));
    }
  }
  for (const Object* route : ctx.of_kind("HTTPRoute")) {
    if (!route->is("HTTPRoute", k_gateway_group)) continue;
    std::vector<const yaml::Node*> rules = spec_list(*route, "rules");
    for (size_t i = 0; i < rules.size(); ++i) {
      const yaml::Node* retry = rules[i]->get("retry");
      if (!retry || !retry->is_mapping() || retry->get("backoff")) continue;
      CountField attempts = read_count(retry->get("attempts"));
      if (attempts.value && *attempts.value == 0) continue;
      ctx.sink.report(*route, key_of(rules[i], "retry"),
                      fmt::format("{} {} retries without `backoff`: retries follow at the implementation's minimum "
                                  "interval",
                                  route->display_name(), describe_entry("rules", rules[i], i)));
    }
  }
  for (const Object* p : ctx.of_kind("BackendTrafficPolicy")) {
    if (!p->is("BackendTrafficPolicy", k_envoy_gateway_group) || !p->spec) continue;
    const yaml::Node* retry = p->spec->get("retry");
    if (!retry || !retry->is_mapping() || retry->path({"perRetry", "backOff"})) continue;
    CountField n = read_count(retry->get("numRetries"));
    if (n.value && *n.value == 0) continue;
    ctx.sink.report(*p, key_of(p->spec, "retry"),
                    fmt::format("{} retry sets no perRetry.backOff: retries follow at Envoy's 25ms base interval",
                                p->display_name()));
  }
  for (const Object* res : ctx.of_kind("Resiliency"))
    if (is_dapr_resiliency(*res)) backoff_dapr(ctx, *res, min_interval);
}

// ---- retry-within-timeout ---------------------------------------------------------------------------------

void within_istio(const CheckContext& ctx, const Object& vs)
{
  std::vector<const yaml::Node*> routes = spec_list(vs, "http");
  for (size_t i = 0; i < routes.size(); ++i) {
    const yaml::Node* http = routes[i];
    const yaml::Node* retries = http->get("retries");
    if (!retries) continue;
    CountField attempts = read_count(retries->get("attempts"));
    DurationField per_try = read_duration(retries->get("perTryTimeout"));
    DurationField timeout = read_duration(http->get("timeout"));
    if (report_bad_duration(ctx, vs, per_try, "retries.perTryTimeout")) continue;
    if (!attempts.value || *attempts.value <= 0 || !per_try.seconds || !timeout.seconds || *timeout.seconds <= 0)
      continue;
    if (!exceeds(*attempts.value, *per_try.seconds, *timeout.seconds)) continue;
    ctx.sink.report(vs, per_try.node,
                    fmt::format("{} {}: {}; the route timeout cuts the retries off (Istio `attempts` counts retries)",
                                vs.display_name(), describe_entry("http", http, i),
                                budget_arithmetic(*attempts.value, *per_try.seconds, *timeout.seconds, "route timeout")));
  }
}

// Gateway API's own retry: attempts are retries, timeouts.backendRequest is the per-try deadline.
void within_gateway_route(const CheckContext& ctx, const Object& route)
{
  std::vector<const yaml::Node*> rules = spec_list(route, "rules");
  for (size_t i = 0; i < rules.size(); ++i) {
    const yaml::Node* rule = rules[i];
    DurationField per_try = read_duration(rule->path({"timeouts", "backendRequest"}));
    DurationField timeout = read_duration(rule->path({"timeouts", "request"}));
    if (report_bad_duration(ctx, route, per_try, "timeouts.backendRequest")) continue;
    if (!per_try.seconds || !timeout.seconds || *timeout.seconds <= 0) continue;
    CountField attempts = read_count(rule->path({"retry", "attempts"}));
    long long retries = attempts.value ? std::max(0LL, *attempts.value) : 0;
    if (!exceeds(retries, *per_try.seconds, *timeout.seconds)) continue;
    ctx.sink.report(route, per_try.node,
                    fmt::format("{} {}: {}", route.display_name(), describe_entry("rules", rule, i),
                                budget_arithmetic(retries, *per_try.seconds, *timeout.seconds, "request timeout")));
  }
}

// An Envoy Gateway BackendTrafficPolicy retry against the deadline of each route rule it governs: the rule's
// timeouts.request (which wins), else the policy's requestTimeout, else AI Gateway's implicit 60s.
void within_traffic_policy(const CheckContext& ctx, const TrafficModel& model, const Object& policy)
{
  const yaml::Node* retry = policy.spec ? policy.spec->get("retry") : nullptr;
  if (!retry || !retry->is_mapping()) return;
  DurationField per_try = read_duration(retry->path({"perRetry", "timeout"}));
  if (report_bad_duration(ctx, policy, per_try, "retry.perRetry.timeout") || !per_try.seconds) return;
  CountField n = read_count(retry->get("numRetries"));
  long long retries = n.value ? std::max(0LL, *n.value) : k_envoy_default_retries;
  DurationField own = read_duration(policy.spec->path({"timeout", "http", "requestTimeout"}));
  std::vector<const Object*> routes = model.routes_governed_by(policy);
  if (routes.empty()) {
    if (own.seconds && *own.seconds > 0 && exceeds(retries, *per_try.seconds, *own.seconds))
      ctx.sink.report(policy, per_try.node,
                      fmt::format("{}: {}", policy.display_name(),
                                  budget_arithmetic(retries, *per_try.seconds, *own.seconds, "timeout.http.requestTimeout")));
    return;
  }
  for (const Object* route : routes) {
    std::vector<const yaml::Node*> rules = spec_list(*route, "rules");
    for (size_t i = 0; i < rules.size(); ++i) {
      if (route->kind == "HTTPRoute" && rules[i]->get("retry")) continue;  // the route's own retry wins
      DurationField rule_timeout = read_duration(rules[i]->path({"timeouts", "request"}));
      std::optional<double> timeout = rule_timeout.seconds;
      std::string name = "route timeout";
      if (!rule_timeout.present() && own.present()) {
        timeout = own.seconds;
        name = "the policy's timeout.http.requestTimeout";
      } else if (!rule_timeout.present() && route->kind == "AIGatewayRoute") {
        timeout = k_ai_gateway_default_timeout;
        name = "AI Gateway's implicit route timeout";
      }
      if (!timeout || *timeout <= 0 || !exceeds(retries, *per_try.seconds, *timeout)) continue;
      std::string rule_name = describe_entry("rules", rules[i], i);
      ctx.sink.report(policy, per_try.node,
                      fmt::format("{} retry on {} {}: {}", policy.display_name(), route->display_name(), rule_name,
                                  budget_arithmetic(retries, *per_try.seconds, *timeout, name)),
                      {{route, rule_timeout.node ? rule_timeout.node : rules[i],
                        fmt::format("{} {}, governed by {}", route->display_name(), rule_name, policy.display_name())}});
    }
  }
}

void check_within_timeout(const CheckContext& ctx)
{
  const TrafficModel& model = ctx.graph.cached<TrafficModel>();
  for (const Object* vs : ctx.of_kind("VirtualService"))
    if (vs->is("VirtualService", k_istio_group)) within_istio(ctx, *vs);
  for (const Object* route : ctx.of_kind("HTTPRoute"))
    if (route->is("HTTPRoute", k_gateway_group)) within_gateway_route(ctx, *route);
  for (const Object* p : ctx.of_kind("BackendTrafficPolicy"))
    if (p->is("BackendTrafficPolicy", k_envoy_gateway_group)) within_traffic_policy(ctx, model, *p);
}

}  // namespace

void check_retry_policy(const CheckContext& ctx)
{
  if (ctx.rule.id == "retry-bounded") check_bounded(ctx);
  else if (ctx.rule.id == "retry-backoff") check_backoff(ctx);
  else if (ctx.rule.id == "retry-within-timeout") check_within_timeout(ctx);
}

}  // namespace readyctl::lint
