#!/bin/sh
# Rewrites tests/precision/open-false.tsv: the findings labelled FALSE that BINARY (default build/readyctl) still
# reports. Run it after a fix removes false positives (the precision test then asks for it). The list only shrinks:
# a FALSE finding that is reported but not listed came back after its fix, is named on stderr and left out (the test
# keeps failing on it). PRECISION_ADD_OPEN=1 writes the list anew, for new labels of new findings judged FALSE.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-$here/../../build/readyctl}
list=$here/../../tests/precision/open-false.tsv
python3 "$here/precision.py" open-false "$binary" > "$list.tmp"
mv "$list.tmp" "$list"
echo "$(grep -vc '^#' "$list") open FALSE findings in tests/precision/open-false.tsv"
