#include "readyctl/baseline/prometheus_client.hpp"

#include <chrono>
#include <cmath>
#include <memory>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/baseline/range_chunks.hpp"
#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/core/libcurl.hpp"
#include "readyctl/core/text.hpp"

namespace readyctl::baseline {
namespace {

// "https://user:pw@host/x" -> "https://host/x": URLs appear in messages, credentials must not.
std::string redact_url(const std::string& url)
{
  size_t scheme = url.find("://");
  size_t at = url.find('@', scheme == std::string::npos ? 0 : scheme);
  size_t slash = url.find('/', scheme == std::string::npos ? 0 : scheme + 3);
  if (scheme == std::string::npos || at == std::string::npos || (slash != std::string::npos && at > slash)) return url;
  return url.substr(0, scheme + 3) + url.substr(at + 1);
}

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

std::string transfer_error(const std::string& url, CURLcode rc, const Body& body)
{
  if (body.too_large)
    return fmt::format("cannot query Prometheus at {}: the response is larger than {} MiB, the most readyctl accepts",
                       redact_url(url), body.max_bytes / (1024 * 1024));
  return fmt::format("cannot query Prometheus at {}: {}", redact_url(url), libcurl().easy_strerror(rc));
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

std::vector<std::string> auth_headers(const ClientOptions& o)
{
  std::vector<std::string> headers;
  if (!o.bearer_token_file.empty())
    headers.push_back("Authorization: Bearer " + first_line_of(o.bearer_token_file, "a bearer token"));
  if (!o.basic_auth_file.empty())
    headers.push_back("Authorization: Basic " + base64(first_line_of(o.basic_auth_file, "user:password")));
  if (!o.tenant_id.empty()) headers.push_back("X-Scope-OrgID: " + o.tenant_id);
  for (const std::string& h : o.headers) {
    if (h.find(':') == std::string::npos || h.front() == ':')
      throw InputError(fmt::format("--header '{}': expected 'Name: value'", h.substr(0, h.find(':'))));
    headers.push_back(h);
  }
  return headers;
}

bool retryable(long status) { return status == 429 || status == 502 || status == 503 || status == 504; }

std::string form_encode(CURL* curl, const std::vector<std::pair<std::string, std::string>>& fields)
{
  std::string out;
  for (const auto& [k, v] : fields) {
    char* escaped = libcurl().easy_escape(curl, v.c_str(), static_cast<int>(v.size()));
    out += (out.empty() ? "" : "&") + k + "=" + escaped;
    libcurl().free(escaped);
  }
  return out;
}

std::string number(double v) { return fmt::format("{:.3f}", v); }

}  // namespace

PrometheusClient::PrometheusClient(ClientOptions options)
    : m_options(std::move(options)), m_auth_headers(auth_headers(m_options))
{
  while (!m_options.url.empty() && m_options.url.back() == '/') m_options.url.pop_back();
  (void)libcurl();  // a missing libcurl is an environment error before the first query
}

std::pair<long, std::string> PrometheusClient::perform(const std::string& path, const std::string* form)
{
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  std::unique_ptr<curl_slist, CurlListDeleter> headers;
  for (const std::string& h : m_auth_headers) headers.reset(libcurl().slist_append(headers.release(), h.c_str()));
  std::string url = m_options.url + path;
  Body body{{}, m_options.max_response_bytes};
  libcurl().easy_setopt(curl.get(), CURLOPT_URL, url.c_str());
  libcurl().easy_setopt(curl.get(), CURLOPT_HTTPHEADER, headers.get());
  libcurl().easy_setopt(curl.get(), CURLOPT_WRITEFUNCTION, append_body);
  libcurl().easy_setopt(curl.get(), CURLOPT_WRITEDATA, &body);
  libcurl().easy_setopt(curl.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(m_options.max_response_bytes));
  libcurl().easy_setopt(curl.get(), CURLOPT_NOSIGNAL, 1L);
  libcurl().easy_setopt(curl.get(), CURLOPT_ACCEPT_ENCODING, "");  // gzip when the server offers it
  libcurl().easy_setopt(curl.get(), CURLOPT_TIMEOUT_MS, static_cast<long>(m_options.timeout_seconds * 1000));
  libcurl().easy_setopt(curl.get(), CURLOPT_CONNECTTIMEOUT_MS, 10'000L);
  libcurl().easy_setopt(curl.get(), CURLOPT_USERAGENT, "readyctl/" READYCTL_VERSION);
  if (!m_options.ca_file.empty()) libcurl().easy_setopt(curl.get(), CURLOPT_CAINFO, m_options.ca_file.c_str());
  if (m_options.insecure_skip_tls_verify) {
    libcurl().easy_setopt(curl.get(), CURLOPT_SSL_VERIFYPEER, 0L);
    libcurl().easy_setopt(curl.get(), CURLOPT_SSL_VERIFYHOST, 0L);
  }
  if (form) libcurl().easy_setopt(curl.get(), CURLOPT_POSTFIELDS, form->c_str());

  for (int attempt = 1;; ++attempt) {
    body.text.clear();
    body.too_large = false;
    CURLcode rc = libcurl().easy_perform(curl.get());
    long status = 0;
    libcurl().easy_getinfo(curl.get(), CURLINFO_RESPONSE_CODE, &status);
    ++m_requests;
    m_bytes += body.text.size();
    bool transient = rc == CURLE_OPERATION_TIMEDOUT || (rc == CURLE_OK && retryable(status));
    if (!transient || attempt >= m_options.max_attempts) {
      if (rc == CURLE_FILESIZE_EXCEEDED) body.too_large = true;
      if (rc != CURLE_OK) throw EnvironmentError(transfer_error(url, rc, body));
      return {status, std::move(body.text)};
    }
    std::this_thread::sleep_for(std::chrono::duration<double>(m_options.backoff_seconds * std::pow(2.0, attempt - 1)));
  }
}

std::pair<long, std::string> PrometheusClient::post(const std::string& path, const std::string& form)
{
  return perform(path, &form);
}

std::pair<long, std::string> PrometheusClient::get(const std::string& path_and_query)
{
  return perform(path_and_query, nullptr);
}

QueryResult PrometheusClient::instant(const std::string& promql, double time)
{
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  std::string form = form_encode(curl.get(), {{"query", promql}, {"time", number(time)}});
  auto [status, body] = post("/api/v1/query", form);
  return parse_query_response(body, status, fmt::format("query '{}'", promql));
}

QueryResult PrometheusClient::range(const std::string& promql, double start, double end, double step)
{
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  QueryResult merged;
  std::map<std::map<std::string, std::string>, size_t> index;
  for (const TimeRange& chunk : range_chunks(start, end, step)) {
    std::string form = form_encode(curl.get(), {{"query", promql}, {"start", number(chunk.start)},
                                                {"end", number(chunk.end)}, {"step", number(step)}});
    auto [status, body] = post("/api/v1/query_range", form);
    QueryResult part = parse_query_response(body, status, fmt::format("query '{}'", promql));
    merged.warnings.insert(merged.warnings.end(), part.warnings.begin(), part.warnings.end());
    for (Series& s : part.series) {
      auto [it, fresh] = index.try_emplace(s.labels, merged.series.size());
      if (fresh) {
        merged.series.push_back(std::move(s));
        continue;
      }
      auto& samples = merged.series[it->second].samples;
      samples.insert(samples.end(), s.samples.begin(), s.samples.end());
    }
  }
  return merged;
}

std::vector<std::string> PrometheusClient::existing_names(const std::vector<std::string>& names, double start,
                                                          double end)
{
  std::unique_ptr<CURL, CurlHandleDeleter> curl(libcurl().easy_init());
  std::vector<std::pair<std::string, std::string>> fields{{"start", number(start)}, {"end", number(end)}};
  for (const std::string& n : names) fields.emplace_back("match[]", fmt::format("{{__name__=\"{}\"}}", n));
  auto [status, body] = get("/api/v1/label/__name__/values?" + form_encode(curl.get(), fields));
  return parse_label_values(body, status, "probing metric names");
}

std::string PrometheusClient::build_version()
{
  auto [status, body] = get("/api/v1/status/buildinfo");
  if (status == 404) return {};
  try {
    nlohmann::json doc = nlohmann::json::parse(body);
    return doc.at("data").value("version", "");
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

}  // namespace readyctl::baseline
