#!/usr/bin/env bash
# Rebuilds the demo snapshots from the synthetic cluster: generate, backfill, serve, measure, save.
# Each snapshot covers 7 days (what `plan status` asks of a week-1 baseline); the previous one is the week before.
# usage: examples/demo/regenerate.sh [path/to/readyctl]
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bin="${1:-$repo/build/readyctl}"
work="$(mktemp -d)"
trap 'kill "$prom" 2>/dev/null || true; rm -rf "$work"' EXIT
days=7
end=$(( ($(date +%s) / 86400 - 2) * 86400 ))
week=$(( days * 86400 ))
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
for scenario in demo-previous demo; do
  start=$([ "$scenario" = demo ] && echo $((end - week)) || echo $((end - 2 * week)))
  python3 "$repo/tests/baseline/generate.py" --out "$work/$scenario" --start "$start" --minutes $((days * 1440)) \
    --scenario "$scenario"
  promtool tsdb create-blocks-from openmetrics "$work/$scenario/data.om" "$work/tsdb" >/dev/null
done
printf 'global: {}\nscrape_configs: []\n' > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" --storage.tsdb.retention.time=100y \
  --log.level=error --web.listen-address="127.0.0.1:$port" & prom=$!
until curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; do sleep 0.3; done
measure() {  # start, snapshot file
  "$bin" baseline --prometheus "http://127.0.0.1:$port" --start "$1" --end $(($1 + week)) --step 15m \
    --save "$2" --force -o json="$work/ignored.json"
}
measure $((end - 2 * week)) "$repo/examples/demo/baseline-previous.json"
measure $((end - week)) "$repo/examples/demo/baseline.json"
echo "demo snapshots written to examples/demo/"
