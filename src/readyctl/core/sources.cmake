list(APPEND READYCTL_CORE_SOURCES
  src/readyctl/core/atomic_file.cpp
  src/readyctl/core/block_pool.cpp
  src/readyctl/core/duration.cpp
  src/readyctl/core/embedded.cpp
  src/readyctl/core/huge_heap.cpp
  src/readyctl/core/json_pull.cpp
  src/readyctl/core/parallel.cpp
  src/readyctl/core/printable.cpp
  src/readyctl/core/read_file.cpp
  src/readyctl/core/regex.cpp
  src/readyctl/core/terminal.cpp
  src/readyctl/core/text.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_core_atomic_file.cpp
  tests/unit/test_core_duration.cpp
  tests/unit/test_core_memory.cpp
  tests/unit/test_core_regex.cpp
  tests/unit/test_core_text.cpp
  tests/unit/test_hostile_input.cpp
)
