// kernel-hardening: pods keep the kernel's defences: sysctls from Kubernetes' safe set only, a masked /proc, no
// AppArmor or SELinux opt-outs, no Windows host processes (the Pod Security Standards' baseline level).
#include <algorithm>
#include <string>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// Namespaced by the kernel and unable to affect other pods on the node: the kubelet allows these by default
// (kubernetes.io/docs/tasks/administer-cluster/sysctl-cluster/, as of Kubernetes 1.32); any other sysctl needs the
// node's --allowed-unsafe-sysctls and can change the node for every pod on it.
constexpr std::string_view k_safe_sysctls[] = {
    "kernel.shm_rmid_forced",         "net.ipv4.ip_local_port_range",  "net.ipv4.tcp_syncookies",
    "net.ipv4.ping_group_range",      "net.ipv4.ip_unprivileged_port_start", "net.ipv4.ip_local_reserved_ports",
    "net.ipv4.tcp_keepalive_time",    "net.ipv4.tcp_fin_timeout",      "net.ipv4.tcp_keepalive_intvl",
    "net.ipv4.tcp_keepalive_probes",  "net.ipv4.tcp_rmem",             "net.ipv4.tcp_wmem"};

// SELinux types the container runtime's policy confines (the baseline level allows these and no others).
constexpr std::string_view k_confined_selinux_types[] = {"container_t", "container_init_t", "container_kvm_t",
                                                         "container_engine_t"};

constexpr std::string_view k_apparmor_annotation = "container.apparmor.security.beta.kubernetes.io/";

// Sysctl names may be written with '/' (net/ipv4/tcp_syncookies).
std::string sysctl_name(std::string_view name)
{
  std::string out(name);
  std::replace(out.begin(), out.end(), '/', '.');
  return out;
}

void check_sysctls(const CheckContext& ctx, const PodTemplate& pod)
{
  const yaml::Node* sysctls = pod.spec->path({"securityContext", "sysctls"});
  if (!sysctls || !sysctls->is_sequence()) return;
  for (const yaml::Node* s : sysctls->children()) {
    const yaml::Node* name = s->get("name");
    if (!name) continue;
    std::string n = sysctl_name(name->str());
    if (std::find(std::begin(k_safe_sysctls), std::end(k_safe_sysctls), n) != std::end(k_safe_sysctls)) continue;
    ctx.sink.report(*pod.owner, name,
                    fmt::format("pod sets the unsafe sysctl {}: it is outside Kubernetes' safe set and may change the "
                                "node for every pod on it (the kubelet refuses it unless the node allows it)",
                                n));
  }
}

// The fields a pod and a container securityContext share. `who` is "pod" or a container's label.
void check_context(const CheckContext& ctx, const Object& o, const yaml::Node* sc, const std::string& who)
{
  if (!sc || !sc->is_mapping()) return;
  if (const yaml::Node* type = sc->path({"appArmorProfile", "type"}); type && type->str() == "Unconfined")
    ctx.sink.report(o, type, fmt::format("{} runs with appArmorProfile type Unconfined: no AppArmor confinement", who));
  if (const yaml::Node* se = sc->get("seLinuxOptions"); se && se->is_mapping()) {
    const yaml::Node* type = se->get("type");
    if (type && !type->str().empty() &&
        std::find(std::begin(k_confined_selinux_types), std::end(k_confined_selinux_types), type->str()) ==
            std::end(k_confined_selinux_types))
      ctx.sink.report(o, type, fmt::format("{} overrides the SELinux type with {}: only container_t, "
                                           "container_init_t, container_kvm_t and container_engine_t stay confined",
                                           who, type->str()));
    for (std::string_view field : {"user", "role"})
      if (const yaml::Node* n = se->get(field); n && !n->str().empty())
        ctx.sink.report(o, n, fmt::format("{} sets seLinuxOptions.{} {}: a custom SELinux {} escapes the container "
                                          "policy",
                                          who, field, n->str(), field));
  }
  if (const yaml::Node* hp = sc->path({"windowsOptions", "hostProcess"}); is_true(hp))
    ctx.sink.report(o, hp, fmt::format("{} runs as a Windows HostProcess: it has the node's full access", who));
  if (const yaml::Node* pm = sc->get("procMount"); pm && pm->str() == "Unmasked")
    ctx.sink.report(o, pm, fmt::format("{} sets procMount: Unmasked: /proc is not masked and exposes the node's "
                                       "kernel interfaces",
                                       who));
}

void check_apparmor_annotations(const CheckContext& ctx, const PodTemplate& pod)
{
  for (const ContainerRef& c : all_containers(pod)) {
    std::string key = std::string(k_apparmor_annotation) + std::string(c.name());
    const yaml::Node* n = pod.annotation_node(key);
    if (n && n->str() == "unconfined")
      ctx.sink.report(*pod.owner, n, fmt::format("{} runs without AppArmor confinement (annotation {}: unconfined)",
                                                 c.label(), key));
  }
}

}  // namespace

void check_kernel_hardening(const CheckContext& ctx)
{
  for (const PodTemplate& pod : ctx.pods()) {
    check_sysctls(ctx, pod);
    check_context(ctx, *pod.owner, pod.spec->get("securityContext"), "pod");
    for (const ContainerRef& c : all_containers(pod)) check_context(ctx, *pod.owner, c.node->get("securityContext"), c.label());
    check_apparmor_annotations(ctx, pod);
  }
}

}  // namespace readyctl::lint
