#!/usr/bin/env bash
# Rebuilds the demo snapshots from the synthetic cluster: generate, backfill, serve, measure, save.
# Each snapshot covers 7 days (what `plan status` asks of a week-1 baseline); the previous one is the week before,
# drawn by the same generator with another seed. Each week gets its own TSDB and Prometheus: the generator starts
# every counter afresh and writes a few minutes of lead before its window, so two weeks in one TSDB overlap at their
# boundary and the overlap reads as counter resets (a previous week with a 2960 req/s "peak").
# usage: [DEMO_END=UNIX] examples/demo/regenerate.sh [path/to/readyctl]
# DEMO_END (default: two days ago, at midnight UTC) ends the current week; the bundled snapshots use 1795219200
# (2026-11-21T00:00:00Z), which the plan tests' --today dates are chosen around.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$repo/build/readyctl}"
work="$(mktemp -d)"
prom=""
trap '[ -n "$prom" ] && kill "$prom" 2>/dev/null; rm -rf "$work"' EXIT
days=7
end="${DEMO_END:-$(( ($(date +%s) / 86400 - 2) * 86400 ))}"
week=$(( days * 86400 ))
printf 'global: {}\nscrape_configs: []\n' > "$work/prometheus.yml"

# week SEED START SNAPSHOT: one week of the demo cluster, measured by its own Prometheus.
week_snapshot() {
  local seed="$1" start="$2" snapshot="$3" port
  python3 "$repo/tests/baseline/generate.py" --out "$work/seed-$seed" --start "$start" --minutes $((days * 1440)) \
    --scenario demo --seed "$seed"
  promtool tsdb create-blocks-from openmetrics "$work/seed-$seed/data.om" "$work/tsdb-$seed" >/dev/null
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb-$seed" \
    --storage.tsdb.retention.time=100y --log.level=error --web.listen-address="127.0.0.1:$port" & prom=$!
  until curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; do sleep 0.3; done
  "$bin" baseline --prometheus "http://127.0.0.1:$port" --start "$start" --end $((start + week)) --step 15m \
    --save "$snapshot" --force -o json="$work/ignored.json"
  kill "$prom"
  wait "$prom" 2>/dev/null || true
  prom=""
}
week_snapshot 2 $((end - 2 * week)) "$repo/examples/demo/baseline-previous.json"
week_snapshot 1 $((end - week)) "$repo/examples/demo/baseline.json"
echo "demo snapshots written to examples/demo/"
