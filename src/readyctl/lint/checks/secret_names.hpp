// The names of the Secrets an input defines or references (a core Secret object; a pod's `secret` volume,
// `secretKeyRef` or `envFrom.secretRef`): a command-line value that is one of them names a Secret, it is not one.
#pragma once
#include <set>
#include <string>
#include <string_view>

#include "readyctl/lint/graph.hpp"

namespace readyctl::lint {

class SecretNames {
public:
  explicit SecretNames(const Graph& graph);
  bool contains(std::string_view name) const { return m_names.find(name) != m_names.end(); }

private:
  std::set<std::string, std::less<>> m_names;
};

}  // namespace readyctl::lint
