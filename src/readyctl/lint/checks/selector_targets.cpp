#include "readyctl/lint/checks/selector_targets.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/label_index.hpp"
#include "readyctl/lint/selector.hpp"

namespace readyctl::lint {
namespace {

// Candidates a near-miss or elsewhere search reads at most: it runs only for selectors that select nothing, and
// the bound keeps a scope of thousands of look-alike pods linear.
constexpr size_t k_search_limit = 64;

std::string scoped(std::string_view scope, std::string_view rest)
{
  std::string k(scope);
  k.push_back('\0');
  k.append(rest);
  return k;
}

// Pairs of `pairs` the labels fail: a missing key or another value.
size_t unmet_pairs(const yaml::Node* pairs, const yaml::Node* labels)
{
  size_t unmet = 0;
  for (auto [key, value] : pairs->entries()) {
    const yaml::Node* has = labels && labels->is_mapping() ? labels->get(key->str()) : nullptr;
    if (!has || has->str() != value->str()) ++unmet;
  }
  return unmet;
}

// Edit distance of two short strings (label values are at most 63 characters).
size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

// A value a reader would take for a rename or a typo of the other: one extends the other (vllm-llama, vllm-llama3)
// or they differ by at most two edits.
bool looks_alike(std::string_view a, std::string_view b)
{
  if (a.empty() || b.empty()) return false;
  return a.starts_with(b) || b.starts_with(a) || edit_distance(a.substr(0, 64), b.substr(0, 64)) <= 2;
}

bool has_placeholder_value(const yaml::Node* labels)
{
  if (!labels || !labels->is_mapping()) return false;
  for (auto [key, value] : labels->entries())
    if (is_unfilled_placeholder(value->str())) return true;
  return false;
}

// Where an unfilled placeholder starting at `at` ends: `${VAR}`, `$(VAR)`, `{{ ... }}`; npos when none starts there.
size_t placeholder_end(std::string_view v, size_t at)
{
  std::string_view rest = v.substr(at);
  std::string_view close = rest.starts_with("${") ? "}" : rest.starts_with("$(") ? ")" : rest.starts_with("{{") ? "}}" : "";
  if (close.empty()) return std::string_view::npos;
  size_t end = v.find(close, at + 2);
  return end == std::string_view::npos ? std::string_view::npos : end + close.size();
}

// The literal text of `pattern` between its placeholders: one more piece than there are placeholders.
std::vector<std::string_view> literal_pieces(std::string_view pattern)
{
  std::vector<std::string_view> pieces;
  size_t start = 0;
  for (size_t i = 0; i < pattern.size();) {
    const size_t end = placeholder_end(pattern, i);
    if (end == std::string_view::npos) {
      ++i;
      continue;
    }
    pieces.push_back(pattern.substr(start, i - start));
    start = i = end;
  }
  pieces.push_back(pattern.substr(start));
  return pieces;
}

// Whether `value` can be what `pattern` becomes once its placeholders are filled in: each placeholder stands for
// any text, the rest must be as written (`${PROJECT}-statefulset` is never `${PROJECT}-service`). The first and last
// pieces anchor the ends; the ones between are found left to right, each first place being as good as any (a
// placeholder stands for any text), so one pass decides it.
bool fills_to(std::string_view pattern, std::string_view value)
{
  const std::vector<std::string_view> pieces = literal_pieces(pattern);
  if (pieces.size() == 1) return pattern == value;
  const std::string_view head = pieces.front(), tail = pieces.back();
  if (head.size() + tail.size() > value.size() || !value.starts_with(head) || !value.ends_with(tail)) return false;
  std::string_view rest = value.substr(head.size(), value.size() - head.size() - tail.size());
  for (size_t i = 1; i + 1 < pieces.size(); ++i) {
    const size_t at = rest.find(pieces[i]);
    if (at == std::string_view::npos) return false;
    rest.remove_prefix(at + pieces[i].size());
  }
  return true;
}

// Every pair of the selector is met by the labels, where a placeholder of theirs stands for any text. A wanted
// value that is itself unfilled (`${PROJECT}-service`) is met only as written: two names still to be filled in are
// different names.
bool pairs_met_by_placeholders(const yaml::Node* pairs, const yaml::Node* labels)
{
  for (auto [key, value] : pairs->entries()) {
    const yaml::Node* has = labels->get(key->str());
    if (!has) return false;
    if (has->str() == value->str()) continue;
    if (is_unfilled_placeholder(value->str()) || !fills_to(has->str().substr(0, 128), value->str().substr(0, 128)))
      return false;
  }
  return true;
}

}  // namespace

bool SelectorRef::matches(const yaml::Node* labels) const
{
  return map_form ? map_selector_matches(node, labels) : label_selector_matches(node, labels);
}

const yaml::Node* SelectorRef::pairs() const
{
  const yaml::Node* p = map_form ? node : (node && node->is_mapping() ? node->get("matchLabels") : nullptr);
  return p && p->is_mapping() && p->size() > 0 ? p : nullptr;
}

bool SelectorRef::has_expressions() const
{
  const yaml::Node* e = map_form || !node || !node->is_mapping() ? nullptr : node->get("matchExpressions");
  return e && e->is_sequence() && e->size() > 0;
}

bool SelectorRef::empty() const { return !pairs() && !has_expressions(); }

std::string SelectorRef::describe() const
{
  std::string out;
  if (const yaml::Node* p = pairs())
    for (auto [key, value] : p->entries()) out += fmt::format("{}{}={}", out.empty() ? "" : ", ", key->str(), value->str());
  if (has_expressions())
    for (const yaml::Node* e : node->get("matchExpressions")->children()) {
      std::string values;
      if (const yaml::Node* v = e->get("values"); v && v->is_sequence())
        for (const yaml::Node* item : v->children()) values += fmt::format("{}{}", values.empty() ? "" : ", ", item->str());
      out += fmt::format("{}{} {}{}", out.empty() ? "" : ", ", e->str_at("key"), e->str_at("operator"),
                         values.empty() ? std::string() : fmt::format(" ({})", values));
    }
  return out;
}

SelectorRef inference_pool_selector(const Object& pool)
{
  const yaml::Node* selector = pool.spec ? pool.spec->get("selector") : nullptr;
  const bool label_selector =
      selector && selector->is_mapping() && (selector->get("matchLabels") || selector->get("matchExpressions"));
  return {selector, !label_selector};
}

void SelectorTargets::add(const SelectorTarget& target)
{
  const size_t id = m_targets.size();
  m_targets.push_back(target);
  if (has_placeholder_value(target.labels)) m_with_placeholders.push_back(id);
  std::string_view scope = target.owner->scope;
  m_by_scope[std::string(scope)].push_back(id);
  if (!target.labels || !target.labels->is_mapping()) return;
  for (auto [key, value] : target.labels->entries()) {
    m_by_pair[scoped(scope, label_pair_key(key->str(), value->str()))].push_back(id);
    m_by_key[scoped(scope, key->str())].push_back(id);
    m_by_global_pair[label_pair_key(key->str(), value->str())].push_back(id);
  }
}

const std::vector<size_t>* SelectorTargets::ids(const std::unordered_map<std::string, std::vector<size_t>>& map,
                                                const std::string& key) const
{
  auto it = map.find(key);
  return it == map.end() ? nullptr : &it->second;
}

const std::vector<size_t>* SelectorTargets::candidates(std::string_view scope, const SelectorRef& selector) const
{
  // The rarest of the selector's pairs: a pair every pod of the namespace carries (part-of, team) would make each
  // lookup a scan of the namespace.
  if (const yaml::Node* p = selector.pairs()) {
    const std::vector<size_t>* rarest = nullptr;
    for (auto [key, value] : p->entries()) {
      const std::vector<size_t>* c = ids(m_by_pair, scoped(scope, label_pair_key(key->str(), value->str())));
      if (!c) return nullptr;
      if (!rarest || c->size() < rarest->size()) rarest = c;
    }
    return rarest;
  }
  return ids(m_by_scope, std::string(scope));
}

const SelectorTarget* SelectorTargets::first_match(std::string_view scope, const SelectorRef& selector) const
{
  if (const std::vector<size_t>* c = candidates(scope, selector))
    for (size_t id : *c)
      if (selector.matches(m_targets[id].labels)) return &m_targets[id];
  return nullptr;
}

std::vector<const SelectorTarget*> SelectorTargets::matches(std::string_view scope, const SelectorRef& selector) const
{
  std::vector<const SelectorTarget*> out;
  if (const std::vector<size_t>* c = candidates(scope, selector))
    for (size_t id : *c)
      if (selector.matches(m_targets[id].labels)) out.push_back(&m_targets[id]);
  return out;
}

const SelectorTarget* SelectorTargets::near_miss(std::string_view scope, const SelectorRef& selector) const
{
  const yaml::Node* pairs = selector.pairs();
  if (!pairs) return nullptr;
  // A near-miss carries one of the selector's pairs, or (for a one-pair selector) its key with another value.
  size_t read = 0;
  for (auto [key, value] : pairs->entries()) {
    const std::vector<size_t>* c = pairs->size() == 1 ? ids(m_by_key, scoped(scope, key->str()))
                                                       : ids(m_by_pair, scoped(scope, label_pair_key(key->str(), value->str())));
    if (!c) continue;
    for (size_t id : *c) {
      if (++read > k_search_limit) return nullptr;
      if (unmet_pairs(pairs, m_targets[id].labels) != 1) continue;
      if (pairs->size() > 1 || looks_alike(m_targets[id].labels->str_at(key->str()), value->str())) return &m_targets[id];
    }
  }
  return nullptr;
}

std::vector<const SelectorTarget*> SelectorTargets::matches_elsewhere(std::string_view scope,
                                                                     const SelectorRef& selector) const
{
  std::vector<const SelectorTarget*> out;
  const yaml::Node* pairs = selector.pairs();
  if (!pairs) return out;
  auto [key, value] = *pairs->entries().begin();
  const std::vector<size_t>* c = ids(m_by_global_pair, label_pair_key(key->str(), value->str()));
  if (!c) return out;
  size_t read = 0;
  for (size_t id : *c) {
    if (++read > k_search_limit) break;
    const SelectorTarget& t = m_targets[id];
    if (t.owner->scope != scope && selector.matches(t.labels)) out.push_back(&t);
  }
  return out;
}

std::vector<const SelectorTarget*> SelectorTargets::placeholder_matches(const SelectorRef& selector) const
{
  std::vector<const SelectorTarget*> out;
  const yaml::Node* pairs = selector.pairs();
  if (!pairs || selector.has_expressions()) return out;
  for (size_t id : m_with_placeholders)
    if (pairs_met_by_placeholders(pairs, m_targets[id].labels)) out.push_back(&m_targets[id]);
  return out;
}

PodTargets::PodTargets(const Graph& graph)
{
  for (const PodTemplate& pod : graph.pods()) {
    const yaml::Node* labels = pod.labels();
    const yaml::Node* at = labels && pod.metadata ? pod.metadata->key_node("labels") : pod.owner->root->key_node("metadata");
    add({pod.owner, labels, at, &pod});
  }
  // agent-sandbox v0.5.6 extensions/controllers/sandboxclaim_controller.go mergePodMetadata: a SandboxClaim's
  // additionalPodMetadata labels are added to the pod it adopts (from its template or warm pool), so a Service
  // can select the claimed pod by them.
  for (const Object* claim : graph.of_kind("SandboxClaim")) {
    const yaml::Node* labels = claim->spec ? claim->spec->path({"additionalPodMetadata", "labels"}) : nullptr;
    if (claim->group == "extensions.agents.x-k8s.io" && labels && labels->is_mapping())
      add({claim, labels, claim->spec->path({"additionalPodMetadata"})->key_node("labels"), nullptr});
  }
  add_prometheus_operator_pods(graph);
}

// prometheus-operator pkg/prometheus/server/statefulset.go, pkg/alertmanager/statefulset.go,
// pkg/thanos/statefulset.go: the StatefulSet it makes for a Prometheus, PrometheusAgent, Alertmanager or ThanosRuler
// gives its pods spec.podMetadata.labels, besides labels of its own (k_injected_labels in dangling_selector.cpp).
void PodTargets::add_prometheus_operator_pods(const Graph& graph)
{
  for (std::string_view kind : {"Prometheus", "PrometheusAgent", "Alertmanager", "ThanosRuler"})
    for (const Object* o : graph.of_kind(kind)) {
      const yaml::Node* meta = o->spec && o->group == "monitoring.coreos.com" ? o->spec->get("podMetadata") : nullptr;
      const yaml::Node* labels = meta && meta->is_mapping() ? meta->get("labels") : nullptr;
      if (labels && labels->is_mapping()) add({o, labels, meta->key_node("labels"), nullptr});
    }
}

ServiceTargets::ServiceTargets(const Graph& graph)
{
  for (const Object* s : graph.of_kind("Service")) {
    if (!s->group.empty()) continue;
    const yaml::Node* labels = s->labels();
    add({s, labels, labels ? s->metadata->key_node("labels") : s->root->key_node("metadata"), nullptr});
  }
}

}  // namespace readyctl::lint
