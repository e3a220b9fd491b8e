list(APPEND READYCTL_YAML_SOURCES
  src/readyctl/yaml/duplicate_key.cpp
  src/readyctl/yaml/input_error.cpp
  src/readyctl/yaml/known_keys.cpp
  src/readyctl/yaml/node.cpp
  src/readyctl/yaml/parser.cpp
  src/readyctl/yaml/source_file.cpp
  src/readyctl/yaml/to_json.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_yaml_parser.cpp
)
