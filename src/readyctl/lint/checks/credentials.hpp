// Recognising credentials in plain text: live key formats, credential-named keys, placeholders, base64.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace readyctl::lint {

// What a live-looking key is ("an OpenAI-style key (sk-…)"), or nullopt. Tokens that are obviously
// documentation (a sequential run like "123456", a repeated character, words like "your"/"example") are not live.
std::optional<std::string> find_live_key(std::string_view text);
// A URL with a password in its userinfo (scheme://user:pass@host) that is not a placeholder.
bool has_url_password(std::string_view text);
// A key name that says it holds a credential: password, secret, token, api key, access key, ... but not a
// reference to one (…_FILE, …_PATH, …_NAME, …_URL, …_ID).
bool is_credential_name(std::string_view name);
// Values that stand in for a credential: empty, ${VAR}, $(VAR), {{ }}, <YOUR_KEY>, changeme, REPLACE_ME, a path,
// a boolean, or a value that merely restates its key's name.
bool is_placeholder(std::string_view value, std::string_view name);
// Standard base64 (padding optional, whitespace ignored); nullopt when malformed.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace readyctl::lint
