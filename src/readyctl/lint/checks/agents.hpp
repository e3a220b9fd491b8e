// What counts as an AI agent workload, for the rules that hold agents to stricter isolation and identity.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/lint/object.hpp"

namespace readyctl::lint {

// kagent's Agent and SandboxAgent (kagent.dev): the controller runs them as Deployments of their own.
inline bool is_kagent_agent(const Object& o)
{
  return o.group == "kagent.dev" && (o.kind == "Agent" || o.kind == "SandboxAgent");
}

// True when `labels` carries one of the `key=value` pairs (a bare `key` matches any value).
inline bool has_any_label(const yaml::Node* labels, const std::vector<std::string>& pairs)
{
  if (!labels || !labels->is_mapping()) return false;
  for (const std::string& pair : pairs) {
    size_t eq = pair.find('=');
    std::string_view key = std::string_view(pair).substr(0, eq);
    const yaml::Node* v = labels->get(key);
    if (v && (eq == std::string::npos || v->str() == std::string_view(pair).substr(eq + 1))) return true;
  }
  return false;
}

}  // namespace readyctl::lint
