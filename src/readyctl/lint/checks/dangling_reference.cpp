// dangling-reference: a reference by name to an object of a kind the input holds for that scope, but not of that
// name: route and Ingress backends, endpoint pickers, Secrets and ConfigMaps of pods, StatefulSet Services, roleRefs.
#include <cctype>
#include <string>
#include <unordered_map>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/guardrail_traffic.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"

namespace readyctl::lint {
namespace {

using guardrail::k_ai_gateway_group;
using guardrail::k_inference_group;

struct RefKind {
  std::string_view kind;
  std::string_view group;  // canonical
};

constexpr RefKind k_ref_service{"Service", ""};
constexpr RefKind k_ref_secret{"Secret", ""};
constexpr RefKind k_ref_config_map{"ConfigMap", ""};
constexpr RefKind k_ref_inference_pool{"InferencePool", k_inference_group};
constexpr RefKind k_ref_ai_service_backend{"AIServiceBackend", k_ai_gateway_group};
constexpr RefKind k_ref_role{"Role", "rbac.authorization.k8s.io"};
constexpr RefKind k_ref_cluster_role{"ClusterRole", "rbac.authorization.k8s.io"};
constexpr RefKind k_ref_kinds[] = {k_ref_service, k_ref_secret, k_ref_config_map, k_ref_inference_pool,
                                         k_ref_ai_service_backend, k_ref_role, k_ref_cluster_role};

std::string ref_key(std::string_view a, std::string_view b, std::string_view c)
{
  std::string k(a);
  k.push_back('\0');
  k.append(b).push_back('\0');
  k.append(c);
  return k;
}

// Where a kind is written at run time: a Role of the scope, or any ClusterRole, in the input grants create, patch or
// update on it (an operator making Services, a SPIRE server pushing its bundle ConfigMap), so a missing object of
// that kind there may be made after the apply.
bool grants_write(const yaml::Node* rule, std::string_view group, std::string_view resource)
{
  auto lists = [&](std::string_view key, std::initializer_list<std::string_view> wanted) {
    const yaml::Node* list = rule->get(key);
    if (!list || !list->is_sequence()) return false;
    for (const yaml::Node* item : list->children())
      for (std::string_view w : wanted)
        if (item->str() == w) return true;
    return false;
  };
  return lists("apiGroups", {group, "*"}) && lists("resources", {resource, "*"}) &&
         lists("verbs", {"create", "patch", "update", "*"});
}

// The plural resource name RBAC rules use for a kind.
std::string ref_resource(std::string_view kind)
{
  std::string r;
  for (char c : kind) r.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
  return r + "s";
}

constexpr std::string_view k_any_scope = "\x02any";

// The referable objects by kind, scope and name, which scopes hold any of a kind, and where a kind is written at run
// time. Cluster-scoped kinds live in scope "" whatever namespace their manifest states.
class Referables {
public:
  explicit Referables(const Graph& graph)
  {
    for (const RefKind& t : k_ref_kinds)
      for (const Object* o : graph.of_kind(t.kind)) {
        if (o->group != t.group) continue;
        std::string_view scope = is_cluster_scoped_kind(t.kind) ? std::string_view() : o->scope;
        m_by_name.emplace(ref_key(t.kind, scope, o->name), o);
        m_by_name.emplace(ref_key(t.kind, k_any_scope, o->name), o);  // the first of that name anywhere
        m_scopes.emplace(ref_key(t.kind, scope, ""), o);
      }
    add_produced(graph);
    for (std::string_view role_kind : {"Role", "ClusterRole"})
      for (const Object* role : graph.of_kind(role_kind)) add_writers(*role);
  }
  bool holds(const RefKind& t, std::string_view scope) const { return m_scopes.contains(ref_key(t.kind, scope, "")); }
  bool written(const RefKind& t, std::string_view scope) const
  {
    return m_written.contains(ref_key(t.kind, scope, "")) || m_written.contains(ref_key(t.kind, k_any_scope, ""));
  }
  const Object* find(const RefKind& t, std::string_view scope, std::string_view name) const
  {
    auto it = m_by_name.find(ref_key(t.kind, scope, name));
    return it == m_by_name.end() ? nullptr : it->second;
  }
  const Object* anywhere(const RefKind& t, std::string_view name) const { return find(t, k_any_scope, name); }

private:
  // Objects other objects of the input make: Secrets of cert-manager Certificates, External Secrets and Sealed
  // Secrets; KubeRay's head Services (utils.GenerateHeadServiceName: `<name>-head-svc`, a RayCluster's
  // headGroupSpec.headService.name when set) and a RayService's serve Service (GenerateServeServiceName,
  // `<name>-serve-svc`), kuberay feeaf72.
  void add_produced(const Graph& graph)
  {
    auto produce = [&](const Object* by, std::string_view name, std::string_view kind = "Secret") {
      if (!name.empty()) m_by_name.emplace(ref_key(kind, by->scope, name), by);
    };
    for (std::string_view ray_kind : {"RayCluster", "RayService", "RayJob"})
      for (const Object* r : graph.of_kind(ray_kind)) {
        if (r->group != "ray.io" || r->name.empty()) continue;
        const yaml::Node* named = r->kind == "RayCluster" && r->spec
                                      ? r->spec->path({"headGroupSpec", "headService", "metadata", "name"})
                                      : nullptr;
        produce(r, named && !named->str().empty() ? named->str() : fmt::format("{}-head-svc", r->name), "Service");
        if (r->kind == "RayService") produce(r, fmt::format("{}-serve-svc", r->name), "Service");
      }
    for (const Object* c : graph.of_kind("Certificate"))
      if (c->group == "cert-manager.io" && c->spec) produce(c, c->spec->str_at("secretName"));
    for (const Object* e : graph.of_kind("ExternalSecret")) {
      const yaml::Node* target = e->spec ? e->spec->path({"target", "name"}) : nullptr;
      produce(e, target ? target->str() : e->name);
    }
    for (const Object* s : graph.of_kind("SealedSecret")) produce(s, s->name);
  }
  void add_writers(const Object& role)
  {
    const yaml::Node* rules = role.root->get("rules");
    if (!rules || !rules->is_sequence()) return;
    std::string_view scope = role.kind == "ClusterRole" ? k_any_scope : role.scope;
    for (const yaml::Node* rule : rules->children())
      for (const RefKind& t : k_ref_kinds)
        if (rule->is_mapping() && grants_write(rule, t.group, ref_resource(t.kind)))
          m_written.emplace(ref_key(t.kind, scope, ""), &role);
  }

  std::unordered_map<std::string, const Object*> m_by_name;
  std::unordered_map<std::string, const Object*> m_scopes;
  std::unordered_map<std::string, const Object*> m_written;
};

struct RefSite {
  const Object& from;
  const yaml::Node* at;  // the name field
  std::string what;  // "rules[0].backendRefs[1]", "container 'vllm' env HF_TOKEN"
  RefKind target;
  std::string_view scope;
  std::string_view consequence;
};

// Reports the reference when the input holds objects of its kind for its scope but none of its name.
// A namespace-less object lands wherever it is applied: an object of that name in another scope, where either side
// states no namespace, may be the one meant.
bool loosely_present(const Object& from, const Object* other)
{
  return other && (from.ns.empty() || other->ns.empty());
}

// ConfigMaps the cluster writes into every namespace: kube-root-ca.crt (the kube-controller-manager's root-CA
// publisher) and, with Istio, istio-ca-root-cert (istiod's namespace controller).
bool in_every_namespace(const RefKind& target, std::string_view name)
{
  return target.kind == "ConfigMap" && (name == "kube-root-ca.crt" || name == "istio-ca-root-cert");
}

// Reports the reference when the input holds objects of its kind for its scope but none of its name, nothing in
// the input makes them at run time, and no other deployment unit of the input defines it.
void judge_reference(const CheckContext& ctx, const Referables& index, const RefSite& r)
{
  std::string_view name = r.at ? r.at->str() : std::string_view();
  if (name.empty() || in_every_namespace(r.target, name)) return;
  if (!index.holds(r.target, r.scope) || index.find(r.target, r.scope, name)) return;
  const Object* other = index.anywhere(r.target, name);
  if (index.written(r.target, r.scope) || loosely_present(r.from, other)) return;
  // Another deployment unit of the repository defines it (or an object there makes it): applied beside this one. A
  // role there that may write objects of the kind says nothing of this one.
  if (const Graph* input = ctx.graph.input(); input && input->cached<Referables>().find(r.target, r.scope, name)) return;
  std::vector<Related> related;
  if (other && other->scope != r.scope)
    related.push_back({other, other->root->key_node("metadata"),
                       fmt::format("a {} of that name is in {}", r.target.kind, scope_label(other->scope))});
  ctx.sink.report(r.from, r.at,
                  fmt::format("{} {} names {} '{}', which is not in {} of the input (it holds other {}s): {}",
                              r.from.display_name(), r.what, r.target.kind, name,
                              r.scope.empty() ? std::string("the cluster scope") : scope_label(r.scope), r.target.kind,
                              r.consequence),
                  std::move(related));
}

bool ref_is_optional(const yaml::Node* ref) { return is_true(ref->get("optional")); }

constexpr std::string_view k_ref_pod_consequence = "the pods stay in CreateContainerConfigError or ContainerCreating until it exists";

void ref_container(const CheckContext& ctx, const Referables& index, const Object& o, const ContainerRef& c)
{
  if (const yaml::Node* env = c.node->get("env"); env && env->is_sequence())
    for (const yaml::Node* e : env->children()) {
      const yaml::Node* from = e->is_mapping() ? e->get("valueFrom") : nullptr;
      if (!from || !from->is_mapping()) continue;
      for (auto [key, target] : {std::pair{"secretKeyRef", k_ref_secret}, std::pair{"configMapKeyRef", k_ref_config_map}})
        if (const yaml::Node* ref = from->get(key); ref && ref->is_mapping() && !ref_is_optional(ref))
          judge_reference(ctx, index, {o, ref->get("name"), fmt::format("{} env {}", c.label(), e->str_at("name")), target, o.scope, k_ref_pod_consequence});
    }
  if (const yaml::Node* env_from = c.node->get("envFrom"); env_from && env_from->is_sequence())
    for (const yaml::Node* e : env_from->children())
      for (auto [key, target] : {std::pair{"secretRef", k_ref_secret}, std::pair{"configMapRef", k_ref_config_map}})
        if (const yaml::Node* ref = e->is_mapping() ? e->get(key) : nullptr; ref && ref->is_mapping() && !ref_is_optional(ref))
          judge_reference(ctx, index, {o, ref->get("name"), fmt::format("{} envFrom", c.label()), target, o.scope, k_ref_pod_consequence});
}

// kubebuilder's `webhook-server-cert` (a kustomize namePrefix may precede it) is issued by cert-manager from the
// project's config/certmanager, which installs apply while a repository's manifests often leave it out.
bool kubebuilder_cert(const yaml::Node* secret_volume)
{
  return secret_volume->str_at("secretName").ends_with("webhook-server-cert");
}

void ref_volumes(const CheckContext& ctx, const Referables& index, const PodTemplate& pod)
{
  const Object& o = *pod.owner;
  const yaml::Node* volumes = pod.spec->get("volumes");
  if (!volumes || !volumes->is_sequence()) return;
  for (const yaml::Node* v : volumes->children()) {
    if (!v->is_mapping()) continue;
    std::string what = fmt::format("volume '{}'", v->str_at("name"));
    if (const yaml::Node* s = v->get("secret"); s && s->is_mapping() && !ref_is_optional(s) && !kubebuilder_cert(s))
      judge_reference(ctx, index, {o, s->get("secretName"), what, k_ref_secret, o.scope, k_ref_pod_consequence});
    if (const yaml::Node* c = v->get("configMap"); c && c->is_mapping() && !ref_is_optional(c))
      judge_reference(ctx, index, {o, c->get("name"), what, k_ref_config_map, o.scope, k_ref_pod_consequence});
    const yaml::Node* sources = v->path({"projected", "sources"});
    if (!sources || !sources->is_sequence()) continue;
    for (const yaml::Node* src : sources->children())
      for (auto [key, target] : {std::pair{"secret", k_ref_secret}, std::pair{"configMap", k_ref_config_map}})
        if (const yaml::Node* ref = src->is_mapping() ? src->get(key) : nullptr; ref && ref->is_mapping() && !ref_is_optional(ref))
          judge_reference(ctx, index, {o, ref->get("name"), what, target, o.scope, k_ref_pod_consequence});
  }
}

constexpr std::string_view k_ref_backend_consequence = "requests routed to it fail (500/503) until it exists";

// Ingress backends: networking.k8s.io/v1 `service.name`, and the older `serviceName`.
void ref_ingress_backend(const CheckContext& ctx, const Referables& index, const Object& o, const yaml::Node* backend,
                           const std::string& what)
{
  if (!backend || !backend->is_mapping()) return;
  const yaml::Node* name = backend->path({"service", "name"});
  judge_reference(ctx, index, {o, name ? name : backend->get("serviceName"), what, k_ref_service, o.scope, k_ref_backend_consequence});
}

void ref_ingress(const CheckContext& ctx, const Referables& index, const Object& o)
{
  ref_ingress_backend(ctx, index, o, o.spec->get("defaultBackend"), "defaultBackend");
  ref_ingress_backend(ctx, index, o, o.spec->get("backend"), "backend");
  const yaml::Node* rules = o.spec->get("rules");
  if (!rules || !rules->is_sequence()) return;
  size_t r = 0;
  for (const yaml::Node* rule : rules->children()) {
    const yaml::Node* paths = rule->is_mapping() ? rule->path({"http", "paths"}) : nullptr;
    size_t p = 0;
    if (paths && paths->is_sequence())
      for (const yaml::Node* path : paths->children())
        ref_ingress_backend(ctx, index, o, path->is_mapping() ? path->get("backend") : nullptr,
                              fmt::format("rules[{}].http.paths[{}].backend", r, p++));
    ++r;
  }
}

// What a backendRef names, after the Gateway API defaults (group "", kind Service) or the AIGatewayRoute's
// (AIServiceBackend); null for kinds this rule does not resolve (ServiceImport, Envoy Gateway Backend, ...).
const RefKind* ref_backend_kind(const Object& route, const yaml::Node* ref)
{
  bool ai_route = route.kind == "AIGatewayRoute";
  std::string_view kind = ref->str_at("kind");
  if (kind.empty()) kind = ai_route ? "AIServiceBackend" : "Service";
  std::string group = canonical_group(ref->str_at("group"), kind);
  if (kind == "Service" && group.empty() && !ai_route) return &k_ref_service;
  if (kind == "InferencePool" && group == k_inference_group) return &k_ref_inference_pool;
  if (kind == "AIServiceBackend" && ai_route && (group.empty() || group == k_ai_gateway_group)) return &k_ref_ai_service_backend;
  return nullptr;
}

void ref_route_backends(const CheckContext& ctx, const Referables& index, const Object& o)
{
  const yaml::Node* rules = o.spec->get("rules");
  if (!rules || !rules->is_sequence()) return;
  size_t r = 0;
  for (const yaml::Node* rule : rules->children()) {
    const yaml::Node* refs = rule->is_mapping() ? rule->get("backendRefs") : nullptr;
    size_t b = 0;
    if (refs && refs->is_sequence())
      for (const yaml::Node* ref : refs->children()) {
        const RefKind* target = ref->is_mapping() ? ref_backend_kind(o, ref) : nullptr;
        std::string_view ns = ref->is_mapping() ? ref->str_at("namespace") : std::string_view();
        if (target)
          judge_reference(ctx, index, {o, ref->get("name"), fmt::format("rules[{}].backendRefs[{}]", r, b), *target,
                             ns.empty() ? o.scope : ns, k_ref_backend_consequence});
        ++b;
      }
    ++r;
  }
}

// InferencePool's endpoint picker: `endpointPickerRef` (v1) or `extensionRef` (v1alpha2), a Service by default.
void ref_endpoint_picker(const CheckContext& ctx, const Referables& index, const Object& o)
{
  for (std::string_view field : {"endpointPickerRef", "extensionRef"}) {
    const yaml::Node* ref = o.spec->get(field);
    if (!ref || !ref->is_mapping()) continue;
    std::string_view kind = ref->str_at("kind");
    if ((!kind.empty() && kind != "Service") || !ref->str_at("group").empty()) continue;
    judge_reference(ctx, index, {o, ref->get("name"), std::string(field), k_ref_service, o.scope,
                       "the gateway finds no endpoint picker and the pool serves nothing"});
  }
}

// An InferenceObjective's (or the older InferenceModel's) `poolRef`: an InferencePool unless it names another kind.
void ref_objective_pool(const CheckContext& ctx, const Referables& index, const Object& o)
{
  const yaml::Node* ref = o.spec->get("poolRef");
  if (!ref || !ref->is_mapping()) return;
  std::string_view kind = ref->str_at("kind");
  if (!kind.empty() && kind != "InferencePool") return;
  judge_reference(ctx, index, {o, ref->get("name"), "poolRef", k_ref_inference_pool, o.scope,
                               "requests for the objective's model find no pool to run on"});
}

// Cluster roles every cluster has: the user-facing ones and the system: roles.
bool ref_builtin_cluster_role(std::string_view name)
{
  return name == "cluster-admin" || name == "admin" || name == "edit" || name == "view" || name.starts_with("system:");
}

// Roles the API server's bootstrap policy creates in kube-system and kube-public (kubernetes
// plugin/pkg/auth/authorizer/rbac/bootstrappolicy/namespace_policy.go): extension-apiserver-authentication-reader,
// which every aggregated API server is bound to, and the system: ones.
bool ref_builtin_role(std::string_view ns, std::string_view name)
{
  return (ns == "kube-system" || ns == "kube-public") &&
         (name == "extension-apiserver-authentication-reader" || name.starts_with("system:"));
}

void ref_role(const CheckContext& ctx, const Referables& index, const Object& o)
{
  const yaml::Node* ref = o.root->get("roleRef");
  if (!ref || !ref->is_mapping()) return;
  std::string_view kind = ref->str_at("kind");
  constexpr std::string_view consequence = "the binding grants nothing until it exists";
  if (kind == "ClusterRole" && !ref_builtin_cluster_role(ref->str_at("name")))
    judge_reference(ctx, index, {o, ref->get("name"), "roleRef", k_ref_cluster_role, "", consequence});
  else if (kind == "Role" && o.kind == "RoleBinding" && !ref_builtin_role(o.ns, ref->str_at("name")))
    judge_reference(ctx, index, {o, ref->get("name"), "roleRef", k_ref_role, o.scope, consequence});
}

// A StatefulSet's `serviceName` is its governing Service: it must exist, and with several replicas it must be
// headless (clusterIP: None), which gives each pod the stable DNS name multi-node inference addresses it by.
void ref_governing_service(const CheckContext& ctx, const Referables& index, const Object& o)
{
  const yaml::Node* name = o.spec->get("serviceName");
  judge_reference(ctx, index, {o, name, "serviceName", k_ref_service, o.scope,
                               "its pods get no stable DNS names (the headless Service that gives them is missing)"});
  // One replica is addressed through the Service itself; per-pod names matter once there are several.
  const yaml::Node* replicas = o.spec->get("replicas");
  if (!replicas || replicas->as_int().value_or(1) < 2) return;
  const Object* service = name ? index.find(k_ref_service, o.scope, name->str()) : nullptr;
  if (!service || !service->spec || service->spec->str_at("clusterIP") == "None") return;
  ctx.sink.report(o, name,
                  fmt::format("{} serviceName names Service '{}', which is not headless (clusterIP: None): its pods "
                              "get no stable DNS names",
                              o.display_name(), name->str()),
                  {{service, service->spec->get("clusterIP") ? service->spec->get("clusterIP") : service->root->key_node("spec"),
                    "the Service has a cluster IP"}});
}

}  // namespace

void check_dangling_reference(const CheckContext& ctx)
{
  const Referables& index = ctx.graph.cached<Referables>();
  for (const PodTemplate& pod : ctx.pods()) {
    for (const ContainerRef& c : all_containers(pod)) ref_container(ctx, index, *pod.owner, c);
    ref_volumes(ctx, index, pod);
  }
  for (const Object& o : ctx.objects()) {
    if (o.is("RoleBinding", "rbac.authorization.k8s.io") || o.is("ClusterRoleBinding", "rbac.authorization.k8s.io"))
      ref_role(ctx, index, o);
    if (!o.spec || !o.spec->is_mapping()) continue;
    if (o.is("Ingress", "networking.k8s.io")) ref_ingress(ctx, index, o);
    else if (o.is("HTTPRoute", guardrail::k_gateway_group) || o.is("GRPCRoute", guardrail::k_gateway_group) ||
             o.is("AIGatewayRoute", k_ai_gateway_group))
      ref_route_backends(ctx, index, o);
    else if (o.is("InferencePool", k_inference_group)) ref_endpoint_picker(ctx, index, o);
    else if (o.is("InferenceObjective", k_inference_group) || o.is("InferenceModel", k_inference_group))
      ref_objective_pool(ctx, index, o);
    else if (o.is("StatefulSet", "apps")) ref_governing_service(ctx, index, o);
  }
}

}  // namespace readyctl::lint
