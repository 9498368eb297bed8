"""Baseline for bench/patch.bench.ts: CPython difflib's SequenceMatcher(None, a, b, autojunk).ratio()
on the pairs read as JSON lines {"a", "b"} from stdin. argv: autojunk (0/1), passes.
Prints JSON {"best_s": best total seconds of a pass, "ratios": [...]}."""
import difflib
import json
import sys
import time

autojunk = sys.argv[1] == "1"
passes = int(sys.argv[2])
pairs = [json.loads(line) for line in sys.stdin if line.strip()]
best = float("inf")
ratios = []
for _ in range(passes):
    t0 = time.perf_counter()
    ratios = [difflib.SequenceMatcher(None, p["a"], p["b"], autojunk=autojunk).ratio() for p in pairs]
    best = min(best, time.perf_counter() - t0)
print(json.dumps({"best_s": best, "ratios": ratios}))
