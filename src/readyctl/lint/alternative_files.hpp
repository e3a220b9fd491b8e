// Alternative files: test suites keep alternative outputs of one object side by side (Envoy Gateway's
// testdata/pdb/default.yaml and max-unavailable.yaml both hold PodDisruptionBudget envoy-default-37a8eec1;
// KubeRay's historyserver.yaml, -gcs.yaml and -azureblob.yaml each hold Deployment historyserver-demo, beside the
// rbac.yaml all three need). Applied together they would overwrite each other, so nobody applies them together, and
// joining them in one unit makes one object count as several ("selected by 5 PodDisruptionBudgets", an autoscaler
// "fighting" its own copy).
#pragma once

#include "readyctl/lint/manifest_loader.hpp"

namespace readyctl::lint {

// Two plain files of one directory that define the same object of a kind cross-resource rules count (a workload, a
// PodDisruptionBudget, an autoscaler, a Service) are alternatives. Each becomes a unit of its own, together with
// copies of the other plain files of its directory (what it is applied with); the other plain files stay one unit.
// Copies are appended after every unit and counted in ManifestSet::copied_objects; a finding on a copy has the
// position of its original, so it is reported once. Called once every file is loaded, before scopes are set.
void split_alternative_files(ManifestSet& set);

}  // namespace readyctl::lint
