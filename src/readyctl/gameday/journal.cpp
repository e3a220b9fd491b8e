#include "readyctl/gameday/journal.hpp"

#include <algorithm>
#include <ctime>

#include <fmt/format.h>

#include "readyctl/core/atomic_file.hpp"
#include "readyctl/core/error.hpp"

namespace readyctl::gameday {

std::string iso_time(std::chrono::system_clock::time_point when)
{
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(when.time_since_epoch()).count();
  std::time_t seconds = static_cast<std::time_t>(ms / 1000);
  std::tm tm{};
  gmtime_r(&seconds, &tm);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                     tm.tm_hour, tm.tm_min, tm.tm_sec, ms % 1000);
}

Journal::Journal(std::filesystem::path path, Json document) : m_path(std::move(path)), m_doc(std::move(document))
{
  if (!m_doc.contains("events")) m_doc["events"] = Json::array();
  if (!m_doc.contains("undos")) m_doc["undos"] = Json::array();
  std::lock_guard lock(m_mutex);
  write();
}

Journal::Journal(std::filesystem::path path) : m_path(std::move(path)), m_doc(load_journal(m_path))
{
  if (!m_doc.contains("events")) m_doc["events"] = Json::array();
  if (!m_doc.contains("undos")) m_doc["undos"] = Json::array();
}

// Invalid UTF-8 (a process log's tail, a binary body) is replaced rather than failing the write.
void Journal::write()
{
  write_file_atomically(m_path, redacted(m_doc.dump(2, ' ', false, Json::error_handler_t::replace)) + "\n",
                        Overwrite::allow);
}

void Journal::redact(const std::string& secret)
{
  if (secret.size() < 4) return;
  std::string escaped = Json(secret).dump();
  escaped = escaped.substr(1, escaped.size() - 2);
  std::lock_guard lock(m_mutex);
  if (std::find(m_secrets.begin(), m_secrets.end(), escaped) == m_secrets.end()) m_secrets.push_back(escaped);
}

std::string Journal::redacted_text(std::string text)
{
  std::lock_guard lock(m_mutex);
  // Secrets are kept as JSON-escaped text; plain text is compared through the same escaping.
  std::string escaped = Json(text).dump(-1, ' ', false, Json::error_handler_t::replace);
  escaped = redacted(escaped.substr(1, escaped.size() - 2));
  return Json::parse("\"" + escaped + "\"").get<std::string>();
}

std::string Journal::redacted(std::string text) const
{
  for (const std::string& secret : m_secrets)
    for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at))
      text.replace(at, secret.size(), "[redacted]");
  return text;
}

size_t Journal::add_event(Json event)
{
  std::lock_guard lock(m_mutex);
  m_doc["events"].push_back(std::move(event));
  write();
  return m_doc["events"].size() - 1;
}

void Journal::update_event(size_t index, const Json& fields)
{
  std::lock_guard lock(m_mutex);
  for (auto it = fields.begin(); it != fields.end(); ++it) m_doc["events"][index][it.key()] = it.value();
  write();
}

size_t Journal::add_undo(Json undo)
{
  std::lock_guard lock(m_mutex);
  undo["id"] = m_doc["undos"].size() + 1;
  undo["status"] = "pending";
  m_doc["undos"].push_back(std::move(undo));
  write();
  return m_doc["undos"].size() - 1;
}

void Journal::set_undo_status(size_t index, const std::string& status, const std::string& message)
{
  std::lock_guard lock(m_mutex);
  m_doc["undos"][index]["status"] = status;
  m_doc["undos"][index]["at"] = iso_time(std::chrono::system_clock::now());
  if (!message.empty()) m_doc["undos"][index]["message"] = message;
  write();
}

void Journal::set_process_exited(size_t index)
{
  std::lock_guard lock(m_mutex);
  m_doc["processes"][index]["state"] = "exited";
  m_doc["processes"][index]["at"] = iso_time(std::chrono::system_clock::now());
  write();
}

void Journal::record_rollback(int undone, int failed)
{
  std::lock_guard lock(m_mutex);
  m_doc["rolledBack"] = {{"at", iso_time(std::chrono::system_clock::now())}, {"undone", undone}, {"failed", failed}};
  write();
}

void Journal::set(const std::string& key, Json value)
{
  std::lock_guard lock(m_mutex);
  m_doc[key] = std::move(value);
  write();
}

Json Journal::get(const std::string& key)
{
  std::lock_guard lock(m_mutex);
  return m_doc.value(key, Json());
}

Json Journal::snapshot()
{
  std::lock_guard lock(m_mutex);
  return m_doc;
}

Json load_journal(const std::filesystem::path& path)
{
  Json doc = Json::parse(read_file(path), nullptr, false);
  if (doc.is_discarded() || !doc.is_object() || doc.value("kind", "") != "GameDayJournal")
    throw InputError(fmt::format("{}: expected a game-day journal (JSON with \"kind\": \"GameDayJournal\")", path.string()));
  if (doc.value("schemaVersion", 0) != 1)
    throw InputError(fmt::format("{}: unsupported journal schemaVersion {}", path.string(), doc.value("schemaVersion", 0)));
  return doc;
}

}  // namespace readyctl::gameday
