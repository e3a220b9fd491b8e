#include "readyctl/baseline/query_result.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <stdexcept>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/core/error.hpp"
#include "readyctl/core/printable.hpp"

namespace readyctl::baseline {
namespace {

using nlohmann::json;

// A proxy's HTML error page says nothing useful in full: keep its first line, short.
std::string excerpt(std::string_view body)
{
  std::string_view line = body.substr(0, body.find('\n'));
  return printable(line.substr(0, 120));
}

// A field quoted in a message, whatever its JSON type: a hostile server may send a number where text belongs.
std::string text_field(const json& doc, const char* key, const char* fallback)
{
  auto it = doc.find(key);
  if (it == doc.end()) return fallback;
  return printable(it->is_string() ? it->get<std::string>() : it->dump());
}

json parse_envelope(std::string_view body, long http_status, std::string_view what)
{
  json doc = json::parse(body, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || !doc.contains("status"))
    throw EnvironmentError(fmt::format("{}: HTTP {} and a body that is not the Prometheus API's JSON: '{}'", what,
                                       http_status, excerpt(body)));
  if (doc["status"] != "success")
    throw EnvironmentError(fmt::format("{}: HTTP {}: {}: {}", what, http_status, text_field(doc, "errorType", "error"),
                                       text_field(doc, "error", "(no message)")));
  return doc;
}

}  // namespace

double parse_sample_value(std::string_view text)
{
  if (text == "NaN") return std::nan("");
  if (text == "+Inf") return HUGE_VAL;
  if (text == "-Inf") return -HUGE_VAL;
  double value = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty())
    throw std::invalid_argument(fmt::format("sample value '{}' is not a number", printable(text)));
  return value;
}

namespace {

double parse_value(const json& pair) { return parse_sample_value(pair.at(1).get<std::string>()); }

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

// A successful envelope whose data has the wrong shape (a missing field, a number where a string belongs) is the
// server's fault like any other bad answer: EnvironmentError naming the request, never an escaping json error.
[[noreturn]] void bad_shape(std::string_view what, long http_status, const char* detail)
{
  throw EnvironmentError(fmt::format("{}: HTTP {}: the answer does not have the Prometheus API's shape: {}", what,
                                     http_status, detail));
}

template <class Decode>
auto decode(std::string_view what, long http_status, Decode&& decode_data)
{
  try {
    return decode_data();
  } catch (const json::exception& e) {
    bad_shape(what, http_status, e.what());
  } catch (const std::invalid_argument& e) {
    bad_shape(what, http_status, e.what());
  }
}

QueryResult decode_query_data(const json& doc)
{
  QueryResult result;
  for (const json& w : doc.value("warnings", json::array())) result.warnings.push_back(w.get<std::string>());
  const json& data = doc.at("data");
  std::string type = data.value("resultType", "");
  if (type == "scalar") {
    result.series.push_back({{}, {{data.at("result").at(0).get<double>(), parse_value(data.at("result"))}}});
    return result;
  }
  for (const json& item : data.at("result")) result.series.push_back(parse_series(item));
  return result;
}

}  // namespace

QueryResult parse_query_response_dom(std::string_view body, long http_status, std::string_view what)
{
  json doc = parse_envelope(body, http_status, what);
  return decode(what, http_status, [&] { return decode_query_data(doc); });
}

bool same_result(const QueryResult& a, const QueryResult& b)
{
  auto same_number = [](double x, double y) { return (std::isnan(x) && std::isnan(y)) || x == y; };
  auto same_sample = [&](const Sample& x, const Sample& y) { return same_number(x.time, y.time) && same_number(x.value, y.value); };
  auto same_series = [&](const Series& x, const Series& y) {
    return x.labels == y.labels && std::equal(x.samples.begin(), x.samples.end(), y.samples.begin(), y.samples.end(), same_sample);
  };
  return a.warnings == b.warnings &&
         std::equal(a.series.begin(), a.series.end(), b.series.begin(), b.series.end(), same_series);
}

QueryResult parse_query_response(std::string_view body, long http_status, std::string_view what)
{
  if (std::optional<QueryResult> fast = parse_query_response_fast(body)) return std::move(*fast);
  return parse_query_response_dom(body, http_status, what);
}

std::vector<std::string> parse_label_values(std::string_view body, long http_status, std::string_view what)
{
  json doc = parse_envelope(body, http_status, what);
  return decode(what, http_status, [&] { return doc.at("data").get<std::vector<std::string>>(); });
}

}  // namespace readyctl::baseline
