#include "readyctl/lint/object.hpp"

#include <filesystem>

#include <fmt/format.h>

#include "readyctl/lint/kustomize.hpp"

namespace readyctl::lint {
namespace {

struct GroupAlias {
  std::string_view from;
  std::string_view kind;  // "*" for every kind of the group
  std::string_view to;
};

// Groups renamed upstream; rules match the canonical group only.
constexpr GroupAlias k_group_aliases[] = {
    {"inference.networking.x-k8s.io", "*", "inference.networking.k8s.io"},
    {"llm-d.ai", "InferenceObjective", "inference.networking.k8s.io"},
    {"llm-d.ai", "InferenceModel", "inference.networking.k8s.io"},
    {"llm-d.ai", "InferencePool", "inference.networking.k8s.io"},
    {"extensions", "Deployment", "apps"},
    {"extensions", "DaemonSet", "apps"},
    {"extensions", "ReplicaSet", "apps"},
    {"extensions", "NetworkPolicy", "networking.k8s.io"},
    {"extensions", "Ingress", "networking.k8s.io"},
    {"apps", "Rollout", "argoproj.io"},
    // KFServing's group before KServe 0.7 renamed it; v1beta1 InferenceServices keep their shape.
    {"serving.kubeflow.org", "InferenceService", "serving.kserve.io"},
};

// Built-in and common CRD kinds that are cluster-scoped (their `metadata.namespace` means nothing).
constexpr std::string_view k_cluster_scoped_kinds[] = {
    "APIService", "CSIDriver", "CSINode", "CertificateSigningRequest", "ClusterIssuer", "ClusterPolicy",
    "ClusterQueue", "ClusterRole", "ClusterRoleBinding", "ClusterSecretStore", "ClusterServingRuntime",
    "ClusterStorageContainer", "ClusterTrainingRuntime", "ClusterTrustBundle", "CustomResourceDefinition",
    "FlowSchema", "GatewayClass", "IngressClass", "MutatingWebhookConfiguration", "Namespace", "Node",
    "PersistentVolume", "PodSecurityPolicy", "PriorityClass", "PriorityLevelConfiguration", "ResourceFlavor",
    "RuntimeClass", "StorageClass", "ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
    "ValidatingWebhookConfiguration", "VolumeAttachment", "VolumeSnapshotClass", "WorkloadPriorityClass",
};

}  // namespace

std::string scope_label(std::string_view scope)
{
  if (scope.empty()) return "namespace (unstated)";
  if (scope.starts_with(k_directory_scope_mark))
    return fmt::format("namespace (unstated) of {}", scope.substr(k_directory_scope_mark.size()));
  return fmt::format("namespace {}", scope);
}

bool is_cluster_scoped_kind(std::string_view kind)
{
  for (std::string_view k : k_cluster_scoped_kinds)
    if (k == kind) return true;
  return false;
}

std::string canonical_group(std::string_view group, std::string_view kind)
{
  for (const GroupAlias& a : k_group_aliases)
    if (a.from == group && (a.kind == "*" || a.kind == kind)) return std::string(a.to);
  return std::string(group);
}

bool same_identity(const Object& a, const Object& b)
{
  return a.kind == b.kind && a.group == b.group && a.scope == b.scope && a.name == b.name;
}

void set_api_identity(Object& object)
{
  size_t slash = object.api_version.find('/');
  std::string_view group = slash == std::string_view::npos ? std::string_view() : object.api_version.substr(0, slash);
  object.version = std::string(slash == std::string_view::npos ? object.api_version : object.api_version.substr(slash + 1));
  object.group = canonical_group(group, object.kind);
}

bool Object::is(std::string_view kind_name, std::string_view group_name) const
{
  return kind == kind_name && (group_name == "*" || group == group_name);
}

const yaml::Node* Object::annotation_node(std::string_view key) const
{
  return metadata ? metadata->path({"annotations", key}) : nullptr;
}

std::string_view Object::annotation(std::string_view key) const
{
  const yaml::Node* n = annotation_node(key);
  return n ? n->str() : std::string_view();
}

const yaml::Node* Object::labels() const { return metadata ? metadata->get("labels") : nullptr; }

DisplayPosition Object::display_position(const yaml::Node* node) const
{
  const yaml::Node* at = node ? node : root;
  if (origin) at = origin_node(*origin, root, at);
  return {at->line() - line_delta, at->column()};
}

Location Object::location(const yaml::Node* node) const
{
  DisplayPosition at = display_position(node);
  return {display_file, at.line, at.column};
}

ObjectRef Object::ref() const
{
  return {std::string(api_version), std::string(kind), std::string(ns), std::string(name)};
}

std::string Object::shown_name() const
{
  // Jobs, RayJobs and alike created with `kubectl create` are named by the API server from generateName.
  if (name.empty() && metadata && metadata->is_mapping() && !metadata->str_at("generateName").empty())
    return fmt::format("{}*", metadata->str_at("generateName"));
  return std::string(name);
}

std::string Object::display_name() const
{
  if (ns.empty()) return fmt::format("{} {}", kind, shown_name());
  return fmt::format("{} {}/{}", kind, ns, shown_name());
}

std::string directory_of(const Object& object) { return std::filesystem::path(object.file->path()).parent_path().string(); }

bool same_directory(const Object& a, const Object& b) { return a.file == b.file || directory_of(a) == directory_of(b); }

}  // namespace readyctl::lint
