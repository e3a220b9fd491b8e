#!/usr/bin/env bash
# Rebuilds the demo snapshots from the synthetic cluster: generate, backfill, serve, measure, save.
# usage: examples/demo/regenerate.sh [path/to/readyctl]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$repo/build/readyctl}"
work="$(mktemp -d)"
trap 'kill "$prom" 2>/dev/null || true; rm -rf "$work"' EXIT
day=$(( ($(date +%s) / 86400 - 3) * 86400 ))
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for scenario in demo-previous demo; do
  start=$([ "$scenario" = demo ] && echo "$day" || echo $((day - 2 * 86400)))
  python3 "$repo/tests/baseline/generate.py" --out "$work/$scenario" --start "$start" --minutes 1440 --scenario "$scenario"
  promtool tsdb create-blocks-from openmetrics "$work/$scenario/data.om" "$work/tsdb" >/dev/null
done
printf 'global: {}\nscrape_configs: []\n' > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" --storage.tsdb.retention.time=100y \
  --log.level=error --web.listen-address="127.0.0.1:$port" & prom=$!
until curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; do sleep 0.3; done
measure() {  # start, snapshot file
  "$bin" baseline --prometheus "http://127.0.0.1:$port" --start "$1" --end $(($1 + 86400)) --step 5m \
    --save "$2" --force -o json="$work/ignored.json"
}
measure $((day - 2 * 86400)) "$repo/examples/demo/baseline-previous.json"
measure "$day" "$repo/examples/demo/baseline.json"
echo "demo snapshots written to examples/demo/"
