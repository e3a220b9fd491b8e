list(APPEND READYCTL_REPORT_SOURCES
  src/readyctl/report/finding.cpp
  src/readyctl/report/format_github.cpp
  src/readyctl/report/format_json.cpp
  src/readyctl/report/format_junit.cpp
  src/readyctl/report/format_markdown.cpp
  src/readyctl/report/format_sarif.cpp
  src/readyctl/report/format_text.cpp
  src/readyctl/report/format_yaml.cpp
  src/readyctl/report/formatters.cpp
  src/readyctl/report/html.cpp
  src/readyctl/report/json_to_yaml.cpp
  src/readyctl/report/json_writer.cpp
  src/readyctl/report/markdown.cpp
  src/readyctl/report/output_format.cpp
  src/readyctl/report/report_path.cpp
  src/readyctl/report/yaml_writer.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_report_formatters.cpp
  tests/unit/test_report_html.cpp
  tests/unit/test_report_json_to_yaml.cpp
  tests/unit/test_report_markdown.cpp
  tests/unit/test_report_output_format.cpp
  tests/unit/test_report_report_path.cpp
)
