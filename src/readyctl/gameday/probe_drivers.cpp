#include "readyctl/gameday/probe_drivers.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/gameday/http_client.hpp"
#include "readyctl/gameday/kubectl.hpp"
#include "readyctl/gameday/subprocess.hpp"
#include "readyctl/gameday/template.hpp"

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

Json exec_output(const Json& spec, double timeout, ProbeEnv& env)
{
  CommandResult r;
  try {
    r = run_command(command_spec(spec), timeout, env.should_stop);
  } catch (const EnvironmentError& e) {
    return {{"exitCode", 127}, {"stdout", ""}, {"stderr", e.what()}, {"json", nullptr}, {"error", e.what()}};
  }
  Json out = {{"exitCode", r.exit_code}, {"stdout", rtrim(r.out).substr(0, k_max_text * 4)},
              {"stderr", rtrim(r.err).substr(0, k_max_text)}, {"json", parsed_or_null(r.out)}};
  if (r.timed_out) out["error"] = fmt::format("timed out after {}s", timeout);
  if (r.signal) out["signal"] = r.signal;
  return out;
}

Json prometheus_output(const Json& spec, double timeout)
{
  Json request = {{"url", fmt::format("{}/api/v1/query?query={}", json_text(spec["url"]),
                                      url_encode(json_text(spec["query"])))}};
  Json http = http_output(request, "GET", timeout);
  Json out = {{"value", nullptr}, {"series", 0}, {"result", nullptr}, {"status", http["status"]}};
  if (http.contains("error")) out["error"] = http["error"];
  if (http.contains("refused")) out["refused"] = true;
  const Json& body = http["json"];
  if (!body.is_object() || !body.contains("data")) {
    if (!out.contains("error")) out["error"] = "no query result in the response";
    return out;
  }
  const Json& result = body["data"]["result"];
  out["result"] = result;
  if (result.is_array()) {
    out["series"] = result.size();
    if (!result.empty() && result[0].contains("value")) out["value"] = std::stod(json_text(result[0]["value"][1]));
  } else if (body["data"].value("resultType", "") == "scalar") {
    out["series"] = 1;
    out["value"] = std::stod(json_text(result[1]));
  }
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

Json dapr_output(const Json& spec, double timeout)
{
  std::string base = spec.contains("url") ? json_text(spec["url"]) : "http://127.0.0.1:3500";
  std::string component = spec.contains("component") ? json_text(spec["component"]) : "dapr";
  Json request = {{"url", fmt::format("{}/v1.0/workflows/{}/{}", base, component, json_text(spec["instanceId"]))}};
  if (spec.contains("headers")) request["headers"] = spec["headers"];
  Json http = http_output(request, "GET", timeout);
  Json out = {{"status", http["status"]}, {"json", http["json"]}, {"runtimeStatus", nullptr}};
  if (http["json"].is_object()) out["runtimeStatus"] = http["json"].value("runtimeStatus", "");
  if (http.contains("error")) out["error"] = http["error"];
  if (http.contains("refused")) out["refused"] = true;
  return out;
}

}  // namespace

std::map<std::string, std::string> header_map(const Json& spec)
{
  std::map<std::string, std::string> headers;
  if (spec.contains("headers") && spec["headers"].is_object())
    for (auto it = spec["headers"].begin(); it != spec["headers"].end(); ++it) headers[it.key()] = json_text(it.value());
  return headers;
}

Json http_output(const Json& spec, const std::string& default_method, double timeout)
{
  HttpRequest request;
  request.url = json_text(spec["url"]);
  request.method = spec.contains("method") ? json_text(spec["method"]) : default_method;
  request.headers = header_map(spec);
  request.timeout_seconds = timeout;
  if (spec.contains("json")) {
    request.body = spec["json"].dump();
    request.headers.emplace("Content-Type", "application/json");
  } else if (spec.contains("body")) {
    request.body = json_text(spec["body"]);
  }
  HttpResponse response = http_request(request);
  Json out = {{"status", response.status}, {"body", response.body.substr(0, k_max_text)},
              {"json", parsed_or_null(response.body)}, {"elapsed", response.elapsed_seconds}};
  if (!response.error.empty()) out["error"] = response.error;
  if (response.refused) out["refused"] = true;
  return out;
}

Json run_probe_driver(const std::string& type, const Json& spec, double timeout, ProbeEnv& env)
{
  if (type == "http") return http_output(spec, "GET", timeout);
  if (type == "exec") return exec_output(spec, timeout, env);
  if (type == "prometheus") return prometheus_output(spec, timeout);
  if (type == "kubernetes") return kubernetes_output(spec, timeout, env);
  if (type == "process") return env.processes->status(json_text(spec["name"]));
  if (type == "dapr-workflow") return dapr_output(spec, timeout);
  throw InputError(fmt::format("unknown probe type '{}'", type));
}

}  // namespace readyctl::gameday
