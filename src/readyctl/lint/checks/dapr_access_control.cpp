// dapr-access-control: Dapr Configurations deny service invocation and secret access unless allowed.
#include <fmt/format.h>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/platform_checks.hpp"
#include "readyctl/lint/checks/platform_dapr.hpp"

namespace readyctl::lint {
namespace {

// Dapr compares with strings.EqualFold.
bool is_deny(const yaml::Node* n) { return n && to_lower(n->str()) == "deny"; }

void check_invocation(const CheckContext& ctx, const Object& c, const yaml::Node* spec)
{
  const yaml::Node* acl = spec ? spec->get("accessControl") : nullptr;
  if (!acl) {
    ctx.sink.report(c, spec ? spec : c.root,
                    fmt::format("Configuration '{}' has no spec.accessControl: any app may invoke the apps that use "
                                "it (Dapr's default action is allow)",
                                c.name));
    return;
  }
  const yaml::Node* action = acl->get("defaultAction");
  if (is_deny(action)) return;
  ctx.sink.report(c, action ? action : acl,
                  fmt::format("Configuration '{}' spec.accessControl.defaultAction is '{}'; set deny and allow "
                              "callers per app-id in policies",
                              c.name, action ? action->str() : "allow (default)"));
}

void check_secret_access(const CheckContext& ctx, const Object& c, const yaml::Node* spec)
{
  const yaml::Node* scopes = spec ? spec->path({"secrets", "scopes"}) : nullptr;
  if (!scopes || scopes->size() == 0) {
    ctx.sink.report(c, scopes ? scopes : (spec ? spec : c.root),
                    fmt::format("Configuration '{}' has no spec.secrets.scopes: the apps that use it may read every "
                                "secret of their secret stores",
                                c.name));
    return;
  }
  for (const yaml::Node* scope : scopes->children()) {
    const yaml::Node* access = scope->get("defaultAccess");
    // dapr pkg/config/configuration.go IsSecretAllowed: a non-empty allowedSecrets decides before defaultAccess.
    const yaml::Node* allowed = scope->get("allowedSecrets");
    if (is_deny(access) || (allowed && allowed->is_sequence() && allowed->size() > 0)) continue;
    const yaml::Node* store = scope->get("storeName");
    ctx.sink.report(c, access ? access : scope,
                    fmt::format("Configuration '{}' secret scope for store '{}' has defaultAccess '{}'; set deny and "
                                "list allowedSecrets",
                                c.name, store ? store->str() : "", access ? access->str() : "allow (default)"));
  }
}

}  // namespace

void check_dapr_access_control(const CheckContext& ctx)
{
  for (const Object* c : dapr::resources(ctx.graph, "Configuration")) {
    // daprsystem is the control plane's own Configuration (mTLS); app policies do not belong there.
    if (c->name == "daprsystem") continue;
    check_invocation(ctx, *c, c->spec);
    check_secret_access(ctx, *c, c->spec);
  }
}

}  // namespace readyctl::lint
