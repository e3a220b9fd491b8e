#include "readyctl/lint/cron_schedule.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <vector>

#include <fmt/format.h>

#include "readyctl/core/duration.hpp"
#include "readyctl/yaml/node.hpp"

namespace readyctl::lint {
namespace {

struct CronField {
  std::string_view name;
  int min;
  int max;
  std::array<std::string_view, 12> names;  // names[i] is value min + i, for months and weekdays
  bool question_mark;                      // '?' stands for '*' in the day fields
};

constexpr std::array<CronField, 5> k_cron_fields = {{
    {"minute", 0, 59, {}, false},
    {"hour", 0, 23, {}, false},
    {"day of month", 1, 31, {}, true},
    {"month", 1, 12, {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"}, false},
    {"day of week", 0, 6, {"sun", "mon", "tue", "wed", "thu", "fri", "sat"}, true},
}};

constexpr std::string_view k_cron_macros[] = {"@yearly", "@annually", "@monthly", "@weekly",
                                               "@daily",  "@midnight", "@hourly"};

std::optional<int> cron_value(const CronField& field, std::string_view text)
{
  if (std::optional<long long> v = yaml::parse_int(text); v && text.find('+') == std::string_view::npos)
    return *v >= field.min && *v <= field.max ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
  std::string lower;
  for (char c : text) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (size_t i = 0; i < field.names.size(); ++i)
    if (!field.names[i].empty() && field.names[i] == lower) return field.min + static_cast<int>(i);
  return std::nullopt;
}

std::string cron_expected(const CronField& field)
{
  std::string names = field.names[0].empty() ? "" : fmt::format(" or a name ({}…)", field.names[0]);
  return fmt::format("expected the {} as *, a number from {} to {}{}, a range a-b, a list a,b or a step */n", field.name,
                     field.min, field.max, names);
}

// One item of a comma list: `*`, `?`, `a`, `a-b`, each optionally `/step`.
bool cron_item_ok(const CronField& field, std::string_view item)
{
  std::string_view range = item;
  if (size_t slash = item.find('/'); slash != std::string_view::npos) {
    std::optional<long long> step = yaml::parse_int(item.substr(slash + 1));
    if (!step || *step < 1) return false;
    range = item.substr(0, slash);
  }
  if (range == "*" || (range == "?" && field.question_mark)) return true;
  size_t dash = range.find('-');
  std::optional<int> low = cron_value(field, range.substr(0, dash));
  if (!low) return false;
  if (dash == std::string_view::npos) return true;
  std::optional<int> high = cron_value(field, range.substr(dash + 1));
  return high && *high >= *low;
}

std::optional<CronProblem> check_cron_field(const CronField& field, std::string_view text, size_t offset)
{
  size_t start = 0;
  while (start <= text.size()) {
    size_t comma = text.find(',', start);
    std::string_view item = text.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
    if (!cron_item_ok(field, item))
      return CronProblem{offset + start, fmt::format("{} '{}': {}", field.name, item, cron_expected(field))};
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return std::nullopt;
}

struct CronWord {
  std::string_view text;
  size_t offset;
};

std::vector<CronWord> cron_words(std::string_view text, size_t offset)
{
  std::vector<CronWord> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    size_t start = i;
    while (i < text.size() && !std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i > start) out.push_back({text.substr(start, i - start), offset + start});
  }
  return out;
}

std::optional<CronProblem> check_cron_macro(const std::vector<CronWord>& words)
{
  std::string_view macro = words[0].text;
  if (macro == "@every") {
    if (words.size() == 2 && parse_duration_seconds(words[1].text)) return std::nullopt;
    return CronProblem{words[0].offset, "expected '@every' and one duration, such as '@every 90m'"};
  }
  bool known = std::find(std::begin(k_cron_macros), std::end(k_cron_macros), macro) != std::end(k_cron_macros);
  if (known && words.size() == 1) return std::nullopt;
  return CronProblem{words[0].offset, fmt::format("expected a macro (@yearly, @monthly, @weekly, @daily, @hourly or "
                                                  "@every <duration>) alone, got '{}'",
                                                  macro)};
}

}  // namespace

CronSchedule parse_cron_schedule(std::string_view text)
{
  CronSchedule out;
  size_t offset = 0;
  for (std::string_view prefix : {"CRON_TZ=", "TZ="})
    if (text.starts_with(prefix)) {
      size_t end = text.find(' ');
      out.time_zone = text.substr(prefix.size(), end == std::string_view::npos ? std::string_view::npos : end - prefix.size());
      offset = end == std::string_view::npos ? text.size() : end;
      break;
    }
  std::vector<CronWord> words = cron_words(text.substr(offset), offset);
  if (words.empty()) {
    out.problem = CronProblem{offset, "expected five fields (minute hour day-of-month month day-of-week) or a macro"};
    return out;
  }
  if (words[0].text.starts_with('@')) {
    out.problem = check_cron_macro(words);
    return out;
  }
  if (words.size() != k_cron_fields.size()) {
    out.problem = CronProblem{words[0].offset, fmt::format("expected five fields (minute hour day-of-month month "
                                                           "day-of-week), got {}",
                                                           words.size())};
    return out;
  }
  for (size_t i = 0; i < words.size() && !out.problem; ++i)
    out.problem = check_cron_field(k_cron_fields[i], words[i].text, words[i].offset);
  return out;
}

}  // namespace readyctl::lint
