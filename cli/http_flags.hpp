// The flags that say how to reach an HTTP server (credentials, TLS, tenant, timeout), shared by `baseline` and
// `gameday run` so both spell them the same.
#pragma once
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "readyctl/io/http.hpp"

namespace readyctl::cli {

struct HttpFlags {
  std::string bearer_token_file, basic_auth_file, tenant_id, ca_file;
  std::vector<std::string> headers;
  bool insecure = false;
  double timeout = 120;
};

// `what` names the server in the help text ("Prometheus", "the prometheus probes' server").
void add_http_flags(CLI::App* cmd, HttpFlags& flags, const std::string& what, bool with_timeout);

io::HttpOptions http_options(const HttpFlags& flags, io::HttpOptions base = {});

}  // namespace readyctl::cli
