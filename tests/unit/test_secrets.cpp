// Secrets given to a run never reach its outputs: every lint format, every baseline format and snapshot, the
// game-day journal and reports, stdout and stderr. Each test hands the run distinctive secret values and greps
// everything the run wrote for them.
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "../baseline/fake_server.hpp"
#include "local_ports.hpp"
#include "readyctl/io/child_process.hpp"
#include "test_support.hpp"

namespace readyctl::test {
namespace {

namespace fs = std::filesystem;

// Every regular file under `dir`, plus the run's stdout and stderr, must be free of every secret.
void check_nothing_leaks(const CliResult& run, const fs::path& dir, const std::vector<std::string>& secrets)
{
  std::vector<std::pair<std::string, std::string>> texts{{"stdout", run.out}, {"stderr", run.err}};
  for (const auto& entry : fs::recursive_directory_iterator(dir))
    if (entry.is_regular_file()) texts.emplace_back(entry.path().string(), slurp(entry.path()));
  for (const auto& [where, text] : texts)
    for (const std::string& secret : secrets) {
      INFO(where, " contains ", secret);
      CHECK(text.find(secret) == std::string::npos);
    }
}

const char* k_manifest = R"(apiVersion: v1
kind: Secret
metadata: {name: llm-keys, namespace: team-a}
stringData:
  OPENAI_API_KEY: sk-live-7Qm2ZxLEAKEDxx91
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: agent, namespace: team-a}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
        - name: agent
          image: ghcr.io/acme/agent:1.0
          env:
            - {name: DB_PASSWORD, value: "pg-pa55-LEAKEDword"}
            - {name: AWS_SECRET_ACCESS_KEY, value: "wJalrXUtnLEAKEDEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}
)";

}  // namespace

TEST_SUITE("secrets")
{
  TEST_CASE("lint: secret values in manifests reach none of the six formats")
  {
    TempDir tmp;
    tmp.write("in/app.yaml", k_manifest);
    fs::create_directories(tmp / "out");
    std::string outputs;
    for (const char* format : {"text", "json", "sarif", "junit", "github", "markdown"})
      outputs += fmt::format(" -o {0}={1}/{0}.out", format, (tmp / "out").string());
    CliResult r = run_binary(fmt::format("lint {} --fail-on never -o text{}", (tmp / "in").string(), outputs));
    REQUIRE(r.code == 0);
    // The run did see them: the secret rules fired, so the outputs had every reason to quote those lines.
    CHECK(r.out.find("secret-literal") != std::string::npos);
    CHECK(r.out.find("static-cloud-credentials") != std::string::npos);
    check_nothing_leaks(r, tmp / "out", {"sk-live-7Qm2ZxLEAKEDxx91", "pg-pa55-LEAKEDword", "wJalrXUtnLEAKEDEMI"});
  }
}

TEST_SUITE("integration-baseline")
{
  TEST_CASE("baseline: bearer token, basic-auth password and header values reach no format, snapshot or error")
  {
    TempDir tmp;
    FakeServer server("basic");
    tmp.write("creds", "ops:pa55-LEAKED-w0rd\n");
    tmp.write("token", "tok-LEAKED-9f8e7d\n");
    fs::create_directories(tmp / "out");
    const std::string window = "--start 2026-11-01T00:00:00Z --end 2026-11-01T06:00:00Z";
    const std::string server_url = server.url();
    std::string out = (tmp / "out").string();
    CliResult ok = run_binary(fmt::format(
        "baseline --prometheus {} --basic-auth-file {} --header 'X-Api-Key: hdr-LEAKED-4242' {} --save {}/snap.json "
        "-o text -o json={}/b.json -o markdown={}/b.md -o html={}/b.html",
        server_url, (tmp / "creds").string(), window, out, out, out, out));
    INFO(ok.err);
    REQUIRE(ok.code == 0);
    check_nothing_leaks(ok, tmp / "out", {"pa55-LEAKED-w0rd", "hdr-LEAKED-4242"});

    // Refused credentials: the error names the refusal, never what was sent.
    tmp.write("creds", "ops:wrong-LEAKED-guess\n");
    for (std::string auth : {"--basic-auth-file " + (tmp / "creds").string(),
                             "--bearer-token-file " + (tmp / "token").string()}) {
      CliResult denied = run_binary(fmt::format("baseline --prometheus {} {} {}", server_url, auth, window));
      CHECK(denied.code == 3);
      CHECK(denied.err.find("unauthorized") != std::string::npos);
      check_nothing_leaks(denied, tmp / "out", {"wrong-LEAKED-guess", "tok-LEAKED-9f8e7d"});
    }
  }
}

TEST_SUITE("integration-gameday")
{
  TEST_CASE("gameday: ${env.*} values sent in headers and commands reach no journal, report or terminal")
  {
    TempDir tmp;
    int port = free_port();
    fs::create_directories(tmp / "www");
    io::ChildProcess web({{"python3", "-m", "http.server", std::to_string(port), "--bind", "127.0.0.1", "--directory",
                           (tmp / "www").string()},
                          "",
                          {}},
                         tmp / "web.log");
    wait_until_ready(port, "/", 20);
    tmp.write("drill.yaml", fmt::format(R"(apiVersion: readyctl.io/v1
kind: GameDay
metadata: {{name: secret-drill, tags: [failover]}}
hypothesis:
  title: the API answers with the token
  probes:
    - name: api
      http:
        url: http://127.0.0.1:{}/
        headers: {{Authorization: "Bearer ${{env.DRILL_TOKEN}}", X-Api-Key: "${{env.DRILL_KEY}}"}}
steps:
  - name: use-token
    action:
      exec: {{command: "echo using ${{env.DRILL_TOKEN}}; echo key ${{env.DRILL_KEY}} >&2"}}
)", port));
    fs::create_directories(tmp / "out");
    std::string out = (tmp / "out").string();
    setenv("DRILL_TOKEN", "tok-LEAKED-gd-1", 1);
    setenv("DRILL_KEY", "key-LEAKED-gd-2", 1);
    CliResult run = run_binary(fmt::format("gameday run {} --journal {}/journal.json", (tmp / "drill.yaml").string(), out));
    unsetenv("DRILL_TOKEN");
    unsetenv("DRILL_KEY");
    INFO(run.out, run.err);
    CHECK(run.code == 0);
    CliResult report = run_binary(fmt::format("gameday report {0}/journal.json -o markdown={0}/r.md -o html={0}/r.html",
                                              out));
    CHECK(report.code == 0);
    CHECK(fs::exists(tmp / "out/r.html"));
    check_nothing_leaks(run, tmp / "out", {"tok-LEAKED-gd-1", "key-LEAKED-gd-2"});
    check_nothing_leaks(report, tmp / "out", {"tok-LEAKED-gd-1", "key-LEAKED-gd-2"});
  }
}

}  // namespace readyctl::test
