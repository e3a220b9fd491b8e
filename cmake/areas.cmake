# One static library per area (src/readyctl/<area>/), declared lowest first in the top-level CMakeLists.txt with the
# areas and outside libraries it uses:
#   readyctl_area(NAME [PUBLIC deps...] [PRIVATE deps...])
# builds readyctl_NAME from the library sources src/readyctl/NAME/sources.cmake lists in READYCTL_<NAME>_SOURCES
# (its tests go to READYCTL_TEST_SOURCES). A dependency naming an area declared before it (core, yaml, ...) means
# that area's library; anything else goes to target_link_libraries as it is. PUBLIC when the area's headers include
# the dependency's, PRIVATE when only its .cpp files do.

# Links every object of an area with nothing but the libraries it declares: a call into an area it does not name
# (an include the wrong way up the layers) is an undefined reference here, whatever the binary happens to link.
function(readyctl_layer_check name)
  add_executable(readyctl_layer_${name} ${PROJECT_SOURCE_DIR}/cmake/layer_check.cpp)
  set_target_properties(readyctl_layer_${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${CMAKE_BINARY_DIR}/layers)
  target_link_libraries(readyctl_layer_${name} PRIVATE "$<LINK_LIBRARY:WHOLE_ARCHIVE,readyctl_${name}>"
    readyctl_warnings)
  target_link_options(readyctl_layer_${name} PRIVATE -Wl,--strip-debug)  # only the link matters: no debug info
endfunction()

# Fails the configure when a fragment lists something that is not its own area's (a line merged from before the
# per-area libraries, when every fragment appended to READYCTL_CORE_SOURCES).
function(readyctl_check_area_sources name)
  foreach(source IN LISTS ARGN)
    if(NOT source MATCHES "^src/readyctl/${name}/" AND NOT source MATCHES "^${CMAKE_BINARY_DIR}/")
      message(FATAL_ERROR "src/readyctl/${name}/sources.cmake: ${source} is not a source of the ${name} area")
    endif()
  endforeach()
endfunction()

function(readyctl_area name)
  string(TOUPPER "${name}" upper)
  set(READYCTL_${upper}_SOURCES)
  set(READYCTL_CORE_SOURCES)
  include(${PROJECT_SOURCE_DIR}/src/readyctl/${name}/sources.cmake)
  if(NOT name STREQUAL "core" AND READYCTL_CORE_SOURCES)
    message(FATAL_ERROR "src/readyctl/${name}/sources.cmake appends to READYCTL_CORE_SOURCES: list the ${name} "
      "library's sources in READYCTL_${upper}_SOURCES (one library per area)")
  endif()
  readyctl_check_area_sources(${name} ${READYCTL_${upper}_SOURCES})

  add_library(readyctl_${name} STATIC ${READYCTL_${upper}_SOURCES})
  target_include_directories(readyctl_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  set(deps)
  foreach(dep IN LISTS ARGN)
    if(dep IN_LIST READYCTL_AREAS)
      list(APPEND deps readyctl_${dep})
    else()
      list(APPEND deps ${dep})
    endif()
  endforeach()
  target_link_libraries(readyctl_${name} ${deps} PRIVATE readyctl_warnings)
  readyctl_layer_check(${name})

  list(APPEND READYCTL_AREAS ${name})
  set(READYCTL_AREAS ${READYCTL_AREAS} PARENT_SCOPE)
  set(READYCTL_TEST_SOURCES ${READYCTL_TEST_SOURCES} PARENT_SCOPE)
endfunction()
