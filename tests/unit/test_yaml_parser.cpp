#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "readyctl/core/block_pool.hpp"

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

  TEST_CASE("known keys and their lookalikes each find their own value, in either order, with or without a pool")
  {
    // "spec" is a known key (known_keys.cpp). "sXec" has its tag; so has the 132-byte key, whose length the tag keeps
    // in 7 bits (132 = 128 + 4) and whose first, middle and last bytes are those of "spec". A quoted key is the same key.
    const std::string long_key = "s" + std::string(65, 'x') + "e" + std::string(64, 'x') + "c";
    REQUIRE(long_key.size() == 132);
    REQUIRE(long_key[long_key.size() / 2] == 'e');
    for (const std::string& text : {"sXec: 1\n\"spec\": 2\n" + long_key + ": 3\n",
                                    long_key + ": 3\nspec: 2\nsXec: 1\n"}) {
      readyctl::BlockPool pool;
      for (std::pmr::memory_resource* memory : {static_cast<std::pmr::memory_resource*>(nullptr),
                                                static_cast<std::pmr::memory_resource*>(&pool)}) {
        SourceFile f("a.yaml", text);
        ParsedFile p = parse_yaml(f, {}, memory);
        REQUIRE(p.errors.empty());
        const Node* root = p.documents[0].root;
        CHECK(root->get("spec")->str() == "2");
        CHECK(root->get("sXec")->str() == "1");
        CHECK(root->get(long_key)->str() == "3");
        CHECK(root->key_node("spec")->str() == "spec");
        CHECK(root->get("sYec") == nullptr);
        CHECK(root->get("kind") == nullptr);
      }
    }
  }

  TEST_CASE("parse_int reads an optional '+' and a whole integer, as Node::as_int does")
  {
    CHECK(parse_int("42") == 42);
    CHECK(parse_int("+42") == 42);
    CHECK(parse_int("-3") == -3);
    CHECK(parse_int("08") == 8);
    for (const char* bad : {"", "+", "++1", " 5", "5 ", "1e3", "5.5", "0x10", "99999999999999999999"})
      CHECK_MESSAGE(!parse_int(bad), bad);
    SourceFile f("a.yaml", "a: +7\nb: '7'\nc: 7x\n");
    Document d = parse_single_document(f);
    CHECK(d.root->get("a")->as_int() == 7);
    CHECK(d.root->get("b")->as_int() == 7);
    CHECK_FALSE(d.root->get("c")->as_int());
  }

  TEST_CASE("a mapping without the known key does not answer for it through a lookalike")
  {
    SourceFile f("a.yaml", "sXec: 1\nmetadatX: 2\n");
    ParsedFile p = parse_yaml(f);
    REQUIRE(p.errors.empty());
    const Node* root = p.documents[0].root;
    CHECK(root->get("spec") == nullptr);
    CHECK(root->get("metadata") == nullptr);
    CHECK(root->get("metadatX")->str() == "2");
  }

  TEST_CASE("with a shared pool, values spelled verbatim point into the file; all others are exact copies")
  {
    // Escapes, folding, block scalars, tags and anchors: the file's bytes are not the value there. After the
    // two-byte 'é' libyaml's character index no longer matches the byte offset, so later values cannot be found
    // by it; they must still come out right.
    const std::string text = "plain: web-1\nsingle: 'it''s'\ndouble: \"a\\tb\"\nquoted: \"q\"\nfolded: >\n  x\n  y\n"
                             "lit: |\n  l1\n  l2\nmulti: one\n  two\ntagged: !!str 42\nanchored: &a v\nalias: *a\n"
                             "flow: {k: fv}\naccent: é\nafter: tail\n";
    readyctl::BlockPool pool;
    std::optional<SourceFile> f(std::in_place, "v.yaml", text);
    ParsedFile p = parse_yaml(*f, {}, &pool);
    REQUIRE(p.errors.empty());
    // A moved SourceFile keeps its text where it was (the nodes point into it), also for a text short enough to
    // live inside a std::string.
    SourceFile kept = std::move(*f);
    f.reset();
    const Node* root = p.documents[0].root;
    const std::string_view file = kept.text();
    auto in_file = [&](std::string_view v) { return v.data() >= file.data() && v.data() + v.size() <= file.data() + file.size(); };
    const std::pair<const char*, const char*> expected[] = {
        {"plain", "web-1"}, {"single", "it's"}, {"double", "a\tb"}, {"quoted", "q"}, {"folded", "x y\n"},
        {"lit", "l1\nl2\n"}, {"multi", "one two"}, {"tagged", "42"}, {"anchored", "v"}, {"alias", "v"},
        {"accent", "é"}, {"after", "tail"}};
    for (auto [key, value] : expected) CHECK_MESSAGE(root->get(key)->str() == value, key);
    CHECK(root->path({"flow", "k"})->str() == "fv");
    for (const char* verbatim : {"plain", "quoted"}) CHECK_MESSAGE(in_file(root->get(verbatim)->str()), verbatim);
    CHECK(in_file(root->key_node("plain")->str()));
    CHECK(in_file(root->path({"flow", "k"})->str()));
    for (const char* copied : {"single", "double", "folded", "lit", "multi", "after"})
      CHECK_MESSAGE(!in_file(root->get(copied)->str()), copied);
    std::optional<SourceFile> tiny(std::in_place, "t.yaml", "a: b\n");  // fits in a std::string's own buffer
    ParsedFile t = parse_yaml(*tiny, {}, &pool);
    SourceFile tiny_kept = std::move(*tiny);
    tiny.reset();
    CHECK(t.documents[0].root->get("a")->str() == "b");
    CHECK(t.documents[0].root->get("a")->str().data() == tiny_kept.text().data() + 3);

    // Without a pool each document owns its nodes and may outlive the file: nothing points into the text.
    SourceFile short_file("s.yaml", "a: b\n");
    ParsedFile own = parse_yaml(short_file);
    const std::string_view s = short_file.text();
    const std::string_view b = own.documents[0].root->get("a")->str();
    CHECK(b == "b");
    CHECK((b.data() < s.data() || b.data() >= s.data() + s.size()));
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

  TEST_CASE("an error reported on the `---` that ends a broken document does not skip the document it starts")
  {
    SourceFile f("m.yaml", "a: 1\n---\nb: [x,\n---\nd: 4\n---\ne: 5\n");
    ParsedFile p = parse_yaml(f);
    REQUIRE(p.errors.size() == 1);
    CHECK(p.errors[0].line == 4);
    REQUIRE(p.documents.size() == 3);
    CHECK(p.documents[0].root->get("a") != nullptr);
    REQUIRE(p.documents[1].root->get("d") != nullptr);
    CHECK(p.documents[1].root->get("d")->line() == 5);
    CHECK(p.documents[2].root->get("e")->line() == 7);
  }

  TEST_CASE("a file whose documents all break on their own `---` ends, reporting each")
  {
    SourceFile f("m.yaml", "---\nb: [x,\n---\nc: [y,\n---\nd: 4\n");
    ParsedFile p = parse_yaml(f);
    REQUIRE(p.errors.size() == 2);
    CHECK(p.errors[0].line == 3);
    CHECK(p.errors[1].line == 5);
    REQUIRE(p.documents.size() == 1);
    CHECK(p.documents[0].root->get("d")->line() == 6);
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

  TEST_CASE("an alias is its anchor's node: same position, same children, not copied")
  {
    SourceFile f("a.yaml", "base: &b {x: 1, y: [2]}\nuse: *b\n");
    Document d = parse_single_document(f);
    const Node* use = d.root->get("use");
    const Node* base = d.root->get("base");
    CHECK(use->line() == 1);
    CHECK(use->column() == 7);
    CHECK(use->get("x") == base->get("x"));
    CHECK(use->path({"y"})->children()[0] == base->path({"y"})->children()[0]);
  }

  TEST_CASE("children are a node array: items, entries and lookups agree on each node's address")
  {
    SourceFile f("a.yaml", "list: [a, b, c]\nmap: {k: v, l: w}\n");
    Document d = parse_single_document(f);
    const Node* list = d.root->get("list");
    std::vector<const Node*> items(list->children().begin(), list->children().end());
    REQUIRE(items.size() == 3);
    CHECK(items[2]->str() == "c");
    CHECK(list->children()[1] == items[1]);
    CHECK(list->children().end() - list->children().begin() == 3);
    const Node* map = d.root->get("map");
    std::vector<std::string_view> seen;
    for (auto [key, value] : map->entries()) {
      CHECK(map->get(key->str()) == value);
      CHECK(map->key_node(key->str()) == key);
      seen.push_back(value->str());
    }
    CHECK(seen == std::vector<std::string_view>{"v", "w"});
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
