# The SARIF of the examples, the rule fixtures and the golden through the official SARIF Multitool (npm, pinned in
# tests/sarif/package-lock.json, installed by scripts/deps/sarif.sh): no error, no warning. Skipped without node.
add_test(NAME sarif-multitool
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/sarif/validate.sh $<TARGET_FILE:readyctl>
          ${CMAKE_CURRENT_SOURCE_DIR} ${PROJECT_VERSION})
set_tests_properties(sarif-multitool PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
