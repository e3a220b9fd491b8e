# The baseline module: Prometheus client, stack detection, queries, statistics, cost, snapshots, renderings.
list(APPEND READYCTL_BASELINE_SOURCES
  src/readyctl/baseline/baseline.cpp
  src/readyctl/baseline/baseline_json.cpp
  src/readyctl/baseline/collect.cpp
  src/readyctl/baseline/compare.cpp
  src/readyctl/baseline/derive.cpp
  src/readyctl/baseline/detection.cpp
  src/readyctl/baseline/display.cpp
  src/readyctl/baseline/figures.cpp
  src/readyctl/baseline/formats.cpp
  src/readyctl/baseline/prices.cpp
  src/readyctl/baseline/prometheus_client.cpp
  src/readyctl/baseline/query_plan.cpp
  src/readyctl/baseline/query_result.cpp
  src/readyctl/baseline/query_result_fast.cpp
  src/readyctl/baseline/range_chunks.cpp
  src/readyctl/baseline/recommend.cpp
  src/readyctl/baseline/recommend_followup.cpp
  src/readyctl/baseline/recommend_json.cpp
  src/readyctl/baseline/render_recommend.cpp
  src/readyctl/baseline/render_html.cpp
  src/readyctl/baseline/render_markdown.cpp
  src/readyctl/baseline/render_text.cpp
  src/readyctl/baseline/serving_derive.cpp
  src/readyctl/baseline/serving_queries.cpp
  src/readyctl/baseline/snapshot.cpp
  src/readyctl/baseline/stack.cpp
  src/readyctl/baseline/svg_chart.cpp
  src/readyctl/baseline/statistics.cpp
  src/readyctl/baseline/window.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_baseline_errors.cpp
  tests/unit/test_baseline_integration.cpp
  tests/unit/test_baseline_statistics.cpp
  tests/unit/test_baseline_fast_parse.cpp
  tests/unit/test_baseline_html_layout.cpp
  tests/unit/test_baseline_units.cpp
  tests/unit/test_baseline_vmauth.cpp
  tests/unit/test_baseline_recommend.cpp
)
# The stack mappings and the demo snapshots (--demo), compiled in.
readyctl_embed(embedded_stacks readyctl::baseline::embedded_stacks ${PROJECT_SOURCE_DIR}/rules "stacks/*.yaml")
readyctl_embed(embedded_demo readyctl::baseline::embedded_demo ${PROJECT_SOURCE_DIR}/examples/demo "*.json")
list(APPEND READYCTL_BASELINE_SOURCES ${embedded_stacks} ${embedded_demo})
