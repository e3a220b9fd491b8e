list(APPEND READYCTL_LINT_SOURCES
  src/readyctl/lint/alternative_files.cpp
  src/readyctl/lint/anchors.cpp
  src/readyctl/lint/check_registry.cpp
  src/readyctl/lint/check_runner.cpp
  src/readyctl/lint/config.cpp
  src/readyctl/lint/controller_defaults.cpp
  src/readyctl/lint/cron_schedule.cpp
  src/readyctl/lint/deployment_units.cpp
  src/readyctl/lint/engine.cpp
  src/readyctl/lint/family_contract.cpp
  src/readyctl/lint/foreign_suppression.cpp
  src/readyctl/lint/graph.cpp
  src/readyctl/lint/helm_chart_file.cpp
  src/readyctl/lint/inline_patches.cpp
  src/readyctl/lint/kustomization_refs.cpp
  src/readyctl/lint/kustomize.cpp
  src/readyctl/lint/label_index.cpp
  src/readyctl/lint/manifest_loader.cpp
  src/readyctl/lint/object.cpp
  src/readyctl/lint/parity.cpp
  src/readyctl/lint/patch_location.cpp
  src/readyctl/lint/render_error_location.cpp
  src/readyctl/lint/pod_template.cpp
  src/readyctl/lint/rule.cpp
  src/readyctl/lint/selector.cpp
  src/readyctl/lint/selector_index.cpp
  src/readyctl/lint/sink.cpp
  src/readyctl/lint/split_findings.cpp
  src/readyctl/lint/suppression.cpp
  src/readyctl/lint/unrendered.cpp
  src/readyctl/lint/window.cpp
  src/readyctl/lint/checks/deprecated_api.cpp
  src/readyctl/lint/checks/engine.cpp
  src/readyctl/lint/checks/registry_cluster.cpp
  src/readyctl/lint/checks/registry_engine.cpp
  src/readyctl/lint/checks/registry_guardrail.cpp
  src/readyctl/lint/checks/registry_platform.cpp
  src/readyctl/lint/checks/registry_workload.cpp
)
# Each check area lists its own check files and tests in a fragment of its own.
foreach(area workload cluster guardrail platform)
  if(EXISTS ${CMAKE_CURRENT_LIST_DIR}/checks/${area}.cmake)
    include(${CMAKE_CURRENT_LIST_DIR}/checks/${area}.cmake)
  endif()
endforeach()
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_lint_check_runner.cpp
  tests/unit/test_lint_fixtures.cpp
  tests/unit/test_lint_foreign_suppression.cpp
  tests/unit/test_lint_engine.cpp
  tests/unit/test_lint_family_contract.cpp
  tests/unit/test_lint_examples.cpp
  tests/unit/test_lint_kustomize.cpp
  tests/unit/test_lint_parity.cpp
  tests/unit/test_lint_corpus.cpp
  tests/unit/test_lint_precision.cpp
  tests/unit/test_lint_selector.cpp
  tests/unit/test_lint_split_findings.cpp
  tests/unit/test_lint_units.cpp
  tests/unit/test_lint_unrendered.cpp
)
# The built-in rules, compiled in: load_builtin_rules reads them (rules/stacks/ is baseline's).
readyctl_embed(embedded_rules readyctl::lint::embedded_rules ${PROJECT_SOURCE_DIR}/rules "*.yaml")
# The three anchor tools' check lists (rules/parity/*.yaml): builtin_foreign_checks reads them.
readyctl_embed(embedded_parity readyctl::lint::embedded_parity ${PROJECT_SOURCE_DIR}/rules "parity/*.yaml")
list(APPEND READYCTL_LINT_SOURCES ${embedded_rules} ${embedded_parity})
