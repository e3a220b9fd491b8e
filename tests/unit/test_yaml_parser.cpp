#include <doctest/doctest.h>

#include <string>

#include "readyctl/yaml/document.hpp"

using namespace readyctl::yaml;

TEST_SUITE("yaml")
{
  TEST_CASE("every node keeps its 1-based line and column")
  {
    SourceFile f("a.yaml", "apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\n  labels: {app: web}\nlist:\n- a\n-  b\n");
    ParsedFile p = parse_yaml(f);
    REQUIRE(p.errors.empty());
    REQUIRE(p.documents.size() == 1);
    const Node* root = p.documents[0].root;
    CHECK(root->get("kind")->line() == 2);
    CHECK(root->get("kind")->column() == 7);
    CHECK(root->path({"metadata", "name"})->str() == "x");
    CHECK(root->path({"metadata", "labels", "app"})->column() == 17);
    CHECK(root->get("list")->children()[1]->line() == 8);
    CHECK(root->get("list")->children()[1]->column() == 4);
    CHECK(root->key_node("list")->line() == 6);
  }

  TEST_CASE("mapping lookups find every key, also keys that share length, first, middle and last bytes")
  {
    // "aXbYc" and "aZbWc" get the same lookup tag; so do "" and a non-scalar key. Each must still find its own value.
    SourceFile f("a.yaml", "aXbYc: 1\naZbWc: 2\n? [k]\n: 3\n\"\": 4\nlabels: {app: web}\n");
    ParsedFile p = parse_yaml(f);
    REQUIRE(p.errors.empty());
    const Node* root = p.documents[0].root;
    REQUIRE(root->size() == 5);
    CHECK(root->get("aXbYc")->str() == "1");
    CHECK(root->get("aZbWc")->str() == "2");
    CHECK(root->get("")->str() == "4");
    CHECK(root->key_node("aZbWc")->line() == 2);
    CHECK(root->path({"labels", "app"})->str() == "web");
    CHECK(root->get("aXbYd") == nullptr);
    CHECK(root->get("labels")->get("ap") == nullptr);
    CHECK(root->get("k") == nullptr);  // the sequence key is not a string key
    CHECK(root->get("kind") == nullptr);
  }

  TEST_CASE("scalars keep quoting, so \"true\" is a string and true a boolean")
  {
    SourceFile f("a.yaml", "a: true\nb: \"true\"\nc: 42\nd: ~\ne:\n");
    Document d = parse_single_document(f);
    CHECK(d.root->get("a")->as_bool() == true);
    CHECK_FALSE(d.root->get("b")->as_bool());
    CHECK(d.root->get("c")->as_int() == 42);
    CHECK(d.root->get("d")->is_null());
    CHECK(d.root->get("e")->is_null());
  }

  TEST_CASE("a broken document is reported and the next ones still load")
  {
    SourceFile f("m.yaml", "a: 1\n---\nb: [unclosed\nc: 2\n---\nd: 4\n");
    ParsedFile p = parse_yaml(f);
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].line >= 3);
    REQUIRE(p.documents.size() == 2);
    CHECK(p.documents[1].root->get("d")->line() == 6);
  }

  TEST_CASE("deep nesting ends in an error, not a crash")
  {
    std::string deep(100000, '[');
    SourceFile f("deep.yaml", deep);
    ParsedFile p = parse_yaml(f);
    REQUIRE_FALSE(p.errors.empty());
    CHECK(p.errors[0].message.find("nesting deeper") != std::string::npos);
  }

  TEST_CASE("alias bombs are refused")
  {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char prev = 'a';
    for (char c = 'b'; c <= 'j'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
      bomb += "]\n";
      prev = c;
    }
    SourceFile f("bomb.yaml", bomb);
    ParsedFile p = parse_yaml(f);
    REQUIRE_FALSE(p.errors.empty());
    CHECK(p.errors[0].message.find("alias") != std::string::npos);
  }

  TEST_CASE("aliases share the anchored node")
  {
    SourceFile f("a.yaml", "base: &b {x: 1}\nuse: *b\n");
    Document d = parse_single_document(f);
    CHECK(d.root->get("use") == d.root->get("base"));
  }

  TEST_CASE("invalid UTF-8 is a located error")
  {
    SourceFile f("bin.yaml", std::string("a: \xff\xfe\x00zz\n", 9));
    ParsedFile p = parse_yaml(f);
    REQUIRE_FALSE(p.errors.empty());
  }

  TEST_CASE("CRLF files and a BOM keep their positions")
  {
    SourceFile f("w.yaml", "\xEF\xBB\xBFkind: Pod\r\nmetadata:\r\n  name: x\r\n");
    Document d = parse_single_document(f);
    CHECK(d.root->path({"metadata", "name"})->line() == 3);
    CHECK(d.root->path({"metadata", "name"})->str() == "x");
  }
}
