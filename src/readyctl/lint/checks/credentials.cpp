#include "readyctl/lint/checks/credentials.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "readyctl/core/text.hpp"
#include "readyctl/lint/checks/pod_walk.hpp"

namespace readyctl::lint {
namespace {

bool is_alnum(char ch) { return std::isalnum(static_cast<unsigned char>(ch)) != 0; }
bool is_token_char(char ch) { return is_alnum(ch) || ch == '-' || ch == '_'; }
bool is_digit(char ch) { return std::isdigit(static_cast<unsigned char>(ch)) != 0; }
bool is_upper_or_digit(char ch) { return std::isupper(static_cast<unsigned char>(ch)) || std::isdigit(static_cast<unsigned char>(ch)); }

constexpr std::string_view k_placeholder_words[] = {"your",  "replace", "changeme", "change-me", "change_me", "placeholder",
                                                    "example", "redacted", "dummy", "xxxx", "****", "todo", "insert"};

bool contains_placeholder_word(std::string_view text)
{
  std::string lower = to_lower(text);
  return std::any_of(std::begin(k_placeholder_words), std::end(k_placeholder_words),
                     [&](std::string_view w) { return lower.find(w) != std::string::npos; });
}

// "123456", "abcdef", "aaaaaa": runs of six that no random key contains by chance often enough to matter.
bool has_low_entropy_run(std::string_view body)
{
  int up = 1, same = 1;
  for (size_t i = 1; i < body.size(); ++i) {
    char a = static_cast<char>(std::tolower(static_cast<unsigned char>(body[i - 1])));
    char b = static_cast<char>(std::tolower(static_cast<unsigned char>(body[i])));
    up = is_alnum(a) && b == a + 1 ? up + 1 : 1;
    same = is_alnum(a) && b == a ? same + 1 : 1;
    if (up >= 6 || same >= 6) return true;
  }
  return false;
}

bool looks_random(std::string_view body)
{
  bool digit = std::any_of(body.begin(), body.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  bool alpha = std::any_of(body.begin(), body.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
  return digit && alpha && !has_low_entropy_run(body) && !contains_placeholder_word(body);
}

struct KeyFormat {
  std::string_view prefix;
  size_t min_body;
  bool upper_only;  // AWS access key ids are [A-Z0-9]
  std::string_view what;
};

constexpr KeyFormat k_secret_formats[] = {
    {"sk-", 20, false, "an OpenAI/Anthropic-style API key (sk-…)"},
    {"AKIA", 16, true, "an AWS access key id (AKIA…)"},
    {"hf_", 30, false, "a Hugging Face token (hf_…)"},
    {"ghp_", 36, false, "a GitHub personal access token (ghp_…)"},
    {"github_pat_", 22, false, "a GitHub fine-grained token (github_pat_…)"},
    {"xoxb-", 10, false, "a Slack bot token (xoxb-…)"},
    {"xoxp-", 10, false, "a Slack user token (xoxp-…)"},
};

std::optional<std::string> find_token(std::string_view text)
{
  for (const KeyFormat& f : k_secret_formats)
    for (size_t at = text.find(f.prefix); at != std::string_view::npos; at = text.find(f.prefix, at + 1)) {
      if (at > 0 && is_token_char(text[at - 1])) continue;  // "task-…" is not "sk-…"
      size_t end = at + f.prefix.size();
      while (end < text.size() && (f.upper_only ? is_upper_or_digit(text[end]) : is_token_char(text[end]))) ++end;
      std::string_view body = text.substr(at + f.prefix.size(), end - at - f.prefix.size());
      if (f.upper_only && (body.size() != f.min_body || (end < text.size() && is_alnum(text[end])))) continue;
      if (body.size() >= f.min_body && looks_random(body)) return std::string(f.what);
    }
  return std::nullopt;
}

std::optional<std::string> find_private_key(std::string_view text)
{
  size_t begin = text.find("-----BEGIN ");
  while (begin != std::string_view::npos) {
    size_t header_end = text.find("-----", begin + 11);
    if (header_end == std::string_view::npos) break;
    std::string_view label = text.substr(begin + 11, header_end - begin - 11);
    size_t end = text.find("-----END", header_end + 5);
    std::string_view body = text.substr(header_end + 5, end == std::string_view::npos ? std::string_view::npos : end - header_end - 5);
    size_t b64 = static_cast<size_t>(std::count_if(body.begin(), body.end(), [](char c) {
      return is_alnum(c) || c == '+' || c == '/' || c == '=';
    }));
    if (label.ends_with("PRIVATE KEY") && b64 >= 64 && !contains_placeholder_word(body) && !has_low_entropy_run(body))
      return "a PEM private key (-----BEGIN " + std::string(label) + "-----)";
    begin = end == std::string_view::npos ? end : text.find("-----BEGIN ", end);
  }
  return std::nullopt;
}

// Words that make a name credential-like on their own, and pairs ending in "key".
constexpr std::string_view k_secret_words[] = {"password", "passwd", "pwd", "passphrase", "secret", "token", "apikey"};
constexpr std::string_view k_key_qualifiers[] = {"api", "access", "secret", "private", "master", "account", "signing",
                                                 "encryption", "subscription", "client", "auth"};
// A last word that turns the name into a reference to a credential, or a setting about one.
constexpr std::string_view k_reference_words[] = {
    "file", "path", "dir", "name", "ref", "url", "uri", "endpoint", "id", "type", "header", "mode", "enabled", "enable",
    "required", "store", "provider", "length", "ttl", "expiry", "expiration", "timeout", "format", "prefix", "location",
    "namespace", "audience", "issuer", "scope", "scopes", "algorithm", "version", "field", "env", "var", "seconds",
    // A measure of LLM tokens (`--inter-token-latency`, `max_token_limit`, `token_budget`), not a token.
    "latency", "limit", "count", "size", "rate", "budget", "threshold", "duration"};

template <class Range>
bool contains(const Range& range, std::string_view word)
{
  return std::find(std::begin(range), std::end(range), word) != std::end(range);
}

}  // namespace

std::optional<std::string> find_live_key(std::string_view text)
{
  if (auto t = find_token(text)) return t;
  return find_private_key(text);
}

bool has_url_password(std::string_view text)
{
  for (size_t at = text.find("://"); at != std::string_view::npos; at = text.find("://", at + 3)) {
    size_t host_end = text.find_first_of("/ \n\t\"'", at + 3);
    std::string_view authority = text.substr(at + 3, host_end == std::string_view::npos ? std::string_view::npos : host_end - at - 3);
    size_t amp = authority.rfind('@');
    if (amp == std::string_view::npos) continue;
    std::string_view userinfo = authority.substr(0, amp);
    size_t colon = userinfo.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view password = userinfo.substr(colon + 1);
    if (!is_placeholder(password, "password")) return true;
  }
  return false;
}

// Names ending in a secret word that name no secret: etcd's `--initial-cluster-token` (ETCD_INITIAL_CLUSTER_TOKEN)
// only keeps the cluster and member IDs of two bootstrapping clusters apart (etcd docs, clustering guide); it
// authenticates nothing.
bool names_identifier_token(const std::vector<std::string>& words)
{
  return words.size() >= 3 && words[words.size() - 3] == "initial" && words[words.size() - 2] == "cluster" &&
         words.back() == "token";
}

bool is_credential_name(std::string_view name)
{
  std::vector<std::string> words = identifier_words(name);
  if (words.empty() || contains(k_reference_words, words.back()) || names_identifier_token(words)) return false;
  for (size_t i = 0; i < words.size(); ++i) {
    if (contains(k_secret_words, words[i])) return true;
    if (words[i] == "key" && i > 0 && contains(k_key_qualifiers, words[i - 1])) return true;
  }
  return false;
}

// Digits (a decimal point allowed) followed by one time unit: `20ms`, `1.5s`, `500us`, `10m`, `2h`.
bool is_duration(std::string_view v)
{
  size_t i = 0;
  while (i < v.size() && (is_digit(v[i]) || (v[i] == '.' && i > 0))) ++i;
  if (i == 0) return false;
  std::string_view unit = v.substr(i);
  for (std::string_view u : {"ns", "us", "µs", "ms", "s", "m", "h"})
    if (unit == u) return true;
  return false;
}

// A value made only of words that name a credential or stand in for one (`my-api-token`, `token-value`,
// `secret-accessKey`, `primary-api-key`, `pem-value`) is a test fixture's stand-in: a real credential is random.
bool only_filler_words(std::string_view value)
{
  static constexpr std::string_view k_filler[] = {
      "my", "the", "some", "value", "secret", "token", "key", "api", "access", "accesskey", "password", "pem", "cert",
      "crt", "primary", "secondary", "auth", "bearer", "client", "id", "session", "sample", "dummy", "fake", "mock",
      "test", "demo"};
  size_t words = 0;
  for (const std::string& w : identifier_words(value)) {
    if (std::find(std::begin(k_filler), std::end(k_filler), w) == std::end(k_filler)) return false;
    ++words;
  }
  return words > 1;  // one word alone (`admin`) may be a real, weak password
}

bool is_placeholder(std::string_view value, std::string_view name)
{
  std::string_view v = trim(value);
  if (v.empty()) return true;
  if (is_unfilled_placeholder(v) || v.starts_with("$")) return true;
  // `<YOUR_API_KEY>`, and the first word of `<fill in token>` when a command line is split at spaces.
  if (v.starts_with('<') || (v.find('<') != std::string_view::npos && v.find('>') != std::string_view::npos)) return true;
  if (v.starts_with("/") || v.starts_with("file://")) return true;  // a path to the credential, not the credential
  // A duration (`--time-to-first-token=20ms`: a latency setting of an LLM server's mock) is no credential.
  if (is_duration(v)) return true;
  std::string lower = to_lower(v);
  // Switches too: mysqld's `--mysql-native-password=ON` turns an authentication plugin on, it is no password.
  for (std::string_view literal : {"true", "false", "yes", "no", "on", "off", "enabled", "disabled", "none", "null",
                                   "nil", "-", "tbd", "secret", "password", "token", "test", "fake", "default",
                                   "foo", "bar", "baz", "foobar", "s3cr3t"})
    if (lower == literal) return true;
  if (contains_placeholder_word(v) || only_filler_words(v)) return true;
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v.front(); })) return true;
  // OPENAI_API_KEY, REPLACE_ME: an upper-case identifier names a variable, it is not a value.
  if (v.find('_') != std::string_view::npos &&
      std::all_of(v.begin(), v.end(), [](char c) { return is_upper_or_digit(c) || c == '_'; }))
    return true;
  // "langsmith-api-key" under LANGSMITH_API_KEY restates the name.
  std::string bare_value, bare_name;
  for (char c : lower)
    if (is_alnum(c)) bare_value += c;
  for (char c : to_lower(name))
    if (is_alnum(c)) bare_name += c;
  return !bare_value.empty() && bare_name.find(bare_value) != std::string::npos;
}

std::optional<std::string> decode_base64(std::string_view text)
{
  std::string out;
  unsigned buffer = 0;
  int bits = 0;
  bool padding = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (c == '=') {
      padding = true;
      continue;
    }
    if (padding) return std::nullopt;
    int value = c >= 'A' && c <= 'Z' ? c - 'A'
                : c >= 'a' && c <= 'z' ? c - 'a' + 26
                : c >= '0' && c <= '9' ? c - '0' + 52
                : c == '+' ? 62
                : c == '/' ? 63
                           : -1;
    if (value < 0) return std::nullopt;
    buffer = (buffer << 6) | static_cast<unsigned>(value);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

}  // namespace readyctl::lint
