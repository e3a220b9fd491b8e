// mtls-strict: Istio PeerAuthentication does not allow plaintext, and DestinationRules do not skip verification.
#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"

namespace readyctl::lint {
namespace {

bool plaintext_mode(const yaml::Node* mode) { return mode && (mode->str() == "DISABLE" || mode->str() == "PERMISSIVE"); }

void check_peer_authentication(const CheckContext& ctx, const Object& pa)
{
  std::string scope = pa.spec->get("selector") ? "the selected workloads" : "every workload of the namespace";
  const yaml::Node* mode = pa.spec->path({"mtls", "mode"});
  if (plaintext_mode(mode))
    ctx.sink.report(pa, mode, fmt::format("{} sets mtls.mode {}: {} accept plaintext{}", pa.display_name(), mode->str(),
                                          scope, mode->str() == "DISABLE" ? " only, unauthenticated" : " alongside mTLS"));
  const yaml::Node* ports = pa.spec->get("portLevelMtls");
  if (!ports || !ports->is_mapping()) return;
  for (auto [port, setting] : ports->entries()) {
    const yaml::Node* port_mode = setting->get("mode");
    if (plaintext_mode(port_mode))
      ctx.sink.report(pa, port_mode, fmt::format("{} sets portLevelMtls {} mode {}: port {} accepts plaintext", pa.display_name(),
                                                 port->str(), port_mode->str(), port->str()));
  }
}

void check_tls(const CheckContext& ctx, const Object& dr, const yaml::Node* tls, std::string_view where)
{
  if (!tls || !tls->is_mapping()) return;
  const yaml::Node* skip = tls->get("insecureSkipVerify");
  if (skip && skip->as_bool() == true)
    ctx.sink.report(dr, skip,
                    fmt::format("{} {}tls.insecureSkipVerify: true: the server certificate is not verified, so any "
                                "endpoint can impersonate the destination", dr.display_name(), where),
                    {}, Severity::error);
  const yaml::Node* mode = tls->get("mode");
  if (mode && mode->str() == "DISABLE")
    ctx.sink.report(dr, mode, fmt::format("{} {}tls.mode DISABLE: traffic to the destination is plaintext", dr.display_name(), where));
}

void check_traffic_policy(const CheckContext& ctx, const Object& dr, const yaml::Node* policy, const std::string& where)
{
  if (!policy || !policy->is_mapping()) return;
  check_tls(ctx, dr, policy->get("tls"), where);
  const yaml::Node* ports = policy->get("portLevelSettings");
  if (!ports || !ports->is_sequence()) return;
  for (const yaml::Node* p : ports->children()) {
    const yaml::Node* number = p->path({"port", "number"});
    check_tls(ctx, dr, p->get("tls"), fmt::format("{}port {} ", where, number ? number->str() : "?"));
  }
}

void check_destination_rule(const CheckContext& ctx, const Object& dr)
{
  check_traffic_policy(ctx, dr, dr.spec->get("trafficPolicy"), "");
  const yaml::Node* subsets = dr.spec->get("subsets");
  if (!subsets || !subsets->is_sequence()) return;
  for (const yaml::Node* s : subsets->children()) {
    const yaml::Node* name = s->get("name");
    check_traffic_policy(ctx, dr, s->get("trafficPolicy"), fmt::format("subset {} ", name ? name->str() : "?"));
  }
}

}  // namespace

void check_mtls(const CheckContext& ctx)
{
  for (const Object* pa : ctx.of_kind("PeerAuthentication"))
    if (pa->group == "security.istio.io" && pa->spec && pa->spec->is_mapping()) check_peer_authentication(ctx, *pa);
  for (const Object* dr : ctx.of_kind("DestinationRule"))
    if (dr->group == "networking.istio.io" && dr->spec && dr->spec->is_mapping()) check_destination_rule(ctx, *dr);
}

}  // namespace readyctl::lint
