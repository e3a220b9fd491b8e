#!/usr/bin/env bash
# The lint step of action.yml: `readyctl lint PATHS --fail-on LEVEL -o github [-o sarif=FILE] ARGS`, its exit code
# the step's (1: findings at or above fail-on, 2: bad input). Inputs come as environment variables:
# READYCTL_PATHS (spaces or newlines; globs expand, default "."), READYCTL_FAIL_ON, READYCTL_SARIF, READYCTL_ARGS.
set -euo pipefail
# Word splitting is the input format here: paths and args are lists in one string.
# shellcheck disable=SC2206
paths=(${READYCTL_PATHS:-.})
set -f
# shellcheck disable=SC2206
extra=(${READYCTL_ARGS:-})
set +f
cmd=(readyctl lint "${paths[@]}" --fail-on "${READYCTL_FAIL_ON:-error}" -o github)
if [ -n "${READYCTL_SARIF:-}" ]; then
  mkdir -p "$(dirname "$READYCTL_SARIF")"
  cmd+=(-o "sarif=$READYCTL_SARIF")
fi
cmd+=("${extra[@]}")
echo "+ ${cmd[*]}"
exec "${cmd[@]}"
