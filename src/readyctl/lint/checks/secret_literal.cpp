// secret-literal and static-cloud-credentials: credentials written into manifests, and long-lived cloud keys
// where workload identity would need none. Messages never repeat a secret: they name its kind and length.
#include <fmt/format.h>

#include "readyctl/lint/checks/credentials.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"
#include "readyctl/lint/checks/workload_checks.hpp"

namespace readyctl::lint {
namespace {

bool is_dapr_component(const Object& o) { return o.is("Component", "dapr.io"); }

// One literal value: where it sits, what it is called, and its text (decoded for Secret data).
void check_literal(const CheckContext& ctx, const Object& o, const yaml::Node* at, std::string_view where,
                   std::string_view name, std::string_view text)
{
  if (auto live = find_live_key(text)) {
    ctx.sink.report(o, at, fmt::format("{} holds {} in plain text ({} characters, not shown)", where, *live, text.size()));
    return;
  }
  if (has_url_password(text)) {
    ctx.sink.report(o, at, fmt::format("{} holds a URL with an embedded password (not shown)", where));
    return;
  }
  if (is_credential_name(name) && !is_placeholder(text, name))
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
  for (const PodTemplate& pod : ctx.pods())
    for (const ContainerRef& c : all_containers(pod)) scan_env(ctx, *pod.owner, c);
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
