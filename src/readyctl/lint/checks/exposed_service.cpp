// exposed-service: NodePort and LoadBalancer Services in front of model servers or agents, which bypass the gateway.
#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/agents.hpp"
#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/selector_targets.hpp"

namespace readyctl::lint {
namespace {

struct ExposureParams {
  std::vector<std::string> allowed_annotations;
  std::vector<std::string> model_server_images;
  std::vector<std::string> agent_labels;
};

bool image_names_model_server(const ExposureParams& params, const PodTemplate& pod)
{
  for (const ContainerRef& c : regular_containers(pod))
    if (names_model_server_image(c.node, params.model_server_images)) return true;
  return false;
}

// "a model server" / "an agent" / "" for pods that are neither. KServe's serving kinds run model servers whatever
// their image says.
std::string_view exposed_role(const ExposureParams& params, const PodTemplate& pod)
{
  if (has_any_label(pod.labels(), params.agent_labels) || has_any_label(pod.owner->labels(), params.agent_labels))
    return "an agent";
  if (pod.owner->group == "serving.kserve.io" || pod_uses_gpu(pod) || image_names_model_server(params, pod))
    return "a model server";
  return {};
}

void check_exposure(const CheckContext& ctx, const ExposureParams& params, const PodTargets& pods, const Object& s)
{
  const yaml::Node* type = s.spec->get("type");
  if (!type || (type->str() != "NodePort" && type->str() != "LoadBalancer")) return;
  const yaml::Node* annotations = s.metadata ? s.metadata->get("annotations") : nullptr;
  if (has_any_label(annotations, params.allowed_annotations)) return;
  const yaml::Node* selector = s.spec->get("selector");
  if (!selector || !selector->is_mapping() || selector->size() == 0) return;
  for (const SelectorTarget* t : pods.matches(s.scope, SelectorRef{selector, true})) {
    if (!t->pod) continue;  // a SandboxClaim's labels: the template's pods are judged as pods
    std::string_view role = exposed_role(params, *t->pod);
    if (role.empty()) continue;
    ctx.sink.report(s, type,
                    fmt::format("{} is type {} and selects {} ({}): clients reach it on every node's address or a "
                                "public load balancer, past the gateway's authentication, token limits and timeouts",
                                s.display_name(), type->str(), role, t->owner->display_name()),
                    {{t->owner, t->at, fmt::format("{} pods the Service exposes", role.substr(role.find(' ') + 1))}});
    return;
  }
}

}  // namespace

void check_exposed_service(const CheckContext& ctx)
{
  ExposureParams params{ctx.rule.param_strings("allowedAnnotations"), ctx.rule.param_strings("modelServerImages"),
                        ctx.rule.param_strings("agentLabels")};
  const PodTargets& pods = ctx.graph.cached<PodTargets>();
  for (const Object* s : ctx.of_kind("Service"))
    if (s->group.empty() && s->spec && s->spec->is_mapping()) check_exposure(ctx, params, pods, *s);
}

}  // namespace readyctl::lint
