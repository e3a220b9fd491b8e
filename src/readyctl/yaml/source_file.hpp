// A user's input file kept in memory: its display path, its text, and its lines on demand. The text stays at one
// address for the file's life, also when the SourceFile is moved or copied (copies share it): node trees may point
// into it.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace readyctl::yaml {

class SourceFile {
public:
  SourceFile(std::string path, std::string text)
      : m_path(std::move(path)), m_text(std::make_shared<const std::string>(std::move(text)))
  {
  }

  const std::string& path() const { return m_path; }
  const std::string& text() const { return *m_text; }
  // Line n (1-based) without its newline; empty when out of range.
  std::string_view line(int n) const;
  int line_count() const;

private:
  void index_lines() const;

  std::string m_path;
  std::shared_ptr<const std::string> m_text;
  mutable std::vector<uint32_t> m_line_starts;
};

}  // namespace readyctl::yaml
