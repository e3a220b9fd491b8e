#!/usr/bin/env bash
# A tiny process supervisor for the local drills: runs COMMAND, writes its pid to PIDFILE, and restarts it one
# second after it dies, counting restarts in PIDFILE.restarts. Stops the child when it is itself stopped.
# usage: supervise.sh PIDFILE -- COMMAND [ARGS...]
set -u
pidfile="$1"; shift
[ "${1:-}" = "--" ] && shift
: > "$pidfile.restarts.tmp" && mv "$pidfile.restarts.tmp" "$pidfile.restarts"
restarts=0
child=0
trap 'kill -TERM "$child" 2>/dev/null; wait "$child" 2>/dev/null; exit 0' TERM INT
while true; do
  "$@" &
  child=$!
  echo "$child" > "$pidfile"
  wait "$child"
  sleep 1
  restarts=$((restarts + 1))
  echo "$restarts" > "$pidfile.restarts"
done
