// The typed block of each probe type, read once when the scenario is loaded: its fields are Templates holding the
// text as written, substituted just before the probe runs. Each lists its fields once, for spec_fields.hpp.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "readyctl/gameday/spec_fields.hpp"

namespace readyctl::gameday {

// An `http` block (probes and actions): `json` is sent as JSON with its Content-Type, else `body` as it is.
struct HttpSpec {
  Template url;
  std::optional<Template> method;  // none: the driver's default (GET for a probe, POST for an action)
  std::map<std::string, Template> headers;
  std::optional<Template> json, body;
};

template <class F>
void fields(HttpSpec& s, F&& f)
{
  f("url", s.url), f("method", s.method), f("headers", s.headers), f("json", s.json), f("body", s.body);
}

struct PrometheusSpec {
  Template url, query;
};

template <class F>
void fields(PrometheusSpec& s, F&& f) { f("url", s.url), f("query", s.query); }

// `command` (a string run through /bin/sh -c, or a list run directly), `cwd` and `env`: exec probes and actions.
struct CommandSpec {
  Template command;
  std::optional<Template> cwd;
  std::map<std::string, Template> env;
};

template <class F>
void fields(CommandSpec& s, F&& f) { f("command", s.command), f("cwd", s.cwd), f("env", s.env); }

// A `kubernetes` probe: `kubectl get KIND [NAME] [--selector S]` in its namespace and context.
struct KubeGetSpec {
  Template kind;
  std::optional<Template> name, selector, namespace_, context;
};

template <class F>
void fields(KubeGetSpec& s, F&& f)
{
  f("kind", s.kind), f("name", s.name), f("selector", s.selector), f("namespace", s.namespace_);
  f("context", s.context);
}

struct ProcessProbeSpec {
  Template name;
};

template <class F>
void fields(ProcessProbeSpec& s, F&& f) { f("name", s.name); }

// A `dapr-workflow` probe, read as `GET {url}/v1.0/workflows/{component}/{instanceId}`.
struct DaprWorkflowSpec {
  Template instance_id;
  std::optional<Template> url, component;
  std::map<std::string, Template> headers;
};

template <class F>
void fields(DaprWorkflowSpec& s, F&& f)
{
  f("instanceId", s.instance_id), f("url", s.url), f("component", s.component), f("headers", s.headers);
}

using ProbeSpec = std::variant<HttpSpec, PrometheusSpec, CommandSpec, KubeGetSpec, ProcessProbeSpec, DaprWorkflowSpec>;

std::vector<Template*> templates(ProbeSpec& s);

// What a probe's environment message names: its `url` as resolved (none: nullopt) and its command as text.
std::optional<std::string> probe_url(const ProbeSpec& s);
std::string probe_command_text(const ProbeSpec& s);

}  // namespace readyctl::gameday
