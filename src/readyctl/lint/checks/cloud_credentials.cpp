// static-cloud-credentials: long-lived AWS/GCP/Azure keys handed to workloads, Dapr components and AI gateway
// backends, where workload identity (IRSA/EKS Pod Identity, GKE or Azure workload identity, SPIFFE) needs none.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

struct StaticKey {
  std::string_view name;
  std::string_view instead;  // the secretless pattern for that cloud
};

constexpr std::string_view k_aws_key_patterns = "IRSA or EKS Pod Identity";
constexpr std::string_view k_gcp = "GKE Workload Identity";
constexpr std::string_view k_azure = "Azure Workload Identity";

constexpr StaticKey k_env_keys[] = {
    {"AWS_ACCESS_KEY_ID", k_aws_key_patterns},       {"AWS_SECRET_ACCESS_KEY", k_aws_key_patterns},         {"AWS_SESSION_TOKEN", k_aws_key_patterns},
    {"GOOGLE_APPLICATION_CREDENTIALS", k_gcp}, {"AZURE_CLIENT_SECRET", k_azure}, {"AZURE_CLIENT_CERTIFICATE_PATH", k_azure},
};

// Dapr component metadata fields that carry a static key (AWS, Azure and GCP authentication profiles).
constexpr StaticKey k_dapr_keys[] = {
    {"accessKey", k_aws_key_patterns},           {"secretKey", k_aws_key_patterns},           {"sessionToken", k_aws_key_patterns},
    {"azureClientSecret", k_azure}, {"azureCertificate", k_azure},  {"azureCertificateFile", k_azure},
    {"privateKey", k_gcp},          {"private_key", k_gcp},
};

template <size_t N>
const StaticKey* lookup(const StaticKey (&table)[N], std::string_view name)
{
  for (const StaticKey& k : table)
    if (k.name == name) return &k;
  return nullptr;
}

// Core Secrets and ConfigMaps by kind and name, built once per run rather than scanned per envFrom.
class SourceIndex {
public:
  explicit SourceIndex(const Graph& graph)
  {
    for (std::string_view kind : {"Secret", "ConfigMap"})
      for (const Object* o : graph.of_kind(kind))
        if (o->group.empty()) m_by_name.emplace(fmt::format("{}/{}", kind, o->name), o);
  }
  // Exact namespace first; an object or reference without a namespace matches any.
  const Object* find(std::string_view kind, std::string_view ns, std::string_view name) const
  {
    const Object* loose = nullptr;
    auto [lo, hi] = m_by_name.equal_range(fmt::format("{}/{}", kind, name));
    for (auto it = lo; it != hi; ++it) {
      if (it->second->scope == ns) return it->second;
      if (it->second->scope.empty() || ns.empty()) loose = it->second;
    }
    return loose;
  }

private:
  std::multimap<std::string, const Object*, std::less<>> m_by_name;
};

// Variables that point an S3 client at another endpoint than AWS's.
constexpr std::string_view k_s3_endpoint_vars[] = {"AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3", "S3_ENDPOINT",
                                                   "S3_ENDPOINT_URL", "AWS_S3_ENDPOINT"};

bool non_aws_endpoint(std::string_view url) { return !url.empty() && url.find("amazonaws.com") == std::string_view::npos; }

// A container whose S3 client talks to an object store that is not AWS (SeaweedFS, MinIO, Ceph in the cluster):
// its AWS_* keys are that store's, and IRSA or Pod Identity cannot sign in to it. Only literal endpoints count.
bool s3_store_not_aws(const ContainerRef& c)
{
  const yaml::Node* env = c.node->get("env");
  if (!env || !env->is_sequence()) return false;
  for (const yaml::Node* e : env->children())
    for (std::string_view var : k_s3_endpoint_vars)
      if (e->str_at("name") == var && non_aws_endpoint(e->str_at("value"))) return true;
  return false;
}

// S3-compatible servers that read AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY as their own admin identity (SeaweedFS
// weed/s3api/auth_credentials.go loadEnvironmentVariableCredentials; LocalStack, Ceph RGW, Zenko CloudServer):
// the image's repository name, last path segment.
constexpr std::string_view k_s3_server_images[] = {"seaweedfs", "minio", "localstack", "ceph", "cloudserver"};

bool runs_s3_server(const ContainerRef& c)
{
  std::string_view image = c.node->str_at("image");
  image = image.substr(0, image.find('@'));
  const size_t slash = image.rfind('/');
  std::string_view name = slash == std::string_view::npos ? image : image.substr(slash + 1);
  name = name.substr(0, name.find(':'));
  return std::any_of(std::begin(k_s3_server_images), std::end(k_s3_server_images),
                     [&](std::string_view server) { return name.starts_with(server); });
}

// The static key `name` would be reported: AWS keys not when the container's S3 endpoint is not AWS, nor in the
// S3-compatible server itself.
const StaticKey* reported_key(const ContainerRef& c, std::string_view name)
{
  const StaticKey* key = lookup(k_env_keys, name);
  if (key && key->instead == k_aws_key_patterns && (s3_store_not_aws(c) || runs_s3_server(c))) return nullptr;
  return key;
}

void check_env(const CheckContext& ctx, const Object& o, const ContainerRef& c)
{
  const yaml::Node* env = c.node->get("env");
  if (env && env->is_sequence())
    for (const yaml::Node* e : env->children()) {
      const yaml::Node* name = e->get("name");
      const StaticKey* key = name ? reported_key(c, name->str()) : nullptr;
      if (!key) continue;
      ctx.sink.report(o, name, fmt::format("{} is given the static cloud credential {}; use {} instead", c.label(),
                                           name->str(), key->instead));
    }
}

// envFrom pulls every key of a Secret or ConfigMap; when that object is in the input, its keys are known.
void check_env_from(const CheckContext& ctx, const SourceIndex& sources, const Object& o, const ContainerRef& c)
{
  const yaml::Node* env_from = c.node->get("envFrom");
  if (!env_from || !env_from->is_sequence()) return;
  for (const yaml::Node* item : env_from->children())
    for (std::string_view ref_kind : {"secretRef", "configMapRef"}) {
      const yaml::Node* ref_name = item->path({ref_kind, "name"});
      if (!ref_name) continue;
      std::string_view kind = ref_kind == "secretRef" ? "Secret" : "ConfigMap";
      const Object* source = sources.find(kind, o.scope, ref_name->str());
      if (!source) continue;
      const yaml::Node* prefix = item->get("prefix");
      std::string_view pre = prefix ? prefix->str() : std::string_view();
      for (std::string_view block : {"data", "stringData"}) {
        const yaml::Node* data = source->root->get(block);
        if (!data || !data->is_mapping()) continue;
        for (auto [k, v] : data->entries()) {
          const StaticKey* key = reported_key(c, fmt::format("{}{}", pre, k->str()));
          if (!key) continue;
          ctx.sink.report(o, ref_name,
                          fmt::format("{} gets the static cloud credential {}{} from {} {} through envFrom; use {} instead",
                                      c.label(), pre, k->str(), kind, source->name, key->instead),
                          {{source, k, fmt::format("{} key {}", kind, k->str())}});
        }
      }
    }
}

// A Dapr AWS component whose `endpoint` is not AWS's (MinIO through bindings.aws.s3, LocalStack): its keys are
// that store's.
bool component_store_not_aws(const yaml::Node* metadata)
{
  for (const yaml::Node* m : metadata->children())
    if (m->str_at("name") == "endpoint" && non_aws_endpoint(m->str_at("value"))) return true;
  return false;
}

void check_component(const CheckContext& ctx, const Object& o)
{
  const yaml::Node* metadata = o.spec ? o.spec->get("metadata") : nullptr;
  if (!metadata || !metadata->is_sequence()) return;
  const bool other_store = component_store_not_aws(metadata);
  for (const yaml::Node* m : metadata->children()) {
    const yaml::Node* name = m->get("name");
    const StaticKey* key = name ? lookup(k_dapr_keys, name->str()) : nullptr;
    if (!key || (other_store && key->instead == k_aws_key_patterns)) continue;
    const yaml::Node* value = m->get("value");
    bool set = m->get("secretKeyRef") || (value && !value->str().empty());
    if (!set) continue;  // empty: the component falls back to the ambient (workload) identity
    ctx.sink.report(o, name, fmt::format("Dapr component authenticates with the static credential '{}'; use {} instead",
                                         name->str(), key->instead));
  }
}

// Envoy AI Gateway api/v1beta1/backendsecurity_policy.go: `type` selects the block the gateway authenticates with
// (the CRD rejects a block of another type); an unset type leaves each block to speak for itself.
bool selected_block(const Object& o, std::string_view type)
{
  const std::string_view set = o.spec->str_at("type");
  return set.empty() || set == type;
}

void check_backend_security_policy(const CheckContext& ctx, const Object& o)
{
  if (!o.spec) return;
  if (const yaml::Node* aws = o.spec->get("awsCredentials");
      aws && aws->get("credentialsFile") && selected_block(o, "AWSCredentials"))
    ctx.sink.report(o, aws->key_node("credentialsFile"),
                    fmt::format("BackendSecurityPolicy signs with a static AWS credentials file; use {} (the "
                                "default credential chain) or oidcExchangeToken instead",
                                k_aws_key_patterns));
  if (const yaml::Node* azure = o.spec->get("azureCredentials");
      azure && azure->get("clientSecretRef") && selected_block(o, "AzureCredentials"))
    ctx.sink.report(o, azure->key_node("clientSecretRef"),
                    fmt::format("BackendSecurityPolicy authenticates with a static Azure client secret; use {} or "
                                "oidcExchangeToken instead",
                                k_azure));
}

}  // namespace

void check_static_cloud_credentials(const CheckContext& ctx)
{
  const SourceIndex& sources = ctx.graph.cached<SourceIndex>();
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) {
      check_env(ctx, *pod.owner, c);
      check_env_from(ctx, sources, *pod.owner, c);
    }
  for (const Object* o : ctx.of_kind("Component"))
    if (o->is("Component", "dapr.io")) check_component(ctx, *o);
  for (const Object* o : ctx.of_kind("BackendSecurityPolicy"))
    if (o->is("BackendSecurityPolicy", "aigateway.envoyproxy.io")) check_backend_security_policy(ctx, *o);
}

}  // namespace readyctl::lint
