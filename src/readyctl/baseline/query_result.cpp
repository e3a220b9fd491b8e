#include "readyctl/baseline/query_result.hpp"

#include <cmath>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/core/error.hpp"

namespace readyctl::baseline {
namespace {

using nlohmann::json;

// A proxy's HTML error page says nothing useful in full: keep its first line, short.
std::string excerpt(std::string_view body)
{
  std::string_view line = body.substr(0, body.find('\n'));
  return std::string(line.substr(0, 120));
}

json parse_envelope(std::string_view body, long http_status, std::string_view what)
{
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("status"))
    throw EnvironmentError(fmt::format("{}: HTTP {} and a body that is not the Prometheus API's JSON: '{}'", what,
                                       http_status, excerpt(body)));
  if (doc["status"] != "success")
    throw EnvironmentError(fmt::format("{}: HTTP {}: {}: {}", what, http_status, doc.value("errorType", "error"),
                                       doc.value("error", "(no message)")));
  return doc;
}

double parse_value(const json& pair)
{
  std::string text = pair.at(1).get<std::string>();
  if (text == "NaN") return std::nan("");
  if (text == "+Inf") return HUGE_VAL;
  if (text == "-Inf") return -HUGE_VAL;
  return std::stod(text);
}

Series parse_series(const json& item)
{
  Series s;
  json metric = item.value("metric", json::object());  // kept alive: items() only refers to it
  for (const auto& [k, v] : metric.items()) s.labels[k] = v.get<std::string>();
  if (item.contains("value")) s.samples.push_back({item["value"].at(0).get<double>(), parse_value(item["value"])});
  for (const json& pair : item.value("values", json::array()))
    s.samples.push_back({pair.at(0).get<double>(), parse_value(pair)});
  return s;
}

}  // namespace

QueryResult parse_query_response(std::string_view body, long http_status, std::string_view what)
{
  json doc = parse_envelope(body, http_status, what);
  QueryResult result;
  for (const json& w : doc.value("warnings", json::array())) result.warnings.push_back(w.get<std::string>());
  const json& data = doc.at("data");
  std::string type = data.value("resultType", "");
  if (type == "scalar") {
    result.series.push_back({{}, {{data["result"].at(0).get<double>(), parse_value(data["result"])}}});
    return result;
  }
  for (const json& item : data.at("result")) result.series.push_back(parse_series(item));
  return result;
}

std::vector<std::string> parse_label_values(std::string_view body, long http_status, std::string_view what)
{
  json doc = parse_envelope(body, http_status, what);
  return doc.at("data").get<std::vector<std::string>>();
}

}  // namespace readyctl::baseline
