// ingress-tls: an Ingress terminates TLS, in its `tls` list or with a certificate its controller takes from an
// annotation, or passes TLS through to a backend that terminates it.
#include <algorithm>

#include <fmt/format.h>

#include "readyctl/lint/checks/cluster_checks.hpp"

namespace readyctl::lint {
namespace {

bool has_tls_list(const yaml::Node* spec)
{
  const yaml::Node* tls = spec ? spec->get("tls") : nullptr;
  return tls && tls->is_sequence() && tls->size() > 0;
}

// A certificate named in an annotation (AWS Load Balancer Controller, GKE): TLS is terminated without a `tls` list.
bool has_certificate_annotation(const Object& o, const std::vector<std::string>& annotations)
{
  return std::any_of(annotations.begin(), annotations.end(),
                     [&](const std::string& key) { return !o.annotation(key).empty(); });
}

// TLS passed through to the backend (ingress-nginx's "SSL Passthrough", HAProxy's): the controller never decrypts it.
bool passes_tls_through(const Object& o, const std::vector<std::string>& annotations)
{
  return std::any_of(annotations.begin(), annotations.end(),
                     [&](const std::string& key) { return o.annotation(key) == "true"; });
}

}  // namespace

void check_ingress_tls(const CheckContext& ctx)
{
  std::vector<std::string> annotations = ctx.rule.param_strings("certificateAnnotations");
  std::vector<std::string> passthrough = ctx.rule.param_strings("passthroughAnnotations");
  for (const Object* o : ctx.of_kind("Ingress")) {
    bool ingress = o->is("Ingress", "networking.k8s.io") || o->is("Ingress", "extensions");
    if (!ingress || has_tls_list(o->spec) || has_certificate_annotation(*o, annotations) ||
        passes_tls_through(*o, passthrough))
      continue;
    const yaml::Node* at = o->spec ? o->root->key_node("spec") : o->root->key_node("metadata");
    ctx.sink.report(*o, at,
                    fmt::format("{} sets no tls and names no certificate in an annotation: prompts, completions and "
                                "API keys cross the network in clear text", o->display_name()));
  }
}

}  // namespace readyctl::lint
