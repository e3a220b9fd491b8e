# Distribution: the .deb built by cpack from this build tree and checked extracted (files, man pages, bash
# completion, kubectl plugin), the lint step of action.yml, and the pre-commit hook. Skipped when the tools are
# absent (scripts/deps/package.apt installs them).
add_test(NAME package
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/package/deb.sh ${CMAKE_BINARY_DIR} ${CMAKE_CURRENT_SOURCE_DIR}
          ${PROJECT_VERSION})
set_tests_properties(package PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
# action.yml: its lint step with the built readyctl, its install step with stand-ins for gh and apt-get.
add_test(NAME action
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/package/action.sh ${CMAKE_CURRENT_SOURCE_DIR}
          $<TARGET_FILE_DIR:readyctl>)
set_tests_properties(action PROPERTIES TIMEOUT 120)
# .pre-commit-hooks.yaml run by Debian's pre-commit (try-repo on a bad, a good and a non-manifest file); prints
# the time the hook adds to a commit of 50 manifests.
add_test(NAME pre-commit
  COMMAND bash ${CMAKE_CURRENT_SOURCE_DIR}/tests/package/pre-commit.sh ${CMAKE_CURRENT_SOURCE_DIR}
          $<TARGET_FILE_DIR:readyctl>)
set_tests_properties(pre-commit PROPERTIES SKIP_RETURN_CODE 77 TIMEOUT 300)
