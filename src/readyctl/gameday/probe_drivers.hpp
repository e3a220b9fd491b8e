// What each probe type observes: one attempt on a substituted spec, read into the type's own struct, returning its
// output object (never throwing for a dead target). The rows of probe_types.cpp point at the run_*_probe functions.
#pragma once
#include <map>
#include <string>

#include "readyctl/gameday/scenario.hpp"
#include "readyctl/io/http.hpp"

namespace readyctl::gameday {

struct ProbeEnv;

Json run_http_probe(const Json& spec, double timeout, ProbeEnv& env);
Json run_prometheus_probe(const Json& spec, double timeout, ProbeEnv& env);
Json run_exec_probe(const Json& spec, double timeout, ProbeEnv& env);
Json run_kubernetes_probe(const Json& spec, double timeout, ProbeEnv& env);
Json run_process_probe(const Json& spec, double timeout, ProbeEnv& env);
Json run_dapr_workflow_probe(const Json& spec, double timeout, ProbeEnv& env);

// An `http` probe's or action's block: `url`, `method` (else default_method), `headers`, and `json` (sent as JSON,
// with its Content-Type) or `body`.
io::HttpRequest http_request(const Json& spec, const std::string& default_method);

// The output of an HTTP exchange: status, body (trimmed), json (when the body parses), elapsed, error.
Json http_output(const io::HttpRequest& request, double timeout);

}  // namespace readyctl::gameday
