// remote-shell: no container serves SSH (port 22 or a port named ssh), and no Service forwards to one.
#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

constexpr long long k_ssh_port = 22;

bool is_ssh_port(const yaml::Node* number, const yaml::Node* name)
{
  std::optional<long long> n = number ? number->as_int() : std::nullopt;
  return (n && *n == k_ssh_port) || (name && name->is_scalar() && name->str() == "ssh");
}

void check_container_ssh(const CheckContext& ctx, const Object& o, const ContainerRef& c)
{
  const yaml::Node* ports = c.node->get("ports");
  if (!ports || !ports->is_sequence()) return;
  for (const yaml::Node* p : ports->children())
    if (p->is_mapping() && is_ssh_port(p->get("containerPort"), p->get("name")))
      ctx.sink.report(o, p, fmt::format("{} serves SSH: a shell into the pod that RBAC on pods/exec and the API "
                                        "server's audit log never see", c.label()));
}

void check_service_ssh(const CheckContext& ctx, const Object& o)
{
  const yaml::Node* ports = o.spec ? o.spec->get("ports") : nullptr;
  if (!ports || !ports->is_sequence()) return;
  for (const yaml::Node* p : ports->children()) {
    if (!p->is_mapping()) continue;
    // targetPort is an int-or-string: 22, or the name "ssh" of a container port.
    const yaml::Node* target = p->get("targetPort");
    if (is_ssh_port(p->get("port"), p->get("name")) || (target && is_ssh_port(target, target)))
      ctx.sink.report(o, p, fmt::format("{} forwards SSH (port 22) to its pods: a shell path that RBAC on pods/exec "
                                        "and the API server's audit log never see", o.display_name()));
  }
}

}  // namespace

void check_remote_shell(const CheckContext& ctx)
{
  for (const Object& o : ctx.objects())
    if (o.is("Service", "")) check_service_ssh(ctx, o);
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) check_container_ssh(ctx, *pod.owner, c);
}

}  // namespace readyctl::lint
