// The scenario schema, one reader per block; each records problems in the Checker and returns the model.
#pragma once
#include <set>
#include <string>

#include "readyctl/gameday/checker.hpp"
#include "readyctl/gameday/scenario.hpp"

namespace readyctl::gameday {

enum class ProbePlace { hypothesis, abort_when, assertion, step };

Probe read_probe(Checker& c, const yaml::Node* node, ProbePlace place, std::string name = {});
void check_tolerance(Checker& c, const yaml::Node* node);
// A `regex:` field: a scalar that core/regex accepts (tolerances and captures alike).
void check_regex(Checker& c, const yaml::Node* node);
// Captures of one step whose `from` fields form a cycle (capture_cycles.cpp).
void check_capture_cycles(Checker& c, const yaml::Node* capture);
// `requires:` (requirements.cpp).
Requirements read_requirements(Checker& c, const yaml::Node* node);
Action read_action(Checker& c, const yaml::Node* node, const Safety& safety, std::string_view what);
// The checks of each action type's block, for the rows of action_types.cpp (action_schema.cpp).
void check_exec_action(Checker& c, const yaml::Node* spec, const Safety& safety);
void check_http_action(Checker& c, const yaml::Node* spec, const Safety& safety);
void check_process_action(Checker& c, const yaml::Node* spec, const Safety& safety);
void check_kubernetes_action(Checker& c, const yaml::Node* spec, const Safety& safety);
void check_sleep_action(Checker& c, const yaml::Node* spec, const Safety& safety);

// Checks every `${...}` under node: declared vars, earlier steps, known roots.
struct ReferenceScope {
  const std::map<std::string, std::string>* vars = nullptr;
  std::set<std::string> steps;  // step names visible here
};
void check_references(Checker& c, const yaml::Node* node, const ReferenceScope& scope);

}  // namespace readyctl::gameday
