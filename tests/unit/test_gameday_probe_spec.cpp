// A probe's block is read into its type's spec when the scenario is loaded, with every `${...}` left as written;
// resolving a copy substitutes it, and names the unresolvable reference written first in the block.
#include <doctest/doctest.h>

#include <string>

#include "readyctl/core/error.hpp"
#include "../gameday/helpers.hpp"
#include "readyctl/gameday/loader.hpp"
#include "readyctl/gameday/probe_spec.hpp"

using namespace readyctl::gameday;

namespace {

// The probe of a scenario whose one step is `probe: BLOCK`, with the variables its templates name declared.
Probe probe_spec_loaded(const std::string& block)
{
  std::string vars = "vars: {port: \"8080\", token: abc, tenant: t1, unset: \"\"}\n";
  return readyctl::test::gameday::load_one_step(vars, "probe", block).probe;
}

std::optional<std::string> probe_spec_vars(std::string_view reference)
{
  if (reference == "vars.port") return "8080";
  if (reference == "vars.token") return "abc";
  return std::nullopt;
}

}  // namespace

TEST_SUITE("gameday")
{
  TEST_CASE("probe spec: an http block is read at load into its typed spec, templates unresolved")
  {
    Probe probe = probe_spec_loaded("{http: {url: \"http://127.0.0.1:${vars.port}/orders\", method: POST, "
                                    "headers: {Authorization: \"Bearer ${vars.token}\"}, "
                                    "json: {tenant: \"${vars.tenant}\", n: 2}}}");
    const auto* http = std::get_if<HttpSpec>(&probe.spec);
    REQUIRE(http != nullptr);
    CHECK(http->url.text() == "http://127.0.0.1:${vars.port}/orders");
    REQUIRE(http->method);
    CHECK(http->method->text() == "POST");
    REQUIRE(http->headers.count("Authorization") == 1);
    CHECK(http->headers.at("Authorization").text() == "Bearer ${vars.token}");
    REQUIRE(http->json);
    CHECK(http->json->value == Json{{"tenant", "${vars.tenant}"}, {"n", 2}});
    CHECK_FALSE(http->body);
  }

  TEST_CASE("probe spec: exec and kubernetes blocks keep their fields as written")
  {
    Probe exec = probe_spec_loaded("{exec: {command: [curl, \"${vars.port}\"], env: {TOKEN: \"${vars.token}\"}}}");
    const auto& command = std::get<CommandSpec>(exec.spec);
    CHECK(command.command.value == Json::array({"curl", "${vars.port}"}));
    CHECK(command.env.at("TOKEN").text() == "${vars.token}");
    CHECK_FALSE(command.cwd);
    Probe kube = probe_spec_loaded("{kubernetes: {kind: pods, selector: \"tenant=${vars.tenant}\"}}");
    const auto& get = std::get<KubeGetSpec>(kube.spec);
    CHECK(get.kind.text() == "pods");
    REQUIRE(get.selector);
    CHECK(get.selector->text() == "tenant=${vars.tenant}");
    CHECK_FALSE(get.name);
    CHECK_FALSE(get.namespace_);
  }

  TEST_CASE("probe spec: resolving substitutes a copy and leaves the loaded spec as written")
  {
    Probe probe = probe_spec_loaded("{http: {url: \"http://127.0.0.1:${vars.port}/\", "
                                    "headers: {Authorization: \"${vars.token}\"}}}");
    ProbeSpec spec = resolved(probe.spec, probe_spec_vars);
    CHECK(std::get<HttpSpec>(spec).url.text() == "http://127.0.0.1:8080/");
    CHECK(std::get<HttpSpec>(spec).headers.at("Authorization").text() == "abc");
    CHECK(std::get<HttpSpec>(probe.spec).url.text() == "http://127.0.0.1:${vars.port}/");
  }

  TEST_CASE("probe spec: of two unresolvable references the one written first is named, whatever the field order")
  {
    // `headers` comes after `url` in HttpSpec, but is written first here; a walk over the block meets it first.
    Probe probe = probe_spec_loaded("{http: {headers: {X-Tenant: \"${vars.tenant}\"}, url: \"h/${vars.unset}\"}}");
    CHECK_THROWS_WITH_AS(resolved(probe.spec, probe_spec_vars), "cannot resolve '${vars.tenant}'",
                         readyctl::InputError);
    Probe reversed = probe_spec_loaded("{http: {url: \"h/${vars.unset}\", headers: {X-Tenant: \"${vars.tenant}\"}}}");
    CHECK_THROWS_WITH_AS(resolved(reversed.spec, probe_spec_vars), "cannot resolve '${vars.unset}'",
                         readyctl::InputError);
  }
}
