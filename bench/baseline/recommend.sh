#!/usr/bin/env bash
# What --recommend adds to `readyctl baseline`: the same data served once, runs with and without the flag
# interleaved (so load from elsewhere hits both alike), wall time, client CPU, queries and bytes of each.
#
# usage: bench/baseline/recommend.sh [--readyctl PATH] [--days N] [--tenants N] [--gpus N] [--runs N] [--keep DIR]
# --keep DIR reuses DIR/tsdb (and DIR/start) from an earlier run instead of generating and backfilling again.
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$repo/build/readyctl"; days=7; tenants=50; gpus=400; runs=5; keep=""
while (($#)); do
  case "$1" in
    --readyctl) bin="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --tenants) tenants="$2"; shift 2 ;;
    --gpus) gpus="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --keep) keep="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work="${keep:-$(mktemp -d)}"
prom=""
trap '[ -n "$prom" ] && kill "$prom" 2>/dev/null; [ -z "$keep" ] && rm -rf "$work"' EXIT
if [ ! -d "$work/tsdb" ]; then
  echo $(( ($(date +%s) / 86400 - days - 1) * 86400 )) > "$work/start"
  python3 "$repo/tests/baseline/generate.py" --out "$work/data" --start "$(cat "$work/start")" \
    --minutes $((days * 1440)) --scenario bench --tenants "$tenants" --gpus "$gpus"
  promtool tsdb create-blocks-from openmetrics "$work/data/data.om" "$work/tsdb" >/dev/null
  rm -rf "$work/data"
fi
start=$(cat "$work/start"); end=$((start + days * 86400))
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'global: {}\nscrape_configs: []\n' > "$work/prometheus.yml"
prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" --storage.tsdb.retention.time=100y \
  --log.level=error --web.listen-address="127.0.0.1:$port" & prom=$!
until curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; do sleep 0.3; done
sleep 20  # start-up compaction
run() {  # mode (plain|recommend), output file
  local extra=""; [ "$1" = recommend ] && extra="--recommend"
  /usr/bin/time -f '%e %U %S' -o "$work/time" "$bin" baseline --prometheus "http://127.0.0.1:$port" \
    --start "$start" --end "$end" $extra -o json="$2"
}
run plain "$work/warm.json"; run recommend "$work/warm.json"
printf '%-10s %-4s %-7s %-12s %-8s %-9s\n' mode run wall_s client_cpu_s requests bytes
for i in $(seq "$runs"); do
  for mode in plain recommend; do
    run "$mode" "$work/out.json"
    read -r wall user sys < "$work/time"
    read -r requests bytes < <(python3 -c "import json; q=json.load(open('$work/out.json'))['queries']; print(q['count'], q['bytes_received'])")
    printf '%-10s %-4s %-7s %-12s %-8s %-9s\n' "$mode" "$i" "$wall" "$(python3 -c "print(round($user + $sys, 2))")" \
      "$requests" "$bytes"
  done
done
