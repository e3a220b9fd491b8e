#include "readyctl/plan/lint_history.hpp"

#include <chrono>

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/report/json_common.hpp"

namespace readyctl::plan {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

Json counts_json(const SeverityCounts& c) { return {{"errors", c.errors}, {"warnings", c.warnings}, {"notes", c.notes}}; }

Json tally_json(const LintTally& t)
{
  Json categories = Json::object();
  for (const auto& [name, counts] : t.categories) categories[name] = counts_json(counts);
  return {{"at", t.at}, {"paths", t.paths}, {"summary", counts_json(t.total)}, {"categories", categories}};
}

// nlohmann reports a byte offset; people want the line and column.
std::string located(const std::string& file, const std::string& text, size_t byte, const std::string& what)
{
  size_t line = 1, column = 1;
  for (size_t i = 0; i < byte && i < text.size(); ++i) {
    if (text[i] == '\n') ++line, column = 1;
    else ++column;
  }
  return fmt::format("{}:{}:{}: {}", file, line, column, what);
}

SeverityCounts counts_from(const Json& j, const std::string& where)
{
  if (!j.is_object()) throw InputError(where + ": expected {\"errors\": N, \"warnings\": N, \"notes\": N}");
  return {j.value("errors", 0), j.value("warnings", 0), j.value("notes", 0)};
}

}  // namespace

std::string utc_timestamp_now()
{
  return fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()));
}

std::vector<LintTally> load_lint_history(const fs::path& root)
{
  fs::path path = root / k_lint_history_file;
  std::error_code ec;
  if (!fs::exists(path, ec)) return {};
  const std::string file = fs::path(k_lint_history_file).generic_string();
  std::string text = read_file(path);
  Json doc;
  try {
    doc = Json::parse(text);
  } catch (const Json::parse_error& e) {
    throw InputError(located(file, text, e.byte > 0 ? e.byte - 1 : 0, "expected JSON (a lint history written by plan status)"));
  }
  if (!doc.is_object() || doc.value("kind", "") != "LintHistory" || !doc.contains("entries") || !doc["entries"].is_array())
    throw InputError(located(file, text, 0, "expected {\"kind\": \"LintHistory\", \"entries\": [...]}"));
  std::vector<LintTally> out;
  for (size_t i = 0; i < doc["entries"].size(); ++i) {
    const Json& e = doc["entries"][i];
    std::string where = fmt::format("{}: entries[{}]", file, i);
    try {
      LintTally t;
      t.at = e.at("at").get<std::string>();
      t.paths = e.value("paths", std::vector<std::string>{});
      t.total = counts_from(e.at("summary"), where + ".summary");
      const Json categories = e.value("categories", Json::object());
      for (const auto& [name, counts] : categories.items())
        t.categories[name] = counts_from(counts, where + ".categories." + name);
      out.push_back(std::move(t));
    } catch (const Json::exception&) {
      throw InputError(where + ": expected \"at\" (a timestamp), \"paths\", \"summary\" and \"categories\"");
    }
  }
  return out;
}

bool record_lint_history(const fs::path& root, const LintTally& tally)
{
  std::vector<LintTally> entries = load_lint_history(root);
  if (!entries.empty() && entries.back().same_result(tally)) return false;
  entries.push_back(tally);
  if (entries.size() > k_lint_history_max) entries.erase(entries.begin(), entries.end() - k_lint_history_max);
  Json list = Json::array();
  for (const LintTally& t : entries) list.push_back(tally_json(t));
  Json doc = {{"schemaVersion", 1}, {"tool", tool_block()}, {"kind", "LintHistory"}, {"entries", list}};
  fs::create_directories(root / ".readyctl");
  write_file_atomically(root / k_lint_history_file, doc.dump(1) + "\n", Overwrite::allow);
  return true;
}

}  // namespace readyctl::plan
