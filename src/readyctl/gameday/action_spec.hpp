// The typed block of each action type, read once when the scenario is loaded (or an undo when it is journaled): its
// fields are Templates holding the text as written, substituted just before the action runs. A row of
// action_types.cpp names its reader.
#pragma once
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "readyctl/gameday/probe_spec.hpp"

namespace readyctl::gameday {

struct ProbeType;

struct ExecActionSpec {
  CommandSpec command;
  std::optional<Template> timeout, expect_exit_code;
};

struct HttpActionSpec {
  HttpSpec http;
  std::optional<Template> expect_status;  // a status or a list of them; none: any 2xx
  std::optional<Template> timeout;
};

// A process start's `ready` probe, resolved with the action's block: its type, block, tolerance and timing fields.
struct ReadyProbe {
  const ProbeType* type = nullptr;
  ProbeSpec spec;
  Template tolerance;  // null: the type's default
  std::vector<std::pair<std::string, Template>> timing;
};

struct ProcessActionSpec {
  std::string op;  // checked at load: a literal
  Template name;
  // command, cwd and env as written (in that order), for the process table that starts and journals them
  std::vector<std::pair<std::string, Template>> launch;
  std::optional<Template> log, signal, grace, within, expect_exit_code;
  std::optional<ReadyProbe> ready;  // polled until it holds, after start and restart
};

struct KubeActionSpec {
  std::string op;  // checked at load: a literal
  std::optional<Template> context, namespace_, selector, count, percent, grace_period, kind, name, replicas, file,
      max_targets, max_percent, timeout;
  Template scaled;  // a scale's whole block, whose undo it becomes once `replicas` is replaced; else null
};

// The internal undo of cordon and drain: kubectl argument lists (without "kubectl").
struct KubectlUndoSpec {
  std::vector<std::vector<Template>> commands;
};

struct SleepSpec {
  Template duration;
};

using ActionSpec = std::variant<ExecActionSpec, HttpActionSpec, ProcessActionSpec, KubeActionSpec, KubectlUndoSpec,
                                SleepSpec>;

// The readers of the rows: `block` is the type's own block (a mapping, or sleep's duration).
ExecActionSpec read_exec_action_spec(const TemplateReader& r, const Json& block);
HttpActionSpec read_http_action_spec(const TemplateReader& r, const Json& block);
ProcessActionSpec read_process_action_spec(const TemplateReader& r, const Json& block);
KubeActionSpec read_kube_action_spec(const TemplateReader& r, const Json& block);
KubectlUndoSpec read_kubectl_undo_spec(const TemplateReader& r, const Json& block);
SleepSpec read_sleep_spec(const TemplateReader& r, const Json& block);

std::vector<Template*> templates(ExecActionSpec& s);
std::vector<Template*> templates(HttpActionSpec& s);
std::vector<Template*> templates(ProcessActionSpec& s);
std::vector<Template*> templates(KubeActionSpec& s);
std::vector<Template*> templates(KubectlUndoSpec& s);
std::vector<Template*> templates(SleepSpec& s);
std::vector<Template*> templates(ActionSpec& s);

}  // namespace readyctl::gameday
