#include "readyctl/lint/checks/guardrail_traffic.hpp"

#include <map>
#include <tuple>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint::guardrail {
namespace {

std::string_view effective_ns(std::string_view ns) { return ns.empty() ? std::string_view("default") : ns; }

std::string_view str_or(const yaml::Node* n, std::string_view fallback)
{
  return n && n->is_scalar() && !n->str().empty() ? n->str() : fallback;
}

bool pod_uses_gpu(const PodTemplate& pod)
{
  for (const yaml::Node* c : pod.containers)
    for (std::string_view part : {"limits", "requests"})
      if (const yaml::Node* res = c->path({"resources", part}))
        for (auto [key, value] : res->entries())
          if (is_gpu_resource(key->str())) return true;
  return false;
}

constexpr std::string_view k_route_kinds[] = {"HTTPRoute", "GRPCRoute", "AIGatewayRoute"};

}  // namespace

bool same_namespace(std::string_view a, std::string_view b) { return effective_ns(a) == effective_ns(b); }

DurationField read_duration(const yaml::Node* node)
{
  DurationField f;
  if (!node || node->is_null()) return f;
  f.node = node;
  if (node->is_scalar()) f.seconds = parse_duration_seconds(node->str());
  return f;
}

std::string describe_entry(std::string_view list, const yaml::Node* entry, size_t index)
{
  std::string_view name = str_or(entry->get("name"), "");
  if (name.empty()) return fmt::format("{}[{}]", list, index);
  return fmt::format("{}[{}] ({})", list, index, name);
}

std::vector<const yaml::Node*> spec_list(const Object& o, std::string_view key)
{
  std::vector<const yaml::Node*> out;
  const yaml::Node* list = o.spec ? o.spec->get(key) : nullptr;
  if (list && list->is_sequence())
    for (const yaml::Node* e : list->children())
      if (e->is_mapping()) out.push_back(e);
  return out;
}

const yaml::Node* key_of(const yaml::Node* parent, std::string_view key)
{
  if (!parent) return nullptr;
  const yaml::Node* k = parent->key_node(key);
  return k ? k : parent;
}

const yaml::Node* spec_key(const Object& o) { return o.spec ? key_of(o.root, "spec") : nullptr; }

std::vector<const yaml::Node*> target_refs(const Object& policy)
{
  std::vector<const yaml::Node*> out;
  if (!policy.spec) return out;
  if (const yaml::Node* one = policy.spec->get("targetRef"); one && one->is_mapping()) out.push_back(one);
  if (const yaml::Node* many = policy.spec->get("targetRefs"); many && many->is_sequence())
    for (const yaml::Node* r : many->children())
      if (r->is_mapping()) out.push_back(r);
  return out;
}

bool is_route(const Object& o)
{
  return o.is("HTTPRoute", k_gateway_group) || o.is("GRPCRoute", k_gateway_group) ||
         o.is("AIGatewayRoute", k_ai_gateway_group);
}

bool ref_targets_route(const yaml::Node* ref, const Object& route)
{
  std::string_view kind = str_or(ref->get("kind"), "");
  if (str_or(ref->get("name"), "") != route.name) return false;
  if (route.kind == "AIGatewayRoute") return kind == "HTTPRoute" || kind == "AIGatewayRoute";
  return kind == route.kind;
}

std::vector<std::pair<std::string_view, std::string_view>> parent_gateways(const Object& route)
{
  std::vector<std::pair<std::string_view, std::string_view>> out;
  const yaml::Node* parents = route.spec ? route.spec->get("parentRefs") : nullptr;
  if (!parents || !parents->is_sequence()) return out;
  for (const yaml::Node* p : parents->children())
    if (str_or(p->get("kind"), "Gateway") == "Gateway")
      out.emplace_back(str_or(p->get("namespace"), route.scope), str_or(p->get("name"), ""));
  return out;
}

TrafficModel::TrafficModel(const Graph& graph) : m_graph(graph)
{
  // Services by namespace and the first key/value pair of their selector (an empty selector selects nothing), so
  // a GPU pod is compared only with the Services of its namespace that could select it: with one Service per
  // model server, comparing against every Service of the namespace grew as pods x services.
  std::map<std::tuple<std::string_view, std::string_view, std::string_view>, std::vector<const Object*>> candidates;
  for (const Object* s : graph.of_kind("Service")) {
    if (!s->group.empty()) continue;
    m_services.emplace(std::pair{std::string(effective_ns(s->scope)), std::string(s->name)}, s);
    const yaml::Node* selector = s->spec ? s->spec->get("selector") : nullptr;
    if (!selector || !selector->is_mapping() || selector->size() == 0) continue;
    const yaml::Node::Entry first = *selector->entries().begin();
    candidates[{effective_ns(s->scope), first.key->str(), first.value->str()}].push_back(s);
  }
  for (const PodTemplate& pod : graph.pods()) {
    const yaml::Node* labels = pod.labels();
    if (!labels || !pod_uses_gpu(pod)) continue;
    for (auto [key, value] : labels->entries()) {
      auto it = candidates.find({effective_ns(pod.owner->scope), key->str(), value->str()});
      if (it == candidates.end()) continue;
      for (const Object* s : it->second)
        if (map_selector_matches(s->spec ? s->spec->get("selector") : nullptr, labels)) m_model_services[s] = true;
    }
  }
  for (const Object* p : graph.of_kind("BackendTrafficPolicy")) {
    if (!p->is("BackendTrafficPolicy", k_envoy_gateway_group)) continue;
    for (const yaml::Node* ref : target_refs(*p))
      m_traffic_policies.emplace(Key{std::string(effective_ns(p->scope)), std::string(str_or(ref->get("kind"), "")),
                                     std::string(str_or(ref->get("name"), ""))},
                                 p);
  }
  for (std::string_view kind : k_route_kinds)
    for (const Object* r : graph.of_kind(kind)) {
      if (!is_route(*r)) continue;
      m_routes.push_back(r);
      // A route-attached policy wins over one attached to the route's Gateway.
      const Object* p = traffic_policy_for(r->scope, r->kind == "AIGatewayRoute" ? "HTTPRoute" : r->kind, r->name);
      if (!p && r->kind == "AIGatewayRoute") p = traffic_policy_for(r->scope, "AIGatewayRoute", r->name);
      for (const auto& [gw_ns, gw_name] : parent_gateways(*r))
        if (!p) p = traffic_policy_for(gw_ns, "Gateway", gw_name);
      if (p) m_effective[r] = p;
    }
}

const Object* TrafficModel::traffic_policy_for(std::string_view ns, std::string_view kind, std::string_view name) const
{
  auto it = m_traffic_policies.find(Key{std::string(effective_ns(ns)), std::string(kind), std::string(name)});
  return it == m_traffic_policies.end() ? nullptr : it->second;
}

const Object* TrafficModel::service(std::string_view ns, std::string_view name) const
{
  auto it = m_services.find(std::pair{std::string(effective_ns(ns)), std::string(name)});
  return it == m_services.end() ? nullptr : it->second;
}

bool TrafficModel::is_model_service(const Object& s) const { return m_model_services.contains(&s); }

const Object* TrafficModel::service_for_host(std::string_view host, std::string_view from_ns) const
{
  size_t dot = host.find('.');
  std::string_view name = host.substr(0, dot);
  std::string_view ns = from_ns;
  if (dot != std::string_view::npos) {
    std::string_view rest = host.substr(dot + 1);
    ns = rest.substr(0, rest.find('.'));
    // Only "svc.ns", "svc.ns.svc" and "svc.ns.svc.<domain>" name an in-cluster Service.
    std::string_view after = rest.substr(std::min(rest.size(), ns.size() + 1));
    if (!after.empty() && !after.starts_with("svc")) return nullptr;
  }
  return service(ns, name);
}

bool TrafficModel::annotated_inference(const Object& o)
{
  std::string_view v = o.annotation("readyctl.io/traffic");
  return v == "inference" || v == "tool";
}

bool TrafficModel::backend_refs_carry_inference(const Object& route, const yaml::Node* backend_refs) const
{
  if (!backend_refs || !backend_refs->is_sequence()) return false;
  for (const yaml::Node* ref : backend_refs->children()) {
    std::string_view kind = str_or(ref->get("kind"), "Service");
    if (kind == "InferencePool") return true;
    if (kind != "Service") continue;
    const Object* s = service(str_or(ref->get("namespace"), route.scope), str_or(ref->get("name"), ""));
    if (s && is_model_service(*s)) return true;
  }
  return false;
}

bool TrafficModel::istio_route_carries_inference(const Object& vs, const yaml::Node* http_route) const
{
  const yaml::Node* dests = http_route->get("route");
  if (!dests || !dests->is_sequence()) return false;
  for (const yaml::Node* d : dests->children()) {
    const Object* s = service_for_host(str_or(d->path({"destination", "host"}), ""), vs.scope);
    if (s && is_model_service(*s)) return true;
  }
  return false;
}

bool TrafficModel::route_rule_carries_inference(const Object& route, const yaml::Node* rule) const
{
  if (route.kind == "AIGatewayRoute" || annotated_inference(route)) return true;
  return backend_refs_carry_inference(route, rule->get("backendRefs"));
}

const Object* TrafficModel::effective_traffic_policy(const Object& route) const
{
  auto it = m_effective.find(&route);
  return it == m_effective.end() ? nullptr : it->second;
}

std::vector<const Object*> TrafficModel::routes_governed_by(const Object& policy) const
{
  std::vector<const Object*> out;
  for (const Object* r : m_routes)
    if (effective_traffic_policy(*r) == &policy) out.push_back(r);
  return out;
}

std::vector<const Object*> TrafficModel::policies_covering(const Object& route, std::string_view policy_kind) const
{
  std::vector<const Object*> out;
  auto gateways = parent_gateways(route);
  for (const Object* p : m_graph.of_kind(policy_kind)) {
    bool covers = false;
    for (const yaml::Node* ref : target_refs(*p)) {
      if (same_namespace(p->scope, route.scope) && ref_targets_route(ref, route)) covers = true;
      if (str_or(ref->get("kind"), "") == "Gateway")
        for (const auto& [gw_ns, gw_name] : gateways)
          if (same_namespace(p->scope, gw_ns) && str_or(ref->get("name"), "") == gw_name) covers = true;
    }
    if (covers) out.push_back(p);
  }
  return out;
}

}  // namespace readyctl::lint::guardrail
