#include "readyctl/report/json_writer.hpp"

#include <ostream>

#include <nlohmann/json.hpp>

namespace readyctl {
namespace {

constexpr int k_indent = 2;
constexpr size_t k_drain_bytes = 256 * 1024;

bool plain_ascii(std::string_view text)
{
  for (char c : text) {
    auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x80 || c == '"' || c == '\\') return false;
  }
  return true;
}

}  // namespace

void append_json_string(std::string& out, std::string_view text)
{
  if (plain_ascii(text)) {
    out += '"';
    out += text;
    out += '"';
    return;
  }
  // Escapes and UTF-8 checks are rare here: let nlohmann's serializer do them, byte for byte.
  out += nlohmann::json(std::string(text)).dump();
}

void JsonWriter::key(std::string_view name)
{
  separate();
  append_json_string(m_out, name);
  m_out += ": ";
  m_after_key = true;
}

void JsonWriter::value(std::string_view text)
{
  separate();
  append_json_string(m_out, text);
}

void JsonWriter::value(bool flag)
{
  separate();
  m_out += flag ? "true" : "false";
}

void JsonWriter::null()
{
  separate();
  m_out += "null";
}

void JsonWriter::open(char bracket)
{
  separate();
  m_out += bracket;
  m_counts.push_back(0);
}

void JsonWriter::close(char bracket)
{
  size_t count = m_counts.back();
  m_counts.pop_back();
  if (count > 0) {
    m_out += '\n';
    m_out.append(m_counts.size() * k_indent, ' ');
  }
  m_out += bracket;
  if (m_drain && m_out.size() >= k_drain_bytes) finish();
}

void JsonWriter::finish()
{
  if (!m_drain) return;
  m_drain->write(m_out.data(), static_cast<std::streamsize>(m_out.size()));
  m_out.clear();
}

void JsonWriter::separate()
{
  if (m_after_key) {
    m_after_key = false;
    return;
  }
  if (m_counts.empty()) return;
  if (m_counts.back()++ > 0) m_out += ',';
  m_out += '\n';
  m_out.append(m_counts.size() * k_indent, ' ');
}

}  // namespace readyctl
