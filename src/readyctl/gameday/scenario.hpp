// A loaded game-day scenario: the model `gameday run` plays and `gameday validate` checks.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "readyctl/core/location.hpp"
#include "readyctl/gameday/action_spec.hpp"

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;

enum class ProbeMode { before, after, continuous, on_fault };

struct ProbeType;   // a row of probe_types(): its driver and schema
struct ActionType;  // a row of action_types(): its driver and schema

// A probe as loaded: its type's block read into the type's spec, whose `${...}` are substituted at run time.
struct Probe {
  std::string name;
  const ProbeType* type = nullptr;  // http, prometheus, exec, kubernetes, process, dapr-workflow
  ProbeSpec spec;                   // the type's own fields
  Json tolerance;    // null: the type's default tolerance
  Json timing;       // timeout, retry, interval, until, within (as written)
  std::vector<ProbeMode> modes;
  Location location;
};

// An action as loaded: exactly one type (exec, http, process, kubernetes, sleep) and its block read into its spec.
struct Action {
  const ActionType* type = nullptr;
  ActionSpec spec;  // what the driver runs, once resolved
  Json written;     // the block as written, in its key order: what an undo journals
  Location location;
};

enum class StepKind { action, probe, sleep };

struct Step {
  std::string name;
  StepKind kind = StepKind::action;
  Action action;
  std::optional<Action> undo;
  Probe probe;
  std::string sleep;  // duration text for sleep steps
  Json capture;       // name -> {jsonPath} | {regex, from}
  std::optional<bool> fault;
  Location location;
};

struct Safety {
  std::vector<std::string> allowed_contexts;
  long long max_targets = 1;
  long long max_percent = 100;
};

// What a scenario needs from the machine before its setup runs (`requires:`); entries may hold `${vars.*}`.
struct Requirements {
  std::vector<std::string> commands;  // on PATH (or a path that is executable)
  std::vector<std::string> ports;     // free on 127.0.0.1
  std::vector<std::string> env;       // environment variables that are set
  Location location;
};

struct Scenario {
  std::string path;
  std::string dir;  // directory of the scenario file
  std::string name;
  std::string description;
  std::vector<std::string> tags;
  std::map<std::string, std::string> vars;  // declared variables and their defaults
  Safety safety;
  Requirements requirements;
  std::vector<Step> setup;
  std::string hypothesis_title;
  std::vector<Probe> hypothesis;
  std::vector<Probe> abort_when;
  std::vector<Step> steps;
  std::vector<Probe> asserts;
  std::vector<Step> rollbacks;
};

// Whether a scenario touches a cluster with an action anywhere (setup, steps, undos, rollbacks).
bool has_kubernetes_actions(const Scenario& scenario);

}  // namespace readyctl::gameday
