// The one Prometheus reader, for any Prometheus-compatible query API (baseline's queries, game day's probe); it
// talks HTTP through io/http.
#pragma once
#include <atomic>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "readyctl/baseline/query_result.hpp"
#include "readyctl/io/http.hpp"

namespace readyctl::baseline {

// Where the API lives and how to reach it (credentials, TLS, tenant, timeouts, retries).
struct ClientOptions {
  std::string url;  // base URL, e.g. http://prometheus:9090 or http://mimir/prometheus
  io::HttpOptions http = with_retries();

  static io::HttpOptions with_retries()
  {
    io::HttpOptions o;
    o.max_attempts = 4;  // range queries over days meet the odd 503 from a busy server
    return o;
  }
};

// An instant query's outcome for a caller that watches a server (game day's probe): a dead server, a refusal or an
// error answer is a reason, not an exception.
struct InstantAnswer {
  long status = 0;
  bool refused = false;  // nothing listens there
  std::string error;     // "" when `result` holds the answer
  QueryResult result;
};

struct ClientStats {
  size_t requests = 0;  // attempts, retries included
  size_t bytes_received = 0;
};

class PrometheusClient {
public:
  // InputError for an unreadable credential file; EnvironmentError when libcurl is missing.
  explicit PrometheusClient(ClientOptions options);

  // Instant query at `time` (Unix seconds), by POST so long expressions fit.
  QueryResult instant(const std::string& promql, double time);
  InstantAnswer try_instant(const std::string& promql, double time);
  // Range query over [start, end]; split into step-aligned chunks below the 11,000-points cap and merged.
  QueryResult range(const std::string& promql, double start, double end, double step);
  // Which of these exact metric names have series in [start, end] (label-values API, one request).
  std::vector<std::string> existing_names(const std::vector<std::string>& names, double start, double end);
  // The server's version from /api/v1/status/buildinfo, or "" when the backend does not offer it.
  std::string build_version();

  ClientStats stats() const { return {m_requests.load(), m_bytes.load()}; }

private:
  // The response, or why there is none ("" when there is one worth decoding).
  std::pair<io::HttpResponse, std::string> send(const std::string& path, const std::string* form);
  // HTTP status and body; EnvironmentError naming the (redacted) URL when no usable answer came.
  // The body is moved out, never copied: range answers run to megabytes.
  std::pair<long, std::string> perform(const std::string& path, const std::string* form);

  std::string m_url;
  io::HttpClient m_http;
  std::atomic<size_t> m_requests{0};
  std::atomic<size_t> m_bytes{0};
};

}  // namespace readyctl::baseline
