// Whether a pod runs a Kubernetes controller: signs in its containers that the process is an API client by
// construction, for rules that must not ask such a pod to give up its ServiceAccount token.
#pragma once
#include "readyctl/lint/pod_template.hpp"

namespace readyctl::lint {

// True when a regular container of the pod
//   - passes a leader-election flag (`--leader-elect`, `--leader-elect=true`, `--enable-leader-election`,
//     `--leader-election`): leader election takes a Lease through the API, nothing else uses it;
//   - runs kubebuilder's controller-manager binary (`/manager` as its command);
//   - reads its own namespace from the downward API (`fieldRef: metadata.namespace`) into `SYSTEM_NAMESPACE` or
//     `POD_NAMESPACE`, the variables client-go controllers (knative.dev/pkg/system, controller-runtime's leader
//     election) read to find their ConfigMaps, Leases and informers' namespace.
// A flag switched off (`--leader-elect=false`) is no signal.
bool runs_controller(const PodTemplate& pod);

}  // namespace readyctl::lint
