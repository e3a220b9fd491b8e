// The workload area's check families, alphabetically.
#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {

std::span<const CheckFamily> workload_check_families()
{
  // The variants and parameters the families declare (lint/family_contract.hpp).
  static constexpr ParamSpec gpu_node_pool[] = {
      {"nodePoolLabels", ParamType::string_list,
       R"(["node.kubernetes.io/instance-type", "beta.kubernetes.io/instance-type", "cloud.google.com/gke-nodepool",
           "eks.amazonaws.com/nodegroup", "karpenter.sh/nodepool", "kubernetes.azure.com/agentpool", "agentpool",
           "feature.node.kubernetes.io/pci-10de.present"])",
       "node label keys that select a node pool, besides any key containing gpu or accelerator"},
      {"taintKeys", ParamType::string_list, R"(["nvidia.com/gpu", "amd.com/gpu", "gpu.intel.com/i915", "gpu.intel.com/xe", "sku"])",
       "taint keys GPU node pools carry, besides any key or value containing gpu or accelerator"},
      {"requireToleration", ParamType::boolean, "true", "report GPU pods without a GPU toleration"},
  };
  static constexpr ParamSpec graceful_shutdown[] = {
      {"minGracePeriodSeconds", ParamType::integer, "60", "smallest terminationGracePeriodSeconds accepted without a preStop hook"},
  };
  static constexpr ParamSpec image_pinned[] = {
      {"movingTags", ParamType::string_list, R"(["latest", "latest-*", "main", "master", "dev", "nightly", "edge", "stable"])",
       "tags (globs) that point at a different image over time"},
      {"requireDigest", ParamType::boolean, "false", "require an @sha256 digest on every image"},
  };
  static constexpr std::string_view priority_rules[] = {"batch-isolation", "priority-class"};
  static constexpr ParamSpec priority[] = {
      {"cpuWorkloads", ParamType::boolean, "false",
       "also report workloads that request no GPUs and set no priorityClassName", "priority-class"},
  };
  static constexpr ParamSpec probes[] = {
      {"minTimeoutSeconds", ParamType::integer, "2", "smallest timeoutSeconds accepted on a model server's probes"},
      {"maxTimeoutSeconds", ParamType::integer, "60", "largest timeoutSeconds accepted on a model server's probes"},
      {"toleratedMissWindowSeconds", ParamType::integer, "120",
       "a shorter timeout is accepted on a probe whose failureThreshold x periodSeconds reaches this"},
      k_model_server_images_param,
  };
  static constexpr std::string_view security_context_rules[] = {
      "capabilities", "host-path", "privilege-escalation", "privileged", "read-only-root-fs", "run-as-non-root", "seccomp"};
  static constexpr ParamSpec security_context[] = {
      {"forbiddenAdds", ParamType::string_list,
       R"(["ALL", "SYS_ADMIN", "NET_ADMIN", "NET_RAW", "SYS_PTRACE", "SYS_MODULE", "SYS_RAWIO", "SYS_BOOT", "SYS_TIME",
           "DAC_READ_SEARCH", "BPF", "PERFMON", "MAC_ADMIN", "SETFCAP"])",
       "capabilities that must never be added", "capabilities"},
  };
  static constexpr std::string_view service_account_rules[] = {"sa-token-automount", "service-account"};
  static constexpr ParamSpec model_servers[] = {
      k_model_server_images_param,
  };
  static constexpr ParamSpec model_cache_storage[] = {
      k_model_server_images_param,
      {"cacheEnv", ParamType::string_list,
       R"(["HF_HOME", "HF_HUB_CACHE", "HUGGINGFACE_HUB_CACHE", "TRANSFORMERS_CACHE", "OLLAMA_MODELS"])",
       "environment variables whose value is where a model server keeps downloaded weights"},
      {"cacheFlags", ParamType::string_list, R"(["--download-dir", "--download_dir", "--huggingface-hub-cache"])",
       "command-line flags whose value is where a model server keeps downloaded weights"},
  };
  static constexpr ParamSpec job_limits[] = {
      {"maxBackoffLimit", ParamType::integer, "6", "largest backoffLimit accepted on a GPU Job"},
  };
  static constexpr ParamSpec required_metadata[] = {
      {"labels", ParamType::string_list, R"(["owner"])", "label keys every object in scope carries, with a value"},
      {"annotations", ParamType::string_list, R"(["email"])",
       "annotation keys every object in scope carries, with a value (an e-mail address when the key ends in email)"},
      {"instanceLabelMatchesName", ParamType::boolean, "true",
       "workloads carry app.kubernetes.io/instance equal to metadata.name"},
      {"kinds", ParamType::string_list, R"(["workloads", "Service"])",
       "the objects the policy applies to, as rule files write kinds (a kind, workloads, or *)"},
  };
  static constexpr ParamSpec secret_literal[] = {
      {"secretEnvRefs", ParamType::boolean, "false",
       "also report, as a note, env vars read from a Secret (secretKeyRef, envFrom secretRef)"},
  };
  static constexpr ParamSpec workload_rbac[] = {
      {"controllerRoles", ParamType::boolean, "false",
       "also report, as notes, the pods of a controller: their ServiceAccount holds a role that writes status or "
       "finalizers"},
  };
  static constexpr CheckFamily families[] = {
      {"env-duplicate", &check_env_duplicate, CheckScope::per_object, {}},
      {"api-validity", &check_api_validity, CheckScope::per_object, {}},
      {"gpu-limits", &check_gpu_limits, CheckScope::per_object, {}},
      {"gpu-node-pool", &check_gpu_node_pool, CheckScope::per_object, {{}, gpu_node_pool}},
      {"graceful-shutdown", &check_graceful_shutdown, CheckScope::per_object, {{}, graceful_shutdown}},
      {"image-pinned", &check_image_pinned, CheckScope::per_object, {{}, image_pinned}},
      {"job-limits", &check_job_limits, CheckScope::per_object, {{}, job_limits}},
      {"kernel-hardening", &check_kernel_hardening, CheckScope::per_object, {}},
      {"model-cache-storage", &check_model_cache_storage, CheckScope::per_object, {{}, model_cache_storage}},
      {"priority", &check_priority, CheckScope::per_object, {priority_rules, priority}},
      {"probes", &check_probes, CheckScope::per_object, {{}, probes}},
      {"replica-spread", &check_replica_spread, CheckScope::per_object, {{}, model_servers}},
      {"remote-shell", &check_remote_shell, CheckScope::per_object, {}},
      {"required-metadata", &check_required_metadata, CheckScope::per_object, {{}, required_metadata}},
      {"resources", &check_resources, CheckScope::per_object, {}},
      {"rollout-capacity", &check_rollout_capacity, CheckScope::per_object, {{}, model_servers}},
      {"secret-literal", &check_secret_literal, CheckScope::per_object, {{}, secret_literal}},
      {"security-context", &check_security_context, CheckScope::per_object, {security_context_rules, security_context}},
      {"selector-match", &check_selector_match, CheckScope::per_object, {}},
      {"service-account", &check_service_account, CheckScope::per_object, {service_account_rules, {}}},
      {"static-cloud-credentials", &check_static_cloud_credentials, CheckScope::per_object, {}},
      {"workload-rbac", &check_workload_rbac, CheckScope::per_object, {{}, workload_rbac}},
  };
  return families;
}

}  // namespace readyctl::lint
