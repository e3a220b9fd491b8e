// deprecated-api: apiVersions and kinds that moved, with their replacement.
#include <fmt/format.h>

#include "readyctl/lint/checks/engine_checks.hpp"

namespace readyctl::lint {
namespace {

struct Moved {
  std::string_view api_version;
  std::string_view kind;  // "*" for every kind
  std::string_view replacement;
};

constexpr Moved k_moved[] = {
    {"inference.networking.x-k8s.io/v1alpha2", "InferenceModel",
     "InferenceObjective (inference.networking.x-k8s.io/v1alpha2, GAIE v1.0+; llm-d.ai/v1alpha2 in llm-d)"},
    {"inference.networking.x-k8s.io/v1alpha1", "InferenceModel", "InferenceObjective"},
    {"inference.networking.x-k8s.io/v1alpha2", "InferencePool", "inference.networking.k8s.io/v1 InferencePool"},
    {"inference.networking.x-k8s.io/v1alpha1", "InferencePool", "inference.networking.k8s.io/v1 InferencePool"},
    {"gateway.networking.k8s.io/v1alpha3", "BackendTLSPolicy", "gateway.networking.k8s.io/v1 (GA in Gateway API v1.4)"},
    {"gateway.networking.k8s.io/v1alpha2", "BackendTLSPolicy", "gateway.networking.k8s.io/v1 (GA in Gateway API v1.4)"},
    {"autoscaling/v2beta1", "HorizontalPodAutoscaler", "autoscaling/v2"},
    {"autoscaling/v2beta2", "HorizontalPodAutoscaler", "autoscaling/v2"},
    {"policy/v1beta1", "PodDisruptionBudget", "policy/v1"},
    {"policy/v1beta1", "PodSecurityPolicy", "Pod Security Admission (namespace labels pod-security.kubernetes.io/*)"},
    {"batch/v1beta1", "CronJob", "batch/v1"},
    {"extensions/v1beta1", "*", "the kind's GA group (apps/v1, networking.k8s.io/v1)"},
    {"apps/v1beta1", "*", "apps/v1"},
    {"apps/v1beta2", "*", "apps/v1"},
    {"networking.k8s.io/v1beta1", "*", "networking.k8s.io/v1"},
    {"rbac.authorization.k8s.io/v1beta1", "*", "rbac.authorization.k8s.io/v1"},
    {"rbac.authorization.k8s.io/v1alpha1", "*", "rbac.authorization.k8s.io/v1"},
    {"scheduling.k8s.io/v1beta1", "PriorityClass", "scheduling.k8s.io/v1"},
    {"scheduling.k8s.io/v1alpha1", "PriorityClass", "scheduling.k8s.io/v1"},
    {"storage.k8s.io/v1beta1", "*", "storage.k8s.io/v1"},
    {"admissionregistration.k8s.io/v1beta1", "*", "admissionregistration.k8s.io/v1"},
    {"apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", "apiextensions.k8s.io/v1"},
    {"discovery.k8s.io/v1beta1", "EndpointSlice", "discovery.k8s.io/v1"},
    {"flowcontrol.apiserver.k8s.io/v1beta1", "*", "flowcontrol.apiserver.k8s.io/v1"},
    {"flowcontrol.apiserver.k8s.io/v1beta2", "*", "flowcontrol.apiserver.k8s.io/v1"},
};

const Moved* find_moved(const Object& o)
{
  for (const Moved& m : k_moved)
    if (m.api_version == o.api_version && (m.kind == "*" || m.kind == o.kind)) return &m;
  return nullptr;
}

}  // namespace

void check_deprecated_api(const CheckContext& ctx)
{
  for (const Object& o : ctx.objects()) {
    const Moved* m = find_moved(o);
    if (!m) continue;
    ctx.sink.report(o, o.root->get("apiVersion"),
                    fmt::format("{} {} is deprecated or removed; use {}", o.api_version, o.kind, m->replacement));
  }
}

}  // namespace readyctl::lint
