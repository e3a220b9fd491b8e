// The typed block of each probe type, read once when the scenario is loaded: its fields are Templates holding the
// text as written, substituted just before the probe runs. A probe type's row (probe_types.cpp) names its reader.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

// An `http` block (probes and actions): `json` is sent as JSON with its Content-Type, else `body` as it is.
struct HttpSpec {
  Template url;
  std::optional<Template> method;  // none: the driver's default (GET for a probe, POST for an action)
  std::map<std::string, Template> headers;
  std::optional<Template> json, body;
};

struct PrometheusSpec {
  Template url, query;
};

// `command` (a string run through /bin/sh -c, or a list run directly), `cwd` and `env`: exec probes and actions.
struct CommandSpec {
  Template command;
  std::optional<Template> cwd;
  std::map<std::string, Template> env;
};

// A `kubernetes` probe: `kubectl get KIND [NAME] [--selector S]` in its namespace and context.
struct KubeGetSpec {
  Template kind;
  std::optional<Template> name, selector, namespace_, context;
};

struct ProcessProbeSpec {
  Template name;
};

// A `dapr-workflow` probe, read as `GET {url}/v1.0/workflows/{component}/{instanceId}`.
struct DaprWorkflowSpec {
  Template instance_id;
  std::optional<Template> url, component;
  std::map<std::string, Template> headers;
};

using ProbeSpec = std::variant<HttpSpec, PrometheusSpec, CommandSpec, KubeGetSpec, ProcessProbeSpec, DaprWorkflowSpec>;

// The readers of the rows: `block` is the type's own mapping, inside the block `r` numbers.
HttpSpec read_http_spec(const TemplateReader& r, const Json& block);
PrometheusSpec read_prometheus_spec(const TemplateReader& r, const Json& block);
CommandSpec read_command_spec(const TemplateReader& r, const Json& block);
KubeGetSpec read_kube_get_spec(const TemplateReader& r, const Json& block);
ProcessProbeSpec read_process_probe_spec(const TemplateReader& r, const Json& block);
DaprWorkflowSpec read_dapr_workflow_spec(const TemplateReader& r, const Json& block);

// Every template of a spec, for resolve_templates().
std::vector<Template*> templates(HttpSpec& s);
std::vector<Template*> templates(PrometheusSpec& s);
std::vector<Template*> templates(CommandSpec& s);
std::vector<Template*> templates(KubeGetSpec& s);
std::vector<Template*> templates(ProcessProbeSpec& s);
std::vector<Template*> templates(DaprWorkflowSpec& s);
std::vector<Template*> templates(ProbeSpec& s);

// What a probe's environment message names: its `url` as resolved (none: nullopt) and its command as text.
std::optional<std::string> probe_url(const ProbeSpec& s);
std::string probe_command_text(const ProbeSpec& s);

// The spec with its templates substituted, in the order they were written.
template <class Spec>
Spec resolved(Spec spec, const Resolver& resolve, const SubstituteOptions& options = {})
{
  resolve_templates(templates(spec), resolve, options);
  return spec;
}

}  // namespace readyctl::gameday
