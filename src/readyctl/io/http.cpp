#include "readyctl/io/http.hpp"

#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/printable.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/io/libcurl.hpp"

namespace readyctl::io {
namespace {

using Clock = std::chrono::steady_clock;

// The response body, refused past a cap so a runaway or hostile server cannot exhaust memory.
struct Body {
  std::string text;
  size_t max_bytes;
  bool too_large = false;
};

size_t append_body(char* data, size_t size, size_t count, void* user)
{
  auto* body = static_cast<Body*>(user);
  if (body->text.size() + size * count > body->max_bytes) {
    body->too_large = true;
    return 0;  // curl aborts the transfer with CURLE_WRITE_ERROR
  }
  body->text.append(data, size * count);
  return size * count;
}

std::string first_line_of(const std::string& path, const char* what)
{
  std::string text = read_file(path);
  std::string_view line = trim(std::string_view(text).substr(0, text.find('\n')));
  if (line.empty()) throw InputError(fmt::format("{}:1:1: expected {} on the first line", path, what));
  return std::string(line);
}

std::string base64(std::string_view in)
{
  static constexpr char k_alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < in.size(); i += 3) {
    unsigned n = static_cast<unsigned char>(in[i]) << 16;
    if (i + 1 < in.size()) n |= static_cast<unsigned char>(in[i + 1]) << 8;
    if (i + 2 < in.size()) n |= static_cast<unsigned char>(in[i + 2]);
    out += k_alphabet[(n >> 18) & 63];
    out += k_alphabet[(n >> 12) & 63];
    out += i + 1 < in.size() ? k_alphabet[(n >> 6) & 63] : '=';
    out += i + 2 < in.size() ? k_alphabet[n & 63] : '=';
  }
  return out;
}

// A credential header and the secrets it carries: the header value, and for basic auth the pair and the password.
void add_basic_auth(const std::string& pair, std::vector<std::string>& headers, Redactor& redactor)
{
  headers.push_back("Authorization: Basic " + base64(pair));
  redactor.add_header_value(headers.back().substr(headers.back().find(':') + 1));
  redactor.add(pair);
  // The password alone too, unless so short that hiding it would garble every message (and guessing it is trivial).
  std::string password = pair.substr(pair.find(':') == std::string::npos ? pair.size() : pair.find(':') + 1);
  if (password.size() >= 4) redactor.add(password);
}

void add_header(std::string_view name, std::string_view value, std::vector<std::string>& headers, Redactor& redactor)
{
  headers.push_back(fmt::format("{}: {}", name, value));
  if (is_credential_header(name)) redactor.add_header_value(value);
}

bool retryable(long status) { return status == 429 || status == 502 || status == 503 || status == 504; }

// An auth proxy may refuse a credential with a 400 (vmauth: `cannot find the provided auth token "Bearer …"`).
bool about_credentials(std::string_view body, const Redactor& sent)
{
  std::string lower = to_lower(body.substr(0, 4096));
  for (std::string_view word : {"auth token", "authoriz", "credential", "unauthenticated"})
    if (lower.find(word) != std::string::npos) return true;
  return sent.found_in(body);
}

AuthVerdict judge(long status, std::string_view raw_body, bool sent_credentials, const Redactor& sent)
{
  if (status == 401 || status == 403) return sent_credentials ? AuthVerdict::refused : AuthVerdict::missing;
  if (status == 400 && sent_credentials && about_credentials(raw_body, sent)) return AuthVerdict::refused;
  return AuthVerdict::none;
}

void configure(CURL* curl, const HttpOptions& o, const HttpRequest& request, curl_slist* headers, Body* body)
{
  const Libcurl& c = libcurl();
  c.easy_setopt(curl, CURLOPT_URL, request.url.c_str());
  c.easy_setopt(curl, CURLOPT_CUSTOMREQUEST, request.method.c_str());
  c.easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  c.easy_setopt(curl, CURLOPT_WRITEFUNCTION, append_body);
  c.easy_setopt(curl, CURLOPT_WRITEDATA, body);
  c.easy_setopt(curl, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(o.max_response_bytes));
  c.easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  c.easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip when the server offers it
  c.easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(o.timeout_seconds * 1000));
  c.easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(o.connect_timeout_seconds * 1000));
  c.easy_setopt(curl, CURLOPT_USERAGENT, "readyctl/" READYCTL_VERSION);
  if (!o.ca_file.empty()) c.easy_setopt(curl, CURLOPT_CAINFO, o.ca_file.c_str());
  if (o.insecure_skip_tls_verify) {
    c.easy_setopt(curl, CURLOPT_SSL_VERIFYPEER, 0L);
    c.easy_setopt(curl, CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (!request.body.empty() || request.method == "POST" || request.method == "PUT") {
    c.easy_setopt(curl, CURLOPT_POSTFIELDS, request.body.c_str());
    c.easy_setopt(curl, CURLOPT_POSTFIELDSIZE, static_cast<long>(request.body.size()));
  }
}

std::string transfer_error(CURLcode rc, const Body& body)
{
  if (body.too_large)
    return fmt::format("the response is larger than {} MiB, the most readyctl accepts", body.max_bytes / (1024 * 1024));
  return libcurl().easy_strerror(rc);
}

// One attempt after another until an answer that is not worth retrying, or the attempts run out.
CURLcode perform_with_retries(CURL* curl, const HttpOptions& o, Body& body, HttpResponse& response)
{
  for (int attempt = 1;; ++attempt) {
    body.text.clear();
    body.too_large = false;
    CURLcode rc = libcurl().easy_perform(curl);
    long status = 0;
    libcurl().easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &status);
    response.attempts = attempt;
    response.bytes_received += body.text.size();
    bool transient = rc == CURLE_OPERATION_TIMEDOUT || (rc == CURLE_OK && retryable(status));
    if (!transient || attempt >= o.max_attempts) {
      if (rc == CURLE_FILESIZE_EXCEEDED) body.too_large = true;
      response.status = rc == CURLE_OK ? status : 0;
      return rc;
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(o.backoff_seconds * std::pow(2.0, attempt - 1)));
  }
}

}  // namespace

HttpClient::HttpClient(HttpOptions options) : m_options(std::move(options))
{
  const HttpOptions& o = m_options;
  if (!o.bearer_token_file.empty()) {
    std::string token = first_line_of(o.bearer_token_file, "a bearer token");
    add_header("Authorization", "Bearer " + token, m_headers, m_redactor);
    m_credential_flag = "--bearer-token-file";
  }
  if (!o.basic_auth_file.empty()) {
    add_basic_auth(first_line_of(o.basic_auth_file, "user:password"), m_headers, m_redactor);
    m_credential_flag = m_credential_flag.empty() ? "--basic-auth-file" : m_credential_flag + " and --basic-auth-file";
  }
  if (!o.tenant_id.empty()) m_headers.push_back("X-Scope-OrgID: " + o.tenant_id);
  for (const std::string& h : o.headers) {
    size_t colon = h.find(':');
    if (colon == std::string::npos || colon == 0)
      throw InputError(fmt::format("--header '{}': expected 'Name: value'", h.substr(0, colon)));
    add_header(trim(std::string_view(h).substr(0, colon)), trim(std::string_view(h).substr(colon + 1)), m_headers,
               m_redactor);
    if (is_credential_header(trim(std::string_view(h).substr(0, colon))) && m_credential_flag.empty())
      m_credential_flag = "--header";
  }
  (void)libcurl();  // a missing libcurl is an environment error before the first request
}

HttpResponse HttpClient::send(const HttpRequest& request) const
{
  std::vector<std::string> lines = m_headers;
  Redactor redactor = m_redactor;
  std::string source = m_credential_flag;
  for (const auto& [name, value] : request.headers) {
    add_header(name, value, lines, redactor);
    if (is_credential_header(name) && source.empty()) source = fmt::format("the '{}' header", name);
  }
  HttpResponse response;
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  std::unique_ptr<curl_slist, CurlListDeleter> list;
  for (const std::string& h : lines) list.reset(libcurl().slist_append(list.release(), h.c_str()));
  Body body{{}, m_options.max_response_bytes};
  configure(curl.get(), m_options, request, list.get(), &body);
  auto start = Clock::now();
  CURLcode rc = perform_with_retries(curl.get(), m_options, body, response);
  response.elapsed_seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (rc != CURLE_OK) {
    response.error = redactor.redact(transfer_error(rc, body));
    response.refused = rc == CURLE_COULDNT_CONNECT;
    response.too_large = body.too_large;
    return response;
  }
  response.auth = judge(response.status, body.text, !source.empty(), redactor);
  response.credentials_from = source;
  response.body = redactor.empty() ? std::move(body.text) : redactor.redact(body.text);
  return response;
}

std::string auth_problem(const HttpResponse& r)
{
  std::string said = printable(std::string_view(r.body).substr(0, std::min(r.body.find('\n'), size_t{200})));
  if (r.auth == AuthVerdict::refused)
    return fmt::format("the server refused the credentials given with {} (HTTP {}: '{}')", r.credentials_from,
                       r.status, said);
  if (r.auth == AuthVerdict::missing)
    return fmt::format("the server asks for credentials (HTTP {}: '{}'); give them with --bearer-token-file, "
                       "--basic-auth-file or --header 'Authorization: …'",
                       r.status, said);
  return {};
}

std::string url_encode(std::string_view text)
{
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  char* encoded = libcurl().easy_escape(curl.get(), text.data(), static_cast<int>(text.size()));
  std::string out = encoded ? encoded : "";
  libcurl().free(encoded);
  return out;
}

std::string form_encode(const std::vector<std::pair<std::string, std::string>>& fields)
{
  std::string out;
  for (const auto& [k, v] : fields) out += (out.empty() ? "" : "&") + k + "=" + url_encode(v);
  return out;
}

}  // namespace readyctl::io
