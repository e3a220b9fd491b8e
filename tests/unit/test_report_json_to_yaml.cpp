// YAML output: yaml-cpp's emitter writes it (json_to_yaml, and YamlWriter for plan.yaml and scaffold's answers), and
// every value reads back as what it was, whatever it looks like.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include "readyctl/report/json_to_yaml.hpp"
#include "readyctl/report/yaml_writer.hpp"
#include "readyctl/yaml/document.hpp"
#include "readyctl/yaml/to_json.hpp"
#include "test_support.hpp"

using namespace readyctl;

namespace {

// Strings a YAML reader could take for something else, or that carry YAML syntax.
const std::vector<std::string> k_tricky = {
    "yes", "no", "on", "off", "y", "true", "1e3", "0x10", "0o17", "1:20", ".inf", "+1", "-1.5", "2026-11-23",
    ": ", "#", "a #b", "x: y", "- x", "[x]", "{x}", "*x", "&x", "!x", "%x", "@x", "'q", "\"q", " lead",
    "trail ", "  both  ", "null", "Null", "~", "", "ünïcödé ✓", "line one\nline two\n", "no final newline\nx",
    "  indented first\nsecond\n", "tab\there", "back\\slash"};

nlohmann::json read_back(const std::string& yaml_text)
{
  yaml::Document doc = yaml::parse_single_document(yaml::SourceFile("out.yaml", yaml_text));
  return yaml::to_json(doc.root);
}

}  // namespace

TEST_SUITE("report")
{
  TEST_CASE("json_to_yaml: every string, number, boolean and null reads back as itself")
  {
    nlohmann::ordered_json doc{{"schemaVersion", 1}, {"strings", k_tricky}, {"ratio", 0.25}, {"big", 12345678901LL},
                               {"negative", -3}, {"flag", false}, {"none", nullptr},
                               {"empty", nlohmann::ordered_json::array()}, {"nothing", nlohmann::ordered_json::object()}};
    for (const std::string& s : k_tricky) doc["keys"][s] = s;
    std::string text = json_to_yaml(doc);
    INFO(text);
    CHECK(read_back(text) == nlohmann::json::parse(doc.dump()));
  }

  TEST_CASE("json_to_yaml: YAML 1.1 booleans, numbers and dates are quoted; ordinary words stay plain")
  {
    for (const char* typed : {"yes", "no", "on", "off", "y", "1e3", "0x10", "1:20", "2026-11-23", "null", "~"}) {
      CAPTURE(typed);
      yaml::Document doc = yaml::parse_single_document(yaml::SourceFile("x", json_to_yaml(nlohmann::ordered_json{{"v", typed}})));
      CHECK_FALSE(doc.root->get("v")->plain());
    }
    for (const char* word : {"ok", "image-pinned", "http://prom:9090", "0.1.0", "ghcr.io/example"}) {
      CAPTURE(word);
      yaml::Document doc = yaml::parse_single_document(yaml::SourceFile("x", json_to_yaml(nlohmann::ordered_json{{"v", word}})));
      CHECK(doc.root->get("v")->plain());
    }
  }

  TEST_CASE("json_to_yaml: multi-line text ending in one newline is a literal block")
  {
    CHECK(json_to_yaml(nlohmann::ordered_json{{"bad", "a: 1\nb: 2\n"}}).starts_with("bad: |\n  a: 1\n  b: 2\n"));
    CHECK(json_to_yaml(nlohmann::ordered_json{{"bad", "a\nb"}}) == "bad: \"a\\nb\"\n");
  }

  TEST_CASE("YamlWriter: fixed keys plain, in the order written; empty collections in flow style")
  {
    YamlWriter out;
    out.begin_map().key("start").plain("2026-01-05");
    out.key("version").number(3);
    out.key("manifests").begin_seq(true).end_seq();
    out.key("answers").begin_map(true).end_map();
    out.end_map();
    CHECK(out.document() == "start: 2026-01-05\nversion: 3\nmanifests: []\nanswers: {}\n");
  }

  TEST_CASE("YamlWriter: user keys and values that look like other types are quoted and read back as strings")
  {
    YamlWriter out;
    out.begin_map();
    out.scalar_key("yes").scalar("1e3");
    out.scalar_key("plain").scalar("word");
    out.key("list").begin_seq();
    out.scalar("null").scalar("two\nlines\n");
    out.end_seq().end_map();
    std::string text = out.document();
    INFO(text);
    CHECK(text.find("\"yes\": \"1e3\"") != std::string::npos);
    CHECK(text.find("plain: word") != std::string::npos);
    CHECK(read_back(text) == nlohmann::json{{"yes", "1e3"}, {"plain", "word"}, {"list", {"null", "two\nlines\n"}}});
  }
}
