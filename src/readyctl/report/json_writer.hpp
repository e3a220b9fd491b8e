// A streaming JSON writer: appends text laid out exactly as nlohmann's dump(2), without building a tree first.
#pragma once
#include <concepts>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace readyctl {

// Large reports (a finding per object) spent more time allocating nlohmann nodes than writing text; this writer
// produces the same bytes, so golden files and consumers see no difference.
class JsonWriter {
public:
  explicit JsonWriter(std::string& out) : m_out(out) {}
  // Streaming: `out` is a buffer, handed to `drain` whenever a closed container leaves it past 256 KiB, so a report
  // of any size takes a fixed amount of memory. Call finish() after the last value.
  JsonWriter(std::string& out, std::ostream& drain) : m_out(out), m_drain(&drain) {}
  void finish();

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // The next value belongs to this key; only inside an object.
  void key(std::string_view name);

  void value(std::string_view text);
  void value(const char* text) { value(std::string_view(text)); }
  void value(bool flag);
  void value(std::integral auto number)
  {
    separate();
    m_out += std::to_string(number);
  }
  void null();

  // key(name) followed by value(v).
  template <typename T>
  void field(std::string_view name, const T& v)
  {
    key(name);
    value(v);
  }

private:
  void open(char bracket);
  void close(char bracket);
  // Comma, newline and indentation before a value, unless it follows its key.
  void separate();

  std::string& m_out;
  std::ostream* m_drain = nullptr;
  std::vector<size_t> m_counts;  // items written so far, per open container
  bool m_after_key = false;
};

// Appends `text` as a JSON string literal, escaped as nlohmann escapes it (throws on invalid UTF-8 like it does).
void append_json_string(std::string& out, std::string_view text);

}  // namespace readyctl
