// What selectors pick, indexed by scope and label pair: the pod templates of each scope (Service, InferencePool,
// PodDisruptionBudget, NetworkPolicy, PodMonitor selectors) and the Services of each scope (ServiceMonitor).
#pragma once
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

// One labelled thing a selector may pick.
struct SelectorTarget {
  const Object* owner;
  const yaml::Node* labels;  // may be null
  const yaml::Node* at;      // where a related location points: the labels key, else the owner's metadata
  const PodTemplate* pod;    // null for a Service
};

// A selector in either shape: a plain label map (Service, InferencePool v1alpha2) or a LabelSelector.
struct SelectorRef {
  const yaml::Node* node = nullptr;
  bool map_form = false;

  bool matches(const yaml::Node* labels) const;
  const yaml::Node* pairs() const;  // the map, or matchLabels; null when there are none
  bool has_expressions() const;
  bool empty() const;  // no pairs and no expressions
  std::string describe() const;  // "app=vllm, tier=gpu" (+ "and 2 matchExpressions")
};

// An InferencePool's selector: v1alpha2 (inference.networking.x-k8s.io) has a plain label map, v1 a LabelSelector
// whose matchLabels holds the map.
SelectorRef inference_pool_selector(const Object& pool);

class SelectorTargets {
public:
  bool has_targets(std::string_view scope) const { return m_by_scope.contains(std::string(scope)); }
  // A target of the scope the selector matches, or null.
  const SelectorTarget* first_match(std::string_view scope, const SelectorRef& selector) const;
  // Every target of the scope the selector matches.
  std::vector<const SelectorTarget*> matches(std::string_view scope, const SelectorRef& selector) const;
  // The nearest near-miss in the scope: a target whose labels fail exactly one of the selector's pairs (another
  // value, or for a selector of several pairs a missing key); for a one-pair selector the other value must look
  // like a typo or a rename of the wanted one. Null when none is found among the first candidates.
  const SelectorTarget* near_miss(std::string_view scope, const SelectorRef& selector) const;
  // Targets of other scopes the selector matches (the same app in another namespace or directory), the first few.
  std::vector<const SelectorTarget*> matches_elsewhere(std::string_view scope, const SelectorRef& selector) const;
  // Targets of any scope whose labels meet the selector's pairs once their unfilled placeholders (`app: ${EPP_NAME}`,
  // filled in by envsubst or a test suite before applying) are taken for the wanted values.
  std::vector<const SelectorTarget*> placeholder_matches(const SelectorRef& selector) const;

protected:
  void add(const SelectorTarget& target);

private:
  // Ids that may match: those carrying the selector's rarest pair, else every target of the scope.
  const std::vector<size_t>* candidates(std::string_view scope, const SelectorRef& selector) const;
  const std::vector<size_t>* ids(const std::unordered_map<std::string, std::vector<size_t>>& map, const std::string& key) const;

  std::vector<SelectorTarget> m_targets;
  std::vector<size_t> m_with_placeholders;  // targets with a label value that is an unfilled placeholder
  std::unordered_map<std::string, std::vector<size_t>> m_by_scope;
  std::unordered_map<std::string, std::vector<size_t>> m_by_pair;         // scope, key, value
  std::unordered_map<std::string, std::vector<size_t>> m_by_key;          // scope, key
  std::unordered_map<std::string, std::vector<size_t>> m_by_global_pair;  // key, value
};

// Pod templates by their pods' labels.
class PodTargets : public SelectorTargets {
public:
  explicit PodTargets(const Graph& graph);

private:
  void add_prometheus_operator_pods(const Graph& graph);
};

// Core Services by their own labels (what a ServiceMonitor selects).
class ServiceTargets : public SelectorTargets {
public:
  explicit ServiceTargets(const Graph& graph);
};

}  // namespace readyctl::lint
