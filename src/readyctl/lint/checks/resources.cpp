// resources: every container states CPU and memory requests and a memory limit; a GPU container's memory request
// equals its limit.
#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/lint/controller_defaults.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

// A quantity value, or a finding when it does not parse (the API server would reject the object).
std::optional<double> quantity_at(const CheckContext& ctx, const Object& o, const ContainerRef& c, const yaml::Node* n,
                                  std::string_view what)
{
  if (!n) return std::nullopt;
  std::optional<double> q = parse_quantity(n->str());
  if (!q) ctx.sink.report(o, n, fmt::format("{} has a malformed {} quantity '{}'", c.label(), what, n->str()));
  return q;
}

void check_container(const CheckContext& ctx, const PodTemplate& pod, const ContainerRef& c)
{
  const Object& o = *pod.owner;
  const yaml::Node* resources = c.node->get("resources");
  const yaml::Node* requests = resources ? resources->get("requests") : nullptr;
  const yaml::Node* limits = resources ? resources->get("limits") : nullptr;
  auto field = [](const yaml::Node* block, std::string_view key) { return block ? block->get(key) : nullptr; };
  // Kubernetes copies a limit into an absent request, so a limit alone also sets the request.
  std::optional<double> cpu_request = quantity_at(ctx, o, c, field(requests, "cpu"), "requests.cpu");
  std::optional<double> mem_request = quantity_at(ctx, o, c, field(requests, "memory"), "requests.memory");
  std::optional<double> cpu_limit = quantity_at(ctx, o, c, field(limits, "cpu"), "limits.cpu");
  std::optional<double> mem_limit = quantity_at(ctx, o, c, field(limits, "memory"), "limits.memory");
  std::vector<std::string> missing;
  if (!field(requests, "cpu") && !field(limits, "cpu")) missing.emplace_back("CPU request");
  if (!field(requests, "memory") && !field(limits, "memory")) missing.emplace_back("memory request");
  if (!field(limits, "memory")) missing.emplace_back("memory limit");
  const yaml::Node* at = resources ? c.node->key_node("resources") : c.node;
  // The operator fills in requests and limits the manifest leaves out (lint/controller_defaults.cpp).
  if (!missing.empty() && !pod.injected("resources", c.node))
    ctx.sink.report(o, at, fmt::format("{} sets no {}", c.label(), join(missing, ", no ")));
  if (mem_request && mem_limit && *mem_limit < *mem_request)
    ctx.sink.report(o, field(limits, "memory"),
                    fmt::format("{} memory limit {} is below its request {} (rejected by the API server)", c.label(),
                                field(limits, "memory")->str(), field(requests, "memory")->str()));
  else if (mem_request && mem_limit && *mem_request < *mem_limit && container_uses_gpu(c.node))
    ctx.sink.report(o, field(requests, "memory"),
                    fmt::format("{} requests a GPU and memory {} below its limit {}: the scheduler packs the node by "
                                "the request, and under memory pressure the kubelet evicts pods above their request "
                                "first, so the model server goes and reloads its weights", c.label(),
                                field(requests, "memory")->str(), field(limits, "memory")->str()));
  if (cpu_request && cpu_limit && *cpu_limit < *cpu_request)
    ctx.sink.report(o, field(limits, "cpu"),
                    fmt::format("{} CPU limit {} is below its request {} (rejected by the API server)", c.label(),
                                field(limits, "cpu")->str(), field(requests, "cpu")->str()));
}

}  // namespace

void check_resources(const CheckContext& ctx)
{
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) check_container(ctx, pod, c);
}

}  // namespace readyctl::lint
