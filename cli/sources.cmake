list(APPEND READYCTL_CLI_SOURCES
  cli/app.cpp
  cli/cmd_baseline.cpp
  cli/cmd_completion.cpp
  cli/cmd_gameday.cpp
  cli/cmd_lint.cpp
  cli/lint_catalogue.cpp
  cli/lint_parity.cpp
  cli/cmd_plan.cpp
  cli/cmd_scaffold.cpp
  cli/cmd_version.cpp
  cli/http_flags.cpp
  cli/command_tree.cpp
  cli/completion_script.cpp
  cli/output.cpp
  cli/output_formats.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_cli_docs.cpp
  tests/unit/test_cli_output_formats.cpp
)
