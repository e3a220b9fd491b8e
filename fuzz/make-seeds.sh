#!/usr/bin/env bash
# Assembles the seed corpus of every harness from the project's own inputs (real-world manifests: tests/corpus)
# into OUT/<harness>/ (default build-fuzz/seeds). Copies, named by content hash, so reruns add nothing twice;
# nothing here is committed except the few hand-written Prometheus bodies in fuzz/seeds/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$root/build-fuzz/seeds}"
corpus="$root/tests/corpus"

# seed HARNESS FILE...: copies each file under its content hash.
seed() {
  local dir="$out/$1"
  shift
  mkdir -p "$dir"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$dir/$(sha1sum "$f" | cut -c1-16)"
  done
  return 0
}

# Every YAML and JSON file under the given directories.
manifests() { find "$@" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' \) 2>/dev/null; }

# A scaffold seed: template.yaml, then one file's path and body (the harness's `#--8<--` sections).
scaffold_seeds() {
  local dir="$out/fuzz_scaffold_render" manifest tmpl f rel
  mkdir -p "$dir"
  for manifest in "$root"/templates/*/template.yaml; do
    tmpl="$(dirname "$manifest")"
    while IFS= read -r f; do
      rel="${f#"$tmpl"/files/}"
      { cat "$manifest"; printf '\n#--8<--\n%s\n#--8<--\n' "$rel"; cat "$f"; } > "$dir/tmp"
      mv "$dir/tmp" "$dir/$(sha1sum "$dir/tmp" | cut -c1-16)"
    done < <(find "$tmpl/files" -type f | sort | head -n 40)
  done
}

mapfile -t lint_inputs < <(manifests "$root/tests/lint" "$root/examples/ready" "$root/examples/unready" "$root/examples/demo" "$corpus")
seed fuzz_lint "${lint_inputs[@]}"
seed fuzz_rule_file "$root"/rules/*.yaml
mapfile -t scenarios < <(manifests "$root/examples/gamedays")
seed fuzz_gameday_scenario "${scenarios[@]}"
seed fuzz_prometheus_response "$root"/fuzz/seeds/prometheus_response/*
scaffold_seeds
# fuzz_config_files: a selector byte (0 lint config, 1 baseline snapshot, 2 plan file), then the file.
config_seed() {
  local dir="$out/fuzz_config_files"
  mkdir -p "$dir"
  { printf "\\x$(printf %02x "$1")"; cat "$2"; } > "$dir/tmp"
  mv "$dir/tmp" "$dir/$(sha1sum "$dir/tmp" | cut -c1-16)"
}
config_seed 0 "$root/templates/_shared/files/.readyctl.yaml"
config_seed 0 "$root/fuzz/seeds/config_files/readyctl.yaml"
config_seed 1 "$root/examples/demo/baseline.json"
config_seed 1 "$root/examples/demo/baseline-previous.json"
config_seed 2 "$root/fuzz/seeds/config_files/plan.yaml"
for d in "$out"/*/; do echo "$(basename "$d"): $(find "$d" -type f | wc -l) seeds"; done
