// An action's block is read into its type's spec when the scenario is loaded, with every `${...}` left as written;
// the block itself is kept as written, in its key order, for what an undo journals.
#include <doctest/doctest.h>

#include <string>

#include "../gameday/helpers.hpp"
#include "readyctl/gameday/loader.hpp"
#include "readyctl/gameday/probe_types.hpp"

using namespace readyctl::gameday;

namespace {

// The action of a scenario whose one step is `action: BLOCK`, with the variables its templates name declared.
Action action_spec_loaded(const std::string& block)
{
  std::string head = "vars: {ctx: kind-gd, n: \"0\", port: \"8080\"}\nsafety: {allowedContexts: [kind-gd]}\n";
  return readyctl::test::gameday::load_one_step(head, "action", block).action;
}

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("action spec: a kubernetes scale is read at load, and its block kept as written for the undo")
  {
    Action action = action_spec_loaded(
        "{kubernetes: {replicas: \"${vars.n}\", op: scale, name: api, context: \"${vars.ctx}\", namespace: shop}}");
    const auto& kube = std::get<KubeActionSpec>(action.spec);
    CHECK(kube.op == "scale");
    REQUIRE(kube.context);
    CHECK(kube.context->text() == "${vars.ctx}");
    REQUIRE(kube.replicas);
    CHECK(kube.replicas->text() == "${vars.n}");
    CHECK(kube.namespace_->text() == "shop");
    CHECK_FALSE(kube.selector);
    // The undo of a scale is this block with `replicas` replaced: it keeps the order the scenario wrote.
    CHECK(kube.scaled.value.dump() ==
          R"({"replicas":"${vars.n}","op":"scale","name":"api","context":"${vars.ctx}","namespace":"shop"})");
    CHECK(action.written == kube.scaled.value);
    Action pods = action_spec_loaded("{kubernetes: {op: delete-pods, selector: app=worker, count: 1}}");
    CHECK(std::get<KubeActionSpec>(pods.spec).scaled.value.is_null());
    CHECK(std::get<KubeActionSpec>(pods.spec).count->text() == "1");
  }

  TEST_CASE("action spec: a process start reads its launch and its ready probe at load")
  {
    Action action = action_spec_loaded("{process: {op: start, name: api, env: {PORT: \"${vars.port}\"}, "
                                       "command: [server, \"--port=${vars.port}\"], "
                                       "ready: {http: {url: \"http://127.0.0.1:${vars.port}/\"}, within: 5s}}}");
    const auto& process = std::get<ProcessActionSpec>(action.spec);
    CHECK(process.op == "start");
    CHECK(process.name.text() == "api");
    REQUIRE(process.launch.command);
    CHECK(process.launch.command->value == Json::array({"server", "--port=${vars.port}"}));
    REQUIRE(process.launch.env);
    CHECK(process.launch.env->value == Json{{"PORT", "${vars.port}"}});
    CHECK_FALSE(process.launch.cwd);
    REQUIRE(process.ready);
    CHECK(process.ready->type == find_probe_type("http"));
    CHECK(std::get<HttpSpec>(process.ready->spec).url.text() == "http://127.0.0.1:${vars.port}/");
    REQUIRE(process.ready->timing.within);
    CHECK(process.ready->timing.within->text() == "5s");
    CHECK_FALSE(process.ready->timing.timeout);
    CHECK(process.ready->tolerance.value.is_null());
  }
}
