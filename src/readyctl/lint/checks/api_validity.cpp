// api-validity: values the API server rejects at apply time — port names that are no IANA service name, duplicate or
// missing container ports, label values that are no valid label value, a pod restartPolicy its controller refuses.
#include <algorithm>
#include <cctype>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

bool validity_lower_alnum(char c) { return std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)); }
bool validity_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// What is wrong with a port name under IANA_SVC_NAME (k8s.io/apimachinery validation.IsValidPortName); empty when valid.
std::string port_name_problem(std::string_view name)
{
  if (name.empty() || name.size() > 15) return "longer than 15 characters";
  if (!std::all_of(name.begin(), name.end(), [](char c) { return validity_lower_alnum(c) || c == '-'; }))
    return "not only lowercase letters, digits and '-'";
  if (name.front() == '-' || name.back() == '-' || name.find("--") != std::string_view::npos)
    return "starting, ending or doubling '-'";
  if (!std::any_of(name.begin(), name.end(), [](char c) { return std::islower(static_cast<unsigned char>(c)); }))
    return "without a letter";
  return {};
}

// A label value (validation.IsValidLabelValue): at most 63 characters, empty or alphanumeric at both ends with
// '-', '_' and '.' between.
bool label_value_valid(std::string_view v)
{
  if (v.size() > 63) return false;
  if (v.empty()) return true;
  if (!validity_alnum(v.front()) || !validity_alnum(v.back())) return false;
  return std::all_of(v.begin(), v.end(), [](char c) { return validity_alnum(c) || c == '-' || c == '_' || c == '.'; });
}

// A Service's targetPort is an int-or-string: a plain number is a port number, a quoted one a (refused) name.
void check_port_name(const CheckContext& ctx, const Object& o, const yaml::Node* name, std::string_view what,
                     bool int_or_string = false)
{
  if (!name || !name->is_scalar() || is_unfilled_placeholder(name->str())) return;
  if (int_or_string && name->plain() && name->as_int()) return;
  std::string problem = port_name_problem(name->str());
  if (problem.empty()) return;
  ctx.sink.report(o, name, fmt::format("{} '{}' is not a valid port name ({}): the API server rejects the object", what,
                                       name->str(), problem));
}

void check_container_ports(const CheckContext& ctx, const Object& o, const ContainerRef& c)
{
  const yaml::Node* ports = c.node->get("ports");
  if (!ports || !ports->is_sequence()) return;
  std::vector<std::string_view> names;
  for (const yaml::Node* p : ports->children()) {
    if (!p->is_mapping()) continue;
    if (!p->get("containerPort"))
      ctx.sink.report(o, p, fmt::format("{} declares a port without containerPort: the API server rejects the object", c.label()));
    const yaml::Node* name = p->get("name");
    if (!name || !name->is_scalar()) continue;
    check_port_name(ctx, o, name, fmt::format("{} port name", c.label()));
    if (std::find(names.begin(), names.end(), name->str()) != names.end())
      ctx.sink.report(o, name, fmt::format("{} declares port name '{}' twice: the API server rejects the object",
                                           c.label(), name->str()));
    names.push_back(name->str());
  }
}

// Deployment-like controllers run pods that restart forever; Job-like ones pods that end. The API server refuses
// any other restartPolicy, and a Job's unset one defaults to Always, which it refuses too.
void check_restart_policy(const CheckContext& ctx, const PodTemplate& pod)
{
  const Object& o = *pod.owner;
  bool job = o.is("Job", "batch") || o.is("CronJob", "batch");
  bool service = o.is("Deployment", "apps") || o.is("StatefulSet", "apps") || o.is("DaemonSet", "apps") ||
                 o.is("ReplicaSet", "apps");
  if (!job && !service) return;
  const yaml::Node* policy = pod.spec->get("restartPolicy");
  if (policy && is_unfilled_placeholder(policy->str())) return;
  std::string_view value = policy ? policy->str() : std::string_view("Always");
  if (job && value != "OnFailure" && value != "Never")
    ctx.sink.report(o, policy ? policy : pod_spec_anchor(pod),
                    fmt::format("{} pod restartPolicy is {}: a {} accepts only OnFailure or Never, so the API server "
                                "rejects the object", o.display_name(), policy ? std::string(value) : "unset (Always)",
                                o.kind));
  else if (service && value != "Always")
    ctx.sink.report(o, policy, fmt::format("{} pod restartPolicy is {}: a {} accepts only Always, so the API server "
                                           "rejects the object", o.display_name(), value, o.kind));
}

void check_label_values(const CheckContext& ctx, const Object& o, const yaml::Node* labels)
{
  if (!labels || !labels->is_mapping()) return;
  for (auto [key, value] : labels->entries()) {
    if (!value->is_scalar() || is_unfilled_placeholder(value->str()) || label_value_valid(value->str())) continue;
    ctx.sink.report(o, value, fmt::format("label {} has value '{}', which is not a valid label value (at most 63 "
                                          "characters, alphanumeric at both ends, '-', '_' or '.' between): the API "
                                          "server rejects the object", key->str(), value->str()));
  }
}

void check_service_ports(const CheckContext& ctx, const Object& o)
{
  const yaml::Node* ports = o.spec ? o.spec->get("ports") : nullptr;
  if (!ports || !ports->is_sequence()) return;
  for (const yaml::Node* p : ports->children())
    if (p->is_mapping()) check_port_name(ctx, o, p->get("targetPort"), "Service targetPort", true);
}

}  // namespace

void check_api_validity(const CheckContext& ctx)
{
  for (const Object& o : ctx.objects()) {
    check_label_values(ctx, o, o.labels());
    if (o.is("Service", "")) check_service_ports(ctx, o);
  }
  for (const PodTemplate& pod : ctx.pods()) {
    // A bare Pod's (or an operator kind's) pod labels are the object's own, already read above.
    if (pod.metadata && pod.metadata != pod.owner->metadata)
      check_label_values(ctx, *pod.owner, pod.metadata->get("labels"));
    check_restart_policy(ctx, pod);
    for (const ContainerRef& c : all_containers(pod)) check_container_ports(ctx, *pod.owner, c);
  }
}

}  // namespace readyctl::lint
