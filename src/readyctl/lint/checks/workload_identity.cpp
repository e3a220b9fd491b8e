// workload-identity: agent workloads carry a verifiable SPIFFE identity (SPIRE ClusterSPIFFEID or the SPIFFE CSI volume).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "readyctl/lint/checks/agents.hpp"
#include "readyctl/lint/checks/cluster_checks.hpp"
#include "readyctl/lint/selector.hpp"
#include "readyctl/yaml/document.hpp"

namespace readyctl::lint {
namespace {

constexpr std::string_view k_spiffe_csi = "csi.spiffe.io";

// A Namespace's labels as the API server shows them: its own plus kubernetes.io/metadata.name, so namespace
// selectors are evaluated by the shared selector code even when the Namespace object is not in the input.
class NamespaceLabels {
public:
  explicit NamespaceLabels(const Graph& graph) : m_graph(graph) {}

  const yaml::Node* of(std::string_view ns)
  {
    auto it = m_cache.find(ns);
    if (it != m_cache.end()) return it->second->doc.root;
    std::string text = fmt::format("\"kubernetes.io/metadata.name\": \"{}\"\n", ns);
    if (const Object* n = m_graph.find("Namespace", "", ns))
      if (const yaml::Node* labels = n->labels(); labels && labels->is_mapping())
        for (auto [key, value] : labels->entries())
          if (key->str() != "kubernetes.io/metadata.name")
            text += fmt::format("\"{}\": \"{}\"\n", key->str(), value->str());
    auto entry = std::make_unique<Entry>(std::string(ns), std::move(text));
    const yaml::Node* root = entry->doc.root;
    m_cache.emplace(std::string(ns), std::move(entry));
    return root;
  }

private:
  struct Entry {
    Entry(std::string ns, std::string text) : file("namespace " + ns, std::move(text)), doc(yaml::parse_single_document(file)) {}
    yaml::SourceFile file;
    yaml::Document doc;
  };
  const Graph& m_graph;
  std::map<std::string, std::unique_ptr<Entry>, std::less<>> m_cache;
};

// spire-controller-manager: an absent selector places no constraint (the chart's default ClusterSPIFFEID selects
// every pod through a namespaceSelector alone).
bool selects(const yaml::Node* selector, const yaml::Node* labels)
{
  return !selector || selector->is_null() || label_selector_matches(selector, labels);
}

const Object* spiffe_id_for(const Graph& graph, NamespaceLabels& namespaces, std::string_view ns, const yaml::Node* labels)
{
  for (const Object* id : graph.of_kind("ClusterSPIFFEID")) {
    if (id->group != "spire.spiffe.io" || !id->spec || !id->spec->is_mapping()) continue;
    if (selects(id->spec->get("podSelector"), labels) && selects(id->spec->get("namespaceSelector"), namespaces.of(ns)))
      return id;
  }
  return nullptr;
}

bool has_spiffe_csi_volume(const yaml::Node* spec)
{
  const yaml::Node* volumes = spec ? spec->get("volumes") : nullptr;
  if (!volumes || !volumes->is_sequence()) return false;
  for (const yaml::Node* v : volumes->children())
    if (const yaml::Node* driver = v->path({"csi", "driver"}); driver && driver->str() == k_spiffe_csi) return true;
  return false;
}

// kagent Agents put pod settings under spec.declarative.deployment or spec.byo.deployment; any `volumes` list in
// the spec holding the SPIFFE CSI driver counts.
bool mentions_spiffe_csi(const yaml::Node* node, int depth = 0)
{
  if (!node || depth > 8) return false;
  if (node->is_mapping() && has_spiffe_csi_volume(node)) return true;
  if (node->is_mapping()) {
    for (auto [key, value] : node->entries())
      if (mentions_spiffe_csi(value, depth + 1)) return true;
  } else if (node->is_sequence()) {
    for (const yaml::Node* item : node->children())
      if (mentions_spiffe_csi(item, depth + 1)) return true;
  }
  return false;
}

void report(const CheckContext& ctx, const Object& owner, const yaml::Node* at, std::string_view why)
{
  ctx.sink.report(owner, at,
                  fmt::format("agent {} has no verifiable workload identity ({}): no ClusterSPIFFEID in the input "
                              "selects its pods and it mounts no {} volume",
                              owner.display_name(), why, k_spiffe_csi));
}

}  // namespace

void check_workload_identity(const CheckContext& ctx)
{
  std::vector<std::string> agent_labels = ctx.rule.param_strings("agentLabels");
  NamespaceLabels namespaces(ctx.graph);
  const Object* last = nullptr;
  for (const PodTemplate& pod : ctx.graph.pods()) {
    bool by_pod = has_any_label(pod.labels(), agent_labels);
    if (!by_pod && !has_any_label(pod.owner->labels(), agent_labels)) continue;
    if (pod.owner == last || has_spiffe_csi_volume(pod.spec)) continue;
    if (spiffe_id_for(ctx.graph, namespaces, pod.owner->ns, pod.labels())) continue;
    last = pod.owner;
    const yaml::Node* at = by_pod && pod.labels() ? pod.metadata->key_node("labels") : pod.owner->root->key_node("metadata");
    report(ctx, *pod.owner, at, "labelled as an agent");
  }
  for (const Object& o : ctx.graph.objects()) {
    if (!is_kagent_agent(o) || mentions_spiffe_csi(o.spec)) continue;
    if (spiffe_id_for(ctx.graph, namespaces, o.ns, o.labels())) continue;
    report(ctx, o, o.root->key_node("metadata"), fmt::format("a kagent {}", o.kind));
  }
}

}  // namespace readyctl::lint
