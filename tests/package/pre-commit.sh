#!/usr/bin/env bash
# ctest `pre-commit`: the hook of .pre-commit-hooks.yaml run by Debian's pre-commit, with the built readyctl on
# PATH, in a temporary git repository: a manifest with an error fails the commit check, a clean one passes, a
# file the `files` pattern does not match is skipped. Then a commit of 50 manifests is timed with and without the
# hook, and the difference printed (README "Install" quotes it).
# The hook repository is a one-file git repository holding this tree's .pre-commit-hooks.yaml: `try-repo` on the
# clone itself would copy the whole repository (seconds per run) and miss an uncommitted hook file.
# Usage: pre-commit.sh SOURCE_DIR BIN_DIR
set -euo pipefail
src="$1" bin="$2"
command -v pre-commit >/dev/null || { echo "skipped: pre-commit is not installed (scripts/deps/package.apt)"; exit 77; }
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
export PATH="$bin:$PATH" PRE_COMMIT_HOME="$tmp/cache" GIT_CONFIG_GLOBAL=/dev/null GIT_CONFIG_NOSYSTEM=1
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.com GIT_COMMITTER_NAME=test GIT_COMMITTER_EMAIL=test@example.com
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

make_hook_repo() {
  mkdir "$tmp/hooks"
  cp "$src/.pre-commit-hooks.yaml" "$tmp/hooks/"
  git -C "$tmp/hooks" init -q
  git -C "$tmp/hooks" add .pre-commit-hooks.yaml
  git -C "$tmp/hooks" commit -qm hooks
}

# A pinned Deployment in its own namespace; PRIVILEGED=true turns on the one error-severity finding it can have
# (rule `privileged`), everything else it lacks is a warning, below the hook's default gate.
manifest() {
  cat <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: $1
  namespace: shop
spec:
  replicas: 2
  selector:
    matchLabels: {app: $1}
  template:
    metadata:
      labels: {app: $1}
    spec:
      containers:
        - name: web
          image: registry.example.com/web@sha256:$(printf '%064d' 0)
          securityContext:
            privileged: $2
EOF
}

try_hook() {
  (cd "$tmp/work" && pre-commit try-repo "$tmp/hooks" readyctl-lint --files "$@") >"$tmp/out" 2>&1
}

check_try_repo() {
  mkdir "$tmp/work"
  git -C "$tmp/work" init -q
  manifest web true >"$tmp/work/bad.yaml"
  manifest web false >"$tmp/work/good.yaml"
  echo "not a manifest" >"$tmp/work/notes.txt"
  if try_hook bad.yaml; then fail "hook passed bad.yaml"; cat "$tmp/out"
  elif grep -q 'bad.yaml:18:25: error: .*\[privileged\]' "$tmp/out"; then pass "hook fails bad.yaml at 18:25 [privileged]"
  else fail "hook failed bad.yaml without the privileged finding"; cat "$tmp/out"; fi
  if try_hook good.yaml; then pass "hook passes good.yaml"; else fail "hook failed good.yaml"; cat "$tmp/out"; fi
  if try_hook notes.txt && grep -q 'no files to check' "$tmp/out"; then pass "notes.txt skipped by the files pattern"
  else fail "notes.txt was not skipped"; cat "$tmp/out"; fi
}

# Milliseconds of one `git commit` of the 50 staged manifests in $tmp/bench.
commit_ms() {
  local start end
  start=$(date +%s%N)
  git -C "$tmp/bench" commit -q "$@" -m "round" >"$tmp/out" 2>&1 || { cat "$tmp/out"; fail "commit $*"; }
  end=$(date +%s%N)
  echo $(((end - start) / 1000000))
}

stage_manifests() {
  local i
  for i in $(seq -w 1 50); do manifest "app-$i-$1" false >"$tmp/bench/deploy/app-$i.yaml"; done
  git -C "$tmp/bench" add deploy
}

measure_commit() {
  local rev with without start lint
  mkdir -p "$tmp/bench/deploy"
  git -C "$tmp/bench" init -q
  rev="$(git -C "$tmp/hooks" rev-parse HEAD)"
  printf 'repos:\n  - repo: %s\n    rev: %s\n    hooks:\n      - id: readyctl-lint\n' "$tmp/hooks" "$rev" \
    >"$tmp/bench/.pre-commit-config.yaml"
  git -C "$tmp/bench" add .pre-commit-config.yaml
  (cd "$tmp/bench" && pre-commit install >/dev/null && pre-commit install-hooks >/dev/null)
  stage_manifests a
  commit_ms --no-verify >/dev/null  # warms git's and the page cache's first-run costs
  stage_manifests b
  with=$(commit_ms)
  stage_manifests c
  without=$(commit_ms --no-verify)
  start=$(date +%s%N)
  (cd "$tmp/bench" && readyctl lint deploy/*.yaml >/dev/null) || fail "readyctl lint of the 50 manifests"
  lint=$((($(date +%s%N) - start) / 1000000))
  echo "pre-commit adds $((with - without)) ms to a commit of 50 manifests (${with} ms with the hook, ${without} ms" \
    "without; readyctl lint of the same files alone: ${lint} ms)"
}

make_hook_repo
check_try_repo
measure_commit
[ "$failures" = 0 ] || { echo "$failures check(s) failed"; exit 1; }
echo "all pre-commit checks passed"
