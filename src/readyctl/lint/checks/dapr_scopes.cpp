// dapr-scopes: Components and HTTPEndpoints are scoped to their app-ids, and their credentials come from secrets.
#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/platform_checks.hpp"
#include "readyctl/lint/checks/credentials.hpp"
#include "readyctl/lint/checks/platform_dapr.hpp"

namespace readyctl::lint {
namespace {

void check_scoped(const CheckContext& ctx, const Object& o, std::string_view what)
{
  if (dapr::has_scopes(o)) return;
  const yaml::Node* s = dapr::scopes(o);
  ctx.sink.report(o, s ? s : o.root,
                  fmt::format("{} '{}' has {}: every Dapr app in the namespace loads it; list the app-ids that use "
                              "it under top-level scopes",
                              what, o.name, s ? "an empty scopes list" : "no scopes"));
}

bool is_connection_string(std::string_view name) { return to_lower(name).find("connectionstring") != std::string::npos; }

// A connection string is a credential only where it carries one: `password=`/`pwd=`, an Azure `AccountKey=` or
// `SharedAccessKey=`, a token, or a URL password. SQLite's `data.db` (a file; SQLite has no login) carries none.
bool holds_credential_part(std::string_view value)
{
  const std::string lower = to_lower(value);
  for (std::string_view part : {"password=", "pwd=", "accountkey=", "sharedaccesskey=", "secret=", "token=", "apikey="})
    if (lower.find(part) != std::string::npos) return true;
  return has_url_password(value);
}

// Name/value items (Component spec.metadata, HTTPEndpoint spec.headers): a credential must not be a plain value.
// The value itself is never repeated in the message.
void check_plain_credentials(const CheckContext& ctx, const Object& o, const yaml::Node* items, std::string_view what,
                             std::string_view field)
{
  if (!items) return;
  for (const yaml::Node* item : items->children()) {
    const yaml::Node* name = item->get("name");
    const yaml::Node* value = item->get("value");
    if (!name || !value || !dapr::is_credential_name(name->str())) continue;
    // No secret is written where the value is a placeholder (`{{OPENAI_API_KEY}}`, filled in before use).
    if (is_placeholder(value->str(), name->str())) continue;
    if (is_connection_string(name->str()) && !holds_credential_part(value->str())) continue;
    ctx.sink.report(o, value,
                    fmt::format("{} '{}' {} '{}' holds a plain value; reference the credential through "
                                "secretKeyRef (value not shown)",
                                what, o.name, field, name->str()));
  }
}

}  // namespace

void check_dapr_scopes(const CheckContext& ctx)
{
  for (const Object* c : dapr::resources(ctx.window, "Component")) {
    const bool secret_store = dapr::component_type(*c).starts_with("secretstores.");
    check_scoped(ctx, *c, secret_store ? "secret store Component" : "Component");
    check_plain_credentials(ctx, *c, c->spec ? c->spec->get("metadata") : nullptr, "Component", "metadata");
  }
  for (const Object* e : dapr::resources(ctx.window, "HTTPEndpoint")) {
    check_scoped(ctx, *e, "HTTPEndpoint");
    check_plain_credentials(ctx, *e, e->spec ? e->spec->get("headers") : nullptr, "HTTPEndpoint", "header");
  }
}

}  // namespace readyctl::lint
