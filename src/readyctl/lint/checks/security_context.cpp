// Pod security rules (privileged, run-as-non-root, privilege-escalation, read-only-root-fs, capabilities,
// seccomp, host-path). Container securityContext fields override the pod's, as in Kubernetes; a pod-level
// field inherited by several containers is reported once, at that field.
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/controller_defaults.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// "CAP_SYS_ADMIN" and "sys_admin" both name SYS_ADMIN.
std::string capability_name(std::string_view cap)
{
  std::string upper;
  for (char ch : cap) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  if (upper.starts_with("CAP_")) upper.erase(0, 4);
  return upper;
}

// `privileged: true` gives every capability, always allows escalation, runs Unconfined whatever seccompProfile says
// (the kubelet and runtimes ignore it there), may remount its root filesystem read-write and reach the host's
// devices as any user: `privileged` reports it, and capabilities, privilege-escalation, seccomp,
// read-only-root-fs and run-as-non-root have nothing to add on that container.
bool runs_privileged(const yaml::Node* container) { return is_true(container->path({"securityContext", "privileged"})); }

// The API server rejects allowPrivilegeEscalation: false beside privileged: true or an added SYS_ADMIN, so
// privilege-escalation must not ask for it there (capabilities reports the SYS_ADMIN add).
bool must_allow_escalation(const yaml::Node* container)
{
  if (runs_privileged(container)) return true;
  const yaml::Node* add = container->path({"securityContext", "capabilities", "add"});
  if (!add || !add->is_sequence()) return false;
  for (const yaml::Node* a : add->children())
    if (capability_name(a->str()) == "SYS_ADMIN") return true;
  return false;
}

// A hostPort binds the port on the node's own address, outside Services and NetworkPolicies, and pins the pod to
// nodes where that port is free (0, the default, means none).
void check_host_ports(const CheckContext& ctx, const PodTemplate& pod, const ContainerRef& c)
{
  const yaml::Node* ports = c.node->get("ports");
  if (!ports || !ports->is_sequence()) return;
  for (const yaml::Node* p : ports->children()) {
    const yaml::Node* host = p->get("hostPort");
    std::optional<long long> port = host ? host->as_int() : std::nullopt;
    if (!port || *port == 0) continue;
    ctx.sink.report(*pod.owner, host,
                    fmt::format("{} sets hostPort {}: the port opens on the node's address, past Services and "
                                "NetworkPolicies, and only one such pod fits per node",
                                c.label(), *port));
  }
}

void check_privileged(const CheckContext& ctx, const PodTemplate& pod, GroupedFindings& out)
{
  // A HostProcess pod must use the host network (validateWindows); kernel-hardening reports the HostProcess.
  const bool host_process = runs_host_process(pod);
  const bool host_network = is_true(pod.spec->get("hostNetwork"));
  for (std::string_view host : {"hostNetwork", "hostPID", "hostIPC"})
    if (const yaml::Node* n = pod.spec->get(host); is_true(n) && !(host_process && host == "hostNetwork"))
      ctx.sink.report(*pod.owner, n, fmt::format("pod sets {}: true and shares the node's {} namespace", host,
                                                 host == "hostNetwork" ? "network" : host == "hostPID" ? "process" : "IPC"));
  for (const ContainerRef& c : all_containers(pod)) {
    if (const yaml::Node* n = c.node->path({"securityContext", "privileged"}); is_true(n))
      out.add(*pod.owner, n, c.label(), "runs privileged: it has every capability and the host's devices");
    // With hostNetwork every port is on the node's address (hostPort must equal containerPort): reported above.
    if (!host_network) check_host_ports(ctx, pod, c);
  }
}

void check_run_as_non_root(const CheckContext& ctx, const PodTemplate& pod, GroupedFindings& out)
{
  (void)ctx;
  for (const ContainerRef& c : all_containers(pod)) {
    if (runs_privileged(c.node)) continue;
    const yaml::Node* group = effective_security_field(pod, c.node, "runAsGroup");
    if (group && group->as_int() == 0)
      out.add(*pod.owner, group, c.label(), "runs with the root group (runAsGroup: 0): files owned by group root are its");
    const yaml::Node* user = effective_security_field(pod, c.node, "runAsUser");
    const yaml::Node* non_root = effective_security_field(pod, c.node, "runAsNonRoot");
    // -1 when unset or not an integer: neither root nor a non-root user (GCC 12 misreads an optional here).
    const long long uid = user ? user->as_int().value_or(-1) : -1;
    if (uid == 0) {
      out.add(*pod.owner, user, c.label(), "runs as root (runAsUser: 0)");
      continue;
    }
    if (is_true(non_root) || uid > 0) continue;
    if (!c.node->path({"securityContext", "runAsNonRoot"}) &&
        injects_value(pod, c.node, "securityContext.runAsNonRoot", "true"))
      continue;  // the operator sets it on its container (lint/controller_defaults.cpp)
    if (is_false(non_root)) out.add(*pod.owner, non_root, c.label(), "sets runAsNonRoot: false and may run as root");
    else
      out.add(*pod.owner, security_holder(c.node), c.label(),
              "sets neither runAsNonRoot: true nor a non-zero runAsUser (itself or in the pod securityContext), so it "
              "runs as whatever user the image declares, often root");
  }
}

void check_privilege_escalation(const CheckContext& ctx, const PodTemplate& pod, GroupedFindings& out)
{
  (void)ctx;
  for (const ContainerRef& c : all_containers(pod)) {
    if (must_allow_escalation(c.node)) continue;
    const yaml::Node* n = c.node->path({"securityContext", "allowPrivilegeEscalation"});
    if (is_false(n)) continue;
    if (!n && injects_value(pod, c.node, "securityContext.allowPrivilegeEscalation", "false")) continue;
    if (n && !n->is_null()) out.add(*pod.owner, n, c.label(), "sets allowPrivilegeEscalation: true");
    else
      out.add(*pod.owner, security_holder(c.node), c.label(),
              "does not set allowPrivilegeEscalation: false, so setuid binaries can gain privileges");
  }
}

void check_read_only_root_fs(const CheckContext& ctx, const PodTemplate& pod, GroupedFindings& out)
{
  (void)ctx;
  for (const ContainerRef& c : all_containers(pod)) {
    if (runs_privileged(c.node)) continue;
    const yaml::Node* n = c.node->path({"securityContext", "readOnlyRootFilesystem"});
    if (is_true(n)) continue;
    if (!n && injects_value(pod, c.node, "securityContext.readOnlyRootFilesystem", "true")) continue;
    if (n && !n->is_null()) out.add(*pod.owner, n, c.label(), "sets readOnlyRootFilesystem: false");
    else out.add(*pod.owner, security_holder(c.node), c.label(), "does not set readOnlyRootFilesystem: true");
  }
}

void check_capabilities(const CheckContext& ctx, const PodTemplate& pod, GroupedFindings& out)
{
  std::vector<std::string> forbidden = ctx.rule.param_strings("forbiddenAdds");
  for (std::string& f : forbidden) f = capability_name(f);
  for (const ContainerRef& c : all_containers(pod)) {
    if (runs_privileged(c.node)) continue;
    const yaml::Node* caps = c.node->path({"securityContext", "capabilities"});
    const yaml::Node* drop = caps ? caps->get("drop") : nullptr;
    bool drops_all = false;
    if (drop && drop->is_sequence())
      for (const yaml::Node* d : drop->children()) drops_all = drops_all || capability_name(d->str()) == "ALL";
    if (!drop) drops_all = injects_value(pod, c.node, "securityContext.capabilities.drop", "ALL");
    if (!drops_all) {
      const yaml::Node* at = drop ? caps->key_node("drop") : caps ? c.node->path({"securityContext"})->key_node("capabilities")
                                                                 : security_holder(c.node);
      out.add(*pod.owner, at, c.label(), "does not drop ALL capabilities");
    }
    const yaml::Node* add = caps ? caps->get("add") : nullptr;
    if (add && add->is_sequence())
      for (const yaml::Node* a : add->children()) {
        std::string name = capability_name(a->str());
        if (std::find(forbidden.begin(), forbidden.end(), name) != forbidden.end())
          out.add(*pod.owner, a, c.label(), fmt::format("adds the dangerous capability {}", name));
      }
  }
}

void check_seccomp(const CheckContext& ctx, const PodTemplate& pod, GroupedFindings& out)
{
  (void)ctx;
  for (const ContainerRef& c : all_containers(pod)) {
    if (runs_privileged(c.node)) continue;
    const yaml::Node* profile = effective_security_field(pod, c.node, "seccompProfile");
    const yaml::Node* type = profile ? profile->get("type") : nullptr;
    if (type && (type->str() == "RuntimeDefault" || type->str() == "Localhost")) continue;
    if (!c.node->path({"securityContext", "seccompProfile"}) &&
        injects_value(pod, c.node, "securityContext.seccompProfile", "RuntimeDefault"))
      continue;  // the operator's container-level profile overrides the pod's
    if (type) out.add(*pod.owner, type, c.label(), fmt::format("runs with seccompProfile type {}", type->str()));
    else
      out.add(*pod.owner, security_holder(c.node), c.label(),
              "has no seccompProfile (itself or in the pod securityContext), so it runs Unconfined");
  }
}

// The kubelet's plugin sockets: a device plugin registers through /var/lib/kubelet/device-plugins/kubelet.sock, CSI
// and DRA drivers through plugins_registry and serve from plugins/ (Kubernetes docs, "Device Plugins" and the
// kubelet plugin watcher). A DaemonSet cannot serve those APIs without mounting them, so they are not reported; its
// other host paths (/sys, /dev, /) are.
constexpr std::string_view k_kubelet_plugin_dirs[] = {"/var/lib/kubelet/device-plugins", "/var/lib/kubelet/plugins_registry",
                                                      "/var/lib/kubelet/plugins", "/var/lib/kubelet/pod-resources"};

bool kubelet_plugin_socket_dir(const PodTemplate& pod, std::string_view path)
{
  while (path.size() > 1 && path.ends_with('/')) path.remove_suffix(1);
  if (!pod.owner->is("DaemonSet", "apps")) return false;
  return std::any_of(std::begin(k_kubelet_plugin_dirs), std::end(k_kubelet_plugin_dirs), [&](std::string_view dir) {
    return path == dir || (path.starts_with(dir) && path[dir.size()] == '/');
  });
}

void check_host_path(const CheckContext& ctx, const PodTemplate& pod, GroupedFindings&)
{
  const yaml::Node* volumes = pod.spec->get("volumes");
  if (!volumes || !volumes->is_sequence()) return;
  for (const yaml::Node* v : volumes->children()) {
    const yaml::Node* host = v->get("hostPath");
    if (!host) continue;
    const yaml::Node* path = host->get("path");
    if (path && kubelet_plugin_socket_dir(pod, path->str())) continue;
    const yaml::Node* name = v->get("name");
    ctx.sink.report(*pod.owner, v->key_node("hostPath"),
                    fmt::format("volume '{}' mounts the node's path {} (hostPath)", name ? name->str() : "",
                                path ? path->str() : "(none)"));
  }
}

using PodCheck = void (*)(const CheckContext&, const PodTemplate&, GroupedFindings&);

struct RuleCheck {
  std::string_view rule;
  PodCheck run;
  // Linux only: Kubernetes' validateWindows rejects these fields once a pod states `os.name: windows`, and the
  // Pod Security Standards waive them for Windows pods; the Linux user fields do not name a Windows account.
  bool linux_only;
};

constexpr RuleCheck k_checks[] = {
    {"capabilities", &check_capabilities, true},
    {"host-path", &check_host_path, false},
    {"privilege-escalation", &check_privilege_escalation, true},
    {"privileged", &check_privileged, false},
    {"read-only-root-fs", &check_read_only_root_fs, true},
    {"run-as-non-root", &check_run_as_non_root, true},
    {"seccomp", &check_seccomp, true},
};

}  // namespace

void check_security_context(const CheckContext& ctx)
{
  const RuleCheck* check = nullptr;
  for (const RuleCheck& c : k_checks)
    if (c.rule == ctx.rule.id) check = &c;
  if (!check) return;  // a user rule bound to this family under another id: nothing it knows how to check
  GroupedFindings out;
  for (const PodTemplate& pod : ctx.pods()) {
    if (check->linux_only && is_windows_pod(pod)) continue;
    check->run(ctx, pod, out);
    out.flush(ctx.sink);
  }
}

}  // namespace readyctl::lint
