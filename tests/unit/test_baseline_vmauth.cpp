// Credentials through a real auth proxy: Debian's VictoriaMetrics with its vmauth in front, accepting one bearer
// token. A stale token must be said as a refusal and never appear in anything readyctl writes.
#include <chrono>
#include <memory>

#include <doctest/doctest.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "local_ports.hpp"
#include "readyctl/io/child_process.hpp"
#include "test_support.hpp"

namespace readyctl::test {
namespace {

constexpr const char* k_good_token = "vm-good-7d1e5a0c93";
constexpr const char* k_stale_token = "vm-stale-41b8f2e6aa";
const std::string k_vmauth_window = "--start 2026-11-01T00:00:00Z --end 2026-11-01T06:00:00Z";

void wait_until_answering(int port, double seconds)
{
  auto answers = [&] { return http_status(port, "/api/v1/query?query=1") != 0; };
  if (!wait_until(answers, seconds, std::chrono::milliseconds(100))) FAIL("vmauth did not answer on port " << port);
}

// victoria-metrics and vmauth (binaries of Debian's victoria-metrics package), stopped when the suite ends.
class VmAuthFixture {
public:
  VmAuthFixture()
  {
    int vm_port = free_port();
    m_vm = std::make_unique<io::ChildProcess>(
        io::ProcessSpec{{"victoria-metrics", fmt::format("-httpListenAddr=127.0.0.1:{}", vm_port),
                         "-storageDataPath=" + (m_dir / "data").string(), "-retentionPeriod=100y"},
                        "",
                        {}},
        m_dir / "vm.log");
    wait_until_ready(vm_port, "/health", 60);
    m_dir.write("auth.yml", fmt::format("users:\n  - bearer_token: \"{}\"\n    url_prefix: \"http://127.0.0.1:{}\"\n",
                                        k_good_token, vm_port));
    port = free_port();
    m_auth = std::make_unique<io::ChildProcess>(
        io::ProcessSpec{{"vmauth", "-auth.config=" + (m_dir / "auth.yml").string(),
                         fmt::format("-httpListenAddr=127.0.0.1:{}", port)},
                        "",
                        {}},
        m_dir / "vmauth.log");
    wait_until_answering(port, 60);
    m_dir.write("good", std::string(k_good_token) + "\n");
    m_dir.write("stale", std::string(k_stale_token) + "\n");
  }

  std::string url() const { return fmt::format("http://127.0.0.1:{}", port); }
  std::string token_file(const char* name) const { return (m_dir / name).string(); }
  int port = 0;

private:
  TempDir m_dir;
  std::unique_ptr<io::ChildProcess> m_vm;
  std::unique_ptr<io::ChildProcess> m_auth;
};

VmAuthFixture& vmauth()
{
  static VmAuthFixture fixture;
  return fixture;
}

// Every output a run can leave: stdout, stderr, and the files it was asked to write.
bool leaks(const CliResult& r, const TempDir& tmp, const std::string& secret)
{
  bool leaked = r.out.find(secret) != std::string::npos || r.err.find(secret) != std::string::npos;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(tmp.path()))
    if (entry.is_regular_file() && slurp(entry.path()).find(secret) != std::string::npos) leaked = true;
  return leaked;
}

std::string probe_scenario(const std::string& url)
{
  return fmt::format("apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {{name: vmauth}}\n"
                     "steps:\n  - name: answers\n    probe:\n      prometheus: {{url: \"{}\", query: 'vector(7)'}}\n"
                     "      tolerance: 7\n",
                     url);
}

}  // namespace

TEST_SUITE("integration-baseline")
{
  TEST_CASE("vmauth: the accepted bearer token gets a baseline")
  {
    TempDir tmp;
    std::string args = fmt::format("baseline --prometheus {} --bearer-token-file {} {} -o json={}", vmauth().url(),
                                   vmauth().token_file("good"), k_vmauth_window, (tmp / "out.json").string());
    CliResult r = run_binary(args);
    INFO(r.err);
    CHECK(r.code == 0);
    nlohmann::json report = nlohmann::json::parse(slurp(tmp / "out.json"));
    CHECK(report.at("source").at("prometheus") == vmauth().url());
    CHECK_FALSE(leaks(r, tmp, k_good_token));
  }

  TEST_CASE("vmauth: a stale token is a refusal naming the flag, and the token is nowhere in the output")
  {
    TempDir tmp;
    tmp.write("out.json", "previous report\n");
    CliResult r = run_binary(fmt::format("baseline --prometheus {} --bearer-token-file {} {} -v -o text={} -o json={}",
                                         vmauth().url(), vmauth().token_file("stale"), k_vmauth_window,
                                         (tmp / "out.txt").string(), (tmp / "out.json").string()));
    INFO(r.err);
    CHECK(r.code == 3);
    CHECK(r.err.find("the server refused the credentials given with --bearer-token-file") != std::string::npos);
    CHECK(r.err.find("<redacted>") != std::string::npos);  // vmauth quoted it; we show where, not what
    CHECK_FALSE(leaks(r, tmp, k_stale_token));
    CHECK(slurp(tmp / "out.json") == "previous report\n");
  }

  TEST_CASE("vmauth: no credentials at all: the message names the flags that give them")
  {
    CliResult r = run_binary(fmt::format("baseline --prometheus {} {}", vmauth().url(), k_vmauth_window));
    CHECK(r.code == 3);
    CHECK(r.err.find("the server asks for credentials (HTTP 401") != std::string::npos);
    CHECK(r.err.find("--bearer-token-file, --basic-auth-file or --header") != std::string::npos);
  }

  TEST_CASE("vmauth: game day's prometheus probe takes baseline's credential flags")
  {
    TempDir tmp;
    tmp.write("s.yaml", probe_scenario(vmauth().url()));
    CliResult good = run_binary(fmt::format("gameday run s.yaml --journal good.json --bearer-token-file {}",
                                            vmauth().token_file("good")), tmp.path());
    INFO(good.out, good.err);
    CHECK(good.code == 0);
    CliResult stale = run_binary(fmt::format("gameday run s.yaml --journal stale.json --bearer-token-file {}",
                                             vmauth().token_file("stale")), tmp.path());
    INFO(stale.out, stale.err);
    CHECK(stale.code == 1);
    std::string journal = slurp(tmp / "stale.json");
    CHECK(journal.find("refused the credentials given with --bearer-token-file") != std::string::npos);
    CHECK_FALSE(leaks(stale, tmp, k_stale_token));
    CHECK_FALSE(leaks(good, tmp, k_good_token));
  }
}

}  // namespace readyctl::test
