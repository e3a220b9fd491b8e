# The gameday module lists its core sources and tests here.
list(APPEND READYCTL_CORE_SOURCES
  src/readyctl/gameday/action_schema.cpp
  src/readyctl/gameday/actions.cpp
  src/readyctl/gameday/checker.cpp
  src/readyctl/gameday/http_client.cpp
  src/readyctl/gameday/journal.cpp
  src/readyctl/gameday/json_path.cpp
  src/readyctl/gameday/kubectl.cpp
  src/readyctl/gameday/loader.cpp
  src/readyctl/gameday/probe_drivers.cpp
  src/readyctl/gameday/probe_schema.cpp
  src/readyctl/gameday/probes.cpp
  src/readyctl/gameday/process_table.cpp
  src/readyctl/gameday/references.cpp
  src/readyctl/gameday/report_html.cpp
  src/readyctl/gameday/report_markdown.cpp
  src/readyctl/gameday/report_summary.cpp
  src/readyctl/gameday/rollback.cpp
  src/readyctl/gameday/run_rollback.cpp
  src/readyctl/gameday/run_steps.cpp
  src/readyctl/gameday/runner.cpp
  src/readyctl/gameday/scenario.cpp
  src/readyctl/gameday/subprocess.cpp
  src/readyctl/gameday/template.cpp
  src/readyctl/gameday/tolerance.cpp
  src/readyctl/gameday/tolerance_schema.cpp
  src/readyctl/gameday/watcher.cpp
  src/readyctl/gameday/yaml_json.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_gameday_dbos.cpp
  tests/unit/test_gameday_kubectl.cpp
  tests/unit/test_gameday_local.cpp
  tests/unit/test_gameday_loader.cpp
  tests/unit/test_gameday_servers.cpp
  tests/unit/test_gameday_tolerance.cpp
)
