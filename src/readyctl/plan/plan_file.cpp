#include "readyctl/plan/plan_file.hpp"

#include <chrono>
#include <regex>

#include <fmt/format.h>

#include "readyctl/core/error.hpp"
#include "readyctl/core/text.hpp"
#include "readyctl/report/yaml_writer.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/input_error.hpp"

namespace readyctl::plan {
using yaml::fail_at;

Day parse_date(const std::string& text, const std::string& what)
{
  static const std::regex k_date(R"((\d{4})-(\d{2})-(\d{2}))");
  std::smatch m;
  if (std::regex_match(text, m, k_date)) {
    std::chrono::year_month_day ymd{std::chrono::year(std::stoi(m[1])), std::chrono::month(static_cast<unsigned>(std::stoul(m[2]))),
                                    std::chrono::day(static_cast<unsigned>(std::stoul(m[3])))};
    if (ymd.ok()) return std::chrono::sys_days(ymd).time_since_epoch().count();
  }
  throw InputError(fmt::format("{}: expected a date YYYY-MM-DD, got '{}'", what, text));
}

std::string format_date(Day day)
{
  std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day))};
  return fmt::format("{:04}-{:02}-{:02}", static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()),
                     static_cast<unsigned>(ymd.day()));
}

Day utc_today_day()
{
  return std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now()).time_since_epoch().count();
}

namespace {

std::string scalar(const std::string& path, const yaml::Node* node, const char* key)
{
  if (!node->is_scalar()) fail_at(path, node, fmt::format("expected a string for '{}'", key));
  return std::string(node->str());
}

}  // namespace

std::vector<std::string> default_manifests(const std::string& flow_dir)
{
  return {(std::filesystem::path(flow_dir) / "deploy" / "base").generic_string()};
}

void ask_plan_config(PlanConfig& c, const PlanQuestions& q, const PlanAsk& ask)
{
  for (std::string problem; q.start;) {
    std::optional<std::string> a = ask(fmt::format("{}start date of week 1, YYYY-MM-DD [{}]: ", problem, format_date(c.start)));
    if (!a || trim(*a).empty()) break;
    try {
      c.start = parse_date(std::string(trim(*a)), "start");
      break;
    } catch (const InputError& e) {
      problem = std::string(e.what()) + "\n";
    }
  }
  if (q.flow_dir)
    if (auto a = ask(fmt::format("directory of the durable-flow project [{}]: ", c.flow_dir)); a && !trim(*a).empty())
      c.flow_dir = std::string(trim(*a));
  if (q.manifests) {
    std::vector<std::string> fallback = c.manifests.empty() ? default_manifests(c.flow_dir) : c.manifests;
    auto a = ask(fmt::format("manifest paths linted in weeks 7-9, space-separated [{}]: ", join(fallback, " ")));
    c.manifests.clear();
    if (a)
      for (std::string_view part : split(*a, ' '))
        if (!trim(part).empty()) c.manifests.emplace_back(trim(part));
    if (c.manifests.empty()) c.manifests = fallback;
  }
  if (q.prometheus)
    if (auto a = ask(fmt::format("Prometheus URL for baselines [{}]: ", c.prometheus.empty() ? "none" : c.prometheus));
        a && !trim(*a).empty())
      c.prometheus = std::string(trim(*a));
}

// Written by YamlWriter (yaml-cpp's emitter); scalar() quotes any value a YAML reader would not read back as that
// string.
std::string render_plan_yaml(const PlanConfig& c)
{
  YamlWriter out;
  out.begin_map();
  out.key("start").plain(format_date(c.start));  // a validated date, written plain
  out.key("manifests").begin_seq(c.manifests.empty());
  for (const std::string& m : c.manifests) out.scalar(m);
  out.end_seq();
  out.key("prometheus").scalar(c.prometheus);
  out.key("flowDir").scalar(c.flow_dir);
  out.end_map();
  return "# readyctl 90-day plan: see `readyctl plan status`. Weeks 1-3 baseline, 4-6 durable flow,\n"
         "# 7-9 guardrails, 10-12 game days; each phase is due 21 days after the previous one.\n" +
         out.document();
}

PlanConfig parse_plan_yaml(const std::string& path, const std::string& text)
{
  yaml::Document doc = yaml::parse_single_document(yaml::SourceFile(path, text));
  if (!doc.root || !doc.root->is_mapping()) fail_at(path, doc.root, "expected a mapping with 'start', 'manifests', 'prometheus', 'flowDir'");
  PlanConfig c;
  const yaml::Node* start = doc.root->get("start");
  if (!start) fail_at(path, doc.root, "expected 'start: YYYY-MM-DD'");
  try {
    c.start = parse_date(scalar(path, start, "start"), "start");
  } catch (const InputError&) {
    fail_at(path, start, fmt::format("expected 'start' as YYYY-MM-DD, got '{}'", start->str()));
  }
  if (const yaml::Node* m = doc.root->get("manifests")) {
    if (!m->is_sequence() && !m->is_null()) fail_at(path, m, "expected a list of paths for 'manifests'");
    for (const yaml::Node* item : m->children()) c.manifests.push_back(scalar(path, item, "manifests"));
  }
  if (const yaml::Node* p = doc.root->get("prometheus"); p && !p->is_null()) c.prometheus = scalar(path, p, "prometheus");
  if (const yaml::Node* f = doc.root->get("flowDir"); f && !f->is_null()) c.flow_dir = scalar(path, f, "flowDir");
  for (auto [key, value] : doc.root->entries()) {
    std::string_view k = key->str();
    if (k != "start" && k != "manifests" && k != "prometheus" && k != "flowDir")
      fail_at(path, key, fmt::format("unknown key '{}': expected start, manifests, prometheus or flowDir", k));
  }
  return c;
}

std::optional<std::filesystem::path> find_plan_root(const std::filesystem::path& from)
{
  std::error_code ec;
  std::filesystem::path dir = std::filesystem::absolute(from, ec);
  for (;;) {
    if (std::filesystem::is_regular_file(dir / k_plan_file, ec)) return dir;
    if (!dir.has_parent_path() || dir.parent_path() == dir) return std::nullopt;
    dir = dir.parent_path();
  }
}

}  // namespace readyctl::plan
