#include "readyctl/core/json_pull.hpp"

#include <charconv>

namespace readyctl {

namespace {

constexpr size_t k_pull_max_depth = 64;

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Bytes of the UTF-8 sequence at `p` (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF), or 0.
size_t utf8_length(std::string_view text, size_t p)
{
  auto byte = [&](size_t i) { return p + i < text.size() ? static_cast<unsigned char>(text[p + i]) : 0u; };
  auto tail = [&](size_t i) { return (byte(i) & 0xC0) == 0x80; };
  const unsigned b0 = byte(0), b1 = byte(1);
  if (b0 >= 0xC2 && b0 <= 0xDF) return tail(1) ? 2 : 0;
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const bool ok = b0 == 0xE0 ? (b1 >= 0xA0 && b1 <= 0xBF) : b0 == 0xED ? (b1 >= 0x80 && b1 <= 0x9F) : tail(1);
    return ok && tail(2) ? 3 : 0;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const bool ok = b0 == 0xF0 ? (b1 >= 0x90 && b1 <= 0xBF) : b0 == 0xF4 ? (b1 >= 0x80 && b1 <= 0x8F) : tail(1);
    return ok && tail(2) && tail(3) ? 4 : 0;
  }
  return 0;
}

void append_utf8(std::string& out, unsigned cp)
{
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

void JsonPull::skip_ws()
{
  while (m_pos < m_text.size()) {
    char c = m_text[m_pos];
    if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
    ++m_pos;
  }
}

char JsonPull::peek()
{
  skip_ws();
  if (m_pos >= m_text.size()) throw Mismatch{};
  return m_text[m_pos];
}

void JsonPull::expect(char c)
{
  if (peek() != c) throw Mismatch{};
  ++m_pos;
}

bool JsonPull::more(char close, bool& first)
{
  if (peek() == close) {
    ++m_pos;
    return false;
  }
  if (!first) expect(',');
  first = false;
  return true;
}

std::string_view JsonPull::key(std::string& scratch)
{
  std::string_view k = string(scratch);
  expect(':');
  return k;
}

std::string_view JsonPull::string(std::string& scratch)
{
  expect('"');
  const size_t start = m_pos;
  while (m_pos < m_text.size()) {
    const auto c = static_cast<unsigned char>(m_text[m_pos]);
    if (c == '"') return m_text.substr(start, m_pos++ - start);
    if (c == '\\') return decode_escapes(start, scratch);
    if (c < 0x20) throw Mismatch{};
    m_pos += c < 0x80 ? 1 : checked_utf8();
  }
  throw Mismatch{};
}

size_t JsonPull::checked_utf8()
{
  const size_t n = utf8_length(m_text, m_pos);
  if (n == 0) throw Mismatch{};
  return n;
}

// The rest of a string that has an escape: copied into scratch from `start`, escapes decoded.
std::string_view JsonPull::decode_escapes(size_t start, std::string& scratch)
{
  scratch.assign(m_text.substr(start, m_pos - start));
  while (m_pos < m_text.size()) {
    const auto c = static_cast<unsigned char>(m_text[m_pos]);
    if (c == '"') {
      ++m_pos;
      return scratch;
    }
    if (c < 0x20) throw Mismatch{};
    if (c == '\\') {
      ++m_pos;
      append_escape(scratch);
    } else {
      const size_t n = c < 0x80 ? 1 : checked_utf8();
      scratch.append(m_text.substr(m_pos, n));
      m_pos += n;
    }
  }
  throw Mismatch{};
}

void JsonPull::append_escape(std::string& out)
{
  if (m_pos >= m_text.size()) throw Mismatch{};
  const char c = m_text[m_pos++];
  switch (c) {
  case '"': out += '"'; return;
  case '\\': out += '\\'; return;
  case '/': out += '/'; return;
  case 'b': out += '\b'; return;
  case 'f': out += '\f'; return;
  case 'n': out += '\n'; return;
  case 'r': out += '\r'; return;
  case 't': out += '\t'; return;
  case 'u': break;
  default: throw Mismatch{};
  }
  unsigned cp = hex4();
  if (cp >= 0xDC00 && cp <= 0xDFFF) throw Mismatch{};  // a low surrogate alone
  if (cp >= 0xD800 && cp <= 0xDBFF) {
    if (m_text.substr(m_pos, 2) != "\\u") throw Mismatch{};
    m_pos += 2;
    const unsigned low = hex4();
    if (low < 0xDC00 || low > 0xDFFF) throw Mismatch{};
    cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
  }
  append_utf8(out, cp);
}

unsigned JsonPull::hex4()
{
  if (m_pos + 4 > m_text.size()) throw Mismatch{};
  unsigned value = 0;
  auto [end, ec] = std::from_chars(m_text.data() + m_pos, m_text.data() + m_pos + 4, value, 16);
  if (ec != std::errc() || end != m_text.data() + m_pos + 4) throw Mismatch{};
  m_pos += 4;
  return value;
}

// RFC 8259: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
double JsonPull::number()
{
  skip_ws();
  const size_t start = m_pos;
  auto digits = [&] {
    const size_t from = m_pos;
    while (m_pos < m_text.size() && is_digit(m_text[m_pos])) ++m_pos;
    if (m_pos == from) throw Mismatch{};
  };
  if (m_pos < m_text.size() && m_text[m_pos] == '-') ++m_pos;
  if (m_pos < m_text.size() && m_text[m_pos] == '0') ++m_pos;
  else digits();
  if (m_pos < m_text.size() && m_text[m_pos] == '.') {
    ++m_pos;
    digits();
  }
  if (m_pos < m_text.size() && (m_text[m_pos] == 'e' || m_text[m_pos] == 'E')) {
    ++m_pos;
    if (m_pos < m_text.size() && (m_text[m_pos] == '+' || m_text[m_pos] == '-')) ++m_pos;
    digits();
  }
  double value = 0;
  auto [end, ec] = std::from_chars(m_text.data() + start, m_text.data() + m_pos, value);
  if (ec != std::errc() || end != m_text.data() + m_pos) throw Mismatch{};  // out of range, as nlohmann refuses too
  return value;
}

void JsonPull::skip_literal(std::string_view word)
{
  if (m_text.substr(m_pos, word.size()) != word) throw Mismatch{};
  m_pos += word.size();
}

// Iterative, with a depth cap: a hostile answer nested a million deep only costs a Mismatch.
void JsonPull::skip_value()
{
  std::string scratch;
  std::string closers;  // the brackets still open, innermost last
  std::string firsts;   // per level: '1' before its first item
  do {
    if (!closers.empty()) {
      bool first = firsts.back() == '1';
      const bool again = more(closers.back(), first);
      firsts.back() = first ? '1' : '0';
      if (!again) {
        closers.pop_back();
        firsts.pop_back();
        continue;
      }
      if (closers.back() == '}') key(scratch);
    }
    const char c = peek();
    if (c == '{' || c == '[') {
      if (closers.size() >= k_pull_max_depth) throw Mismatch{};
      ++m_pos;
      closers += c == '{' ? '}' : ']';
      firsts += '1';
    } else if (c == '"') {
      string(scratch);
    } else if (c == 't') {
      skip_literal("true");
    } else if (c == 'f') {
      skip_literal("false");
    } else if (c == 'n') {
      skip_literal("null");
    } else {
      number();
    }
  } while (!closers.empty());
}

void JsonPull::end()
{
  skip_ws();
  if (m_pos != m_text.size()) throw Mismatch{};
}

}  // namespace readyctl
