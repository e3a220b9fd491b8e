// Hides the credentials a request carried from anything said about it: errors, quoted server bodies, journals.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace readyctl::io {

inline constexpr std::string_view k_redacted = "<redacted>";

class Redactor {
public:
  // A secret to hide. An HTTP credential header's value adds itself and, past its scheme ("Bearer x"), the rest.
  void add(std::string_view secret);
  void add_header_value(std::string_view value);
  // Every occurrence of every secret replaced by k_redacted, longest secret first.
  std::string redact(std::string_view text) const;
  bool found_in(std::string_view text) const;
  bool empty() const { return m_secrets.empty(); }

private:
  std::vector<std::string> m_secrets;  // longest first
};

// Whether a header of this name carries a credential (Authorization, Cookie, API keys and tokens).
bool is_credential_header(std::string_view name);

// "https://user:pw@host/x" -> "https://host/x": URLs appear in messages, credentials must not.
std::string redact_url(std::string_view url);

}  // namespace readyctl::io
