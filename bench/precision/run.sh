#!/bin/sh
# Per-rule TRUE/FALSE/NOISE counts of the precision corpus and its precision, for BINARY (default build/readyctl).
# t/(t+f): right when not noise; t/all: strict precision, unlabelled findings counted in 'all'.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-$here/../../build/readyctl}
exec python3 "$here/precision.py" report "$binary"
