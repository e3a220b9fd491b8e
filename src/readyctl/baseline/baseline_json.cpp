#include "readyctl/baseline/baseline_json.hpp"

#include "readyctl/baseline/recommend_json.hpp"

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/report/json_common.hpp"

namespace readyctl::baseline {
namespace {

using nlohmann::ordered_json;

ordered_json figure_json(Figure f) { return f ? ordered_json(*f) : ordered_json(nullptr); }

// Dotted paths become nested objects, in the order of the field table.
ordered_json figures_json(const TenantBaseline& t)
{
  ordered_json out = ordered_json::object();
  for (const FieldSpec& f : baseline_fields()) {
    ordered_json* node = &out;
    for (std::string_view part : split(f.path, '.')) node = &(*node)[std::string(part)];
    *node = figure_json(t.get(f.path));
  }
  if (Figure extra = t.get("gpu.allocatable_gpu_hours")) out["gpu"]["allocatable_gpu_hours"] = *extra;
  return out;
}

ordered_json tenant_json(const TenantBaseline& t, bool with_series)
{
  ordered_json out{{"name", t.name}};
  out.update(figures_json(t));
  if (with_series) {
    ordered_json series = ordered_json::object();
    for (const auto& [name, values] : t.series) {
      ordered_json arr = ordered_json::array();
      for (Figure v : values) arr.push_back(figure_json(v));
      series[name] = std::move(arr);
    }
    out["series"] = std::move(series);
  }
  return out;
}

ordered_json price_json(const PriceRow& r)
{
  return {{"item", r.item}, {"usd_per_hour", r.usd}, {"source", r.source}, {"region", r.region}, {"as_of", r.as_of}};
}

ordered_json prices_json(const PriceCatalogue& p)
{
  ordered_json gpus = ordered_json::array();
  for (const PriceRow& r : p.gpus) gpus.push_back(price_json(r));
  return {{"default_gpu", p.default_gpu}, {"gpu", gpus}, {"cpu_core_hour", price_json(p.cpu_core_hour)},
          {"memory_gib_hour", price_json(p.memory_gib_hour)}};
}

ordered_json comparison_json(const Comparison& c)
{
  ordered_json changes = ordered_json::array();
  for (const Change& ch : c.changes)
    changes.push_back({{"tenant", ch.tenant}, {"figure", ch.path}, {"before", figure_json(ch.before)},
                       {"after", figure_json(ch.after)}, {"change", figure_json(ch.relative)},
                       {"direction", ch.worse ? "worse" : ch.neutral ? "neutral" : "better"}});
  return {{"against", c.against},
          {"window", {{"start", format_time(c.before_window.start)}, {"end", format_time(c.before_window.end)}}},
          {"changes", changes}};
}

}  // namespace

ordered_json baseline_to_json(const Baseline& b, bool with_series)
{
  ordered_json out{{"schemaVersion", 1}, {"tool", tool_block()}};
  out["window"] = {{"start", format_time(b.window.start)}, {"end", format_time(b.window.end)},
                   {"step_seconds", b.window.step}, {"rate_window_seconds", b.window.rate_window}};
  out["source"] = {{"prometheus", b.source}, {"version", b.server_version}, {"tenant_label", b.tenant_label}};
  out["stack"] = b.stack.empty() ? ordered_json(nullptr) : ordered_json(b.stack);
  out["exporters"] = b.exporters;
  ordered_json tenants = ordered_json::array();
  for (const TenantBaseline& t : b.tenants) tenants.push_back(tenant_json(t, with_series));
  out["tenants"] = std::move(tenants);
  out["cluster"] = tenant_json(b.cluster, with_series);
  out["cluster"].erase("name");
  out["prices"] = prices_json(b.prices);
  if (b.comparison) out["comparison"] = comparison_json(*b.comparison);
  if (with_series && b.serving) out["serving"] = serving_to_json(*b.serving);
  if (b.recommendations) add_recommendations_json(out, *b.recommendations);
  out["queries"] = {{"count", b.stats.queries}, {"bytes_received", b.stats.bytes_received},
                    {"wall_seconds", b.stats.wall_seconds}};
  out["warnings"] = b.warnings;
  return out;
}

namespace {

using nlohmann::json;

Figure figure_at(const json& node, std::string_view path)
{
  const json* at = &node;
  for (std::string_view part : split(path, '.')) {
    if (!at->is_object() || !at->contains(std::string(part))) return std::nullopt;
    at = &(*at)[std::string(part)];
  }
  return at->is_number() ? Figure(at->get<double>()) : std::nullopt;
}

TenantBaseline tenant_from(const json& node, const std::string& name)
{
  TenantBaseline t{name, {}, {}};
  for (const FieldSpec& f : baseline_fields()) t.figures[std::string(f.path)] = figure_at(node, f.path);
  if (Figure extra = figure_at(node, "gpu.allocatable_gpu_hours")) t.figures["gpu.allocatable_gpu_hours"] = extra;
  json all_series = node.value("series", json::object());
  for (const auto& [series_name, values] : all_series.items()) {
    std::vector<Figure>& out = t.series[series_name];
    for (const json& v : values) out.push_back(v.is_number() ? Figure(v.get<double>()) : std::nullopt);
  }
  return t;
}

PriceRow price_from(const json& node)
{
  return {node.value("item", ""), node.value("usd_per_hour", 0.0), node.value("source", ""), node.value("region", ""),
          node.value("as_of", "")};
}

}  // namespace

Baseline baseline_from_json(const std::string& path, const std::string& text)
{
  json doc = json::parse(text, nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("schemaVersion", 0) != 1 || !doc.contains("tenants"))
    throw InputError(fmt::format("{}:1:1: expected a readyctl baseline snapshot (JSON with schemaVersion 1)", path));
  try {
    Baseline b;
    const json& w = doc.at("window");
    b.window.start = parse_time(w.at("start").get<std::string>(), path);
    b.window.end = parse_time(w.at("end").get<std::string>(), path);
    b.window.step = w.at("step_seconds").get<double>();
    b.window.rate_window = w.value("rate_window_seconds", b.window.step);
    b.source = doc.value("source", json::object()).value("prometheus", "");
    b.server_version = doc.value("source", json::object()).value("version", "");
    b.tenant_label = doc.value("source", json::object()).value("tenant_label", "namespace");
    b.stack = doc["stack"].is_string() ? doc["stack"].get<std::string>() : "";
    b.exporters = doc.value("exporters", std::vector<std::string>{});
    for (const json& t : doc.at("tenants")) b.tenants.push_back(tenant_from(t, t.at("name").get<std::string>()));
    b.cluster = tenant_from(doc.at("cluster"), "cluster");
    b.warnings = doc.value("warnings", std::vector<std::string>{});
    b.serving = serving_from_json(doc);
    b.prices = default_prices();
    if (doc.contains("prices")) {
      const json& p = doc["prices"];
      b.prices.default_gpu = p.value("default_gpu", b.prices.default_gpu);
      b.prices.gpus.clear();
      for (const json& row : p.at("gpu")) b.prices.gpus.push_back(price_from(row));
      b.prices.cpu_core_hour = price_from(p.at("cpu_core_hour"));
      b.prices.memory_gib_hour = price_from(p.at("memory_gib_hour"));
    }
    return b;
  } catch (const json::exception& e) {
    throw InputError(fmt::format("{}:1:1: expected a readyctl baseline snapshot: {}", path, e.what()));
  }
}

}  // namespace readyctl::baseline
