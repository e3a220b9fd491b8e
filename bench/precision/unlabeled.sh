#!/bin/sh
# The findings of BINARY (default build/readyctl) on the precision corpus that labels.tsv has no row for, printed as
# ready-to-edit labels.tsv rows: verdict '?' and the finding's message in the reason column. Judge each one, replace
# '?' by TRUE, FALSE or NOISE and the message by the reason, and append the rows to tests/precision/labels.tsv.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-$here/../../build/readyctl}
exec python3 "$here/precision.py" unlabeled "$binary"
