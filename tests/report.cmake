# The SARIF of the examples, the rule fixtures and the golden through the official SARIF Multitool (npm, pinned in
# tests/sarif/package-lock.json, installed by scripts/deps/sarif.sh): no error, no warning. Skipped without node,
# and left out of the sanitizer build: the output is the same, and the unit tests already lint every fixture there.
if(NOT READYCTL_SANITIZE)
  add_test(NAME sarif-multitool
    COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/sarif/validate.sh $<TARGET_FILE:readyctl>
            ${CMAKE_CURRENT_SOURCE_DIR} ${PROJECT_VERSION})
  set_tests_properties(sarif-multitool PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
endif()
