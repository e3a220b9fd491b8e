#!/usr/bin/env bash
# Benchmark of `readyctl baseline` against a real, backfilled Prometheus.
# Reports wall time, number of HTTP requests, bytes received and client CPU time, for each fleet size, so
# you can see that requests and bytes do not grow with pods and GPUs (aggregation happens on the server).
#
# usage: bench/baseline/run.sh [--readyctl PATH] [--days N] [--tenants N] [--gpus "N N ..."]
# The target setting is --days 7 --tenants 50 --gpus 400 (needs ~3 GB of OpenMetrics and a long promtool run).
set -euo pipefail
repo="$(cd "$(dirname "$0")/../.." && pwd)"
bin="$repo/build/readyctl"; days=7; tenants=50; gpus_list="400"
while (($#)); do
  case "$1" in
    --readyctl) bin="$2"; shift 2 ;;
    --days) days="$2"; shift 2 ;;
    --tenants) tenants="$2"; shift 2 ;;
    --gpus) gpus_list="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done
work="$(mktemp -d)"
prom=""
trap '[ -n "$prom" ] && kill "$prom" 2>/dev/null; rm -rf "$work"' EXIT
minutes=$((days * 1440))
start=$(( ($(date +%s) / 86400 - days - 1) * 86400 ))
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
printf 'global: {}\nscrape_configs: []\n' > "$work/prometheus.yml"
printf '%-8s %-6s %-8s %-9s %-9s %-12s %-10s %-8s %-8s\n' tenants gpus series wall_s requests bytes client_cpu_s cpu_% peak_mb
for gpus in $gpus_list; do
  rm -rf "$work/data" "$work/tsdb"
  python3 "$repo/tests/baseline/generate.py" --out "$work/data" --start "$start" --minutes "$minutes" \
    --scenario bench --tenants "$tenants" --gpus "$gpus"
  series=$(grep -v '^#' "$work/data/data.om" | sed 's/ [^ ]* [^ ]*$//' | sort -u | wc -l)
  promtool tsdb create-blocks-from openmetrics "$work/data/data.om" "$work/tsdb" >/dev/null
  rm -f "$work/data/data.om"
  prometheus --config.file="$work/prometheus.yml" --storage.tsdb.path="$work/tsdb" \
    --storage.tsdb.retention.time=100y --log.level=error --web.listen-address="127.0.0.1:$port" & prom=$!
  until curl -sf "http://127.0.0.1:$port/-/ready" >/dev/null; do sleep 0.3; done
  # Warm-up run so the page cache holds the blocks, then the measured run.
  "$bin" baseline --prometheus "http://127.0.0.1:$port" --start "$start" --end $((start + minutes * 60)) -o json >/dev/null
  /usr/bin/time -f '%e %U %S %M' -o "$work/time" "$bin" baseline --prometheus "http://127.0.0.1:$port" \
    --start "$start" --end $((start + minutes * 60)) -o json="$work/out.json"
  read -r wall user sys rss_kb < "$work/time"
  requests=$(python3 -c "import json; print(json.load(open('$work/out.json'))['queries']['count'])")
  bytes=$(python3 -c "import json; print(json.load(open('$work/out.json'))['queries']['bytes_received'])")
  cpu=$(python3 -c "print(round($user + $sys, 3))")
  pct=$(python3 -c "print(round(100 * ($user + $sys) / max($wall, 0.001), 1))")
  printf '%-8s %-6s %-8s %-9s %-9s %-12s %-10s %-8s %-8s\n' "$tenants" "$gpus" "$series" "$wall" "$requests" "$bytes" "$cpu" \
    "$pct" "$((rss_kb / 1024))"
  kill "$prom"; wait "$prom" 2>/dev/null || true; prom=""
done
