# The io module: the one way to each outside thing (HTTP through libcurl, child processes).
list(APPEND READYCTL_IO_SOURCES
  src/readyctl/io/child_process.cpp
  src/readyctl/io/http.cpp
  src/readyctl/io/libcurl.cpp
  src/readyctl/io/process.cpp
  src/readyctl/io/redact.cpp
  src/readyctl/io/spawn.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_io_child_process.cpp
  tests/unit/test_io_http.cpp
  tests/unit/test_io_process.cpp
)
