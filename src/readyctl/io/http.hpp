// The one way readyctl talks HTTP, and the only code that knows libcurl: retries with backoff, credentials from
// files, TLS trust, the tenant header, and answers in which every credential sent is redacted.
#pragma once
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "readyctl/io/redact.hpp"

namespace readyctl::io {

// Where trust and credentials come from. Secrets are read from files (first line), never from flags' values.
struct HttpOptions {
  std::string bearer_token_file;     // Authorization: Bearer <token>           (--bearer-token-file)
  std::string basic_auth_file;       // Authorization: Basic, "user:password"  (--basic-auth-file)
  std::vector<std::string> headers;  // "Name: value" (--header); credential-like values are redacted too
  std::string tenant_id;             // X-Scope-OrgID (Mimir, Cortex, Thanos receive, vmauth)
  std::string ca_file;
  bool insecure_skip_tls_verify = false;
  double timeout_seconds = 120;
  double connect_timeout_seconds = 10;
  int max_attempts = 1;          // per request, retrying 429/502/503/504 and timeouts
  double backoff_seconds = 0.5;  // doubled per retry
  // A bigger body is a failure (HttpResponse::too_large) rather than memory exhaustion.
  size_t max_response_bytes = size_t{256} * 1024 * 1024;
};

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::map<std::string, std::string> headers;  // on top of the options'; credential-like values are redacted
  std::string body;                            // sent when not empty, and always for POST and PUT
};

// What the server said about the credentials.
enum class AuthVerdict {
  none,     // nothing about credentials
  refused,  // 401/403, or an auth proxy's 400 about the credential we sent
  missing,  // 401/403 and we sent none
};

// An answer, or why there is none. Body and error have every credential sent replaced by "<redacted>".
struct HttpResponse {
  long status = 0;  // 0 when no response arrived
  std::string body;
  std::string error;      // transport failure (connection refused, timeout, too large); empty on a response
  bool refused = false;   // nothing accepted the connection: no server listens there
  bool too_large = false; // the body passed max_response_bytes
  AuthVerdict auth = AuthVerdict::none;
  std::string credentials_from;  // the flag or header the credentials came from, "" without any
  double elapsed_seconds = 0;
  int attempts = 0;
  size_t bytes_received = 0;  // over every attempt
};

class HttpClient {
public:
  // Reads the credential files now: InputError naming the file when one is empty or unreadable.
  explicit HttpClient(HttpOptions options);

  // Never throws for a dead server or a failed transfer: that is an answer with a reason.
  HttpResponse send(const HttpRequest& request) const;

  std::string redact(std::string_view text) const { return m_redactor.redact(text); }
  const HttpOptions& options() const { return m_options; }

private:
  HttpOptions m_options;
  std::vector<std::string> m_headers;  // built once; hold secrets, never printed
  Redactor m_redactor;
  std::string m_credential_flag;  // which flag the credentials came from, "" without any
};

// What to tell the user about a response whose `auth` is not none, "" otherwise: names the flag the credentials
// came from, never their value, and quotes the (redacted) first line of the server's answer.
std::string auth_problem(const HttpResponse& response);

// Percent-encodes a query parameter value; a form body from name/value pairs.
std::string url_encode(std::string_view text);
std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields);

}  // namespace readyctl::io
