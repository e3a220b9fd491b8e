# readyctl_embed(VAR FUNCTION DIR [GLOB]): compiles the files under DIR (every file, or those matching GLOB relative
# to DIR, e.g. "*.yaml" or "stacks/*.yaml") into a table that FUNCTION returns, e.g. readyctl::lint::embedded_rules,
# declared by the library that reads it (`std::span<const EmbeddedFile> embedded_rules();`). Paths in the table are
# relative to DIR. VAR receives the generated source: add it to that library's sources.
function(readyctl_embed var function dir)
  set(glob "")
  if(ARGC GREATER 3)  # never read ARGV3 unset: CMake would take the caller's ARGV3
    set(glob "${ARGV3}")
  endif()
  if(glob)
    file(GLOB files CONFIGURE_DEPENDS LIST_DIRECTORIES false "${dir}/${glob}")
  else()
    file(GLOB_RECURSE files CONFIGURE_DEPENDS LIST_DIRECTORIES false "${dir}/*")
  endif()
  if(NOT files)
    message(FATAL_ERROR "readyctl_embed(${function}): no file under ${dir} matches '${glob}'")
  endif()
  list(SORT files)
  string(MAKE_C_IDENTIFIER "${function}" ident)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded/${ident}.cpp")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DGLOB=${glob} -DFUNCTION=${function} -DOUT=${out}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake
    DEPENDS ${files} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake
    COMMENT "Embedding ${function}" VERBATIM)
  # Every generated file names its arrays d0, d1, ...: never batch two of them into one unity source.
  set_source_files_properties("${out}" PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  set(${var} "${out}" PARENT_SCOPE)
endfunction()
