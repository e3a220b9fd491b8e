# The plan module lists its library sources and tests here.
list(APPEND READYCTL_PLAN_SOURCES
  src/readyctl/plan/formats.cpp
  src/readyctl/plan/lint_history.cpp
  src/readyctl/plan/plan_file.cpp
  src/readyctl/plan/render.cpp
  src/readyctl/plan/report.cpp
  src/readyctl/plan/status.cpp
  src/readyctl/plan/status_junit.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_plan_drills.cpp
  tests/unit/test_plan_journey.cpp
  tests/unit/test_plan_plan_file.cpp
  tests/unit/test_plan_report.cpp
  tests/unit/test_plan_status.cpp
)
