// What each probe type observes: one attempt on its type's resolved spec (probe_spec.hpp), returning its output
// object (never throwing for a dead target). The rows of probe_types.cpp point at the run_*_probe functions.
#pragma once
#include <map>
#include <string>

#include "readyctl/gameday/scenario.hpp"
#include "readyctl/io/http.hpp"

namespace readyctl::gameday {

struct ProbeEnv;

Json run_http_probe(const HttpSpec& spec, double timeout, ProbeEnv& env);
Json run_prometheus_probe(const PrometheusSpec& spec, double timeout, ProbeEnv& env);
Json run_exec_probe(const CommandSpec& spec, double timeout, ProbeEnv& env);
Json run_kubernetes_probe(const KubeGetSpec& spec, double timeout, ProbeEnv& env);
Json run_process_probe(const ProcessProbeSpec& spec, double timeout, ProbeEnv& env);
Json run_dapr_workflow_probe(const DaprWorkflowSpec& spec, double timeout, ProbeEnv& env);

// A resolved `http` block (probe or action) as a request; `method` defaults to default_method.
io::HttpRequest http_request(const HttpSpec& spec, const std::string& default_method);

// The output of an HTTP exchange: status, body (trimmed), json (when the body parses), elapsed, error.
Json http_output(const io::HttpRequest& request, double timeout);

}  // namespace readyctl::gameday
