#!/usr/bin/env bash
# ctest `sarif-multitool`: the SARIF that readyctl writes passes the official SARIF Multitool's `validate` with the
# SARIF and GitHub rule kinds (what github/codeql-action/upload-sarif ingests), with no error and no warning:
# examples/unready and examples/ready (every rule), each rule's test fixtures (`--only` that rule, so each run holds
# the results the fixture was written for) and the formatter golden (line-0 finding, suppression, related location).
# The runs are merged into a few logs: the Multitool costs about 0.3 s of CPU per file and little per run.
# A control file (the golden with one rule's name set back to its id) must draw SARIF1001: it proves the validator
# ran and reports what this test looks for. The Multitool exits 0 even on errors, so its report is read.
# Usage: validate.sh READYCTL_BINARY SOURCE_DIR VERSION
set -euo pipefail
bin="$1" src="$2" version="$3"
command -v node >/dev/null || { echo "skipped: node is not installed (scripts/deps/package.apt)"; exit 77; }
tool="$src/tests/sarif/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$tool" ]; then
  echo "FAIL: the SARIF Multitool is not installed: run scripts/install-deps.sh (scripts/deps/sarif.sh)"
  exit 1
fi
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
mkdir "$tmp/in" "$tmp/merged"

# From the source root, so artifact URIs are relative to %SRCROOT% as in a CI checkout. The exit code is not
# checked (the parse-error fixture exits 2 by design); the report file must exist.
lint_to_sarif() {
  local name="$1"
  shift
  (cd "$src" && "$bin" lint "$@" --fail-on never -o "sarif=$tmp/in/$name.sarif" >/dev/null 2>"$tmp/lint.err") || true
  [ -s "$tmp/in/$name.sarif" ] || { cat "$tmp/lint.err"; echo "FAIL: readyctl lint $* wrote no SARIF"; exit 1; }
}

lint_to_sarif 00-example-unready examples/unready
lint_to_sarif 01-example-ready examples/ready
for fixture in "$src"/tests/lint/*/; do
  id="$(basename "$fixture")"
  lint_to_sarif "fixture-$id" "tests/lint/$id" --only "$id"
done
sed "s/@VERSION@/$version/g" "$src/tests/golden/lint.sarif" >"$tmp/in/zz-golden.sarif"
sed 's/"name": "DeprecatedApi"/"name": "deprecated-api"/' "$tmp/in/zz-golden.sarif" >"$tmp/control.sarif"
grep -q '"name": "deprecated-api"' "$tmp/control.sarif" || { echo "FAIL: control file not built"; exit 1; }

# Logs of at most 20 runs (GitHub's limit per file, GH1013), in file-name order; runs.txt maps each log and run
# index the Multitool reports to its input.
node -e '
  const fs = require("fs"), path = require("path");
  const [dir, ...files] = process.argv.slice(1);
  for (let first = 0; first < files.length; first += 20) {
    const part = files.slice(first, first + 20);
    const logs = part.map((f) => JSON.parse(fs.readFileSync(f, "utf8")));
    const out = path.join(dir, `readyctl-${first / 20}.sarif`);
    fs.writeFileSync(out, JSON.stringify({ ...logs[0], runs: logs.flatMap((l) => l.runs) }, null, 2));
    part.forEach((f, i) => console.log(`${path.basename(out)} runs[${i}] ${path.basename(f)}`));
  }
' "$tmp/merged" "$tmp"/in/*.sarif >"$tmp/runs.txt"
count=$(wc -l <"$tmp/runs.txt")

# .NET wants a writable home for its first-run files; the report goes to stdout, one line per finding.
HOME="$tmp" DOTNET_CLI_TELEMETRY_OPTOUT=1 "$tool" validate --rule-kind "Gh;Sarif" "$tmp"/merged/*.sarif \
  "$tmp/control.sarif" >"$tmp/report" 2>&1 || { cat "$tmp/report"; echo "FAIL: the Multitool did not run"; exit 1; }
findings='\b(error|warning) [A-Z]+[0-9]+'
failures=0
if grep -E "$findings" "$tmp/report" | grep -v "^$tmp/control.sarif"; then
  cat "$tmp/runs.txt"
  echo "FAIL: the SARIF Multitool reports the errors and warnings above (logs and run indexes listed above)"
  failures=1
fi
if grep -qE "^$tmp/control.sarif.*warning SARIF1001" "$tmp/report"; then
  echo "ok: the control file (rule name equal to its id) draws SARIF1001"
else
  cat "$tmp/report"
  echo "FAIL: the control file drew no SARIF1001: the Multitool did not check what this test relies on"
  failures=1
fi
logs=$(($(ls "$tmp"/merged/*.sarif | wc -l) + 1))
grep -q "Done. $logs files scanned" "$tmp/report" || { cat "$tmp/report"; echo "FAIL: expected $logs files scanned"; failures=1; }
[ "$failures" = 0 ] || exit 1
echo "ok: $count runs (2 examples, $((count - 3)) fixture directories, the golden): no error, no warning"
