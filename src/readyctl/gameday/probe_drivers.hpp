// What each probe type observes: one attempt, returning its output object (never throwing for a dead target).
#pragma once
#include <string>

#include "readyctl/gameday/probes.hpp"

namespace readyctl::gameday {

Json run_probe_driver(const std::string& type, const Json& spec, double timeout, ProbeEnv& env);

// The output of an HTTP exchange: status, body (trimmed), json (when the body parses), elapsed, error.
Json http_output(const Json& spec, const std::string& default_method, double timeout);

// Header map from a spec's `headers`, with `${env.X}` already resolved by the caller.
std::map<std::string, std::string> header_map(const Json& spec);

}  // namespace readyctl::gameday
