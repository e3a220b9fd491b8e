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

std::map<std::string, std::string> header_map(const std::map<std::string, Template>& written)
{
  std::map<std::string, std::string> headers;
  for (const auto& [name, value] : written) headers[name] = value.text();
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

// Through baseline's Prometheus client, so a probe reaches a server the way `readyctl baseline` does.
Json prometheus_output(const std::string& url, const std::string& query, double timeout, const ProbeEnv& env)
{
  baseline::ClientOptions options{url, env.prometheus ? *env.prometheus : io::HttpOptions{}};
  options.http.timeout_seconds = timeout;
  options.http.max_attempts = 1;  // the probe's own interval and `until` do the retrying
  auto now = std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
  baseline::PrometheusClient client(std::move(options));
  baseline::InstantAnswer answer = client.try_instant(query, now);
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

Json kubernetes_output(const KubeGetSpec& spec, double timeout, ProbeEnv& env)
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

io::HttpRequest dapr_request(const DaprWorkflowSpec& spec)
{
  std::string base = optional_text(spec.url).value_or("http://127.0.0.1:3500");
  std::string component = optional_text(spec.component).value_or("dapr");
  io::HttpRequest request;
  request.url = fmt::format("{}/v1.0/workflows/{}/{}", base, component, spec.instance_id.text());
  request.headers = header_map(spec.headers);
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

io::HttpRequest http_request(const HttpSpec& spec, const std::string& default_method)
{
  io::HttpRequest request;
  request.url = spec.url.text();
  request.method = optional_text(spec.method).value_or(default_method);
  request.headers = header_map(spec.headers);
  if (spec.json) {
    request.body = spec.json->value.dump();
    request.headers.emplace("Content-Type", "application/json");
  } else if (spec.body) {
    request.body = spec.body->text();
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

Json run_http_probe(const HttpSpec& spec, double timeout, ProbeEnv&)
{
  return http_output(http_request(spec, "GET"), timeout);
}

Json run_prometheus_probe(const PrometheusSpec& spec, double timeout, ProbeEnv& env)
{
  return prometheus_output(spec.url.text(), spec.query.text(), timeout, env);
}

Json run_exec_probe(const CommandSpec& spec, double timeout, ProbeEnv& env)
{
  return exec_output(process_spec(spec), timeout, env);
}

Json run_kubernetes_probe(const KubeGetSpec& spec, double timeout, ProbeEnv& env)
{
  return kubernetes_output(spec, timeout, env);
}

Json run_process_probe(const ProcessProbeSpec& spec, double, ProbeEnv& env)
{
  return env.processes->status(spec.name.text());
}

Json run_dapr_workflow_probe(const DaprWorkflowSpec& spec, double timeout, ProbeEnv&)
{
  return dapr_output(dapr_request(spec), timeout);
}

}  // namespace readyctl::gameday
