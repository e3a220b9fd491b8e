#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "readyctl/gameday/loader.hpp"
#include "test_support.hpp"

using namespace readyctl::gameday;

namespace {

std::vector<std::string> problems_of(const std::string& text)
{
  std::vector<std::string> out;
  for (const Problem& p : load_scenario_text("s.yaml", text).problems) out.push_back(p.str());
  return out;
}

bool has(const std::vector<std::string>& problems, const std::string& prefix, const std::string& part)
{
  return std::any_of(problems.begin(), problems.end(),
                     [&](const std::string& p) { return p.starts_with(prefix) && p.find(part) != std::string::npos; });
}

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("validate reports every problem with file:line:col")
  {
    // Each problem sits on its own line; the columns are where the offending node starts.
    std::string text = "apiVersion: readyctl.io/v2\n"                       // 1: wrong apiVersion at 1:13
                       "kind: GameDay\n"
                       "metadata: {name: Bad_Name}\n"                       // 3: name at 3:18
                       "vars: {port: \"80\"}\n"
                       "steps:\n"
                       "  - name: a\n"
                       "    sleep: 5 seconds\n"                             // 7: bad duration at 7:12
                       "  - name: b\n"
                       "    probe:\n"
                       "      http: {url: \"http://x:${vars.nope}/\"}\n"     // 10: undefined var at 10:19
                       "      tolerance: {range: [5, 1]}\n"                 // 11: range low > high at 11:26
                       "  - name: c\n"
                       "    action:\n"
                       "      kubernetes: {op: delete-pods, selector: app=x, context: prod}\n"  // 14: context at 14:63
                       "  - name: a\n"                                      // 15: duplicate name at 15:11
                       "    action: {process: {op: explode, name: x}}\n"    // 16: unknown op at 16:28
                       "    bogus: 1\n";                                    // 17: unknown key at 17:5
    auto p = problems_of(text);
    CHECK(has(p, "s.yaml:1:13:", "apiVersion"));
    CHECK(has(p, "s.yaml:3:18:", "kebab-case"));
    CHECK(has(p, "s.yaml:7:12:", "duration"));
    CHECK(has(p, "s.yaml:10:19:", "undefined variable 'nope'"));
    CHECK(has(p, "s.yaml:11:26:", "low <= high"));
    CHECK(has(p, "s.yaml:14:63:", "context 'prod' is not in"));
    CHECK(has(p, "s.yaml:15:11:", "used twice"));
    CHECK(has(p, "s.yaml:16:28:", "unknown process op 'explode'"));
    CHECK(has(p, "s.yaml:17:5:", "unknown key 'bogus'"));
    CHECK(p.size() == 9);
  }

  TEST_CASE("a step may only refer to steps that ran before it")
  {
    std::string text = "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: refs}\n"
                       "steps:\n"
                       "  - name: first\n"
                       "    action: {exec: {command: \"echo ${steps.second.output.stdout}\"}}\n"
                       "  - name: second\n"
                       "    action: {exec: {command: \"echo ${steps.first.output.stdout} ${run.id} $$HOME\"}}\n";
    auto p = problems_of(text);
    REQUIRE(p.size() == 1);
    CHECK(has(p, "s.yaml:6:", "step 'second', which does not run before"));
  }

  TEST_CASE("kubernetes contexts must be allowed and ops must carry their fields")
  {
    std::string text = "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: kube}\n"
                       "safety: {allowedContexts: [kind-gd], maxTargets: 2}\n"
                       "steps:\n"
                       "  - name: scale\n"
                       "    action: {kubernetes: {op: scale, name: api}}\n"                 // 7: replicas missing
                       "  - name: kill\n"
                       "    action: {kubernetes: {op: delete-pods, selector: app=w, context: prod}}\n";  // 9
    auto p = problems_of(text);
    CHECK(has(p, "s.yaml:7:", "missing 'replicas'"));
    CHECK(has(p, "s.yaml:9:", "context 'prod' is not in 'safety.allowedContexts'"));
    CHECK(p.size() == 2);
  }

  TEST_CASE("a process start may wait for a ready probe; other ops may not, and it is always polled until it holds")
  {
    std::string text = "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: ready}\n"
                       "steps:\n"
                       "  - name: up\n"
                       "    action: {process: {op: start, name: a, command: [true], ready: {http: {url: \"http://x/\"}}}}\n"
                       "  - name: again\n"
                       "    action: {process: {op: restart, name: a, ready: {exec: {command: \"true\"}, until: fails}}}\n"  // 8
                       "  - name: down\n"
                       "    action: {process: {op: stop, name: a, ready: {process: {name: a}}}}\n"                 // 10
                       "  - name: typo\n"
                       "    action: {process: {op: start, name: b, command: [true], ready: {htp: {url: x}}}}\n";  // 12
    auto p = problems_of(text);
    CHECK(has(p, "s.yaml:8:", "leave 'until' out"));
    CHECK(has(p, "s.yaml:10:", "'ready' applies to process start and restart, not 'stop'"));
    CHECK(has(p, "s.yaml:12:", "unknown key 'htp'"));
    CHECK(p.size() == 4);
  }

  TEST_CASE("the shipped examples validate")
  {
    for (const auto& entry : std::filesystem::directory_iterator(readyctl::test::source_dir() / "examples/gamedays")) {
      if (entry.path().extension() != ".yaml") continue;
      CAPTURE(entry.path().string());
      LoadResult r = load_scenario(entry.path());
      for (const Problem& problem : r.problems) FAIL_CHECK(problem.str());
      CHECK(r.problems.empty());
    }
  }

  TEST_CASE("captures that read each other in a cycle are reported at the first one's 'from': exit 2")
  {
    readyctl::test::TempDir dir;
    dir.write("cycle.yaml", "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: cycle}\nsteps:\n"
                            "  - name: login\n    action: {exec: {command: \"echo token=abc\"}}\n    capture:\n"
                            "      token: {from: session, regex: \"(.*)\"}\n"
                            "      session: {from: token, regex: \"(.*)\"}\n"
                            "      user: {from: stdout, regex: \"(.*)\"}\n"
                            "      self: {from: self, regex: \"(.*)\"}\n");
    auto r = readyctl::test::run_binary("gameday validate '" + (dir / "cycle.yaml").string() + "'");
    CHECK(r.code == 2);
    CHECK(r.err.find("cycle.yaml:8:21: captures read each other in a cycle (token -> session -> token)") !=
          std::string::npos);
    CHECK(r.err.find("cycle.yaml:11:20: captures read each other in a cycle (self -> self)") != std::string::npos);
    CHECK(r.err.find("2 problem(s)") != std::string::npos);
  }

  TEST_CASE("regexes with counts libstdc++ overflows on are located problems, not undefined behaviour")
  {
    // fuzz_gameday_scenario, 2026-12-02: a capture regex with a 55-digit back-reference made libstdc++'s regex
    // compiler overflow a long (UBSan abort). Same for a tolerance regex with a huge repeat count.
    readyctl::test::TempDir dir;
    dir.write("big.yaml", "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: big}\nsteps:\n"
                          "  - name: pid\n    probe:\n      exec: {command: \"echo 1\"}\n"
                          "      tolerance: {target: stdout, regex: \"a{2,99999999999999999999}\"}\n"
                          "    capture:\n      pid: {regex: \"(x)\\\\\\\\\\\\66666666666666666666666666666666666666666666666666666b\"}\n");
    auto r = readyctl::test::run_binary("gameday validate '" + (dir / "big.yaml").string() + "'");
    CHECK(r.code == 2);
    CHECK_MESSAGE(r.err.find("big.yaml:8:42: invalid regex 'a{2,99999999999999999999}': repeat count "
                             "{2,99999999999999999999} is beyond 1000") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("big.yaml:10:20: invalid regex '(x)\\\\\\666") != std::string::npos, r.err);
    CHECK(r.err.find("back-reference \\666666666666 is beyond 1000") != std::string::npos);
  }

  TEST_CASE("gameday validate exits 2 and prints every located problem")
  {
    readyctl::test::TempDir dir;
    dir.write("bad.yaml", "apiVersion: readyctl.io/v1\nkind: GameDay\nmetadata: {name: x}\nsteps:\n"
                          "  - name: a\n    sleep: never\n  - name: b\n    probe: {exec: {command: true}, until: maybe}\n");
    auto r = readyctl::test::run_cli({"gameday", "validate", (dir / "bad.yaml").string()});
    CHECK(r.code == 2);
    CHECK(r.err.find("bad.yaml:6:12: expected a duration") != std::string::npos);
    CHECK(r.err.find("bad.yaml:8:43: expected 'holds' or 'fails'") != std::string::npos);
    auto ok = readyctl::test::run_cli(
        {"gameday", "validate", (readyctl::test::source_dir() / "examples/gamedays/local-failover.yaml").string()});
    CHECK(ok.code == 0);
    CHECK(ok.out.find("valid game day 'local-failover'") != std::string::npos);
  }
}
