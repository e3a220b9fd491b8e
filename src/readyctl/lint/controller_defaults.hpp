// What operators fill into the pods they create when a manifest leaves a field unset: one row per (kind, field),
// each citing the upstream file and tag it was read from, so rules judge the pods that will really run.
#pragma once
#include <optional>
#include <span>
#include <string_view>

#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {

// Which containers of a pod a default lands in.
enum class InjectScope {
  pod,      // a pod-level field (terminationGracePeriodSeconds): looked up with container null
  primary,  // the operator's own container (PodTemplate::primary)
  serving,  // Knative's serving container: the only container, or every container that declares ports
  every,    // every regular (non-init) container
};

struct ControllerDefault {
  std::string_view group;  // the owner's canonical API group
  std::string_view kinds;  // owner kinds, '|'-separated
  std::string_view parts;  // PodTemplate::part values, '|'-separated, or "*"
  InjectScope scope;
  std::string_view field;  // "readinessProbe", "lifecycle.preStop", "securityContext.runAsNonRoot", "resources", ...
  std::string_view value;  // what is injected, as a manifest would write it, or a short description of a block
  std::string_view from_field;          // a pod-spec field whose value is copied in when set ("" for none)
  bool (*applies)(const PodTemplate&);  // a further condition on the owner (a deployment mode); null for none
  std::string_view source;              // upstream repository, tag, file and function
};

std::span<const ControllerDefault> controller_defaults();

// The row for `field` of `container` (null for a pod-level field) in `pod`, if its controller injects one.
const ControllerDefault* find_controller_default(const PodTemplate& pod, std::string_view field,
                                                 const yaml::Node* container);

// The controller injects exactly `value` into `field` (a rule accepts only some values: runAsNonRoot "true").
bool injects_value(const PodTemplate& pod, const yaml::Node* container, std::string_view field, std::string_view value);

// A pod-level integer default as it will run: the `from_field` value when the spec sets it, else the row's value.
std::optional<long long> injected_int(const PodTemplate& pod, const ControllerDefault& row);

}  // namespace readyctl::lint
