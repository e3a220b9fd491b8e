#include "readyctl/yaml/source_file.hpp"

namespace readyctl::yaml {

void SourceFile::index_lines() const
{
  if (!m_line_starts.empty()) return;
  m_line_starts.push_back(0);
  const std::string& text = *m_text;
  for (size_t i = 0; i < text.size(); ++i)
    if (text[i] == '\n') m_line_starts.push_back(static_cast<uint32_t>(i + 1));
}

int SourceFile::line_count() const
{
  index_lines();
  return static_cast<int>(m_line_starts.size());
}

std::string_view SourceFile::line(int n) const
{
  index_lines();
  if (n < 1 || n > static_cast<int>(m_line_starts.size())) return {};
  size_t begin = m_line_starts[static_cast<size_t>(n - 1)];
  size_t end = static_cast<size_t>(n) < m_line_starts.size() ? m_line_starts[static_cast<size_t>(n)] - 1
                                                            : m_text->size();
  std::string_view out(m_text->data() + begin, end - begin);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

}  // namespace readyctl::yaml
