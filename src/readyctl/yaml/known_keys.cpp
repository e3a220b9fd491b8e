#include "readyctl/yaml/known_keys.hpp"

#include <array>

#include "readyctl/yaml/node.hpp"

namespace readyctl::yaml {
namespace {

// Keys the checks read (src/readyctl/lint), most common in real manifests first. Adding a key here never changes a
// result: a key missing from the list is found by comparing its text.
constexpr std::string_view k_known_keys[] = {
    "name", "type", "kind", "metadata", "apiVersion", "namespace", "spec", "value", "port", "matchLabels", "key",
    "description", "resources", "verbs", "ports", "labels", "apiGroups", "items", "selector", "timeout", "path",
    "version", "operator", "rules", "namespaceSelector", "memory", "podSelector", "cpu", "secretKeyRef", "http",
    "nvidia.com/gpu", "scopes", "pods", "retries", "host", "maxUnavailable", "data", "required", "env", "replicas",
    "annotations", "template", "image", "containers", "retry", "serviceAccountName", "requests", "interval",
    "roleRef", "subjects", "from", "destination", "limits", "nodeSelector", "volumes", "kubernetes.io/metadata.name",
    "default", "policyTypes", "livenessProbe", "readinessProbe", "ingress", "number", "to", "tolerations",
    "dapr.io/enabled", "policies", "dapr.io/app-id", "timeouts", "terminationGracePeriodSeconds", "maxRetries",
    "policy", "maxInterval", "circuitBreaker", "targets", "egress", "requests.cpu", "requests.memory", "hard", "apps",
    "uri", "dapr.io/config", "circuitBreakers", "route", "maxReplicas", "scaleTargetRef", "minReplicas",
    "trafficPolicy", "nonResourceURLs", "attempts", "perTryTimeout", "outlierDetection", "hosts", "connectionPool",
    "http1MaxPendingRequests", "prefix", "format", "values", "group", "app", "readyctl.io/ignore", "components",
    "kustomize", "string", "patch", "matchExpressions", "ref", "securityContext", "duration", "api", "namespaces",
    "runAsNonRoot", "enabled", "backoff", "seccompProfile", "until", "allowPrivilegeEscalation",
    "readOnlyRootFilesystem", "capabilities", "drop", "process", "requiredDuringSchedulingIgnoredDuringExecution",
    "runAsUser", "priority", "timeoutSeconds", "url", "headers", "automountServiceAccountToken", "priorityClassName",
    "request", "secret", "parentRefs", "model", "affinity", "resourceNames", "secretRef", "names", "scope", "auth",
    "storage", "targetRefs", "backendRefs", "probes", "stringData", "plural", "provider", "reason", "kinds", "cost",
    "baseUrl", "configMapRef", "nodeAffinity", "nodeSelectorTerms", "mode", "tls", "envFrom", "topic",
    "initContainers", "numRetries", "perRetry", "account", "limits.memory", "id", "sleep", "backOff", "outbound",
    "readyctl.io/role", "rateLimit", "llmRequestCosts", "list", "lifecycle", "preStop", "seconds", "workflow",
    "password", "token", "tracing", "samplingRate", "groups", "create", "defaultAction", "hostPath", "ignore",
    "predictor", "restartPolicy", "summary", "dapr.io/graceful-shutdown-seconds", "kueue.x-k8s.io/queue-name",
    "preemptionPolicy", "requestTimeout", "inbound", "agent", "maxConcurrentWorkflowInvocations",
    "maxConcurrentActivityInvocations", "dapr.io/enable-api-logging", "tool", "hostNetwork",
    "dapr.io/app-max-concurrency", "privateKey", "awsCredentials", "gpu", "insecureSkipVerify", "byo", "secrets",
    "roles", "deny", "accessControl", "defaultAccess", "storeName", "hostPID", "add", "deadLetterTopic",
    "readyctl.io/needs-api-access", "dir", "endpoint", "algorithm", "afterCallTool", "aggregationRule",
    "azureCredentials", "backendRequest", "category", "clientSecretRef", "credentialsFile", "csi", "deployment",
    "driver", "examples", "globalDefault", "headGroupSpec", "http2MaxRequests", "jobTemplate", "leaderTemplate",
    "leaderWorkerTemplate", "lint", "middleware", "minAvailable", "mtls", "params", "paths", "portLevelMtls",
    "portLevelSettings", "prefill", "privileged", "rayClusterConfig", "readyctl.io/traffic", "scopeSelector",
    "sensitive", "serviceAccount", "severity", "subsets", "targetRef", "worker", "workerGroupSpecs", "workerTemplate",
    "startupProbe", "ephemeralContainers", "hostIPC", "volumeMounts", "emptyDir", "configMap", "runAsGroup",
    "fsGroup", "status",
};

// Open addressing on the tag: a few hundred keys in 1,024 slots.
class KnownKeys {
public:
  KnownKeys()
  {
    for (size_t i = 0; i < std::size(k_known_keys); ++i) {
      const uint32_t tag = Node::key_tag(k_known_keys[i]);
      size_t at = slot(tag);
      while (m_slots[at] != 0 && m_tags[at] != tag) at = (at + 1) % m_slots.size();
      if (m_slots[at] == 0) {  // else an earlier key has this tag
        m_slots[at] = static_cast<uint16_t>(i + 1);
        m_tags[at] = tag;
      }
    }
  }

  std::string_view find(uint32_t tag) const
  {
    for (size_t at = slot(tag); m_slots[at] != 0; at = (at + 1) % m_slots.size())
      if (m_tags[at] == tag) return k_known_keys[m_slots[at] - 1];
    return {};
  }

private:
  static size_t slot(uint32_t tag) { return (tag * 2654435761u) >> 22; }  // Fibonacci hashing to 10 bits

  std::array<uint16_t, 1024> m_slots{};  // index into k_known_keys plus one; 0 is an empty slot
  std::array<uint32_t, 1024> m_tags{};   // each filled slot's tag, so a probe does not recompute it
};

static_assert(std::size(k_known_keys) < 1024 / 2, "keep the table at most half full");

}  // namespace

std::string_view known_key(uint32_t tag)
{
  static const KnownKeys keys;
  return keys.find(tag);
}

}  // namespace readyctl::yaml
