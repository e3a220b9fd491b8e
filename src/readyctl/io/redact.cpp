#include "readyctl/io/redact.hpp"

#include <algorithm>

#include "readyctl/core/text.hpp"

namespace readyctl::io {

void Redactor::add(std::string_view secret)
{
  if (secret.empty() || std::find(m_secrets.begin(), m_secrets.end(), secret) != m_secrets.end()) return;
  m_secrets.emplace_back(secret);
  auto longer = [](const std::string& a, const std::string& b) { return a.size() > b.size(); };
  std::stable_sort(m_secrets.begin(), m_secrets.end(), longer);
}

void Redactor::add_header_value(std::string_view value)
{
  value = trim(value);
  add(value);
  size_t space = value.find(' ');
  if (space != std::string_view::npos) add(trim(value.substr(space + 1)));
}

std::string Redactor::redact(std::string_view text) const
{
  std::string out(text);
  for (const std::string& secret : m_secrets) {
    for (size_t at = out.find(secret); at != std::string::npos; at = out.find(secret, at + k_redacted.size()))
      out.replace(at, secret.size(), k_redacted);
  }
  return out;
}

bool Redactor::found_in(std::string_view text) const
{
  return std::any_of(m_secrets.begin(), m_secrets.end(),
                     [&](const std::string& s) { return text.find(s) != std::string_view::npos; });
}

bool is_credential_header(std::string_view name)
{
  std::string lower = to_lower(name);
  if (lower == "cookie") return true;
  for (std::string_view word : {"auth", "token", "key", "secret", "password"})
    if (lower.find(word) != std::string::npos) return true;
  return false;
}

std::string redact_url(std::string_view url)
{
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return std::string(url);
  size_t at = url.find('@', scheme);
  size_t slash = url.find('/', scheme + 3);
  if (at == std::string_view::npos || (slash != std::string_view::npos && at > slash)) return std::string(url);
  return std::string(url.substr(0, scheme + 3)).append(url.substr(at + 1));
}

}  // namespace readyctl::io
