#!/usr/bin/env bash
# ctest `package`: builds the .deb from a build tree with cpack and checks it as a user meets it, extracted with
# `dpkg-deb -x`: every file in its Debian place and nothing else, Depends from dpkg-shlibdeps, each man page renders,
# bash completes `readyctl li<TAB>` to `lint` through bash-completion's loader, `kubectl readyctl` runs and
# kubectl completes it.
# Usage: deb.sh BUILD_DIR SOURCE_DIR VERSION
set -euo pipefail
build="$1" src="$2" version="$3"
for tool in cpack dpkg-deb dpkg-architecture man readelf; do
  command -v "$tool" >/dev/null || { echo "skipped: $tool is not installed (scripts/deps/package.apt)"; exit 77; }
done
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

build_deb() {
  if ! cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/cpack" >"$tmp/cpack.log" 2>&1; then
    cat "$tmp/cpack.log"
    echo "FAIL: cpack -G DEB"
    exit 1
  fi
  deb="$(ls "$tmp"/cpack/readyctl_*.deb)"
  echo "package: $(basename "$deb"), $(stat -c %s "$deb") bytes"
}

check_control() {
  local expected
  dpkg-deb -f "$deb" >"$tmp/control"
  cat "$tmp/control"
  for expected in "Package: readyctl" "Version: $version" "Homepage: https://" "Maintainer: " "Description: "; do
    grep -q "^$expected" "$tmp/control" && pass "control has '$expected'" || fail "control lacks '$expected'"
  done
}

# dpkg-shlibdeps names the package of every shared library the binary links (its ELF NEEDED entries, looked up
# with dpkg -S in this machine's multiarch directory); libcurl is dlopen'ed, so it must not be among them (only recommended).
check_depends() {
  local lib pkg multiarch
  depends="$(sed -n 's/^Depends: //p' "$tmp/control")"
  multiarch="$(dpkg-architecture -qDEB_HOST_MULTIARCH)"
  for lib in $(readelf -d "$tmp/root/usr/bin/readyctl" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p'); do
    pkg="$(dpkg -S "*/$multiarch/$lib" 2>/dev/null | cut -d: -f1 | head -n 1)"
    [ -n "$pkg" ] || { fail "no installed package holds $lib"; continue; }
    [[ ", $depends" == *", $pkg "* || ", $depends," == *", $pkg,"* ]] && pass "Depends names $pkg ($lib)" ||
      fail "Depends lacks $pkg, which holds $lib"
  done
  [[ "$depends" == *libcurl* ]] && fail "Depends names libcurl (dlopen'ed)" || pass "libcurl not in Depends"
}

# The exact file list: a file missing is a broken install, a file too many is data the binary already embeds.
check_files() {
  local page expected actual
  dpkg-deb -x "$deb" "$tmp/root"
  expected="$tmp/expected" actual="$tmp/actual"
  {
    echo ./usr/bin/readyctl
    echo ./usr/bin/kubectl-readyctl
    echo ./usr/bin/kubectl_complete-readyctl
    echo ./usr/share/bash-completion/completions/readyctl
    echo ./usr/share/zsh/vendor-completions/_readyctl
    echo ./usr/share/fish/vendor_completions.d/readyctl.fish
    for page in "$src"/man/*.1; do echo "./usr/share/man/man1/$(basename "$page").gz"; done
  } | sort >"$expected"
  (cd "$tmp/root" && find . \( -type f -o -type l \) | sort) >"$actual"
  if diff -u "$expected" "$actual"; then pass "files in place, nothing else"; else fail "file list differs"; fi
  [ -x "$tmp/root/usr/bin/readyctl" ] || fail "usr/bin/readyctl is not executable"
  [ "$(readlink "$tmp/root/usr/bin/kubectl-readyctl")" = readyctl ] && pass "kubectl-readyctl -> readyctl" ||
    fail "kubectl-readyctl is not a symlink to readyctl"
  cmp -s "$src/completions/readyctl.bash" "$tmp/root/usr/share/bash-completion/completions/readyctl" ||
    fail "bash completion differs from completions/readyctl.bash"
  # CPACK_STRIP_FILES: the build tree's RelWithDebInfo binary is ten times the size with its debug sections.
  if readelf -S "$tmp/root/usr/bin/readyctl" | grep -q '\.debug_info'; then fail "binary not stripped"; else pass "binary stripped"; fi
}

# Debian compresses man pages; `man -l` reads the .gz as installed. Any groff warning counts as a failure.
check_man_pages() {
  local page
  for page in "$tmp"/root/usr/share/man/man1/*.1.gz; do
    if MANWIDTH=80 MAN_KEEP_FORMATTING=0 man --warnings -l "$page" >"$tmp/man.out" 2>"$tmp/man.err" &&
      [ ! -s "$tmp/man.err" ] && grep -q readyctl "$tmp/man.out"; then
      pass "man -l $(basename "$page")"
    else
      cat "$tmp/man.err"
      fail "man -l $(basename "$page") did not render cleanly"
    fi
  done
}

# Completion as bash-completion loads it on first TAB: found by command name in XDG_DATA_DIRS, then driven with
# COMP_WORDS as readline would. Prints one candidate a line.
complete_line() {
  bash --norc --noprofile -c '
    root="$1"; shift
    source /usr/share/bash-completion/bash_completion
    XDG_DATA_DIRS="$root/usr/share" BASH_COMPLETION_USER_DIR="$root/none" _completion_loader readyctl
    spec="$(complete -p readyctl)" || exit 3
    fn="${spec##*-F }"; fn="${fn%% *}"
    COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}
    "$fn" readyctl "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
    printf "%s\n" "${COMPREPLY[@]}"
  ' complete "$tmp/root" "$@"
}

check_bash_completion() {
  if [ ! -f /usr/share/bash-completion/bash_completion ]; then
    echo "skipped bash completion: bash-completion is not installed (scripts/deps/package.apt)"
    return
  fi
  local got
  got="$(complete_line readyctl li)" || true
  [ "$got" = lint ] && pass "readyctl li<TAB> -> lint" || fail "readyctl li<TAB> gave '$got', expected 'lint'"
  got="$(complete_line readyctl lint --fail-)" || true
  [ "$got" = --fail-on ] && pass "readyctl lint --fail-<TAB> -> --fail-on" || fail "lint --fail-<TAB> gave '$got'"
  got="$(complete_line readyctl zz)" || true
  [ -z "$got" ] && pass "readyctl zz<TAB> -> nothing" || fail "readyctl zz<TAB> gave '$got'"
}

check_kubectl_plugin() {
  if ! command -v kubectl >/dev/null; then
    echo "skipped kubectl plugin: kubectl is not installed"
    return
  fi
  local out code
  out="$(PATH="$tmp/root/usr/bin:$PATH" kubectl readyctl version 2>&1)" || true
  [ "$out" = "readyctl $version" ] && pass "kubectl readyctl version" || fail "kubectl readyctl version printed '$out'"
  # Exit codes pass through kubectl's exec: findings are 1, a clean manifest 0.
  code=0
  PATH="$tmp/root/usr/bin:$PATH" kubectl readyctl lint "$src/examples/unready" >/dev/null 2>&1 || code=$?
  [ "$code" = 1 ] && pass "kubectl readyctl lint examples/unready exits 1" || fail "kubectl readyctl lint examples/unready exited $code"
  code=0
  PATH="$tmp/root/usr/bin:$PATH" kubectl readyctl lint "$src/examples/ready" --fail-on warning >/dev/null 2>&1 || code=$?
  [ "$code" = 0 ] && pass "kubectl readyctl lint examples/ready --fail-on warning exits 0" || fail "kubectl readyctl lint examples/ready exited $code"
  check_kubectl_completion
}

# kubectl's own completion entry point (what its shell completion calls): candidates, then ':<directive>'.
check_kubectl_completion() {
  local got
  got="$(PATH="$tmp/root/usr/bin:$PATH" kubectl __complete readyctl li 2>/dev/null | tr '\n' ' ')" || true
  [ "$got" = "lint :4 " ] && pass "kubectl readyctl li<TAB> -> lint" || fail "kubectl __complete readyctl li gave '$got'"
  got="$(PATH="$tmp/root/usr/bin:$PATH" kubectl __complete readyctl lint examples/ 2>/dev/null | tr '\n' ' ')" || true
  [ "$got" = ":0 " ] && pass "kubectl readyctl lint PATH<TAB> -> files" || fail "kubectl __complete readyctl lint examples/ gave '$got'"
}

build_deb
check_control
check_files
check_depends
check_man_pages
check_bash_completion
check_kubectl_plugin
[ "$failures" = 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all package checks passed"
