// io/http without a server worth the name: credentials read from files and redacted from whatever is reported,
// the messages for refused and missing credentials, and a dead server as an answer rather than an exception.
#include <doctest/doctest.h>
#include <fmt/format.h>

#include "local_ports.hpp"
#include "readyctl/core/error.hpp"
#include "readyctl/io/http.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

constexpr const char* k_token = "tok-3f9a1c77e2";

io::HttpOptions bearer(const test::TempDir& dir)
{
  dir.write("token", std::string(k_token) + "\n");
  io::HttpOptions o;
  o.bearer_token_file = (dir / "token").string();
  return o;
}

}  // namespace

TEST_SUITE("io")
{
  TEST_CASE("http: an auth proxy's body quoting the refused token is redacted")
  {
    test::TempDir dir;
    io::HttpClient client(bearer(dir));
    // vmauth's refusal, as Debian's victoria-metrics package ships it.
    std::string body = fmt::format("cannot find the provided auth token \"Bearer {}\" in config", k_token);
    std::string redacted = client.redact(body);
    CHECK(redacted == "cannot find the provided auth token \"<redacted>\" in config");
    CHECK(client.redact(fmt::format("token={} again {}", k_token, k_token)) == "token=<redacted> again <redacted>");
  }

  TEST_CASE("http: basic auth is redacted as sent (base64), as the pair and as the password alone")
  {
    test::TempDir dir;
    dir.write("basic", "ops:pa55-w0rd\n");
    io::HttpOptions o;
    o.basic_auth_file = (dir / "basic").string();
    o.headers = {"X-Api-Key: key-77", "X-Scope-Extra: visible"};
    io::HttpClient client(o);
    CHECK(client.redact("Basic b3BzOnBhNTUtdzByZA==") == "<redacted>");  // base64("ops:pa55-w0rd")
    CHECK(client.redact("b3BzOnBhNTUtdzByZA== ops:pa55-w0rd pa55-w0rd") == "<redacted> <redacted> <redacted>");
    CHECK(client.redact("key-77 visible") == "<redacted> visible");
  }

  TEST_CASE("http: the messages for refused and missing credentials name flags, never values")
  {
    io::HttpResponse refused;
    refused.status = 400;
    refused.auth = io::AuthVerdict::refused;
    refused.credentials_from = "--bearer-token-file";
    refused.body = "cannot find the provided auth token \"<redacted>\" in config";
    CHECK(io::auth_problem(refused) ==
          "the server refused the credentials given with --bearer-token-file (HTTP 400: 'cannot find the provided auth "
          "token \"<redacted>\" in config')");
    io::HttpResponse missing;
    missing.status = 401;
    missing.auth = io::AuthVerdict::missing;
    missing.body = "missing `Authorization` request header";
    std::string said = io::auth_problem(missing);
    CHECK(said.find("the server asks for credentials (HTTP 401") == 0);
    CHECK(said.find("--bearer-token-file, --basic-auth-file or --header") != std::string::npos);
    CHECK(io::auth_problem(io::HttpResponse{}).empty());
  }

  TEST_CASE("http: a credential file that is empty is bad input naming it")
  {
    test::TempDir dir;
    dir.write("empty", "\n");
    io::HttpOptions o;
    o.bearer_token_file = (dir / "empty").string();
    std::string expected = (dir / "empty").string() + ":1:1: expected a bearer token on the first line";
    CHECK_THROWS_WITH_AS(io::HttpClient{o}, expected.c_str(), InputError);
  }

  TEST_CASE("http: a dead server is an answer with a reason, not an exception")
  {
    test::TempDir dir;
    io::HttpClient client(bearer(dir));
    int port = test::free_port();
    io::HttpResponse r;
    CHECK_NOTHROW(r = client.send({"GET", fmt::format("http://127.0.0.1:{}/", port), {}, ""}));
    CHECK(r.status == 0);
    CHECK(r.refused);
    CHECK_FALSE(r.error.empty());
    CHECK(r.auth == io::AuthVerdict::none);
  }

  TEST_CASE("http: urls lose their user information in messages")
  {
    CHECK(io::redact_url("https://user:pw@host:9090/x") == "https://host:9090/x");
    CHECK(io::redact_url("http://host/a@b") == "http://host/a@b");
  }
}
