// The one place gameday talks HTTP (libcurl): probes, actions, Prometheus and Dapr all come through here.
#pragma once
#include <map>
#include <string>

namespace readyctl::gameday {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::map<std::string, std::string> headers;
  std::string body;
  double timeout_seconds = 10;
};

struct HttpResponse {
  long status = 0;    // 0 when no response arrived
  std::string body;
  std::string error;  // transport error (connection refused, timeout); empty on a response
  bool refused = false;  // nothing accepted the connection: no server listens there
  double elapsed_seconds = 0;
};

// Never throws for transport failures: a dead server is an observation, not an error.
HttpResponse http_request(const HttpRequest& request);

// Percent-encodes a query parameter value.
std::string url_encode(const std::string& text);

}  // namespace readyctl::gameday
