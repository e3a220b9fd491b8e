// The streaming decoder of Prometheus answers against the DOM one: for every body it accepts, the same series,
// labels, samples and warnings; for every body it declines, the DOM decoder's result or message stands.
#include <cmath>
#include <string>
#include <vector>

#include <doctest/doctest.h>
#include <fmt/format.h>

#include "readyctl/baseline/query_result.hpp"
#include "readyctl/core/error.hpp"

using namespace readyctl::baseline;

namespace {

// A matrix of `series` series of `points` samples each: series s, point p has time 1000 + 60p and value s * 1000 + p
// (written as JSON text the way Prometheus does), label tenant="t<s>".
std::string matrix_body(int series, int points)
{
  std::string body = R"({"status":"success","data":{"resultType":"matrix","result":[)";
  for (int s = 0; s < series; ++s) {
    body += fmt::format(R"({}{{"metric":{{"__name__":"x","tenant":"t{}"}},"values":[)", s ? "," : "", s);
    for (int p = 0; p < points; ++p) body += fmt::format(R"({}[{}.0,"{}"])", p ? "," : "", 1000 + 60 * p, s * 1000 + p);
    body += "]}";
  }
  return body + "]}}";
}

}  // namespace

TEST_SUITE("baseline")
{
  TEST_CASE("fast decoder: a constructed matrix comes back exactly")
  {
    std::optional<QueryResult> r = parse_query_response_fast(matrix_body(30, 200));
    REQUIRE(r);
    REQUIRE(r->series.size() == 30);
    for (int s = 0; s < 30; ++s) {
      const Series& series = r->series[static_cast<size_t>(s)];
      CHECK(series.labels.at("tenant") == fmt::format("t{}", s));
      REQUIRE(series.samples.size() == 200);
      for (int p = 0; p < 200; p += 37) {
        CHECK(series.samples[static_cast<size_t>(p)].time == 1000 + 60 * p);
        CHECK(series.samples[static_cast<size_t>(p)].value == s * 1000 + p);
      }
    }
  }

  TEST_CASE("same_result: NaN equals NaN; a label, a sample, a time or a warning apart is a difference")
  {
    const QueryResult base{{{{{"a", "1"}}, {{1, 2}, {2, std::nan("")}}}}, {"w"}};
    CHECK(same_result(base, base));
    QueryResult other = base;
    other.series[0].labels["a"] = "2";
    CHECK_FALSE(same_result(base, other));
    other = base;
    other.series[0].samples[0].value = 3;
    CHECK_FALSE(same_result(base, other));
    other = base;
    other.series[0].samples[1].time = 3;
    CHECK_FALSE(same_result(base, other));
    other = base;
    other.series[0].samples.pop_back();
    CHECK_FALSE(same_result(base, other));
    other = base;
    other.warnings.clear();
    CHECK_FALSE(same_result(base, other));
  }

  TEST_CASE("fast decoder: what it accepts, the DOM decoder reads the same way")
  {
    const char* bodies[] = {
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1"},"value":[1.5,"2"]}]}})",
        R"({"data":{"resultType":"matrix","result":[]},"status":"success"})",
        R"( { "status" : "success" , "warnings" : [ "w1" , "w\"2" ] , "data" : { "resultType" : "scalar" , "result" : [ 1e3 , "+Inf" ] } } )",
        // escapes, a surrogate pair, raw UTF-8, an empty label value, unknown members with nested values
        R"({"status":"success","infos":[{"x":[1,{"y":null}]},true,false,-0.5e-3],"data":{"resultType":"vector","extra":{},)"
        R"("result":[{"metric":{"k\n":"caf\u00e9 \ud83d\ude00 ü","e":""},"value":[-0,"-Inf"]}]}})",
        // `values` before `value` and before `metric`: the DOM puts the instant sample first
        R"({"status":"success","data":{"resultType":"matrix","result":[{"values":[[2,"2"],[3,"NaN"]],"value":[1,"1"],"metric":{}}]}})",
        // a label repeated: the last one wins in both
        R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"1","a":"2"},"value":[1,"1"]}]}})",
        R"({"status":"success","data":{"resultType":"vector","result":[{"value":[12345678901234567890,"0.1"]}]}})",
    };
    for (const char* body : bodies) {
      CAPTURE(body);
      std::optional<QueryResult> fast = parse_query_response_fast(body);
      REQUIRE(fast);
      CHECK(same_result(*fast, parse_query_response_dom(body, 200, "q")));
    }
    std::string big = matrix_body(50, 500);
    CHECK(same_result(*parse_query_response_fast(big), parse_query_response_dom(big, 200, "q")));
  }

  TEST_CASE("fast decoder: what it declines goes to the DOM decoder, which reads it or explains it")
  {
    struct Row {
      std::string body;
      bool dom_reads;  // true: a result; false: an EnvironmentError
    };
    const Row rows[] = {
        {R"({"status":"error","errorType":"bad_data","error":"x"})", false},
        {R"({"status":"success","data":{"resultType":"vector","result":[{"value":[1,"2",3]}]}})", true},  // 3rd item
        {R"({"status":"success","data":{"result":[],"resultType":"matrix"}})", true},  // result before resultType
        {R"({"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1"],"value":[2,"2"]}]}})", true},
        {R"({"status":"success","data":{"resultType":"vector","result":[]}} x)", false},   // trailing bytes
        {"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":\"\xff\"}}]}}", false},
        {"{\"status\":\"success\",\"data\":{\"resultType\":\"vector\",\"result\":[{\"metric\":{\"a\":\"\xed\xa0\x80\"}}]}}", false},
        {R"({"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1abc"]}]}})", false},
        {R"({"status":"success","data":{"resultType":"vector","result":[{"value":[01,"1"]}]}})", false},
        {R"({"status":"success","data":{"resultType":"vector","result":[{"value":[1,"1"],}]}})", false},
        {R"({"status":"success","data":{"resultType":"vector","result":[{"value":["1","1"]}]}})", false},
        {R"({"status":"success","data":{"resultType":"string","result":[1,"s"]}})", false},
        {R"({"status":"success","data":{"resultType":"vector","result":[{"metric":{"a":"\ud800"},"value":[1,"1"]}]}})", false},
        {"{\"status\":\"success\",\"x\":" + std::string(100, '[') + std::string(100, ']') +
             R"(,"data":{"resultType":"vector","result":[]}})",
         true},  // nested past the fast reader's depth cap
    };
    for (const Row& row : rows) {
      CAPTURE(row.body);
      CHECK_FALSE(parse_query_response_fast(row.body));
      if (row.dom_reads) {
        QueryResult dom = parse_query_response_dom(row.body, 200, "q");
        CHECK(same_result(parse_query_response(row.body, 200, "q"), dom));
      } else {
        CHECK_THROWS_AS(parse_query_response(row.body, 200, "q"), readyctl::EnvironmentError);
      }
    }
  }
}
