// The one writer of game-day journals, for the run and for `gameday rollback --journal` alike: events, undos and
// processes, rewritten atomically after every change (so a crash leaves a readable file), with every secret the
// run resolved written as "[redacted]" and every status change stamped.
#pragma once
#include <chrono>
#include <filesystem>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace readyctl::gameday {

using Json = nlohmann::ordered_json;

// "2026-11-23T14:22:33.123Z"
std::string iso_time(std::chrono::system_clock::time_point when);

class Journal {
public:
  // Starts a new journal at `path` with this document.
  Journal(std::filesystem::path path, Json document);
  // Reopens a journal a run wrote (the crash path); InputError when the file is not one.
  explicit Journal(std::filesystem::path path);

  // Appends an event and returns its index.
  size_t add_event(Json event);
  // Merges fields into an event.
  void update_event(size_t index, const Json& fields);
  size_t add_undo(Json undo);
  // Records how an undo ended ("done" or "failed", with its error) and when.
  void set_undo_status(size_t index, const std::string& status, const std::string& message);
  // Marks a process of the journal's "processes" list as ended by a rollback.
  void set_process_exited(size_t index);
  // The `gameday rollback` summary block, stamped.
  void record_rollback(int undone, int failed);
  void set(const std::string& key, Json value);
  Json get(const std::string& key);
  Json snapshot();
  const std::filesystem::path& path() const { return m_path; }
  // From now on, every occurrence of this value in the journal is written as "[redacted]" (an `${env.*}` value
  // that a command echoed or a server reflected). Values under 4 characters are not treated as secrets.
  void redact(const std::string& secret);
  // The text as the journal would store it: what goes to a terminal goes through here too.
  std::string redacted_text(std::string text);

private:
  void write();  // called with m_mutex held
  std::string redacted(std::string text) const;

  std::filesystem::path m_path;
  std::mutex m_mutex;
  Json m_doc;
  std::vector<std::string> m_secrets;  // as they appear inside JSON strings (escaped)
};

// Reads a journal written by `gameday run`; InputError when it is not one.
Json load_journal(const std::filesystem::path& path);

}  // namespace readyctl::gameday
