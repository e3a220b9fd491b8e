// The probe types as one table: per type, the reader of its block into its typed spec, the driver that runs one
// attempt, the fields its block may and must hold (checked when the scenario is loaded, with file:line:col), whether
// the scenario must write a tolerance, and what a probe without one is compared on. A new probe type is a row here,
// its spec in probe_spec.hpp and its driver in probe_drivers.cpp.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/gameday/scenario.hpp"

namespace readyctl::gameday {

struct ProbeEnv;

// Reads the type's block (inside the block `r` numbers) into its spec, when the scenario is loaded.
using ProbeRead = ProbeSpec (*)(const TemplateReader& r, const Json& block);
// One attempt on a resolved spec: the output object (never throwing for an unreachable target).
using ProbeRun = Json (*)(const ProbeSpec& spec, double timeout, ProbeEnv& env);

struct ProbeType {
  std::string_view name;
  ProbeRead read;
  ProbeRun run;
  std::vector<std::string_view> fields;    // what its block may hold
  std::vector<std::string_view> required;  // what it must hold, checked in this order
  std::string_view default_tolerance;      // JSON, for a probe that gives none
  std::string_view target;                 // the output field a bare tolerance compares
  bool needs_tolerance = false;            // no default means anything (a query's value)
  bool runs_command = false;               // exit 126/127: its command cannot start, no point polling on
};

std::span<const ProbeType> probe_types();
// nullptr when `name` is not a probe type.
const ProbeType* find_probe_type(std::string_view name);
// "http, prometheus, exec, kubernetes, process or dapr-workflow", for messages.
std::string probe_type_listing();
Json default_tolerance(const ProbeType& type);
// A probe block of this type read into its spec (for a block that is the root of what it is resolved with).
ProbeSpec read_probe_spec(const ProbeType& type, const Json& block);

}  // namespace readyctl::gameday
