// The typed block of each action type, read once when the scenario is loaded (an undo's when it is journaled): its
// fields are Templates holding the text as written, substituted just before the action runs. Each lists its fields
// once, for spec_fields.hpp; the rows of action_types.cpp pick the spec of their type.
#pragma once
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "readyctl/gameday/probe_spec.hpp"

namespace readyctl::gameday {

struct ProbeType;

struct ExecActionSpec {
  CommandSpec command;
  std::optional<Template> timeout, expect_exit_code;
};

template <class F>
void fields(ExecActionSpec& s, F&& f)
{
  f(nullptr, s.command), f("timeout", s.timeout), f("expectExitCode", s.expect_exit_code);
}

struct HttpActionSpec {
  HttpSpec http;
  std::optional<Template> expect_status;  // a status or a list of them; none: any 2xx
  std::optional<Template> timeout;
};

template <class F>
void fields(HttpActionSpec& s, F&& f)
{
  f(nullptr, s.http), f("expectStatus", s.expect_status), f("timeout", s.timeout);
}

// A process's command, cwd and env: what the process table starts and journals (in this order).
struct LaunchSpec {
  std::optional<Template> command, cwd, env;
};

template <class F>
void fields(LaunchSpec& s, F&& f) { f("command", s.command), f("cwd", s.cwd), f("env", s.env); }

// A probe's timing fields as written.
struct TimingSpec {
  std::optional<Template> timeout, retry, interval, until, within;
};

template <class F>
void fields(TimingSpec& s, F&& f)
{
  f("timeout", s.timeout), f("retry", s.retry), f("interval", s.interval), f("until", s.until);
  f("within", s.within);
}

// A process start's `ready` probe, resolved with the action's block: its type, block, tolerance and timing.
struct ReadyProbe {
  const ProbeType* type = nullptr;
  ProbeSpec spec;
  Template tolerance;  // null: the type's default
  TimingSpec timing;
};

struct ProcessActionSpec {
  std::string op;  // a literal (the schema checks it)
  Template name;
  LaunchSpec launch;
  std::optional<Template> log, signal, grace, within, expect_exit_code;
  std::optional<ReadyProbe> ready;  // polled until it holds, after start and restart
};

template <class F>
void fields(ProcessActionSpec& s, F&& f)
{
  f("op", s.op), f("name", s.name), f(nullptr, s.launch), f("log", s.log), f("signal", s.signal);
  f("grace", s.grace), f("within", s.within), f("expectExitCode", s.expect_exit_code), f("ready", s.ready);
}

struct KubeActionSpec {
  std::string op;  // a literal (the schema checks it)
  std::optional<Template> context, namespace_, selector, count, percent, grace_period, kind, name, replicas, file,
      max_targets, max_percent, timeout;
  Template scaled;  // a scale's whole block, whose undo it becomes once `replicas` is replaced; else null
};

template <class F>
void fields(KubeActionSpec& s, F&& f)
{
  f("op", s.op), f("context", s.context), f("namespace", s.namespace_), f("selector", s.selector);
  f("count", s.count), f("percent", s.percent), f("gracePeriod", s.grace_period), f("kind", s.kind);
  f("name", s.name), f("replicas", s.replicas), f("file", s.file), f("maxTargets", s.max_targets);
  f("maxPercent", s.max_percent), f("timeout", s.timeout);
}

// The internal undo of cordon and drain: kubectl argument lists (without "kubectl").
struct KubectlUndoSpec {
  std::vector<std::vector<Template>> commands;
};

// Sleep's block is its duration.
struct SleepSpec {
  Template duration;
};

using ActionSpec = std::variant<ExecActionSpec, HttpActionSpec, ProcessActionSpec, KubeActionSpec, KubectlUndoSpec,
                                SleepSpec>;

// The fields and specs that are more than a list of keys.
void read_field(const TemplateReader& r, const Json& block, const char* key, std::optional<ReadyProbe>& ready);
void add_templates(std::vector<Template*>& out, std::optional<ReadyProbe>& ready);
template <>
KubeActionSpec read_spec<KubeActionSpec>(const TemplateReader& r, const Json& block);
std::vector<Template*> templates(KubeActionSpec& s);
template <>
KubectlUndoSpec read_spec<KubectlUndoSpec>(const TemplateReader& r, const Json& block);
std::vector<Template*> templates(KubectlUndoSpec& s);
template <>
SleepSpec read_spec<SleepSpec>(const TemplateReader& r, const Json& block);
std::vector<Template*> templates(SleepSpec& s);
std::vector<Template*> templates(ActionSpec& s);

}  // namespace readyctl::gameday
