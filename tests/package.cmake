# Distribution: the .deb built by cpack from this build tree and checked extracted (files, man pages, bash
# completion, kubectl plugin). Skipped when the tools are absent (scripts/deps/package.apt installs them).
add_test(NAME package
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/package/deb.sh ${CMAKE_BINARY_DIR} ${CMAKE_CURRENT_SOURCE_DIR}
          ${PROJECT_VERSION})
set_tests_properties(package PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
# The lint step of action.yml (.github/action/lint.sh) with the built readyctl; the install step needs GitHub.
add_test(NAME action
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/package/action.sh ${CMAKE_CURRENT_SOURCE_DIR}
          $<TARGET_FILE_DIR:readyctl>)
set_tests_properties(action PROPERTIES TIMEOUT 120)
