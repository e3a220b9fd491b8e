// Walks YAML nodes against the scenario schema, recording every problem instead of stopping at the first.
#pragma once
#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/gameday/loader.hpp"
#include "readyctl/yaml/node.hpp"

namespace readyctl::gameday {

class Checker {
public:
  explicit Checker(std::string file) : m_file(std::move(file)) {}

  void problem(const yaml::Node* node, std::string message);
  Location where(const yaml::Node* node) const;
  std::vector<Problem>& problems() { return m_problems; }

  // Each returns false (after recording a problem) when the node has the wrong shape.
  bool mapping(const yaml::Node* node, std::string_view what);
  bool sequence(const yaml::Node* node, std::string_view what);
  bool scalar(const yaml::Node* node, std::string_view what);
  // Records a problem for each key not in `allowed`.
  void known_keys(const yaml::Node* map, std::initializer_list<std::string_view> allowed, std::string_view what);
  void known_keys(const yaml::Node* map, std::span<const std::string_view> allowed, std::string_view what);
  // The child, or nullptr after recording "missing 'key'" on the mapping.
  const yaml::Node* required(const yaml::Node* map, std::string_view key, std::string_view what);
  // A duration text ("5s"); `${...}` is accepted here and checked at run time.
  void duration(const yaml::Node* node, std::string_view what);
  std::optional<long long> integer(const yaml::Node* node, std::string_view what, long long min, long long max);
  std::string text(const yaml::Node* node) const;

private:
  std::string m_file;
  std::vector<Problem> m_problems;
};

bool has_reference(std::string_view text);

}  // namespace readyctl::gameday
