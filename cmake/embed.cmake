# readyctl_embed(VAR DIR PREFIX): compiles every file under DIR into the binary, listed by
# readyctl::embedded_files("PREFIX"). VAR receives the generated source to add to a target.
function(readyctl_embed var dir prefix)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS LIST_DIRECTORIES false "${dir}/*")
  list(SORT files)
  set(out "${CMAKE_CURRENT_BINARY_DIR}/embedded_${prefix}.cpp")
  add_custom_command(OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DDIR=${dir} -DPREFIX=${prefix} -DOUT=${out}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake
    DEPENDS ${files} ${CMAKE_CURRENT_FUNCTION_LIST_DIR}/embed_script.cmake
    COMMENT "Embedding ${prefix}" VERBATIM)
  # Every generated file names its arrays d0, d1, ...: never batch two of them into one unity source.
  set_source_files_properties("${out}" PROPERTIES SKIP_UNITY_BUILD_INCLUSION ON)
  set(${var} "${out}" PARENT_SCOPE)
endfunction()
