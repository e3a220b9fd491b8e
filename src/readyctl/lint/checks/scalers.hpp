// Autoscalers (HPA, KEDA ScaledObject) and the workloads they scale, shared by the replica-count rules.
#pragma once
#include <algorithm>
#include <optional>
#include <string>
#include <unordered_map>
#include <string_view>
#include <vector>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

struct Scaler {
  const Object* object = nullptr;      // the HorizontalPodAutoscaler or ScaledObject
  const yaml::Node* target_ref = nullptr;
  std::string_view target_kind;         // ScaledObject defaults to Deployment
  std::string_view target_name;
  long long min_replicas = 1;           // HPA default 1, ScaledObject default 0
  const yaml::Node* min_node = nullptr; // null when defaulted
};

inline bool is_hpa(const Object& o) { return o.is("HorizontalPodAutoscaler", "autoscaling"); }
inline bool is_scaled_object(const Object& o) { return o.is("ScaledObject", "keda.sh"); }

inline std::optional<Scaler> make_scaler(const Object& o)
{
  if (!o.spec || !o.spec->is_mapping()) return std::nullopt;
  bool hpa = is_hpa(o);
  if (!hpa && !is_scaled_object(o)) return std::nullopt;
  Scaler s;
  s.object = &o;
  s.target_ref = o.spec->get("scaleTargetRef");
  if (!s.target_ref || !s.target_ref->is_mapping()) return std::nullopt;
  const yaml::Node* kind = s.target_ref->get("kind");
  const yaml::Node* name = s.target_ref->get("name");
  if (!name) return std::nullopt;
  s.target_kind = kind ? kind->str() : std::string_view(hpa ? "" : "Deployment");
  s.target_name = name->str();
  s.min_replicas = hpa ? 1 : 0;
  s.min_node = o.spec->get(hpa ? "minReplicas" : "minReplicaCount");
  if (s.min_node)
    if (std::optional<long long> v = s.min_node->as_int32()) s.min_replicas = *v;
  return s;
}

inline std::vector<Scaler> all_scalers(const Graph& graph)
{
  std::vector<Scaler> out;
  for (std::string_view kind : {"HorizontalPodAutoscaler", "ScaledObject"})
    for (const Object* o : graph.of_kind(kind))
      if (std::optional<Scaler> s = make_scaler(*o)) out.push_back(*s);
  return out;
}

// Objects by (kind, namespace, name), so scale targets resolve without a scan per autoscaler.
class TargetIndex {
public:
  explicit TargetIndex(const Graph& graph, const std::vector<Scaler>& scalers)
  {
    std::vector<std::string_view> kinds;
    for (const Scaler& s : scalers)
      if (std::find(kinds.begin(), kinds.end(), s.target_kind) == kinds.end()) kinds.push_back(s.target_kind);
    for (std::string_view kind : kinds)
      for (const Object* o : graph.of_kind(kind)) m_objects.emplace(key(o->kind, o->scope, o->name), o);
  }
  static std::string target_key(const Scaler& s) { return key(s.target_kind, s.object->scope, s.target_name); }
  static std::string object_key(const Object& o) { return key(o.kind, o.scope, o.name); }
  const Object* find(const Scaler& s) const
  {
    auto it = m_objects.find(key(s.target_kind, s.object->scope, s.target_name));
    return it == m_objects.end() ? nullptr : it->second;
  }

private:
  static std::string key(std::string_view kind, std::string_view ns, std::string_view name)
  {
    std::string k;
    k.reserve(kind.size() + ns.size() + name.size() + 2);
    k.append(kind).push_back('\0');
    k.append(ns).push_back('\0');
    k.append(name);
    return k;
  }
  std::unordered_map<std::string, const Object*> m_objects;
};

// The first autoscaler (in input order) of each workload, so a workload finds it without scanning every autoscaler.
class FirstScalers {
public:
  explicit FirstScalers(const std::vector<Scaler>& scalers)
  {
    for (const Scaler& s : scalers) m_first.emplace(TargetIndex::target_key(s), &s);
  }
  const Scaler* of(const Object& workload) const
  {
    auto it = m_first.find(TargetIndex::object_key(workload));
    return it == m_first.end() ? nullptr : it->second;
  }

private:
  std::unordered_map<std::string, const Scaler*> m_first;
};

}  // namespace readyctl::lint
