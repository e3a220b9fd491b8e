// The guardrail checks' shared view of traffic: which routes carry inference or tool traffic, which Services
// front model servers, and which Envoy Gateway / Kuadrant policies attach to a route.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint::guardrail {

inline constexpr std::string_view k_gateway_group = "gateway.networking.k8s.io";
inline constexpr std::string_view k_istio_group = "networking.istio.io";
inline constexpr std::string_view k_envoy_gateway_group = "gateway.envoyproxy.io";
inline constexpr std::string_view k_ai_gateway_group = "aigateway.envoyproxy.io";
inline constexpr std::string_view k_inference_group = "inference.networking.k8s.io";
inline constexpr std::string_view k_dapr_group = "dapr.io";
inline constexpr std::string_view k_kuadrant_group = "kuadrant.io";

// Envoy AI Gateway applies 60s to an AIGatewayRoute rule without `timeouts.request` (Envoy Gateway's own is 15s).
inline constexpr double k_ai_gateway_default_timeout = 60.0;
// Envoy Gateway's `retry.numRetries` when a retry block leaves it out.
inline constexpr long long k_envoy_default_retries = 2;

// A manifest without a namespace lands in the namespace kubectl targets, "default" unless told otherwise.
bool same_namespace(std::string_view a, std::string_view b);

// A duration field read once: absent, malformed (a finding at `node`), or its value in seconds.
struct DurationField {
  const yaml::Node* node = nullptr;
  std::optional<double> seconds;
  bool present() const { return node != nullptr; }
  bool malformed() const { return node && !seconds; }
};
DurationField read_duration(const yaml::Node* node);

// "rules[2] (name: chat)" / "http[0]": how findings name one entry of a route's list.
std::string describe_entry(std::string_view list, const yaml::Node* entry, size_t index);
// The entries of a sequence under spec (rules, http), with their index.
std::vector<const yaml::Node*> spec_list(const Object& o, std::string_view key);

// Where a finding about a block-valued field points: its key line (`retries:`), which a reader finds, rather
// than the block's first entry. Falls back to the parent when the key is absent.
const yaml::Node* key_of(const yaml::Node* parent, std::string_view key);
// The `spec:` key of an object, for findings about a field the spec lacks.
const yaml::Node* spec_key(const Object& o);

// A policy's target references (`targetRefs` list or the older single `targetRef`).
std::vector<const yaml::Node*> target_refs(const Object& policy);

// Where an object is addressed from policies: AIGatewayRoutes generate an HTTPRoute of the same name.
bool is_route(const Object& o);
bool ref_targets_route(const yaml::Node* ref, const Object& route);
// Gateway names (with namespace) a route attaches to through `parentRefs`.
std::vector<std::pair<std::string_view, std::string_view>> parent_gateways(const Object& route);

// Indexes built once per check run so per-route questions are lookups, not scans of every object.
class TrafficModel {
public:
  explicit TrafficModel(const Graph& graph);

  const Object* service(std::string_view ns, std::string_view name) const;
  // The Service's selector matches pods that request GPUs: a model server.
  bool is_model_service(const Object& service) const;
  // An Istio host ("svc", "svc.ns", "svc.ns.svc.cluster.local") resolved against the input's Services.
  const Object* service_for_host(std::string_view host, std::string_view from_ns) const;

  // Annotated `readyctl.io/traffic: inference|tool`.
  static bool annotated_inference(const Object& o);
  // Gateway API rule: a backendRef is an InferencePool or a Service fronting a model server.
  bool backend_refs_carry_inference(const Object& route, const yaml::Node* backend_refs) const;
  // Istio http route: a destination host is a model-server Service.
  bool istio_route_carries_inference(const Object& vs, const yaml::Node* http_route) const;
  // The route (HTTPRoute, GRPCRoute, AIGatewayRoute) or one of its rules carries inference or tool traffic.
  bool route_rule_carries_inference(const Object& route, const yaml::Node* rule) const;

  // Envoy Gateway BackendTrafficPolicy in effect for a route: one attached to the route wins over one
  // attached to its Gateway (Envoy Gateway does not merge them unless told to).
  const Object* effective_traffic_policy(const Object& route) const;
  // Routes in the input whose effective BackendTrafficPolicy is `policy`.
  std::vector<const Object*> routes_governed_by(const Object& policy) const;
  // Policies of a kind (any group given) that target the route directly or its Gateway.
  std::vector<const Object*> policies_covering(const Object& route, std::string_view policy_kind) const;

private:
  using Key = std::tuple<std::string, std::string, std::string>;  // namespace, target kind, name
  const Object* traffic_policy_for(std::string_view ns, std::string_view kind, std::string_view name) const;

  const Graph& m_graph;
  std::map<std::pair<std::string, std::string>, const Object*, std::less<>> m_services;
  std::map<Key, const Object*> m_traffic_policies;  // first BackendTrafficPolicy per target
  std::map<const Object*, const Object*> m_effective;  // route -> its effective BackendTrafficPolicy
  std::map<const Object*, bool> m_model_services;
  std::vector<const Object*> m_routes;
};

}  // namespace readyctl::lint::guardrail
