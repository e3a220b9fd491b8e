// rbac-wildcard, rbac-secrets, rbac-escalation, rbac-cluster-scope: what Roles and ClusterRoles grant, and to whom.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/rbac_rules.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

std::string join(const std::vector<std::string_view>& parts)
{
  std::string out;
  for (std::string_view p : parts) out += (out.empty() ? "" : ", ") + std::string(p);
  return out;
}

// The ClusterRoles of the input that aggregate `role`: an aggregationRule clusterRoleSelector matches its labels,
// and the controller manager copies its rules into them (Knative's knative-serving-admin aggregates every role
// labelled serving.knative.dev/controller: "true").
std::vector<const Object*> aggregating_roles(const Graph& graph, const Object& role)
{
  std::vector<const Object*> out;
  if (role.kind != "ClusterRole" || !role.labels()) return out;
  for (const Object* a : graph.of_kind("ClusterRole")) {
    const yaml::Node* selectors = a->root->path({"aggregationRule", "clusterRoleSelectors"});
    if (a == &role || !is_rbac(*a, "ClusterRole") || !selectors || !selectors->is_sequence()) continue;
    for (const yaml::Node* s : selectors->children())
      if (s->is_mapping() && s->size() > 0 && label_selector_matches(s, role.labels())) {
        out.push_back(a);
        break;
      }
  }
  return out;
}

// Bindings (RoleBinding, ClusterRoleBinding) whose roleRef names this role, or a ClusterRole that aggregates it.
std::vector<const Object*> bindings_of(const Graph& graph, const Object& role, std::string_view binding_kind)
{
  std::vector<const Object*> out;
  std::vector<const Object*> roles = aggregating_roles(graph, role);
  roles.insert(roles.begin(), &role);
  for (const Object* b : graph.of_kind(binding_kind)) {
    if (!is_rbac(*b, binding_kind)) continue;
    const yaml::Node* ref = b->root->get("roleRef");
    if (!ref) continue;
    const yaml::Node* kind = ref->get("kind");
    const yaml::Node* name = ref->get("name");
    if (!kind || !name) continue;
    const bool names_one = std::any_of(roles.begin(), roles.end(), [&](const Object* r) {
      return kind->str() == r->kind && name->str() == r->name;
    });
    // A RoleBinding to a Role only reaches the Role of its own namespace.
    if (!names_one || (role.kind == "Role" && b->scope != role.scope)) continue;
    out.push_back(b);
  }
  return out;
}

// rbac-wildcard ----------------------------------------------------------------------------------------------------

bool has_wildcard(const yaml::Node* item) { return item->str().find('*') != std::string_view::npos; }

// Every verb reads (get, list, watch); '*' is not a read verb.
bool read_only(const yaml::Node* rule)
{
  std::vector<const yaml::Node*> verbs = rule_items(rule, "verbs");
  return !verbs.empty() && std::all_of(verbs.begin(), verbs.end(), [](const yaml::Node* v) {
    return v->str() == "get" || v->str() == "list" || v->str() == "watch";
  });
}

// Roles made for people rather than workloads: kubebuilder scaffolds <kind>-admin-role, -editor-role and
// -viewer-role for a cluster admin to hand out, and roles labelled aggregate-to-<role> are folded into the built-in
// admin, edit and view roles, which are bound to users.
bool is_helper_role(const Object& role)
{
  for (std::string_view suffix : {"-admin-role", "-editor-role", "-viewer-role"})
    if (role.name.ends_with(suffix)) return true;
  if (const yaml::Node* labels = role.labels(); labels && labels->is_mapping())
    for (auto [key, value] : labels->entries())
      if (key->str().starts_with("rbac.authorization.k8s.io/aggregate-to-")) return true;
  return false;
}

struct WildcardGrade {
  Severity severity;
  std::string_view why;
};

// Every apiGroup of the rule is named and defined by the input's own CRDs: a '*' in resources then reaches only the
// project's kinds, present and future, and no third party can add a kind to those groups (KEDA's keda.sh and
// eventing.keda.sh, Knative's serving.knative.dev).
bool owned_groups_only(const Graph& graph, const yaml::Node* rule)
{
  std::vector<const yaml::Node*> groups = rule_items(rule, "apiGroups");
  if (groups.empty()) return false;
  const std::vector<const Object*>& crds = graph.of_kind("CustomResourceDefinition");
  return std::all_of(groups.begin(), groups.end(), [&](const yaml::Node* g) {
    if (g->str().empty() || has_wildcard(g)) return false;
    return std::any_of(crds.begin(), crds.end(), [&](const Object* crd) {
      return crd->spec && crd->spec->str_at("group") == g->str();
    });
  });
}

// Resources on which every verb grants more than the resource itself: roles (escalate, bind), identities
// (impersonate), pods and what makes them (exec, attach, run as any account), Secrets, the node proxy.
bool names_escalating_resource(const yaml::Node* rule)
{
  static constexpr std::string_view k_escalating[] = {
      "roles", "clusterroles", "rolebindings", "clusterrolebindings", "users", "groups", "serviceaccounts",
      "serviceaccounts/token", "pods", "pods/exec", "pods/attach", "pods/ephemeralcontainers", "secrets", "nodes",
      "nodes/proxy", "deployments", "daemonsets", "statefulsets", "replicasets", "jobs", "cronjobs",
      "replicationcontrollers", "certificatesigningrequests", "mutatingwebhookconfigurations",
      "validatingwebhookconfigurations", "customresourcedefinitions"};
  for (const yaml::Node* r : rule_items(rule, "resources"))
    if (std::find(std::begin(k_escalating), std::end(k_escalating), r->str()) != std::end(k_escalating)) return true;
  return false;
}

// Writes through a wildcard stay at the rule's severity. A read-only wildcard cannot change anything, so it is a
// warning; every verb on the named resources of a helper role is a note (neither above the configured severity).
WildcardGrade grade_wildcard(const CheckContext& ctx, const Object& role, const yaml::Node* rule,
                             const std::vector<std::string_view>& fields)
{
  if (read_only(rule))
    return {std::min(ctx.rule.severity, Severity::warning),
            "read-only (get/list/watch), yet it reads every present and future match, CRDs that hold credentials "
            "included"};
  if (fields.size() == 1 && fields.front() == "verbs" && is_helper_role(role))
    return {std::min(ctx.rule.severity, Severity::note),
            "a helper role for people (kubebuilder's -admin/-editor/-viewer-role, or aggregated into admin/edit/view) "
            "granting every verb on named resources; whoever binds it decides who holds it"};
  if (fields.size() == 1 && fields.front() == "verbs") {
    if (names_escalating_resource(rule))
      return {ctx.rule.severity, "every verb on resources that hand out more (escalate and bind on roles, impersonate, "
                                 "exec into or create pods and workloads, read Secrets)"};
    return {std::min(ctx.rule.severity, Severity::warning),
            "every verb, delete and deletecollection included, on the resources it names: only those, and no CRD it "
            "does not name"};
  }
  if (fields.front() != "apiGroups" && owned_groups_only(ctx.graph, rule))
    return is_helper_role(role)
               ? WildcardGrade{std::min(ctx.rule.severity, Severity::note),
                               "a helper role for people over every kind of the project's own API groups (the input "
                               "defines their CRDs, and no third party can add to them); whoever binds it decides who "
                               "holds it"}
               : WildcardGrade{std::min(ctx.rule.severity, Severity::warning),
                               "it writes every kind of the project's own API groups (the input defines their CRDs): "
                               "only kinds the project ships, but future ones too"};
  return {ctx.rule.severity, "it grants every present and future match, CRDs included, with write verbs"};
}

// Every resource of the rule is a scale subresource (`*/scale`): reading it returns an autoscaling/v1 Scale (replica
// counts and the selector), never the object, as Kubernetes' own horizontal-pod-autoscaler role reads it.
bool names_only_scale(const yaml::Node* rule)
{
  std::vector<const yaml::Node*> resources = rule_items(rule, "resources");
  return !resources.empty() && std::all_of(resources.begin(), resources.end(),
                                           [](const yaml::Node* r) { return r->str().ends_with("/scale"); });
}

void check_wildcard(const CheckContext& ctx, const Object& role)
{
  int index = 0;
  for (const yaml::Node* rule : policy_rules(role)) {
    ++index;
    const yaml::Node* first = nullptr;
    std::vector<std::string_view> fields;
    for (std::string_view field : {"apiGroups", "resources", "verbs"})
      for (const yaml::Node* i : rule_items(rule, field))
        if (has_wildcard(i)) {
          if (!first) first = i;
          fields.push_back(field);
          break;
        }
    if (!first || (read_only(rule) && names_only_scale(rule))) continue;
    WildcardGrade grade = grade_wildcard(ctx, role, rule, fields);
    ctx.sink.report(role, first, fmt::format("{} rule {} has '*' in {}: {}", role.display_name(), index, join(fields), grade.why),
                    {}, grade.severity);
  }
}

// rbac-secrets -----------------------------------------------------------------------------------------------------

bool covers_core_group(const yaml::Node* rule) { return find_rule_item(rule, "apiGroups", "") || find_rule_item(rule, "apiGroups", "*"); }

void check_secrets(const CheckContext& ctx, const Object& role)
{
  std::vector<std::string> reported;  // a role that repeats a grant (cert-manager's "duplicated above") is told once
  for (const yaml::Node* rule : policy_rules(role)) {
    // resourceNames limits get/list/watch to the named Secrets: least privilege, not flagged.
    if (!covers_core_group(rule) || has_resource_names(rule)) continue;
    const yaml::Node* resource = find_rule_item(rule, "resources", "secrets");
    if (!resource) resource = find_rule_item(rule, "resources", "*");
    if (!resource) continue;
    std::vector<std::string_view> verbs;
    for (std::string_view v : {"get", "list", "watch", "*"})
      if (find_rule_item(rule, "verbs", v)) verbs.push_back(v);
    if (verbs.empty()) continue;
    std::string what = fmt::format("{} grants {} on {}", role.display_name(), join(verbs), resource->str() == "*" ? "every resource (secrets included)" : "secrets");
    if (std::find(reported.begin(), reported.end(), what) != reported.end()) continue;
    reported.push_back(what);
    if (role.kind == "ClusterRole") {
      std::vector<const Object*> crbs = bindings_of(ctx.graph, role, "ClusterRoleBinding");
      if (!crbs.empty()) {
        std::vector<Related> related;
        for (const Object* b : crbs) related.push_back({b, b->root->get("roleRef"), fmt::format("bound cluster-wide by {}", b->display_name())});
        const std::string_view through = crbs.front()->root->path({"roleRef", "name"})->str();
        ctx.sink.report(role, resource,
                        fmt::format("{} in every namespace: bound by {}{}", what, crbs.front()->display_name(),
                                    through == role.name ? std::string()
                                                         : fmt::format(" through ClusterRole {}, which aggregates it", through)),
                        std::move(related), Severity::error);
        continue;
      }
    }
    ctx.sink.report(role, resource, fmt::format("{}{}", what, role.kind == "ClusterRole" ? " (not bound cluster-wide in the input)" : " in its namespace"));
  }
}

// rbac-escalation --------------------------------------------------------------------------------------------------

// A grant that lets its holder gain more than it was given.
struct Dangerous {
  std::string_view group;
  std::vector<std::string_view> verbs;      // empty: any verb
  std::vector<std::string_view> resources;
  std::string_view why;
};

// Whoever creates a pod picks its ServiceAccount and volumes: every ServiceAccount and Secret of the namespace.
constexpr std::string_view k_creates_pods =
    "can start pods under any ServiceAccount of the namespace and mount any of its Secrets";

const std::vector<Dangerous>& dangerous_grants()
{
  static const std::vector<Dangerous> grants = {
      {k_rbac_group, {"escalate"}, {"roles", "clusterroles"}, "can raise any role to permissions it does not hold"},
      {k_rbac_group, {"bind"}, {"roles", "clusterroles"}, "can bind any role, cluster-admin included"},
      {"", {"impersonate"}, {"users", "groups", "serviceaccounts", "uids", "userextras"}, "can act as any user or ServiceAccount"},
      {"authentication.k8s.io", {"impersonate"}, {"users", "groups", "uids", "userextras"}, "can act as any user"},
      {"", {"create", "get"}, {"pods/exec", "pods/attach"}, "can run commands inside pods and read their mounted secrets"},
      {"", {}, {"nodes/proxy"}, "reaches the kubelet API, which runs commands in any pod on the node"},
      {"", {"create"}, {"pods"}, k_creates_pods},
      {"apps", {"create"}, {"deployments", "statefulsets", "daemonsets", "replicasets"}, k_creates_pods},
      {"batch", {"create"}, {"jobs", "cronjobs"}, k_creates_pods},
      {"", {"create"}, {"secrets"},
       "can create a kubernetes.io/service-account-token Secret, which mints a token for any ServiceAccount of the "
       "namespace"},
  };
  return grants;
}

struct Match {
  const yaml::Node* at = nullptr;  // the explicit side: the verb, or the resource
  std::string_view verb;
  std::string_view resource;
};

// Explicit names count alone; '*' counts when the other side is explicit. A rule that is '*' on both sides is
// rbac-wildcard's finding, not repeated here.
Match dangerous_match(const yaml::Node* rule, const Dangerous& d)
{
  if (!find_rule_item(rule, "apiGroups", d.group) && !find_rule_item(rule, "apiGroups", "*")) return {};
  const yaml::Node* verb = nullptr;
  bool verb_wild = false;
  if (d.verbs.empty()) {
    std::vector<const yaml::Node*> vs = rule_items(rule, "verbs");
    if (vs.empty()) return {};
    verb = vs.front();
    verb_wild = true;  // "any verb" is never the explicit side
  } else {
    for (std::string_view v : d.verbs)
      if ((verb = find_rule_item(rule, "verbs", v))) break;
    if (!verb && (verb = find_rule_item(rule, "verbs", "*"))) verb_wild = true;
  }
  if (!verb) return {};
  const yaml::Node* resource = nullptr;
  for (std::string_view r : d.resources)
    if ((resource = find_rule_item(rule, "resources", r))) break;
  if (resource) return {d.verbs.empty() || verb_wild ? resource : verb, verb->str(), resource->str()};
  // `get` on every resource is the common read-all grant; exec through it needs a pre-1.31 cluster, so only an
  // explicit pods/exec counts for get.
  if (verb_wild || !find_rule_item(rule, "resources", "*") || verb->str() == "get") return {};
  return {verb, verb->str(), "*"};
}

void check_escalation_role(const CheckContext& ctx, const Object& role)
{
  const bool controller = is_controller_role(role);
  const bool report_controller = ctx.rule.param_bool("controllerRoles");
  for (const yaml::Node* rule : policy_rules(role)) {
    std::vector<const yaml::Node*> reported;  // a verb on '*' matches several grants: one finding at it
    for (const Dangerous& d : dangerous_grants()) {
      Match m = dangerous_match(rule, d);
      if (!m.at || std::find(reported.begin(), reported.end(), m.at) != reported.end()) continue;
      reported.push_back(m.at);
      const bool by_design = controller && d.verbs.size() == 1 && d.verbs.front() == "create";
      if (by_design && !report_controller) continue;
      ctx.sink.report(role, m.at,
                      fmt::format("{} grants {} on {}: its holder {}{}", role.display_name(), m.verb,
                                  m.resource == "*" ? fmt::format("every resource ({} included)", d.resources.front()) : std::string(m.resource),
                                  d.why, by_design ? " (a controller's role, which writes status or finalizers: likely by design)" : ""),
                      {}, by_design ? std::optional<Severity>(std::min(ctx.rule.severity, Severity::note)) : std::nullopt);
    }
  }
}

// Subjects every caller holds, signed in or not: a binding to them opens its role to the internet side of the API.
void check_anonymous_subjects(const CheckContext& ctx, const Object& binding)
{
  const yaml::Node* subjects = binding.root->get("subjects");
  if (!subjects || !subjects->is_sequence()) return;
  for (const yaml::Node* s : subjects->children()) {
    const yaml::Node* name = s->get("name");
    if (!name || (name->str() != "system:anonymous" && name->str() != "system:unauthenticated")) continue;
    const yaml::Node* ref = binding.root->get("roleRef");
    ctx.sink.report(binding, name,
                    fmt::format("{} binds {} '{}' to {}: every unauthenticated request to the API server holds it",
                                binding.display_name(), s->str_at("kind"), name->str(),
                                ref ? ref->str_at("name") : std::string_view("its role")));
  }
}

void check_escalation_binding(const CheckContext& ctx, const Object& binding)
{
  check_anonymous_subjects(ctx, binding);
  const yaml::Node* ref = binding.root->get("roleRef");
  const yaml::Node* name = ref ? ref->get("name") : nullptr;
  const yaml::Node* kind = ref ? ref->get("kind") : nullptr;
  if (!name || !kind || kind->str() != "ClusterRole" || name->str() != "cluster-admin") return;
  ctx.sink.report(binding, name,
                  fmt::format("{} binds cluster-admin{}: full control of {}", binding.display_name(),
                              binding.kind == "RoleBinding" ? " in its namespace" : "",
                              binding.kind == "RoleBinding" ? "the namespace, including its RBAC" : "the cluster"));
}

// rbac-cluster-scope -----------------------------------------------------------------------------------------------

// Resources (plural, without subresource) that have no namespace.
constexpr std::string_view k_cluster_scoped[] = {
    "nodes", "namespaces", "persistentvolumes", "clusterroles", "clusterrolebindings", "customresourcedefinitions",
    "storageclasses", "csidrivers", "csinodes", "volumeattachments", "priorityclasses", "runtimeclasses",
    "mutatingwebhookconfigurations", "validatingwebhookconfigurations", "validatingadmissionpolicies",
    "validatingadmissionpolicybindings", "mutatingadmissionpolicies", "mutatingadmissionpolicybindings", "apiservices",
    "certificatesigningrequests", "tokenreviews", "subjectaccessreviews", "selfsubjectaccessreviews",
    "selfsubjectrulesreviews", "selfsubjectreviews", "componentstatuses", "ingressclasses", "podsecuritypolicies",
    "flowschemas", "prioritylevelconfigurations", "ipaddresses", "servicecidrs", "resourceslices", "deviceclasses",
    "gatewayclasses", "clustertrustbundles", "volumeattributesclasses", "storageversions", "signers"};

bool crd_cluster_scoped(const Graph& graph, std::string_view group, std::string_view plural, bool& known)
{
  for (const Object* crd : graph.of_kind("CustomResourceDefinition")) {
    if (!crd->spec) continue;
    const yaml::Node* g = crd->spec->get("group");
    const yaml::Node* p = crd->spec->path({"names", "plural"});
    if (!g || !p || p->str() != plural || (group != "*" && g->str() != group)) continue;
    known = true;
    const yaml::Node* scope = crd->spec->get("scope");
    return scope && scope->str() == "Cluster";
  }
  return false;
}

// True when the rule may reach something that has no namespace, so only a ClusterRole can grant it. Unknown custom
// resources named cluster* (ClusterIssuer, ClusterQueue, ClusterServingRuntime…) are taken as cluster-scoped.
bool reaches_cluster_scope(const Graph& graph, const yaml::Node* rule)
{
  if (rule->get("nonResourceURLs")) return true;
  std::vector<const yaml::Node*> groups = rule_items(rule, "apiGroups");
  for (const yaml::Node* r : rule_items(rule, "resources")) {
    std::string_view res = r->str();
    res = res.substr(0, res.find('/'));
    if (res.find('*') != std::string_view::npos) return true;
    if (std::find(std::begin(k_cluster_scoped), std::end(k_cluster_scoped), res) != std::end(k_cluster_scoped)) return true;
    bool known = false;
    for (const yaml::Node* g : groups)
      if (crd_cluster_scoped(graph, g->str(), res, known)) return true;
    if (!known && res.starts_with("cluster")) return true;
  }
  return false;
}

// A rule that lists and watches a kind the input's own CRDs define: the role of a controller that watches the
// project's custom resources in every namespace (KEDA's HTTP add-on interceptor and scaler build cluster-wide
// informers on HTTPScaledObjects). An informer's LIST across namespaces needs cluster scope; Roles per namespace
// would leave its cache unsynced.
bool watches_own_kind(const Graph& graph, const yaml::Node* rule)
{
  const bool lists = find_rule_item(rule, "verbs", "*") ||
                     (find_rule_item(rule, "verbs", "list") && find_rule_item(rule, "verbs", "watch"));
  if (!lists) return false;
  std::vector<const yaml::Node*> groups = rule_items(rule, "apiGroups");
  for (const yaml::Node* r : rule_items(rule, "resources")) {
    if (r->str().find('/') != std::string_view::npos) continue;
    bool known = false;
    for (const yaml::Node* g : groups) crd_cluster_scoped(graph, g->str(), r->str(), known);
    if (known) return true;
  }
  return false;
}

void check_cluster_scope(const CheckContext& ctx, const Object& crb)
{
  const yaml::Node* ref = crb.root->get("roleRef");
  const yaml::Node* name = ref ? ref->get("name") : nullptr;
  if (!name || !ref->get("kind") || ref->get("kind")->str() != "ClusterRole") return;
  const Object* role = ctx.graph.find("ClusterRole", "", name->str());
  if (!role || role->root->get("aggregationRule")) return;  // rules come from elsewhere: unknown
  std::vector<const yaml::Node*> rules = policy_rules(*role);
  if (rules.empty()) return;
  for (const yaml::Node* rule : rules)
    if (reaches_cluster_scope(ctx.graph, rule) || writes_controller_subresource(rule) || watches_own_kind(ctx.graph, rule))
      return;
  const yaml::Node* subjects = crb.root->get("subjects");
  if (!subjects || !subjects->is_sequence() || subjects->size() == 0) return;
  std::vector<std::string_view> namespaces;
  for (const yaml::Node* s : subjects->children()) {
    const yaml::Node* kind = s->get("kind");
    const yaml::Node* ns = s->get("namespace");
    if (!kind || kind->str() != "ServiceAccount" || !ns) return;
    if (std::find(namespaces.begin(), namespaces.end(), ns->str()) == namespaces.end()) namespaces.push_back(ns->str());
  }
  ctx.sink.report(crb, crb.root->key_node("roleRef"),
                  fmt::format("{} grants {} (namespaced resources only) in every namespace to ServiceAccounts of {}; "
                              "a Role and RoleBinding per namespace that needs it would do",
                              crb.display_name(), role->display_name(), join(namespaces)),
                  {{role, nullptr, fmt::format("{} covers only namespaced resources", role->display_name())}});
}

}  // namespace

void check_rbac(const CheckContext& ctx)
{
  const std::string& id = ctx.rule.id;
  if (id == "rbac-cluster-scope") {
    for (const Object* crb : ctx.of_kind("ClusterRoleBinding"))
      if (is_rbac(*crb, "ClusterRoleBinding")) check_cluster_scope(ctx, *crb);
    return;
  }
  for (std::string_view kind : {"Role", "ClusterRole"})
    for (const Object* role : ctx.of_kind(kind)) {
      if (!is_rbac(*role, kind)) continue;
      if (id == "rbac-wildcard") check_wildcard(ctx, *role);
      else if (id == "rbac-secrets") check_secrets(ctx, *role);
      else if (id == "rbac-escalation") check_escalation_role(ctx, *role);
    }
  if (id == "rbac-escalation")
    for (std::string_view kind : {"RoleBinding", "ClusterRoleBinding"})
      for (const Object* b : ctx.of_kind(kind))
        if (is_rbac(*b, kind)) check_escalation_binding(ctx, *b);
}

}  // namespace readyctl::lint
