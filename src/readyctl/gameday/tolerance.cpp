#include "readyctl/gameday/tolerance.hpp"

#include <charconv>
#include <optional>
#include <regex>

#include <fmt/format.h>

#include "readyctl/core/regex.hpp"
#include "readyctl/gameday/json_path.hpp"
#include "readyctl/gameday/template.hpp"

namespace readyctl::gameday {

namespace {

std::optional<double> as_number(const Json& v)
{
  if (v.is_number()) return v.get<double>();
  if (!v.is_string()) return std::nullopt;
  const std::string& s = v.get_ref<const std::string&>();
  double d = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), d);
  if (ec != std::errc() || ptr != s.data() + s.size() || s.empty()) return std::nullopt;
  return d;
}

bool equal(const Json& value, const Json& expected)
{
  auto a = as_number(value), b = as_number(expected);
  if (a && b && (value.is_number() || expected.is_number())) return *a == *b;
  return json_text(value) == json_text(expected);
}

bool compare(const Json& value, std::string_view op, const Json& bound)
{
  if (op == "ne") return !equal(value, bound);
  auto a = as_number(value), b = as_number(bound);
  if (!a || !b) return false;
  if (op == "gt") return *a > *b;
  if (op == "ge") return *a >= *b;
  if (op == "lt") return *a < *b;
  return *a <= *b;
}

// One key of a tolerance mapping applied to one value.
bool check_key(const std::string& key, const Json& rule, const Json& value)
{
  if (key == "equals") return equal(value, rule);
  if (key == "oneOf") {
    for (const Json& option : rule)
      if (equal(value, option)) return true;
    return false;
  }
  if (key == "range") {
    auto v = as_number(value), lo = as_number(rule[0]), hi = as_number(rule[1]);
    return v && lo && hi && *v >= *lo && *v <= *hi;
  }
  if (key == "regex") return std::regex_search(json_text(value), compile_regex(json_text(rule)));
  if (key == "contains") return json_text(value).find(json_text(rule)) != std::string::npos;
  return compare(value, key, rule);
}

bool check_all_keys(const Json& tolerance, const Json& value)
{
  for (auto it = tolerance.begin(); it != tolerance.end(); ++it) {
    if (it.key() == "target" || it.key() == "jsonPath" || it.key() == "count") continue;
    if (!check_key(it.key(), it.value(), value)) return false;
  }
  return true;
}

ToleranceResult evaluate_json_path(const Json& tolerance, const Json& output)
{
  std::vector<Json> matches = json_path(output, json_text(tolerance["jsonPath"]));
  ToleranceResult r;
  r.value = Json(matches);
  bool holds = !matches.empty();
  if (tolerance.contains("count")) holds = static_cast<long long>(matches.size()) == tolerance["count"].get<long long>();
  for (const Json& m : matches) holds = holds && check_all_keys(tolerance, m);
  r.holds = holds;
  r.detail = fmt::format("{} matched {} value(s): {}", json_text(tolerance["jsonPath"]), matches.size(),
                         r.value.dump().substr(0, 200));
  return r;
}

}  // namespace

ToleranceResult evaluate_tolerance(const Json& tolerance, const Json& output, std::string_view default_target)
{
  if (tolerance.is_object() && tolerance.contains("jsonPath")) return evaluate_json_path(tolerance, output);
  std::string target = tolerance.is_object() && tolerance.contains("target") ? json_text(tolerance["target"])
                                                                               : std::string(default_target);
  ToleranceResult r;
  r.value = lookup_json(output, target).value_or(Json());
  if (tolerance.is_object())
    r.holds = check_all_keys(tolerance, r.value);
  else if (tolerance.is_array())
    r.holds = check_key("oneOf", tolerance, r.value);
  else
    r.holds = equal(r.value, tolerance);
  r.detail = fmt::format("{} {}, expected {}", target, json_text(r.value).substr(0, 200), tolerance.dump());
  return r;
}

}  // namespace readyctl::gameday
