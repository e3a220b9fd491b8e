// service-account and sa-token-automount: pods run under a dedicated ServiceAccount and do not mount its API
// token unless they say why they need the API.
#include <map>
#include <set>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/bound_accounts.hpp"
#include "readyctl/lint/checks/controller_signals.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"
#include "readyctl/lint/controller_defaults.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_needs_api_access = "readyctl.io/needs-api-access";

// ServiceAccounts by scope and name. An object without a namespace lands wherever it is applied, so it matches a
// reference from any namespace applied with it (and a pod without one matches a ServiceAccount beside it).
class AccountIndex {
public:
  explicit AccountIndex(const Graph& graph)
  {
    for (const Object* o : graph.of_kind("ServiceAccount"))
      if (o->group.empty()) {
        m_by_name.emplace(std::string(o->name), o);
        m_scopes.insert(scope(*o));
      }
  }
  // Whether the input defines ServiceAccounts for the object's namespace, so a missing one is an omission.
  bool defines_accounts_for(const Object& o) const { return m_scopes.count(scope(o)) > 0; }
  // The account `o` names: in its scope, else one where a namespace is unstated on either side and which is
  // applied with it (the same directory, or the same kustomization or stream).
  const Object* find(const Object& o, std::string_view name) const
  {
    const Object* loose = nullptr;
    auto [lo, hi] = m_by_name.equal_range(name);
    for (auto it = lo; it != hi; ++it) {
      const Object* account = it->second;
      if (account->scope == o.scope) return account;
      if ((account->ns.empty() || o.ns.empty()) && same_directory(*account, o)) loose = account;
    }
    return loose;
  }

private:
  // The namespace, or for objects without one the directory they come from (Object::scope): `kubectl apply -n X -f
  // dir/` puts a directory's namespace-less objects together, while unrelated directories may go anywhere.
  static std::string scope(const Object& o) { return std::string(o.scope); }

  std::multimap<std::string, const Object*, std::less<>> m_by_name;
  std::set<std::string> m_scopes;
};

std::string ns_name(std::string_view ns, std::string_view name)
{
  return ns.empty() ? std::string(name) : fmt::format("{}/{}", ns, name);
}

// `serviceAccount` is the deprecated alias of serviceAccountName: the API server copies it over, and tools that read
// only serviceAccountName (policies, RBAC reviews) miss the account.
void check_deprecated_field(const CheckContext& ctx, const PodTemplate& pod)
{
  const yaml::Node* old = pod.spec->get("serviceAccount");
  if (!old || old->str().empty()) return;
  // Beside serviceAccountName of the same value it is the API server's own copy (an object read back from a cluster).
  if (const yaml::Node* name = pod.spec->get("serviceAccountName"); name && name->str() == old->str()) return;
  ctx.sink.report(*pod.owner, pod.spec->key_node("serviceAccount"),
                  fmt::format("pod sets the deprecated serviceAccount field ('{}'); name the account with "
                              "serviceAccountName",
                              old->str()));
}

// Kubeflow Trainer v2 pkg/apis/trainer/v1alpha1/trainjob_types.go: a TrainJob names its pods' account in
// spec.podTemplateOverrides[].spec.serviceAccountName (spec.podSpecOverrides[] in v2.0). A cluster-wide runtime serves every namespace, so it cannot name an
// account that exists in each of them; leaving it to the TrainJob is the design, not a shared-account smell.
bool account_set_by_train_job(const Object& owner)
{
  return owner.is("ClusterTrainingRuntime", "trainer.kubeflow.org");
}

// KServe v0.16 pkg/apis/serving/v1alpha1/servingruntime_types.go: ServingRuntimePodSpec has no serviceAccountName
// and no automountServiceAccountToken (containers, volumes, placement, labels, annotations, imagePullSecrets, hostIPC,
// schedulerName, resourceClaims). The InferenceService that uses the runtime names the account in its predictor;
// ModelMesh takes it from its model-serving-config ConfigMap. Neither finding can be fixed in the runtime.
bool account_fields_absent(const Object& owner)
{
  return owner.is("ServingRuntime", "serving.kserve.io") || owner.is("ClusterServingRuntime", "serving.kserve.io");
}

void check_dedicated(const CheckContext& ctx, const AccountIndex& accounts, const PodTemplate& pod)
{
  const Object& o = *pod.owner;
  if (account_fields_absent(o)) return;
  check_deprecated_field(ctx, pod);
  const yaml::Node* field = service_account_field(pod);
  if (!field && (account_set_by_train_job(o) || pod.account_from_operator)) return;
  if (!field) {
    ctx.sink.report(o, pod_spec_anchor(pod),
                    "pod sets no serviceAccountName and runs as its namespace's 'default' ServiceAccount, shared "
                    "with every other pod there");
    return;
  }
  if (field->str() == "default") {
    ctx.sink.report(o, field, "pod runs as the namespace's shared 'default' ServiceAccount");
    return;
  }
  if (accounts.defines_accounts_for(o) && !accounts.find(o, field->str()) &&
      !ctx.graph.find_in_other_unit("ServiceAccount", "", o.scope, field->str()))
    ctx.sink.report(o, field,
                    fmt::format("ServiceAccount '{}' is not in the input, which defines other ServiceAccounts: the "
                                "pods will not be created until it exists",
                                ns_name(o.ns, field->str())));
}

void check_automount(const CheckContext& ctx, const AccountIndex& accounts, const BoundAccounts& bound,
                     const PodTemplate& pod)
{
  const Object& o = *pod.owner;
  if (account_fields_absent(o) || pod.account_from_operator) return;
  if (const yaml::Node* reason = pod.annotation_node(k_needs_api_access)) {
    if (!trim(reason->str()).empty()) return;
    ctx.sink.report(o, reason, fmt::format("annotation {} must give the reason the pod needs the Kubernetes API",
                                           k_needs_api_access));
    return;
  }
  const yaml::Node* field = service_account_field(pod);
  std::string_view name = field ? field->str() : std::string_view("default");
  // A binding in the input gives the account API rights: the pod was meant to call the API (a controller, an
  // endpoint picker, a mesh or SPIRE agent), and whether those rights are too wide is the RBAC rules' question.
  if (bound.binding_for(o, name)) return;
  // So does a binding another deployment unit holds for a named account (OpenKruise's Windows daemon in hack/ runs as
  // the account that config/default renders and binds), when the pod states its namespace.
  if (field && name != "default" && !o.ns.empty() && ctx.graph.input() &&
      ctx.graph.input()->cached<BoundAccounts>().binding_for(o, name))
    return;
  // A controller whose dedicated ServiceAccount is defined elsewhere (kubebuilder's config/manager beside
  // config/rbac, an install split by kind) has its bindings elsewhere too: the pod's own signs say it calls the API.
  if (field && name != "default" && !accounts.find(o, name) && runs_controller(pod)) return;
  const yaml::Node* pod_setting = pod.spec->get("automountServiceAccountToken");
  if (is_false(pod_setting)) return;
  if (!pod_setting && injects_value(pod, nullptr, "automountServiceAccountToken", "false")) return;
  if (pod_setting && !pod_setting->is_null()) {
    ctx.sink.report(o, pod_setting,
                    fmt::format("pod sets automountServiceAccountToken: true without a {} annotation saying why",
                                k_needs_api_access));
    return;
  }
  const Object* account = accounts.find(o, name);
  if (account) {
    const yaml::Node* sa_setting = account->root->get("automountServiceAccountToken");
    if (is_false(sa_setting)) return;
    ctx.sink.report(o, field ? field : pod_spec_anchor(pod),
                    fmt::format("pod mounts an API token of ServiceAccount '{}': neither the pod nor the ServiceAccount "
                                "sets automountServiceAccountToken: false",
                                ns_name(account->ns, name)),
                    {{account, sa_setting, "the ServiceAccount does not disable automounting"}});
    return;
  }
  ctx.sink.report(o, pod_spec_anchor(pod),
                  fmt::format("pod mounts an API token of ServiceAccount '{}': the pod does not set "
                              "automountServiceAccountToken: false{}",
                              ns_name(o.ns, name), field ? " and the ServiceAccount is not in the input" : ""));
}

}  // namespace

void check_service_account(const CheckContext& ctx)
{
  const AccountIndex& accounts = ctx.graph.cached<AccountIndex>();
  bool automount = ctx.rule.id == "sa-token-automount";
  const BoundAccounts* bound = automount ? &ctx.graph.cached<BoundAccounts>() : nullptr;
  for (const PodTemplate& pod : ctx.pods()) {
    if (automount) check_automount(ctx, accounts, *bound, pod);
    else check_dedicated(ctx, accounts, pod);
  }
}

}  // namespace readyctl::lint
