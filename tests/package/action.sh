#!/usr/bin/env bash
# ctest `action`: action.yml is a composite action whose inputs are the ones the README documents, its steps run
# scripts that exist, and its lint step (.github/action/lint.sh) run with the built readyctl: annotations and a SARIF
# file for a platform with errors (exit 1), a clean one at --fail-on warning (exit 0), extra args and newline-
# separated paths honoured, a bad fail-on refused (exit 2). Its install step (.github/action/install.sh) runs with
# stand-ins for gh and apt-get that record their arguments: which repository, release and asset it asks for.
# Usage: action.sh SOURCE_DIR BIN_DIR
set -euo pipefail
src="$1" bin="$2"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PATH="$bin:$PATH"
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

check_action_yml() {
  if ! python3 -c 'import yaml' 2>/dev/null; then
    echo "skipped action.yml structure: python3-yaml is not installed"
    return
  fi
  python3 - "$src" <<'EOF' && pass "action.yml: composite, inputs, scripts present" || fail "action.yml structure"
import os, sys, yaml
src = sys.argv[1]
action = yaml.safe_load(open(os.path.join(src, "action.yml")))
assert action["runs"]["using"] == "composite", action["runs"]["using"]
inputs = set(action["inputs"])
want = {"paths", "fail-on", "sarif", "args", "install-only", "repository", "version", "token"}
assert want <= inputs, f"missing inputs: {want - inputs}"
for step in action["runs"]["steps"]:
    run = step["run"]
    assert "${{" not in run, f"inputs spliced into a script: {run}"
    script = run.split('"$GITHUB_ACTION_PATH/')[1].split('"')[0]
    assert os.path.isfile(os.path.join(src, script)), script
EOF
}

# Runs the lint step from the source root, as the action runs it from the workspace.
lint_step() {
  code=0
  (cd "$src" && READYCTL_PATHS="$1" READYCTL_FAIL_ON="$2" READYCTL_SARIF="$3" READYCTL_ARGS="$4" \
    bash .github/action/lint.sh) >"$tmp/out" 2>"$tmp/err" || code=$?
}

check_lint_step() {
  lint_step examples/unready error "$tmp/sarif/unready.sarif" ""
  [ "$code" = 1 ] && pass "examples/unready exits 1" || fail "examples/unready exited $code"
  grep -q '^::error file=examples/unready/' "$tmp/out" && pass "error annotations" || fail "no ::error annotation"
  grep -q '"version": "2.1.0"' "$tmp/sarif/unready.sarif" 2>/dev/null && pass "SARIF written" || fail "no SARIF file"

  lint_step $'examples/ready\n' warning "" ""
  [ "$code" = 0 ] && pass "examples/ready --fail-on warning exits 0" || { cat "$tmp/out" "$tmp/err"; fail "examples/ready exited $code"; }
  grep -q '^::\(error\|warning\) ' "$tmp/out" && fail "examples/ready annotated" || pass "examples/ready: no annotation"

  lint_step "examples/unready/serving examples/unready/flow" warning "" "--only image-pinned"
  [ "$code" = 1 ] && pass "--only image-pinned at warning exits 1" || fail "--only image-pinned exited $code"
  [ "$(grep -c '^::warning .*title=image-pinned::' "$tmp/out")" = 2 ] && pass "two image-pinned annotations (the two :latest images)" ||
    { cat "$tmp/out"; fail "expected two image-pinned findings: the :latest images of serving/vllm.yaml and flow/worker.yaml"; }

  lint_step examples/ready sometimes "" ""
  [ "$code" = 2 ] && pass "fail-on 'sometimes' exits 2" || fail "fail-on 'sometimes' exited $code"
}

# Stand-ins on PATH: `gh release download` writes the asset it was asked for unless FAKE_GH_MISSING is set,
# `gh release view` names FAKE_GH_LATEST; apt-get and sudo record their arguments.
make_fakes() {
  mkdir -p "$tmp/fake"
  cat >"$tmp/fake/gh" <<'EOF'
#!/usr/bin/env bash
echo "gh $*" >>"$FAKE_LOG"
if [ "$1 $2" = "release download" ]; then
  [ -z "${FAKE_GH_MISSING:-}" ] || exit 1
  while [ $# -gt 0 ]; do case "$1" in --pattern) asset="$2"; shift ;; --dir) dir="$2"; shift ;; esac; shift; done
  touch "$dir/$asset"
elif [ "$1 $2" = "release view" ]; then
  [[ " $* " == *" --json tagName "* ]] && echo "$FAKE_GH_LATEST" || echo "readyctl_x_other_amd64.deb"
fi
EOF
  printf '#!/usr/bin/env bash\necho "apt-get $*" >>"$FAKE_LOG"\n' >"$tmp/fake/apt-get"
  printf '#!/usr/bin/env bash\n"$@"\n' >"$tmp/fake/sudo"
  chmod +x "$tmp/fake/"*
}

# install.sh with the given environment (NAME=VALUE...); its output in $tmp/out, the stand-ins' calls in $tmp/calls.
install_step() {
  code=0
  : >"$tmp/calls"
  env -u READYCTL_REPOSITORY -u READYCTL_VERSION -u GITHUB_ACTION_PATH PATH="$tmp/fake:$PATH" \
    FAKE_LOG="$tmp/calls" RUNNER_TEMP="$tmp/runner" FAKE_GH_LATEST=v7.0.0 "$@" \
    bash "$src/.github/action/install.sh" >"$tmp/out" 2>&1 || code=$?
}

check_install_step() {
  local asset
  asset="readyctl_9.1.0_$(. /etc/os-release && echo "${ID}${VERSION_ID}")_$(dpkg --print-architecture).deb"
  install_step READYCTL_REPOSITORY=acme/readyctl READYCTL_VERSION=v9.1.0
  grep -qx "gh release download v9.1.0 --repo acme/readyctl --pattern $asset --dir $tmp/runner/readyctl-deb --clobber" \
    "$tmp/calls" && grep -q "^apt-get install .* $tmp/runner/readyctl-deb/$asset\$" "$tmp/calls" &&
    pass "inputs: asks acme/readyctl v9.1.0 for $asset and apt-installs it" ||
    { cat "$tmp/out" "$tmp/calls"; fail "install from inputs"; }

  install_step GITHUB_ACTION_PATH=/home/runner/work/_actions/fork-org/readyctl-fork/v9.2.0
  grep -q "^gh release download v9.2.0 --repo fork-org/readyctl-fork " "$tmp/calls" &&
    pass "empty inputs: repository and tag from the action's checkout path" ||
    { cat "$tmp/out" "$tmp/calls"; fail "action path fallback"; }

  install_step READYCTL_REPOSITORY=acme/readyctl READYCTL_VERSION=main
  grep -q "^gh release download v7.0.0 --repo acme/readyctl --pattern readyctl_7.0.0_" "$tmp/calls" &&
    pass "a branch ref installs the latest release" || { cat "$tmp/out" "$tmp/calls"; fail "latest release for a branch"; }

  install_step READYCTL_REPOSITORY=acme/readyctl READYCTL_VERSION=v9.1.0 FAKE_GH_MISSING=1
  [ "$code" = 1 ] && grep -q "^::error title=readyctl::release v9.1.0 of acme/readyctl has no $asset" "$tmp/out" &&
    ! grep -q "^apt-get" "$tmp/calls" && pass "a release without the asset fails, naming it, and installs nothing" ||
    { cat "$tmp/out" "$tmp/calls"; fail "missing asset (exit $code)"; }
}

check_action_yml
check_lint_step
make_fakes
check_install_step
[ "$failures" = 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all action checks passed"
