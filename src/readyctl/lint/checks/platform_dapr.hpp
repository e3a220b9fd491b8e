// What the Dapr rules share: Dapr-enabled apps and their app-ids, scopes, Components and Resiliency targets.
#pragma once
#include <string_view>
#include <vector>

#include "readyctl/lint/graph.hpp"
#include "readyctl/lint/window.hpp"

namespace readyctl::lint::dapr {

// A Dapr-enabled pod template (`dapr.io/enabled: "true"`) and the app-id its sidecar runs under.
struct App {
  const PodTemplate* pod = nullptr;
  std::string_view id;           // dapr.io/app-id, or the owner's name (Dapr's default)
  std::string_view ns;           // the owner's namespace ("" when not stated)
  const yaml::Node* at = nullptr;  // where app findings point: the app-id annotation, else dapr.io/enabled
};

std::vector<App> apps(const Graph& graph);

// The sidecar has a channel to the app: `dapr.io/app-port` is set and not empty. Without one Dapr never calls into
// the app (no service invocation reaches it, no event or binding is pushed to it); such an app only calls out or
// pulls its work (streaming subscriptions, the workflow gRPC stream).
bool has_app_channel(const PodTemplate& pod);
const App* find_app(const std::vector<App>& apps, std::string_view ns, std::string_view id);

// A Component for Dapr's self-hosted mode (`dapr run`): a metadata value names the loopback host (`localhost:6379`,
// as `dapr init` writes them). In a Kubernetes pod the loopback host is the pod itself, so such a file is a
// developer's local resources directory, not cluster config, also when no dapr.yaml names that directory.
bool is_local_mode_component(const Object& object);

// Whether a Dapr resource sits in a developer's local resources directory: a self-hosted-mode Component, or any
// namespace-less Dapr resource in a directory that holds one and no object of another API group (a `dapr run
// --resources-path` directory keeps the app's other Components, such as a conversation.openai one that names no
// host, and its Resiliency beside the localhost state store).
bool is_local_resource(const Graph& graph, const Object& object);

// Objects of a Dapr kind (API group dapr.io), in input order; local resources (is_local_resource) are left out.
std::vector<const Object*> resources(const Graph& graph, std::string_view kind);
// The same, among the objects a check walks (a per-object family's window).
std::vector<const Object*> resources(const Window& window, std::string_view kind);
// Namespaces match when equal, or when either manifest does not state one (it is applied into the other's).
bool same_namespace(std::string_view a, std::string_view b);

// Top-level `scopes:` (Components, HTTPEndpoints, Resiliency, Subscriptions, MCPServers): null when absent.
const yaml::Node* scopes(const Object& object);
bool has_scopes(const Object& object);  // a non-empty list
// Absent or empty scopes load the resource into every app of the namespace.
bool in_scope(const Object& object, std::string_view app_id);

// Component helpers: spec.type and the spec.metadata[] item of a name.
std::string_view component_type(const Object& component);
const yaml::Node* metadata_item(const Object& component, std::string_view name);
bool is_actor_state_store(const Object& component);
// The Configuration named by the app's dapr.io/config annotation, when it is in the input.
const Object* app_configuration(const Graph& graph, const App& app);

// Workflow apps: labelled or annotated `readyctl.io/workflow: "true"`, or using a Configuration with
// `spec.workflow`, or named in the scopes of an actor state store.
bool is_workflow_app(const Graph& graph, const App& app);
// Tool-calling agent apps: labelled or annotated `readyctl.io/role: agent`.
bool is_agent_app(const App& app);

// A metadata or header name that carries a credential: password, token, secret, apiKey, accessKey, ...
bool is_credential_name(std::string_view name);

}  // namespace readyctl::lint::dapr
