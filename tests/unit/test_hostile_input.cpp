// The hostile-input table (docs/hostile-input.md) for files handed to the real binary: every row ends in a clear,
// located message and the right exit code, in bounded time. Parser-level rows (nesting, alias bombs, UTF-8,
// CRLF/BOM positions) live in test_yaml_parser.cpp; here they are checked end to end through `readyctl lint`.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <fmt/format.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test_support.hpp"

namespace readyctl::test {
namespace fs = std::filesystem;
namespace {

bool mentions(const CliResult& r, const std::string& text)
{
  return r.out.find(text) != std::string::npos || r.err.find(text) != std::string::npos;
}

// One row's outcome: its exit code and a message, on stdout (findings) or stderr (errors).
void expect(const CliResult& r, int code, const std::string& text)
{
  CHECK(r.code == code);
  CHECK(mentions(r, text));
}

// Root reads any file, so the unreadable-file row runs the binary as nobody when the tests run as root.
CliResult run_unprivileged(const std::string& args)
{
  if (::geteuid() != 0) return run_binary(args);
  TempDir out;
  fs::permissions(out.path(), fs::perms::all);
  std::string cmd = fmt::format("setpriv --reuid=65534 --regid=65534 --clear-groups '{}' {} >'{}' 2>'{}'", binary_path(),
                                args, (out / "out").string(), (out / "err").string());
  int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : 128, slurp(out / "out"), slurp(out / "err")};
}

CliResult lint(const fs::path& path) { return run_binary(fmt::format("lint '{}'", path.string())); }

const std::string k_pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: shop\n"
                          "spec:\n  containers:\n    - name: web\n      image: nginx:latest\n";

}  // namespace

TEST_SUITE("hostile-input")
{
  TEST_CASE("syntactic bombs and binary bytes are parse errors with a location: exit 2")
  {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b', prev = 'a'; c <= 'j'; prev = c, ++c)
      bomb += fmt::format("{0}: &{0} [*{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}, *{1}]\n", c, prev);
    struct Row {
      std::string name;
      std::string text;
      const char* message;
    };
    const Row rows[] = {
        {"deep.yaml", std::string(100'000, '['), "deep.yaml:1:513: error: nesting deeper than 512 levels"},
        {"bomb.yaml", bomb, "aliases expand to more than 5000000 nodes (alias bomb?)"},
        {"utf8.yaml", "kind: Pod\nname: caf\xe9\n", "utf8.yaml:2:10: error: incomplete UTF-8 octet sequence (byte offset 19)"},
        {"bin.yaml", std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10), "bin.yaml:1:1: error: control characters are not allowed"},
    };
    TempDir dir;
    for (const Row& row : rows) {
      CAPTURE(row.name);
      dir.write(row.name, row.text);
      CliResult r = lint(dir / row.name);
      expect(r, 2, row.message);
    }
  }

  TEST_CASE("a manifest file over 64 MiB is refused before it is read, naming the cap: exit 2")
  {
    TempDir dir;
    {
      std::ofstream big(dir / "big.yaml", std::ios::binary);
      big << "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  blob: ";
      std::string mib(1 << 20, 'a');
      for (int i = 0; i < 100; ++i) big << mib;
      big << "\n";
    }
    CliResult r = lint(dir / "big.yaml");
    expect(r, 2, "big.yaml: larger than 64 MiB, the most readyctl reads from one file");
  }

  TEST_CASE("a directory where a file is expected is an input error naming it: exit 2")
  {
    TempDir dir;
    fs::create_directory(dir / "scenario.yaml");
    CliResult r = run_binary(fmt::format("gameday validate '{}'", (dir / "scenario.yaml").string()));
    expect(r, 2, "scenario.yaml: is a directory, expected a file");
  }

  TEST_CASE("FIFOs: skipped in directory walks, read when named, refused after a bounded wait without a writer")
  {
    TempDir dir;
    fs::create_directory(dir / "tree");
    REQUIRE(::mkfifo((dir / "tree/pipe.yaml").c_str(), 0600) == 0);
    dir.write("tree/pod.yaml", k_pod);
    CliResult walked = lint(dir / "tree");
    expect(walked, 0, "in 1 object across 1 file");

    std::thread writer([&] { std::ofstream(dir / "tree/pipe.yaml") << k_pod; });
    CliResult named = lint(dir / "tree/pipe.yaml");
    writer.join();
    expect(named, 0, "pipe.yaml:9:14: warning:");

    CliResult silent = lint(dir / "tree/pipe.yaml");
    expect(silent, 2, "pipe.yaml: nothing was written to this FIFO within 10 s (no writer?)");
  }

  TEST_CASE("an unreadable file is a parse error naming it, and the other inputs are still linted: exit 2")
  {
    TempDir dir;
    dir.write("locked.yaml", k_pod);
    dir.write("pod.yaml", k_pod);
    fs::permissions(dir / "locked.yaml", fs::perms::none);
    fs::permissions(dir.path(), fs::perms::all);
    CliResult r =
        run_unprivileged(fmt::format("lint '{}' '{}'", (dir / "locked.yaml").string(), (dir / "pod.yaml").string()));
    expect(r, 2, "locked.yaml: cannot read: Permission denied");
    CHECK(mentions(r, "in 1 object across 1 file"));
  }

  TEST_CASE("symlink loops in a directory walk end: looping links are skipped, real files linted")
  {
    TempDir dir;
    fs::create_directories(dir / "tree/sub");
    dir.write("tree/pod.yaml", k_pod);
    fs::create_directory_symlink("..", dir / "tree/sub/up");
    fs::create_symlink("self.yaml", dir / "tree/self.yaml");
    CliResult r = lint(dir / "tree");
    expect(r, 0, "in 1 object across 1 file");
    CliResult named = lint(dir / "tree/self.yaml");
    expect(named, 2, "self.yaml: cannot read: Too many levels of symbolic links");
  }

  TEST_CASE("CRLF line ends and a BOM keep findings on their line")
  {
    TempDir dir;
    std::string crlf = "\xEF\xBB\xBF";
    for (char c : k_pod) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    dir.write("win.yaml", crlf);
    CliResult r = lint(dir / "win.yaml");
    expect(r, 0, "win.yaml:9:14: warning:");
  }

  TEST_CASE("a duplicate key is a parse error at the second key, and the document is still linted: exit 2")
  {
    TempDir dir;
    dir.write("dup.yaml", k_pod + "  containers: []\n");
    CliResult r = lint(dir / "dup.yaml");
    expect(r, 2, "dup.yaml:10:3: error: duplicate key 'containers' (first at line 7 column 3)");
    CHECK(mentions(r, "image-pinned"));
  }

  TEST_CASE("counts past the API's int32 are findings at their location, not arithmetic overflow")
  {
    // Found by fuzz_lint in CI: two Deployments of 9e18 replicas summed past LLONG_MAX in disruption-budget.
    TempDir dir;
    std::string deployment = "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: {}, namespace: shop}}\n"
                             "spec:\n  replicas: 9000000000000000000\n  selector: {{matchLabels: {{app: web}}}}\n"
                             "  template:\n    metadata: {{labels: {{app: web}}}}\n"
                             "    spec: {{containers: [{{name: web, image: web}}]}}\n---\n";
    dir.write("big.yaml", fmt::format(fmt::runtime(deployment), "a") + fmt::format(fmt::runtime(deployment), "b") +
                              "apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: web, namespace: shop}\n"
                              "spec:\n  maxUnavailable: 900000000000000%\n  selector: {matchLabels: {app: web}}\n---\n"
                              "apiVersion: networking.istio.io/v1\nkind: VirtualService\n"
                              "metadata: {name: web, namespace: shop}\nspec:\n  hosts: [web]\n  http:\n"
                              "    - route: [{destination: {host: web}}]\n      timeout: 5s\n"
                              "      retries: {attempts: 9223372036854775807, perTryTimeout: 10s}\n");
    CliResult r = run_binary(fmt::format("lint '{}' --only disruption-budget --only retry-bounded", (dir / "big.yaml").string()));
    expect(r, 1, "big.yaml:25:19: warning: maxUnavailable '900000000000000%' is neither a 32-bit integer nor a percentage");
    CHECK(mentions(r, "big.yaml:36:27: error: VirtualService shop/web http[0] retries.attempts: '9223372036854775807' is not a 32-bit integer"));
  }

  TEST_CASE("a label value of many placeholders is matched against a selector in one pass")
  {
    // Row 24: dangling-selector reads `app: ${a0}x${a1}x…` as a pattern any filled-in value may meet; matching it
    // by trying every split of the wanted value took time exponential in the number of placeholders.
    TempDir dir;
    std::string pattern;
    for (int i = 0; i < 20; ++i) pattern += fmt::format("${{a{}}}x", i);
    dir.write("h.yaml", fmt::format("apiVersion: v1\nkind: Service\nmetadata: {{name: s}}\nspec:\n"
                                    "  selector: {{app: \"{0}y\"}}\n---\n"
                                    "apiVersion: apps/v1\nkind: Deployment\nmetadata: {{name: d}}\nspec:\n"
                                    "  selector: {{matchLabels: {{app: \"{1}\"}}}}\n"
                                    "  template:\n    metadata: {{labels: {{app: \"{1}\"}}}}\n"
                                    "    spec: {{containers: [{{name: c, image: \"nginx:1.27\"}}]}}\n",
                                    std::string(60, 'x'), pattern));
    CliResult r = run_binary(fmt::format("lint '{}' --only dangling-selector", (dir / "h.yaml").string()));
    expect(r, 0, "h.yaml:5:3: warning: Service s's selector selects no pods");
  }

  TEST_CASE("a failed run leaves an existing report file as it was")
  {
    TempDir dir;
    dir.write("report.json", "previous report\n");
    CliResult r = run_binary(fmt::format("lint '{}' -o json='{}'", (dir / "missing.yaml").string(),
                                         (dir / "report.json").string()));
    expect(r, 2, "missing.yaml: no such file or directory");
    CHECK(slurp(dir / "report.json") == "previous report\n");
  }
}

}  // namespace readyctl::test
