#include <doctest/doctest.h>

#include "readyctl/lint/selector.hpp"
#include "readyctl/yaml/document.hpp"

using namespace readyctl;

namespace {

struct Pair {
  yaml::SourceFile file;
  yaml::Document doc;
  explicit Pair(const std::string& text) : file("s.yaml", text), doc(yaml::parse_single_document(file)) {}
  const yaml::Node* at(std::string_view key) const { return doc.root->get(key); }
};

}  // namespace

TEST_SUITE("lint")
{
  TEST_CASE("label selectors: empty selects all, absent selects none, expressions are exact")
  {
    Pair p(R"(labels: {app: web, tier: front}
empty: {}
absent: null
ml: {matchLabels: {app: web}}
mlwrong: {matchLabels: {app: db}}
in: {matchExpressions: [{key: tier, operator: In, values: [front, back]}]}
notin: {matchExpressions: [{key: tier, operator: NotIn, values: [front]}]}
notin_missing: {matchExpressions: [{key: zone, operator: NotIn, values: [a]}]}
exists: {matchExpressions: [{key: app, operator: Exists}]}
dne: {matchExpressions: [{key: app, operator: DoesNotExist}]}
both: {matchLabels: {app: web}, matchExpressions: [{key: tier, operator: In, values: [back]}]}
)");
    const yaml::Node* labels = p.at("labels");
    CHECK(lint::label_selector_matches(p.at("empty"), labels));
    CHECK_FALSE(lint::label_selector_matches(p.at("absent"), labels));
    CHECK_FALSE(lint::label_selector_matches(nullptr, labels));
    CHECK(lint::label_selector_matches(p.at("ml"), labels));
    CHECK_FALSE(lint::label_selector_matches(p.at("mlwrong"), labels));
    CHECK(lint::label_selector_matches(p.at("in"), labels));
    CHECK_FALSE(lint::label_selector_matches(p.at("notin"), labels));
    CHECK(lint::label_selector_matches(p.at("notin_missing"), labels));
    CHECK(lint::label_selector_matches(p.at("exists"), labels));
    CHECK_FALSE(lint::label_selector_matches(p.at("dne"), labels));
    CHECK_FALSE(lint::label_selector_matches(p.at("both"), labels));
    CHECK_FALSE(lint::label_selector_matches(p.at("empty"), nullptr) == false);
  }

  TEST_CASE("map selectors (Services) need every pair; an empty one selects nothing")
  {
    Pair p("labels: {app: web, tier: front}\nsel: {app: web}\nwrong: {app: web, tier: back}\nempty: {}\n");
    CHECK(lint::map_selector_matches(p.at("sel"), p.at("labels")));
    CHECK_FALSE(lint::map_selector_matches(p.at("wrong"), p.at("labels")));
    CHECK_FALSE(lint::map_selector_matches(p.at("empty"), p.at("labels")));
  }
}
