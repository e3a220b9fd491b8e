#include "http_flags.hpp"

#include <fmt/format.h>

namespace readyctl::cli {

void add_http_flags(CLI::App* cmd, HttpFlags& f, const std::string& what, bool with_timeout)
{
  cmd->add_option("--bearer-token-file", f.bearer_token_file,
                  fmt::format("File holding a bearer token for {} (never printed)", what));
  cmd->add_option("--basic-auth-file", f.basic_auth_file,
                  fmt::format("File holding 'user:password' for basic auth to {}", what));
  cmd->add_option("--header", f.headers, fmt::format("Extra HTTP header 'Name: value' to {} (repeatable)", what));
  cmd->add_option("--tenant-id", f.tenant_id,
                  fmt::format("Send X-Scope-OrgID to {} (Mimir/Cortex multi-tenancy)", what));
  cmd->add_option("--ca-file", f.ca_file, fmt::format("CA bundle to verify {}'s TLS certificate", what));
  cmd->add_flag("--insecure-skip-tls-verify", f.insecure, fmt::format("Do not verify {}'s TLS certificate", what));
  if (with_timeout)
    cmd->add_option("--timeout", f.timeout, "Seconds per HTTP request before giving up")->capture_default_str();
}

io::HttpOptions http_options(const HttpFlags& f, io::HttpOptions base)
{
  base.bearer_token_file = f.bearer_token_file;
  base.basic_auth_file = f.basic_auth_file;
  base.headers = f.headers;
  base.tenant_id = f.tenant_id;
  base.ca_file = f.ca_file;
  base.insecure_skip_tls_verify = f.insecure;
  base.timeout_seconds = f.timeout;
  return base;
}

}  // namespace readyctl::cli
