// The driver tables are complete: every probe and action type the scenario reference documents has a row, every
// row has its driver, and each driver runs a minimal block of its type (loaded through the schema) in dry form.
// A new type without a row, a driver, documentation or a fixture here fails.
#include <doctest/doctest.h>

#include <fmt/format.h>

#include <map>
#include <set>
#include <string>

#include "../gameday/helpers.hpp"
#include "local_ports.hpp"
#include "readyctl/gameday/action_types.hpp"
#include "readyctl/gameday/loader.hpp"
#include "readyctl/gameday/probe_types.hpp"
#include "readyctl/gameday/probes.hpp"
#include "test_support.hpp"

using namespace readyctl::gameday;

namespace {

// The backticked names the reference lists between `from` and the next line starting with `until`: table rows
// (`| \`http\` |`) or headings (`### \`exec\``).
std::set<std::string> drivers_documented(const std::string& from, const std::string& until, const std::string& lead)
{
  std::string doc = readyctl::test::slurp(readyctl::test::source_dir() / "docs/gameday-scenario.md");
  size_t start = doc.find(from);
  REQUIRE(start != std::string::npos);
  size_t end = doc.find("\n" + until, start + from.size());
  std::set<std::string> names;
  for (size_t at = doc.find("\n" + lead, start); at < end; at = doc.find("\n" + lead, at + 1)) {
    size_t open = at + 1 + lead.size();
    names.insert(doc.substr(open, doc.find('`', open) - open));
  }
  return names;
}

// One block per type, as a scenario writes it; a new row needs one here.
std::map<std::string, std::string> drivers_probe_blocks(int port)
{
  return {{"http", fmt::format("{{http: {{url: \"http://127.0.0.1:{}/\"}}}}", port)},
          {"prometheus", fmt::format("{{prometheus: {{url: \"http://127.0.0.1:{}\", query: up}}, tolerance: 1}}", port)},
          {"exec", "{exec: {command: \"true\"}}"},
          {"kubernetes", "{kubernetes: {kind: pods, selector: app=worker}}"},
          {"process", "{process: {name: api}}"},
          {"dapr-workflow", fmt::format("{{dapr-workflow: {{instanceId: i1, url: \"http://127.0.0.1:{}\"}}}}", port)}};
}

std::map<std::string, std::string> drivers_action_blocks()
{
  return {{"exec", "{exec: {command: \"true\"}}"},
          {"http", "{http: {url: \"http://127.0.0.1:1/\"}}"},
          {"process", "{process: {op: stop, name: api}}"},
          {"kubernetes", "{kubernetes: {op: delete-pods, selector: app=worker}}"},
          {"sleep", "{sleep: 10ms}"}};
}

// The rows no scenario writes, which the runner builds itself (an automatic undo), as their journaled spec.
std::map<std::string, Json> drivers_internal_specs()
{
  return {{"kubectl", Json{{"commands", {{"--context", "kind-gd", "uncordon", "node-a"}}}}}};
}

Step drivers_load_step(const std::string& kind, const std::string& block)
{
  return readyctl::test::gameday::load_one_step("safety: {allowedContexts: [kind-gd]}\n", kind, block);
}

// A cluster of one worker pod, answered by the recording kubectl stand-in.
struct DriversKube {
  readyctl::test::TempDir dir;
  readyctl::test::gameday::PathPrefix path{readyctl::test::source_dir() / "tests/gameday/bin"};

  DriversKube()
  {
    dir.write("pods.json", R"({"kind":"List","items":[{"metadata":{"name":"worker-a"}}]})");
    setenv("KUBECTL_LOG", (dir / "kubectl.log").c_str(), 1);
    setenv("KUBECTL_FIXTURES", dir.path().c_str(), 1);
  }
  ~DriversKube()
  {
    unsetenv("KUBECTL_LOG");
    unsetenv("KUBECTL_FIXTURES");
  }
};

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("drivers: every documented probe and action type has a row with its driver, and no row is undocumented")
  {
    std::set<std::string> probes, actions;
    for (const ProbeType& t : probe_types()) {
      CHECK_MESSAGE(bool(t.run), t.name);
      probes.emplace(t.name);
    }
    for (const ActionType& t : action_types()) {
      CHECK_MESSAGE(bool(t.run), t.name);
      if (t.check) actions.emplace(t.name);
    }
    CHECK(probes == drivers_documented("### Probe types and their output", "##", "| `"));
    CHECK(actions == drivers_documented("## Actions", "## ", "### `"));
  }

  TEST_CASE("drivers: each probe row runs a minimal block and yields the field its default tolerance compares")
  {
    DriversKube kube;
    ProcessTable processes;
    Safety safety{{"kind-gd"}};
    ProbeEnv env{&processes, &safety, {}, nullptr};
    std::map<std::string, std::string> blocks = drivers_probe_blocks(readyctl::test::free_port());
    for (const ProbeType& t : probe_types()) {
      CAPTURE(t.name);
      REQUIRE(bool(t.run));
      REQUIRE(blocks.count(std::string(t.name)) == 1);
      Probe probe = drivers_load_step("probe", blocks[std::string(t.name)]).probe;
      REQUIRE(probe.type == &t);
      ProbeResult r = probe_once(probe, probe.spec, 2, env);
      CHECK(r.output.contains(std::string(t.target)));
    }
  }

  TEST_CASE("drivers: each action row runs a minimal block in dry form, changing nothing")
  {
    DriversKube kube;
    ProcessTable processes;
    Safety safety{{"kind-gd"}};
    ActionEnv env{&processes, &safety, {}, true, "/tmp"};
    std::map<std::string, std::string> blocks = drivers_action_blocks();
    std::map<std::string, Json> internal = drivers_internal_specs();
    for (const ActionType& t : action_types()) {
      CAPTURE(t.name);
      std::string name(t.name);
      REQUIRE(bool(t.run));
      REQUIRE(blocks.count(name) + internal.count(name) == 1);
      Action action = t.check ? drivers_load_step("action", blocks[name]).action
                              : Action{&t, read_action_spec(t, internal[name]), internal[name], {}};
      REQUIRE(action.type == &t);
      ActionResult result = run_action(t, action.spec, env, [](const Json&, const Json&) { FAIL("injected in a dry run"); });
      CHECK(result.output.is_object());
      CHECK_FALSE(result.output.empty());
    }
    CHECK(readyctl::test::slurp(kube.dir / "kubectl.log") ==
          "--context kind-gd get pods --selector app=worker --output json\n");
  }
}
