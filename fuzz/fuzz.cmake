# libFuzzer harnesses, one per input format readyctl parses. Included only with READYCTL_FUZZ=ON (clang), which
# adds -fsanitize=fuzzer-no-link,address,undefined to every target of ours; see fuzz/README.md.

# Each harness links the area libraries whose parsers it drives (cmake/areas.cmake), and the linker takes from them
# only the objects it reaches; `cmake --build build-fuzz --target fuzz` compiles those areas and nothing else.
set(fuzz_config_files_areas baseline lint plan)
set(fuzz_gameday_scenario_areas gameday)
set(fuzz_lint_areas lint)
set(fuzz_prometheus_response_areas baseline)
set(fuzz_rule_file_areas lint)
set(fuzz_scaffold_render_areas scaffold)

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
  list(TRANSFORM ${target}_areas PREPEND readyctl_ OUTPUT_VARIABLE libraries)
  target_link_libraries(${target} PRIVATE ${libraries} readyctl_warnings)
  target_link_options(${target} PRIVATE -fsanitize=fuzzer)
endforeach()
add_custom_target(fuzz DEPENDS ${READYCTL_FUZZ_TARGETS})
