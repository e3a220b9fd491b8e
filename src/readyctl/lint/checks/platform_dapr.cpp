// Dapr model shared by the platform rules: apps from pod annotations, scoped resources, workflow and agent apps.
#include "readyctl/lint/checks/platform_dapr.hpp"
#include "readyctl/lint/checks/platform_dapr_index.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string>

namespace readyctl::lint::dapr {
namespace {

// Dapr reads its annotations and metadata values as strings, so "true" and true are the same.
bool is_true(const yaml::Node* n)
{
  if (!n) return false;
  const std::string_view s = n->str();
  return s == "true" || s == "True" || s == "TRUE";
}

// The pod's label, falling back to the owner's labels (a Deployment labelled as a whole).
const yaml::Node* label_node(const PodTemplate& pod, std::string_view key)
{
  if (const yaml::Node* labels = pod.labels())
    if (const yaml::Node* n = labels->get(key)) return n;
  if (const yaml::Node* labels = pod.owner->labels())
    if (const yaml::Node* n = labels->get(key)) return n;
  return nullptr;
}

std::string_view marker(const App& app, std::string_view key)
{
  if (const yaml::Node* n = app.pod->annotation_node(key)) return n->str();
  if (const yaml::Node* n = label_node(*app.pod, key)) return n->str();
  return {};
}

// Splits a name into lower-case words at camelCase, acronym and punctuation boundaries: X-API-Key -> x api key.
std::vector<std::string> words(std::string_view name)
{
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty()) out.push_back(cur);
    cur.clear();
  };
  for (size_t i = 0; i < name.size(); ++i) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (!std::isalnum(c)) {
      flush();
      continue;
    }
    if (std::isupper(c) && i > 0) {
      const auto prev = static_cast<unsigned char>(name[i - 1]);
      const bool next_lower = i + 1 < name.size() && std::islower(static_cast<unsigned char>(name[i + 1]));
      if (std::islower(prev) || std::isdigit(prev) || (std::isupper(prev) && next_lower)) flush();
    }
    cur.push_back(static_cast<char>(std::tolower(c)));
  }
  flush();
  return out;
}

}  // namespace

std::vector<App> apps(const Graph& graph)
{
  std::vector<App> out;
  for (const PodTemplate& pod : graph.pods()) {
    if (!is_true(pod.annotation_node("dapr.io/enabled"))) continue;
    App app;
    app.pod = &pod;
    app.ns = pod.owner->scope;
    const yaml::Node* id = pod.annotation_node("dapr.io/app-id");
    app.id = id && !id->str().empty() ? id->str() : pod.owner->name;
    app.at = id ? id : pod.annotation_node("dapr.io/enabled");
    out.push_back(app);
  }
  return out;
}

bool has_app_channel(const PodTemplate& pod) { return !pod.annotation("dapr.io/app-port").empty(); }

const App* find_app(const std::vector<App>& apps, std::string_view ns, std::string_view id)
{
  for (const App& a : apps)
    if (a.id == id && same_namespace(a.ns, ns)) return &a;
  return nullptr;
}

namespace {

// `localhost`, `localhost:6379`, `redis://127.0.0.1:6379/0`, `user:pw@localhost:5432`.
bool names_loopback(std::string_view value)
{
  for (std::string_view host : {"localhost", "127.0.0.1"}) {
    for (size_t at = value.find(host); at != std::string_view::npos; at = value.find(host, at + 1)) {
      // `redis://localhost:6379`, `user@localhost`, `host=localhost port=5432` (a Postgres connection string).
      bool starts = at == 0 || value[at - 1] == '/' || value[at - 1] == '@' || value[at - 1] == '=' || value[at - 1] == ' ';
      size_t end = at + host.size();
      bool ends = end == value.size() || value[end] == ':' || value[end] == '/';
      if (starts && ends) return true;
    }
  }
  return false;
}

// The directories holding a self-hosted-mode Component and nothing but Dapr resources, built once per run. A
// directory that also holds Kubernetes objects (Deployments, Secrets, RBAC…) is applied to a cluster: dapr's
// tests/config keeps one deliberately unreachable `localhost` Component among the e2e suite's cluster resources.
class LocalResourceDirs {
public:
  explicit LocalResourceDirs(const Graph& graph)
  {
    for (const Object* o : graph.of_kind("Component"))
      if (o->group == "dapr.io" && is_local_mode_component(*o)) m_dirs.insert(directory_of(*o));
    if (m_dirs.empty()) return;
    for (const Object& o : graph.objects())
      if (o.group != "dapr.io") m_dirs.erase(directory_of(o));
  }
  bool holds(const Object& o) const { return !m_dirs.empty() && m_dirs.contains(directory_of(o)); }

private:
  std::set<std::string> m_dirs;
};

template <typename Objects>
std::vector<const Object*> of_dapr_group(const Graph& graph, const Objects& objects)
{
  std::vector<const Object*> out;
  for (const Object* o : objects)
    if (o->group == "dapr.io" && !is_local_resource(graph, *o)) out.push_back(o);
  return out;
}

}  // namespace

bool is_local_resource(const Graph& graph, const Object& object)
{
  if (is_local_mode_component(object)) return true;
  return object.ns.empty() && graph.cached<LocalResourceDirs>().holds(object);
}

std::vector<const Object*> resources(const Graph& graph, std::string_view kind)
{
  return of_dapr_group(graph, graph.of_kind(kind));
}

std::vector<const Object*> resources(const Window& window, std::string_view kind)
{
  return of_dapr_group(window.graph(), window.of_kind(kind));
}

bool same_namespace(std::string_view a, std::string_view b) { return a.empty() || b.empty() || a == b; }

const yaml::Node* scopes(const Object& object) { return object.root->get("scopes"); }

bool has_scopes(const Object& object)
{
  const yaml::Node* s = scopes(object);
  return s && s->is_sequence() && s->size() > 0;
}

bool in_scope(const Object& object, std::string_view app_id)
{
  if (!has_scopes(object)) return true;
  const auto items = scopes(object)->children();
  return std::any_of(items.begin(), items.end(), [&](const yaml::Node* n) { return n->str() == app_id; });
}

std::string_view component_type(const Object& component)
{
  const yaml::Node* t = component.spec ? component.spec->get("type") : nullptr;
  return t ? t->str() : std::string_view();
}

const yaml::Node* metadata_item(const Object& component, std::string_view name)
{
  const yaml::Node* items = component.spec ? component.spec->get("metadata") : nullptr;
  if (!items) return nullptr;
  for (const yaml::Node* item : items->children())
    if (const yaml::Node* n = item->get("name"); n && n->str() == name) return item;
  return nullptr;
}

bool is_local_mode_component(const Object& object)
{
  if (object.kind != "Component" || !object.spec) return false;
  const yaml::Node* items = object.spec->get("metadata");
  if (!items || !items->is_sequence()) return false;
  for (const yaml::Node* item : items->children())
    if (item->is_mapping() && names_loopback(item->str_at("value"))) return true;
  return false;
}

bool is_actor_state_store(const Object& component)
{
  if (!component_type(component).starts_with("state.")) return false;
  const yaml::Node* item = metadata_item(component, "actorStateStore");
  return item && is_true(item->get("value"));
}

const Object* app_configuration(const Graph& graph, const App& app)
{
  std::string_view name = app.pod->annotation("dapr.io/config");
  if (name.empty()) return nullptr;
  return graph.cached<Index>().configuration(name, app.ns);
}

bool is_workflow_app(const Graph& graph, const App& app)
{
  if (marker(app, "readyctl.io/workflow") == "true") return true;
  if (const Object* config = app_configuration(graph, app); config && config->spec && config->spec->get("workflow"))
    return true;
  return graph.cached<Index>().scoped_into_actor_store(app);
}

bool is_agent_app(const App& app) { return marker(app, "readyctl.io/role") == "agent"; }

bool is_credential_name(std::string_view name)
{
  static constexpr std::string_view k_nouns[] = {"password", "passwd", "pwd", "token", "secret", "credential",
                                                 "credentials", "apikey", "authorization"};
  static constexpr std::string_view k_key_owners[] = {"api", "access", "secret", "master", "private", "account",
                                                      "signing", "encryption", "shared", "client", "auth",
                                                      "subscription", "storage", "primary", "secondary", "sas"};
  const std::vector<std::string> w = words(name);
  if (w.empty()) return false;
  const std::string& last = w.back();
  if (std::find(std::begin(k_nouns), std::end(k_nouns), last) != std::end(k_nouns)) return true;
  if (last == "key")
    return w.size() == 1 ||
           std::find(std::begin(k_key_owners), std::end(k_key_owners), w[w.size() - 2]) != std::end(k_key_owners);
  return last == "string" && w.size() >= 2 && w[w.size() - 2] == "connection";
}

}  // namespace readyctl::lint::dapr
