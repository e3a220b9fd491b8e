#include "readyctl/baseline/prometheus_client.hpp"

#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/baseline/range_chunks.hpp"
#include "readyctl/core/error.hpp"

namespace readyctl::baseline {
namespace {

std::string number(double v) { return fmt::format("{:.3f}", v); }

std::string trimmed_url(std::string url)
{
  while (!url.empty() && url.back() == '/') url.pop_back();
  return url;
}

}  // namespace

PrometheusClient::PrometheusClient(ClientOptions options)
    : m_url(trimmed_url(std::move(options.url))), m_http(std::move(options.http))
{
}

std::pair<io::HttpResponse, std::string> PrometheusClient::send(const std::string& path, const std::string* form)
{
  io::HttpRequest request{form ? "POST" : "GET", m_url + path, {}, form ? *form : ""};
  io::HttpResponse response = m_http.send(request);
  m_requests += static_cast<size_t>(response.attempts);
  m_bytes += response.bytes_received;
  std::string problem = response.error.empty() ? io::auth_problem(response) : response.error;
  if (problem.empty()) return {std::move(response), ""};
  return {std::move(response), fmt::format("cannot query Prometheus at {}: {}", io::redact_url(request.url), problem)};
}

std::pair<long, std::string> PrometheusClient::perform(const std::string& path, const std::string* form)
{
  auto [response, problem] = send(path, form);
  if (!problem.empty()) throw EnvironmentError(problem);
  return {response.status, std::move(response.body)};
}

QueryResult PrometheusClient::instant(const std::string& promql, double time)
{
  std::string form = io::form_encode({{"query", promql}, {"time", number(time)}});
  auto [status, body] = perform("/api/v1/query", &form);
  return parse_query_response(body, status, fmt::format("query '{}'", promql));
}

InstantAnswer PrometheusClient::try_instant(const std::string& promql, double time)
{
  std::string form = io::form_encode({{"query", promql}, {"time", number(time)}});
  auto [response, problem] = send("/api/v1/query", &form);
  InstantAnswer answer{response.status, response.refused, problem, {}};
  if (!problem.empty()) return answer;
  try {
    answer.result = parse_query_response(response.body, response.status, fmt::format("query '{}'", promql));
  } catch (const EnvironmentError& e) {
    answer.error = e.what();
  }
  return answer;
}

QueryResult PrometheusClient::range(const std::string& promql, double start, double end, double step)
{
  QueryResult merged;
  std::map<std::map<std::string, std::string>, size_t> index;
  for (const TimeRange& chunk : range_chunks(start, end, step)) {
    std::string form = io::form_encode({{"query", promql}, {"start", number(chunk.start)},
                                        {"end", number(chunk.end)}, {"step", number(step)}});
    auto [status, body] = perform("/api/v1/query_range", &form);
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
  std::vector<std::pair<std::string, std::string>> fields{{"start", number(start)}, {"end", number(end)}};
  for (const std::string& n : names) fields.emplace_back("match[]", fmt::format("{{__name__=\"{}\"}}", n));
  auto [status, body] = perform("/api/v1/label/__name__/values?" + io::form_encode(fields), nullptr);
  return parse_label_values(body, status, "probing metric names");
}

std::string PrometheusClient::build_version()
{
  auto [status, body] = perform("/api/v1/status/buildinfo", nullptr);
  if (status == 404) return {};
  try {
    nlohmann::json doc = nlohmann::json::parse(body);
    return doc.at("data").value("version", "");
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

}  // namespace readyctl::baseline
