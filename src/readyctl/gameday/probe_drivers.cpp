#include "readyctl/gameday/probe_drivers.hpp"

#include <chrono>

#include <fmt/format.h>

#include "readyctl/baseline/prometheus_client.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/gameday/command_spec.hpp"
#include "readyctl/gameday/kubectl.hpp"
#include "readyctl/gameday/probes.hpp"
#include "readyctl/gameday/template.hpp"
#include "readyctl/io/http.hpp"

namespace readyctl::gameday {

namespace {

constexpr size_t k_max_text = 4096;

std::string rtrim(std::string s)
{
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r' || s.back() == ' ' || s.back() == '\t')) s.pop_back();
  return s;
}

Json parsed_or_null(const std::string& text)
{
  Json parsed = Json::parse(text, nullptr, false);
  return parsed.is_discarded() ? Json() : parsed;
}

std::map<std::string, std::string> header_map(const Json& spec)
{
  std::map<std::string, std::string> headers;
  if (spec.contains("headers") && spec["headers"].is_object())
    for (auto it = spec["headers"].begin(); it != spec["headers"].end(); ++it) headers[it.key()] = json_text(it.value());
  return headers;
}

Json exec_output(const io::ProcessSpec& command, double timeout, ProbeEnv& env)
{
  io::ProcessResult r;
  try {
    r = io::run_process(command, {timeout, env.should_stop});
  } catch (const EnvironmentError& e) {
    return {{"exitCode", 127}, {"stdout", ""}, {"stderr", e.what()}, {"json", nullptr}, {"error", e.what()}};
  }
  Json out = {{"exitCode", r.exit_code}, {"stdout", rtrim(r.out).substr(0, k_max_text * 4)},
              {"stderr", rtrim(r.err).substr(0, k_max_text)}, {"json", parsed_or_null(r.out)}};
  if (r.timed_out) out["error"] = fmt::format("timed out after {}s", timeout);
  if (r.signal) out["signal"] = r.signal;
  return out;
}

// One series as the Prometheus API writes it: `value` for an instant sample, `values` for a range selector.
Json series_json(const baseline::Series& series)
{
  Json metric = Json::object();
  for (const auto& [name, value] : series.labels) metric[name] = value;
  Json samples = Json::array();
  for (const baseline::Sample& s : series.samples) samples.push_back({s.time, fmt::format("{}", s.value)});
  if (samples.size() == 1) return {{"metric", metric}, {"value", samples[0]}};
  return {{"metric", metric}, {"values", samples}};
}

// A `prometheus` probe's block.
struct PrometheusQuery {
  std::string url;
  std::string query;
};

// Through baseline's Prometheus client, so a probe reaches a server the way `readyctl baseline` does.
Json prometheus_output(const PrometheusQuery& spec, double timeout, const ProbeEnv& env)
{
  baseline::ClientOptions options{spec.url, env.prometheus ? *env.prometheus : io::HttpOptions{}};
  options.http.timeout_seconds = timeout;
  options.http.max_attempts = 1;  // the probe's own interval and `until` do the retrying
  auto now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  baseline::PrometheusClient client(std::move(options));
  baseline::InstantAnswer answer = client.try_instant(spec.query, now);
  Json out = {{"value", nullptr}, {"series", answer.result.series.size()}, {"result", Json::array()},
              {"status", answer.status}};
  if (!answer.error.empty()) out["error"] = answer.error;
  if (answer.refused) out["refused"] = true;
  for (const baseline::Series& s : answer.result.series) out["result"].push_back(series_json(s));
  if (!answer.error.empty()) out["result"] = nullptr;
  const auto& series = answer.result.series;
  if (!series.empty() && series[0].samples.size() == 1) out["value"] = series[0].samples[0].value;
  return out;
}

Json kubernetes_output(const Json& spec, double timeout, ProbeEnv& env)
{
  try {
    return kubectl_get(spec, *env.safety, timeout, env.should_stop);
  } catch (const EnvironmentError& e) {
    std::string what = e.what();
    Json out = {{"count", 0}, {"names", Json::array()}, {"items", Json::array()}};
    if (what.find("NotFound") == std::string::npos) out["error"] = what;
    return out;
  }
}

// A `dapr-workflow` probe's block, read as `GET {url}/v1.0/workflows/{component}/{instanceId}`.
io::HttpRequest dapr_request(const Json& spec)
{
  std::string base = spec.contains("url") ? json_text(spec["url"]) : "http://127.0.0.1:3500";
  std::string component = spec.contains("component") ? json_text(spec["component"]) : "dapr";
  io::HttpRequest request;
  request.url = fmt::format("{}/v1.0/workflows/{}/{}", base, component, json_text(spec["instanceId"]));
  request.headers = header_map(spec);
  return request;
}

Json dapr_output(const io::HttpRequest& request, double timeout)
{
  Json http = http_output(request, timeout);
  Json out = {{"status", http["status"]}, {"json", http["json"]}, {"runtimeStatus", nullptr}};
  if (http["json"].is_object()) out["runtimeStatus"] = http["json"].value("runtimeStatus", "");
  if (http.contains("error")) out["error"] = http["error"];
  if (http.contains("refused")) out["refused"] = true;
  return out;
}

}  // namespace

io::HttpRequest http_request(const Json& spec, const std::string& default_method)
{
  io::HttpRequest request;
  request.url = json_text(spec["url"]);
  request.method = spec.contains("method") ? json_text(spec["method"]) : default_method;
  request.headers = header_map(spec);
  if (spec.contains("json")) {
    request.body = spec["json"].dump();
    request.headers.emplace("Content-Type", "application/json");
  } else if (spec.contains("body")) {
    request.body = json_text(spec["body"]);
  }
  return request;
}

Json http_output(const io::HttpRequest& request, double timeout)
{
  io::HttpOptions options;
  options.timeout_seconds = timeout;
  io::HttpResponse response = io::HttpClient(options).send(request);
  Json out = {{"status", response.status}, {"body", response.body.substr(0, k_max_text)},
              {"json", parsed_or_null(response.body)}, {"elapsed", response.elapsed_seconds}};
  if (!response.error.empty()) out["error"] = response.error;
  if (response.refused) out["refused"] = true;
  return out;
}

Json run_http_probe(const Json& spec, double timeout, ProbeEnv&) { return http_output(http_request(spec, "GET"), timeout); }

Json run_prometheus_probe(const Json& spec, double timeout, ProbeEnv& env)
{
  return prometheus_output({json_text(spec["url"]), json_text(spec["query"])}, timeout, env);
}

Json run_exec_probe(const Json& spec, double timeout, ProbeEnv& env)
{
  return exec_output(command_spec(spec), timeout, env);
}

Json run_kubernetes_probe(const Json& spec, double timeout, ProbeEnv& env)
{
  return kubernetes_output(spec, timeout, env);
}

Json run_process_probe(const Json& spec, double, ProbeEnv& env) { return env.processes->status(json_text(spec["name"])); }

Json run_dapr_workflow_probe(const Json& spec, double timeout, ProbeEnv&)
{
  return dapr_output(dapr_request(spec), timeout);
}

}  // namespace readyctl::gameday
