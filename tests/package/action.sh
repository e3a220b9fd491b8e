#!/usr/bin/env bash
# ctest `action`: action.yml is a composite action whose inputs are the ones the README documents, its steps run
# scripts that exist, and its lint step (.github/action/lint.sh) run with the built readyctl: annotations and a SARIF
# file for a platform with errors (exit 1), a clean one at --fail-on warning (exit 0), extra args and newline-
# separated paths honoured, a bad fail-on refused (exit 2). The install step needs GitHub's API: not run here.
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

check_action_yml
check_lint_step
[ "$failures" = 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all action checks passed"
