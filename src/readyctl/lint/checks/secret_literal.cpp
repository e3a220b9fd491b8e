// secret-literal and static-cloud-credentials: credentials written into manifests, and long-lived cloud keys
// where workload identity would need none. Messages never repeat a secret: they name its kind and length.
#include <algorithm>

#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/credentials.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/secret_names.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

bool is_dapr_component(const Object& o) { return o.is("Component", "dapr.io"); }

// A live key or a URL password anywhere in the text: reported, and true.
bool check_live(const CheckContext& ctx, const Object& o, const yaml::Node* at, std::string_view where, std::string_view text)
{
  if (auto live = find_live_key(text)) {
    ctx.sink.report(o, at, fmt::format("{} holds {} in plain text ({} characters, not shown)", where, *live, text.size()));
    return true;
  }
  if (has_url_password(text)) {
    ctx.sink.report(o, at, fmt::format("{} holds a URL with an embedded password (not shown)", where));
    return true;
  }
  return false;
}

// A key named like a file (`xds_service_account_token.json`, `app.conf`), or a value of several lines: a whole file,
// searched for live keys and URL passwords only (Envoy Gateway's SDS file names the token file, it holds none).
bool is_whole_file(std::string_view name, std::string_view text)
{
  if (const size_t newline = text.find('\n'); newline != std::string_view::npos && newline + 1 < text.size()) return true;
  const size_t dot = name.rfind('.');
  if (dot == std::string_view::npos) return false;
  const std::string_view extension = name.substr(dot + 1);
  for (std::string_view e : {"json", "yaml", "yml", "conf", "cfg", "toml", "ini", "properties", "xml", "txt", "env", "sh", "py"})
    if (extension == e) return true;
  return false;
}

// One literal value: where it sits, what it is called, and its text (decoded for Secret data).
void check_literal(const CheckContext& ctx, const Object& o, const yaml::Node* at, std::string_view where,
                   std::string_view name, std::string_view text)
{
  if (check_live(ctx, o, at, where, text) || is_whole_file(name, text)) return;
  if (!is_credential_name(name) || is_placeholder(text, name)) return;
  // `TS_KUBE_SECRET: tailscale-auth`: the name of a Secret the input defines or mounts, not key material.
  if (!ctx.graph.cached<SecretNames>().contains(trim(text)))
    ctx.sink.report(o, at,
                    fmt::format("{} is named like a credential and holds a literal value ({} characters, not shown)",
                                where, text.size()));
}

void scan_mapping(const CheckContext& ctx, const Object& o, const yaml::Node* map, std::string_view what, bool base64)
{
  if (!map || !map->is_mapping()) return;
  for (auto [key, value] : map->entries()) {
    if (!value->is_scalar()) continue;
    std::string where = fmt::format("{} key '{}'", what, key->str());
    if (!base64) {
      check_literal(ctx, o, value, where, key->str(), value->str());
    } else if (std::optional<std::string> decoded = decode_base64(value->str())) {
      check_literal(ctx, o, value, where + " (base64-decoded)", key->str(), *decoded);
    }
  }
}

void scan_env(const CheckContext& ctx, const Object& o, const ContainerRef& c)
{
  const yaml::Node* env = c.node->get("env");
  if (!env || !env->is_sequence()) return;
  for (const yaml::Node* e : env->children()) {
    const yaml::Node* name = e->get("name");
    const yaml::Node* value = e->get("value");
    if (!name || !value || !value->is_scalar()) continue;
    check_literal(ctx, o, value, fmt::format("env {} of {}", name->str(), c.label()), name->str(), value->str());
  }
}

// secretEnvRefs: a Secret read into the environment is a note. Environment variables reach crash dumps,
// /proc/<pid>/environ and every child process; a Secret mounted as a file reaches none of them.
void report_secret_env(const CheckContext& ctx, const Object& o, const yaml::Node* at, std::string_view what)
{
  ctx.sink.report(o, at,
                  fmt::format("{} into the environment, where crash dumps, /proc/<pid>/environ and child processes "
                              "can read it; mount the Secret as a file instead (param secretEnvRefs)",
                              what),
                  {}, Severity::note);
}

void scan_secret_env_refs(const CheckContext& ctx, const Object& o, const ContainerRef& c)
{
  if (const yaml::Node* env = c.node->get("env"); env && env->is_sequence())
    for (const yaml::Node* e : env->children())
      if (const yaml::Node* ref = e->path({"valueFrom", "secretKeyRef"}))
        report_secret_env(ctx, o, ref,
                          fmt::format("env {} of {} reads key '{}' of Secret {}", e->str_at("name"), c.label(),
                                      ref->str_at("key"), ref->str_at("name")));
  if (const yaml::Node* from = c.node->get("envFrom"); from && from->is_sequence())
    for (const yaml::Node* e : from->children())
      if (const yaml::Node* ref = e->get("secretRef"))
        report_secret_env(ctx, o, ref, fmt::format("envFrom of {} reads every key of Secret {}", c.label(), ref->str_at("name")));
}

// One word of a container's command line, with the list item it came from.
struct Word {
  const yaml::Node* item;
  size_t index;  // of the item in its list
  std::string_view text;
};

std::vector<std::string_view> split_on_space(std::string_view text)
{
  std::vector<std::string_view> out;
  size_t at = 0;
  while (at < text.size()) {
    size_t begin = text.find_first_not_of(" \t\r\n", at);
    if (begin == std::string_view::npos) break;
    size_t end = text.find_first_of(" \t\r\n", begin);
    out.push_back(text.substr(begin, end == std::string_view::npos ? std::string_view::npos : end - begin));
    at = end == std::string_view::npos ? text.size() : end;
  }
  return out;
}

// Items split on whitespace (a shell string like `sh -c "serve --token …"` holds several words), quotes trimmed.
std::vector<Word> command_words(const yaml::Node* list)
{
  std::vector<Word> words;
  size_t index = 0;
  for (const yaml::Node* item : list->children()) {
    if (item->is_scalar())
      for (std::string_view w : split_on_space(item->str())) {
        while (!w.empty() && (w.front() == '"' || w.front() == '\'')) w.remove_prefix(1);
        while (!w.empty() && (w.back() == '"' || w.back() == '\'' || w.back() == ';')) w.remove_suffix(1);
        if (!w.empty()) words.push_back({item, index, w});
      }
    ++index;
  }
  return words;
}

// The name of a credential flag (`--api-key`, `--token=…`, `-password`), or "" for any other word. Single-letter
// flags never are: `-p` is a port for most servers and a password for only a few clients.
std::string_view credential_flag(std::string_view word)
{
  if (!word.starts_with('-')) return {};
  std::string_view name = word.substr(word.starts_with("--") ? 2 : 1);
  name = name.substr(0, name.find('='));
  return name.size() > 1 && is_credential_name(name) ? name : std::string_view();
}

// Credentials on a container's command line (`args`, `command`): a live key or URL password in any item, and the
// literal value given to a credential flag, as `--flag=value` or as the next word.
void scan_command_line(const CheckContext& ctx, const Object& o, const ContainerRef& c, std::string_view field)
{
  const yaml::Node* list = c.node->get(field);
  if (!list || !list->is_sequence()) return;
  auto where = [&](size_t index) { return fmt::format("{}[{}] of {}", field, index, c.label()); };
  std::vector<const yaml::Node*> reported;  // one finding per item
  size_t index = 0;
  for (const yaml::Node* item : list->children()) {
    if (item->is_scalar() && check_live(ctx, o, item, where(index), item->str())) reported.push_back(item);
    ++index;
  }
  auto seen = [&](const yaml::Node* item) { return std::find(reported.begin(), reported.end(), item) != reported.end(); };
  const std::vector<Word> words = command_words(list);
  for (size_t i = 0; i < words.size(); ++i) {
    // `Authorization: Bearer TOKEN` (curl -H in a probe or a script) passes a token as a credential flag would.
    const bool bearer = to_lower(words[i].text) == "bearer";
    std::string_view flag = bearer ? std::string_view("bearer") : credential_flag(words[i].text);
    if (flag.empty()) continue;
    size_t eq = bearer ? std::string_view::npos : words[i].text.find('=');
    bool next = eq == std::string_view::npos && i + 1 < words.size() && !words[i + 1].text.starts_with('-');
    if (eq == std::string_view::npos && !next) continue;  // a switch (`--use-token`), or a value elsewhere
    const Word& value = next ? words[i + 1] : words[i];
    std::string_view text = next ? value.text : words[i].text.substr(eq + 1);
    if (is_placeholder(text, bearer ? "token" : flag) || seen(value.item)) continue;
    // `--secret volcano-admission-secret`: the name of a Secret the input defines or mounts, not key material.
    if (!bearer && ctx.graph.cached<SecretNames>().contains(text)) continue;
    reported.push_back(value.item);
    std::string what = bearer ? std::string("a literal bearer token") : fmt::format("the credential flag --{} a literal value", flag);
    ctx.sink.report(o, value.item, fmt::format("{} gives {} ({} characters, not shown)", where(value.index), what, text.size()));
  }
}

void scan_component(const CheckContext& ctx, const Object& o)
{
  const yaml::Node* metadata = o.spec ? o.spec->get("metadata") : nullptr;
  if (!metadata || !metadata->is_sequence()) return;
  for (const yaml::Node* m : metadata->children()) {
    const yaml::Node* name = m->get("name");
    const yaml::Node* value = m->get("value");
    if (!name || !value || !value->is_scalar()) continue;
    check_literal(ctx, o, value, fmt::format("Component metadata '{}'", name->str()), name->str(), value->str());
  }
}

}  // namespace

void check_secret_literal(const CheckContext& ctx)
{
  const bool env_refs = ctx.rule.param_bool("secretEnvRefs");
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) {
      scan_env(ctx, *pod.owner, c);
      if (env_refs) scan_secret_env_refs(ctx, *pod.owner, c);
      scan_command_line(ctx, *pod.owner, c, "command");
      scan_command_line(ctx, *pod.owner, c, "args");
    }
  for (const Object* o : ctx.of_kind("ConfigMap"))
    if (o->group.empty()) scan_mapping(ctx, *o, o->root->get("data"), "ConfigMap data", false);
  for (const Object* o : ctx.of_kind("Secret"))
    if (o->group.empty()) {
      scan_mapping(ctx, *o, o->root->get("stringData"), "Secret stringData", false);
      scan_mapping(ctx, *o, o->root->get("data"), "Secret data", true);
    }
  for (const Object* o : ctx.of_kind("Component"))
    if (is_dapr_component(*o)) scan_component(ctx, *o);
}

}  // namespace readyctl::lint
