# libFuzzer harnesses, one per input format readyctl parses. Included only with READYCTL_FUZZ=ON (clang), which
# adds -fsanitize=fuzzer-no-link,address,undefined to every target of ours; see fuzz/README.md.

# The harnesses link a cut of the core library: the parsers, checks and renderers they drive, without the
# HTTP client, runners, formatters and plan code, which halves the instrumented build. A source the harnesses
# come to need shows up as an undefined symbol at link time; drop it from this filter then.
set(fuzz_core_sources ${READYCTL_CORE_SOURCES})
list(FILTER fuzz_core_sources EXCLUDE REGEX
  "/plan/|/baseline/|/report/(format|report_path)|/core/(atomic_file|terminal)\\.cpp|/lint/engine\\.cpp")
list(FILTER fuzz_core_sources EXCLUDE REGEX "/io/(http|libcurl)\\.cpp")
list(FILTER fuzz_core_sources EXCLUDE REGEX "/scaffold/(answers|line_diff|merge3|project|template_store|update)\\.cpp")
list(FILTER fuzz_core_sources EXCLUDE REGEX
  "/gameday/(actions|journal|json_path|kubectl|probe_drivers|probes|process_table|report_[a-z]+)\\.cpp")
list(FILTER fuzz_core_sources EXCLUDE REGEX
  "/gameday/(environment|rollback|run_[a-z]+|runner|scenario|sentinel|template|tolerance|watcher)\\.cpp")
list(APPEND fuzz_core_sources src/readyctl/baseline/query_result.cpp src/readyctl/baseline/query_result_fast.cpp
  src/readyctl/baseline/baseline_json.cpp src/readyctl/baseline/baseline.cpp src/readyctl/baseline/prices.cpp
  src/readyctl/baseline/window.cpp src/readyctl/baseline/recommend_json.cpp src/readyctl/report/format_json.cpp
  src/readyctl/plan/plan_file.cpp src/readyctl/core/atomic_file.cpp src/readyctl/gameday/template.cpp)

add_library(readyctl_fuzz_core STATIC ${fuzz_core_sources}
  ${readyctl_embedded_rules} ${readyctl_embedded_templates} ${readyctl_embedded_data} ${readyctl_embedded_demo})
target_include_directories(readyctl_fuzz_core PUBLIC src)
target_compile_definitions(readyctl_fuzz_core PUBLIC READYCTL_VERSION="${PROJECT_VERSION}")
target_link_libraries(readyctl_fuzz_core PUBLIC nlohmann_json::nlohmann_json fmt::fmt yaml-cpp Threads::Threads
  PRIVATE readyctl_warnings PkgConfig::LIBYAML)

set(READYCTL_FUZZ_TARGETS
  fuzz_config_files
  fuzz_gameday_scenario
  fuzz_lint
  fuzz_prometheus_response
  fuzz_rule_file
  fuzz_scaffold_render
)
foreach(target ${READYCTL_FUZZ_TARGETS})
  add_executable(${target} fuzz/${target}.cpp)
  set_target_properties(${target} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/fuzz)
  target_link_libraries(${target} PRIVATE readyctl_fuzz_core readyctl_warnings)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer)
endforeach()
add_custom_target(fuzz DEPENDS ${READYCTL_FUZZ_TARGETS})
