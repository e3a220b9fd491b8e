# Install rules and the Debian package (`cpack -G DEB` in a build tree), laid out as Debian lays out a CLI tool:
# the binary, `kubectl-readyctl` and its completion helper in bin, gzipped man pages, bash/zsh/fish completions in the directories each
# shell loads from. rules/ and templates/ are compiled into the binary, so no data directory ships.
include(GNUInstallDirs)

set(READYCTL_HOMEPAGE "https://github.com/readyctl/readyctl"
  CACHE STRING "Project home page, recorded in the package (Homepage:)")
set(READYCTL_MAINTAINER "readyctl maintainers <maintainers@readyctl.dev>"
  CACHE STRING "Maintainer field of the Debian package")

install(TARGETS readyctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

# kubectl runs any `kubectl-<name>` on PATH as `kubectl <name>`; a relative symlink keeps one binary.
file(CREATE_LINK readyctl ${CMAKE_CURRENT_BINARY_DIR}/kubectl-readyctl SYMBOLIC)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/kubectl-readyctl DESTINATION ${CMAKE_INSTALL_BINDIR})
# ...and `kubectl_complete-<name>` (kubectl 1.26+) to complete `kubectl readyctl <TAB>`.
install(PROGRAMS completions/kubectl_complete-readyctl DESTINATION ${CMAKE_INSTALL_BINDIR})

# Debian policy 12.1: man pages are compressed with `gzip -9n` (-n: no name or timestamp, so builds reproduce).
find_program(READYCTL_GZIP gzip REQUIRED)
file(GLOB readyctl_man_pages CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/man/*.1)
set(readyctl_man_gz)
foreach(page ${readyctl_man_pages})
  get_filename_component(name ${page} NAME)
  set(gz ${CMAKE_CURRENT_BINARY_DIR}/man/${name}.gz)
  add_custom_command(OUTPUT ${gz}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${CMAKE_CURRENT_BINARY_DIR}/man
    COMMAND ${READYCTL_GZIP} -9n -c ${page} > ${gz}
    DEPENDS ${page} COMMENT "Compressing man page ${name}")
  list(APPEND readyctl_man_gz ${gz})
endforeach()
add_custom_target(readyctl_man ALL DEPENDS ${readyctl_man_gz})
install(FILES ${readyctl_man_gz} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

install(FILES completions/readyctl.bash DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions
  RENAME readyctl)
install(FILES completions/_readyctl DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES completions/readyctl.fish DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# The package file names the distribution it was built on (readyctl_0.1.0_debian12_amd64.deb): its Depends come
# from that distribution's libraries (libyaml-cpp0.7 on Debian 12, 0.8 on Ubuntu 24.04), so one .deb per release.
cmake_host_system_information(RESULT readyctl_distro_id QUERY DISTRIB_ID)
cmake_host_system_information(RESULT readyctl_distro_version QUERY DISTRIB_VERSION_ID)
find_program(READYCTL_DPKG dpkg)
if(READYCTL_DPKG)
  execute_process(COMMAND ${READYCTL_DPKG} --print-architecture
    OUTPUT_VARIABLE readyctl_deb_arch OUTPUT_STRIP_TRAILING_WHITESPACE)
  set(CPACK_DEBIAN_PACKAGE_ARCHITECTURE ${readyctl_deb_arch})
  set(CPACK_DEBIAN_FILE_NAME
    "readyctl_${PROJECT_VERSION}_${readyctl_distro_id}${readyctl_distro_version}_${readyctl_deb_arch}.deb")
endif()

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME readyctl)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT ${READYCTL_MAINTAINER})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "get AI inference and agent platforms on Kubernetes ready for production")
# CPack puts the summary on Description's first line and indents these lines as Debian's extended description.
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "readyctl lints Kubernetes manifests against guardrail, isolation and cost rules
(compiler-style file:line:col findings, SARIF, JUnit, GitHub annotations), profiles traffic and cost
from a Prometheus API (baseline), scaffolds durable flows, runs game days and tracks a 90-day plan.
It also runs as a kubectl plugin: kubectl readyctl lint deploy/.")
set(CPACK_DEBIAN_PACKAGE_MAINTAINER ${READYCTL_MAINTAINER})
set(CPACK_DEBIAN_PACKAGE_HOMEPAGE ${READYCTL_HOMEPAGE})
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# libcurl is opened with dlopen by baseline and HTTP probes only (README "Dependencies"), so dpkg-shlibdeps cannot
# see it; kubectl renders kustomizations and is the plugin host.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "libcurl4")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "kubernetes-client | kubectl")
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_COMPRESSION_TYPE xz)
# Only what the install rules name; no cmake/ or build paths leak into the package.
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
include(CPack)
