# The scaffold module lists its library sources and tests here.
list(APPEND READYCTL_SCAFFOLD_SOURCES
  src/readyctl/scaffold/answers.cpp
  src/readyctl/scaffold/condition.cpp
  src/readyctl/scaffold/line_diff.cpp
  src/readyctl/scaffold/merge3.cpp
  src/readyctl/scaffold/project.cpp
  src/readyctl/scaffold/render.cpp
  src/readyctl/scaffold/safe_path.cpp
  src/readyctl/scaffold/section_depth.cpp
  src/readyctl/scaffold/template_manifest.cpp
  src/readyctl/scaffold/template_store.cpp
  src/readyctl/scaffold/update.cpp
)
list(APPEND READYCTL_TEST_SOURCES
  tests/unit/test_scaffold_answers.cpp
  tests/unit/test_scaffold_manifest.cpp
  tests/unit/test_scaffold_merge3.cpp
  tests/unit/test_scaffold_new_defaults.cpp
  tests/unit/test_scaffold_project.cpp
  tests/unit/test_scaffold_templates.cpp
  tests/unit/test_scaffold_update.cpp
)
# The built-in templates, compiled in: TemplateStore::embedded reads them.
readyctl_embed(embedded_templates readyctl::scaffold::embedded_templates ${PROJECT_SOURCE_DIR}/templates)
list(APPEND READYCTL_SCAFFOLD_SOURCES ${embedded_templates})
