// A strict, allocation-light JSON reader for big, regular answers (a Prometheus matrix is megabytes of
// [time, "value"] pairs): the caller pulls the tokens it expects, strings come back as views into the text when they
// have no escapes, and anything else than what the caller asked for, or than RFC 8259 allows, throws
// JsonPull::Mismatch (strings must be valid UTF-8, as nlohmann requires). It does not explain errors: callers that need a message parse again with nlohmann.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace readyctl {

class JsonPull {
public:
  struct Mismatch {};

  explicit JsonPull(std::string_view text) : m_text(text) {}

  void begin_object() { expect('{'); }
  void begin_array() { expect('['); }
  // Inside an object or array: true when another member or item follows (its separating comma consumed), false at
  // the closing bracket (consumed). `first` is the caller's flag for this level, true before the first call.
  bool more(char close, bool& first);
  // A member's key and its colon; the view may point into `scratch`.
  std::string_view key(std::string& scratch);
  std::string_view string(std::string& scratch);
  double number();
  void skip_value();
  void end();  // only whitespace may follow

private:
  void skip_ws();
  char peek();
  void expect(char c);
  std::string_view decode_escapes(size_t start, std::string& scratch);
  void append_escape(std::string& out);
  unsigned hex4();
  size_t checked_utf8();  // length of the valid UTF-8 sequence at m_pos
  void skip_literal(std::string_view word);

  std::string_view m_text;
  size_t m_pos = 0;
};

}  // namespace readyctl
