#!/usr/bin/env python3
"""Exit 0 when JOURNAL records steps 1..STEPS each exactly once, in order; otherwise print what is wrong, exit 1.
usage: check_steps.py JOURNAL STEPS"""
import json
import sys

journal, steps = sys.argv[1], int(sys.argv[2])
with open(journal) as f:
    seen = [json.loads(line)["step"] for line in f]
if seen != list(range(1, steps + 1)):
    missing = sorted(set(range(1, steps + 1)) - set(seen))
    twice = sorted({s for s in seen if seen.count(s) > 1})
    print(f"expected steps 1..{steps} once each; missing {missing}, repeated {twice}")
    sys.exit(1)
print(f"steps 1..{steps} each once")
