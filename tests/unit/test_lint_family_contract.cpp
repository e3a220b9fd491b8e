// The rule<->family contract: each family declares the rule ids it tells apart and its typed parameters; a rule
// that breaks it, in a rule file, a --rules file or .readyctl.yaml, is exit 2 at file:line:col.
#include <set>
#include <stdexcept>

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>

#include "readyctl/lint/check.hpp"
#include "readyctl/lint/family_contract.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

std::string rule_file(const std::string& id, const std::string& check, const std::string& params = "")
{
  return "id: " + id + "\nseverity: warning\ncategory: hygiene\ncheck: " + check +
         "\nkinds: [workloads]\nsummary: s\nrationale: r\nremediation: m\n" + params;
}

// `readyctl lint` on `manifest` with one --rules directory holding `rule` and an optional config text.
test::CliResult lint_with(const test::TempDir& dir, const std::string& rule, const std::string& config,
                          const std::string& manifest)
{
  dir.write("rules/x.yaml", rule);
  dir.write("readyctl.yaml", config);
  dir.write("m.yaml", manifest);
  return test::run_cli({"--config", (dir / "readyctl.yaml").string(), "lint", (dir / "m.yaml").string(),
                        "--rules", (dir / "rules").string(), "-o", "json", "--fail-on", "never"});
}

const std::string k_pod = "apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: team-a\nspec:\n  containers:\n"
                          "  - name: c\n    image: registry.example/app:v1.2.3\n";

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("every check family has one row, and a rule's family is found with its contract")
  {
    std::set<std::string_view> families;
    for (const lint::CheckFamily& f : lint::check_families()) {
      CHECK_MESSAGE(families.insert(f.name).second, "family '" << f.name << "' has two rows");
      CHECK(lint::find_family_contract(f.name) == &lint::find_check_family(f.name)->contract);
    }
    CHECK(lint::find_family_contract("no-such-family") == nullptr);
  }

  TEST_CASE("every declared default has its declared type, and every built-in rule gets each parameter it reads")
  {
    for (const lint::CheckFamily& f : lint::check_families())
      for (const lint::ParamSpec& p : f.contract.params) {
        CAPTURE(p.name);
        CHECK(lint::typed_value(p, nlohmann::json::parse(p.default_json.begin(), p.default_json.end())).has_value());
      }
    for (const lint::Rule& r : lint::load_builtin_rules()) {
      const lint::FamilyContract* c = lint::find_family_contract(r.check);
      REQUIRE(c);
      CHECK(c->implements(r.id));
      for (const lint::ParamSpec& p : c->params)
        if (p.variant.empty() || p.variant == r.id) CHECK_MESSAGE(r.params.contains(std::string(p.name)), r.id << " lacks " << p.name);
    }
  }

  TEST_CASE("a user rule bound to a family that branches on the rule id, under another id, is exit 2 at its check:")
  {
    test::TempDir dir;
    test::CliResult r = lint_with(dir, rule_file("my-hardening", "security-context"), "", k_pod);
    CHECK(r.code == 2);
    CHECK(r.err.find("x.yaml:4:8: rule 'my-hardening' is bound to family 'security-context', which implements only "
                     "capabilities, host-path, privilege-escalation, privileged, read-only-root-fs, run-as-non-root, "
                     "seccomp") != std::string::npos);
    // The same id the family implements loads, and checks what the built-in checks.
    test::CliResult ok = lint_with(dir, rule_file("rbac-wildcard", "rbac"), "", k_pod);
    CHECK(ok.code == 0);
  }

  TEST_CASE("a wrong parameter type or an unknown parameter in a --rules file is exit 2 at the value or the key")
  {
    test::TempDir dir;
    test::CliResult type = lint_with(dir, rule_file("my-pins", "image-pinned", "params:\n  requireDigest: sometimes\n"), "", k_pod);
    CHECK(type.code == 2);
    CHECK(type.err.find("x.yaml:10:18: expected true or false for 'requireDigest'") != std::string::npos);
    test::CliResult unknown = lint_with(dir, rule_file("my-pins", "image-pinned", "params:\n  requireDigets: true\n"), "", k_pod);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("x.yaml:10:3: family image-pinned has no parameter 'requireDigets' for rule my-pins (it "
                           "reads movingTags, requireDigest)") != std::string::npos);
  }

  TEST_CASE("a wrong parameter type or an unknown parameter in .readyctl.yaml is exit 2 at the value or the key")
  {
    test::TempDir dir;
    const std::string rule = rule_file("my-pins", "image-pinned");
    test::CliResult type = lint_with(dir, rule, "lint:\n  rules:\n    retry-bounded:\n      params: {maxAttempts: \"three\"}\n", k_pod);
    CHECK(type.code == 2);
    CHECK(type.err.find("readyctl.yaml:4:29: expected an integer for 'maxAttempts'") != std::string::npos);
    test::CliResult unknown = lint_with(dir, rule, "lint:\n  rules:\n    retry-backoff:\n      params:\n        maxAttempts: 3\n", k_pod);
    CHECK(unknown.code == 2);
    CHECK(unknown.err.find("readyctl.yaml:5:9: family retry-policy has no parameter 'maxAttempts' for rule "
                           "retry-backoff (it reads minInterval)") != std::string::npos);
    test::CliResult duration = lint_with(dir, rule, "lint:\n  rules:\n    retry-backoff: {params: {minInterval: soon}}\n", k_pod);
    CHECK(duration.code == 2);
    CHECK(duration.err.find("readyctl.yaml:3:43: expected a duration for 'minInterval'") != std::string::npos);
  }

  TEST_CASE("a user rule bound to a family reads the family's typed defaults, and its own values")
  {
    test::TempDir dir;
    auto findings_of = [](const test::CliResult& r) {
      std::multiset<std::string> rules;
      const nlohmann::json report = nlohmann::json::parse(r.out);
      for (const auto& f : report["findings"]) rules.insert(f["rule"].get<std::string>());
      return rules;
    };
    // No params: the family's default requireDigest (false) accepts a pinned tag.
    test::CliResult plain = lint_with(dir, rule_file("my-pins", "image-pinned"), "", k_pod);
    REQUIRE(plain.code == 0);
    CHECK(findings_of(plain).count("my-pins") == 0);
    // requireDigest: true reports the tag without a digest, once.
    test::CliResult strict = lint_with(dir, rule_file("my-pins", "image-pinned", "params:\n  requireDigest: true\n"), "", k_pod);
    REQUIRE(strict.code == 0);
    CHECK(findings_of(strict).count("my-pins") == 1);
  }

  TEST_CASE("a rule bound to no family is exit 2 at its check:, and a family reading a parameter as another type throws")
  {
    test::TempDir dir;
    test::CliResult r = lint_with(dir, rule_file("my-rule", "no-such-family"), "", k_pod);
    CHECK(r.code == 2);
    CHECK(r.err.find("x.yaml:4:8: expected a check family for 'check', got 'no-such-family' (families: ") !=
          std::string::npos);
    const lint::Rule pins = lint::parse_rule("p.yaml", rule_file("my-pins", "image-pinned"));
    CHECK(pins.param_strings("movingTags").size() == 8);  // the family's default list
    CHECK_FALSE(pins.param_bool("requireDigest"));
    CHECK_THROWS_AS(pins.param_int("movingTags"), std::logic_error);
    CHECK_THROWS_AS(pins.param_strings("requireDigest"), std::logic_error);
  }

  TEST_CASE("lint explain and lint rules JSON show each parameter's type")
  {
    test::CliResult text = test::run_cli({"lint", "explain", "retry-bounded"});
    CHECK(text.out.find("  maxAttempts (int, default 3): ") != std::string::npos);
    const nlohmann::json rules = nlohmann::json::parse(test::run_cli({"lint", "rules", "-o", "json"}).out);
    for (const auto& r : rules["rules"])
      if (r["id"] == "retry-backoff") {
        REQUIRE(r["parameters"].size() == 1);
        CHECK(r["parameters"][0]["name"] == "minInterval");
        CHECK(r["parameters"][0]["type"] == "duration");
      }
  }
}
