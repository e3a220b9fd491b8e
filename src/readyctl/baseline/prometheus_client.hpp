// The HTTP client for any Prometheus-compatible query API; the only code in readyctl that knows curl.
#pragma once
#include <atomic>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/baseline/query_result.hpp"

namespace readyctl::baseline {

// Where the API lives and how to authenticate. Secrets are read from files and never logged.
struct ClientOptions {
  std::string url;                 // base URL, e.g. http://prometheus:9090 or http://mimir/prometheus
  std::string bearer_token_file;   // Authorization: Bearer <file content>
  std::string basic_auth_file;     // "user:password" in one line
  std::vector<std::string> headers;  // "Name: value"
  std::string tenant_id;           // X-Scope-OrgID (Mimir, Cortex, Thanos receive)
  std::string ca_file;
  bool insecure_skip_tls_verify = false;
  double timeout_seconds = 120;
  int max_attempts = 4;            // per request, retrying 429/502/503/504 and transport failures
  double backoff_seconds = 0.5;    // doubled per retry
  // A bigger body fails the query (exit 3): range queries come in chunks of at most 11,000 points per series.
  size_t max_response_bytes = size_t{256} * 1024 * 1024;
};

struct ClientStats {
  size_t requests = 0;
  size_t bytes_received = 0;
};

class PrometheusClient {
public:
  explicit PrometheusClient(ClientOptions options);

  // Instant query at `time` (Unix seconds), by POST so long expressions fit.
  QueryResult instant(const std::string& promql, double time);
  // Range query over [start, end]; split into step-aligned chunks below the 11,000-points cap and merged.
  QueryResult range(const std::string& promql, double start, double end, double step);
  // Which of these exact metric names have series in [start, end] (label-values API, one request).
  std::vector<std::string> existing_names(const std::vector<std::string>& names, double start, double end);
  // The server's version from /api/v1/status/buildinfo, or "" when the backend does not offer it.
  std::string build_version();

  ClientStats stats() const { return {m_requests.load(), m_bytes.load()}; }

private:
  // HTTP status and body. The body is moved out, never copied: range answers run to megabytes.
  std::pair<long, std::string> post(const std::string& path, const std::string& form);
  std::pair<long, std::string> get(const std::string& path_and_query);
  std::pair<long, std::string> perform(const std::string& path, const std::string* form);

  ClientOptions m_options;
  std::vector<std::string> m_auth_headers;  // built once; contain secrets, never printed
  std::atomic<size_t> m_requests{0};
  std::atomic<size_t> m_bytes{0};
};

}  // namespace readyctl::baseline
