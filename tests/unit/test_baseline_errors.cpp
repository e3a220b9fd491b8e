// What the user sees when the server is down, refuses a query, hides behind a failing proxy, or needs auth.
#include <chrono>
#include <memory>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "../baseline/fake_server.hpp"
#include "local_ports.hpp"
#include "test_support.hpp"

namespace readyctl::test {
namespace {

const std::string k_window = "--start 2026-11-01T00:00:00Z --end 2026-11-01T06:00:00Z";

// Runs baseline against a server writing to an existing report file, which a failure must leave untouched.
CliResult baseline_over_report(const std::string& url, const std::string& extra, const TempDir& tmp)
{
  tmp.write("out.json", "previous report\n");
  CliResult r = run_binary(fmt::format("baseline --prometheus {} {} {} -o json={}", url, k_window, extra,
                                       (tmp / "out.json").string()));
  CHECK(slurp(tmp / "out.json") == "previous report\n");
  return r;
}

}  // namespace

TEST_SUITE("integration-baseline")
{
  TEST_CASE("server down: exit 3 naming the address")
  {
    int port = free_port();
    CliResult r = run_binary(fmt::format("baseline --prometheus http://127.0.0.1:{} {}", port, k_window));
    CHECK(r.code == 3);
    CHECK(r.err.find(fmt::format("readyctl: error: cannot query Prometheus at http://127.0.0.1:{}", port)) !=
          std::string::npos);
  }

  TEST_CASE("HTTP 400 bad_data: exit 3 with the server's errorType and message")
  {
    FakeServer server("bad_data");
    CliResult r = run_binary(fmt::format("baseline --prometheus {} {}", server.url(), k_window));
    CHECK(r.code == 3);
    CHECK(r.err.find("HTTP 400: bad_data: exceeded maximum resolution") != std::string::npos);
  }

  TEST_CASE("a proxy's HTML 502 page: exit 3 saying the body is not the API's JSON")
  {
    FakeServer server("proxy502");
    CliResult r = run_binary(fmt::format("baseline --prometheus {} {}", server.url(), k_window));
    CHECK(r.code == 3);
    CHECK(r.err.find("HTTP 502 and a body that is not the Prometheus API's JSON") != std::string::npos);
  }

  TEST_CASE("a 200 answer with garbage or truncated JSON: exit 3 saying the body is not the API's JSON")
  {
    for (const char* mode : {"garbage", "truncated"}) {
      CAPTURE(mode);
      FakeServer server(mode);
      TempDir tmp;
      CliResult r = baseline_over_report(server.url(), "", tmp);
      CHECK(r.code == 3);
      CHECK(r.err.find("HTTP 200 and a body that is not the Prometheus API's JSON") != std::string::npos);
      CHECK(r.err.find('\x1b') == std::string::npos);  // the body's escape sequence never reaches the terminal
    }
  }

  TEST_CASE("a 2 GiB answer is cut off at the response cap without holding it in memory: exit 3")
  {
    FakeServer server("huge");
    TempDir tmp;
    CliResult r = baseline_over_report(server.url(), "", tmp);
    CHECK(r.code == 3);
    CHECK(r.err.find("the response is larger than 256 MiB, the most readyctl accepts") != std::string::npos);
  }

  TEST_CASE("a server that never answers: each attempt times out, then exit 3 naming the address")
  {
    SilentListener silent;
    TempDir tmp;
    auto start = std::chrono::steady_clock::now();
    CliResult r = baseline_over_report(fmt::format("http://127.0.0.1:{}", silent.port), "--timeout 1", tmp);
    CHECK(r.code == 3);
    CHECK(r.err.find(fmt::format("cannot query Prometheus at http://127.0.0.1:{}", silent.port)) != std::string::npos);
    CHECK(r.err.find("Timeout was reached") != std::string::npos);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(60));  // hang guard
  }

  TEST_CASE("503s are retried and server warnings reach the report")
  {
    FakeServer server("flaky");
    TempDir tmp;
    CliResult r = run_binary(fmt::format("baseline --prometheus {} {} -o json={}", server.url(), k_window,
                                         (tmp / "out.json").string()));
    INFO(r.err);
    REQUIRE(r.code == 0);
    nlohmann::json report = nlohmann::json::parse(slurp(tmp / "out.json"));
    CHECK(report.at("warnings").dump().find("store 10.0.0.7 unreachable") != std::string::npos);
    CHECK(report.at("tenants").empty());
  }

  TEST_CASE("Mimir: /prometheus prefix, X-Scope-OrgID and a bearer token that never reaches any output")
  {
    FakeServer server("auth");
    TempDir tmp;
    tmp.write("token", "s3cr3t-token-value\n");
    std::string args = fmt::format("baseline --prometheus {} --tenant-id team-a --bearer-token-file {} {} -o text -o json={}",
                                   server.url("/prometheus"), (tmp / "token").string(), k_window,
                                   (tmp / "out.json").string());
    CliResult r = run_binary(args);
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.out.find("s3cr3t") == std::string::npos);
    CHECK(r.err.find("s3cr3t") == std::string::npos);
    CHECK(slurp(tmp / "out.json").find("s3cr3t") == std::string::npos);
    CliResult denied = run_binary(fmt::format("baseline --prometheus {} {}", server.url("/prometheus"), k_window));
    CHECK(denied.code == 3);
    CHECK(denied.err.find("the server asks for credentials (HTTP 401") != std::string::npos);
    CHECK(denied.err.find("--bearer-token-file") != std::string::npos);
  }
}

}  // namespace readyctl::test
