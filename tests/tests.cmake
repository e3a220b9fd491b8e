# The test binary links the CLI library, so commands are tested in-process; the real binary is
# also run for exit codes. Integration suites (real servers) get their own ctest entries.
find_package(doctest REQUIRED)
add_executable(readyctl_tests tests/unit/main.cpp tests/unit/test_support.cpp tests/unit/local_ports.cpp
  tests/unit/test_secrets.cpp
  ${READYCTL_TEST_SOURCES})
target_include_directories(readyctl_tests PRIVATE tests/unit)
target_link_libraries(readyctl_tests PRIVATE readyctl_cli doctest::doctest readyctl_warnings)
target_compile_definitions(readyctl_tests PRIVATE
  READYCTL_SOURCE_DIR="${CMAKE_CURRENT_SOURCE_DIR}"
  READYCTL_BINARY="$<TARGET_FILE:readyctl>")
add_dependencies(readyctl_tests readyctl)

add_test(NAME unit COMMAND readyctl_tests --test-suite-exclude=integration* --no-intro=true)
foreach(module ${READYCTL_AREAS})
  if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/tests/${module}.cmake)
    include(tests/${module}.cmake)
  endif()
endforeach()
# Distribution tests (.deb, Action, pre-commit hook): not a module of the core library. They check packaging, not
# memory safety, so the sanitizer build (scripts/test.sh stage 2) leaves them out.
if(NOT READYCTL_SANITIZE)
  include(tests/package.cmake)
endif()
