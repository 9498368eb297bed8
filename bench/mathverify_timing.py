"""Time Hugging Face Math-Verify on the math bench corpora (run by bench/math.bench.ts).

Reads JSON lines {"gold": ..., "pred": ...} on stdin and prints one JSON line per sample:
{"ms": <parse(gold) + parse(pred) + verify() wall time in ms>, "ok": <verify result>}.
Math-Verify is not a dependency of this package: the bench runs this script only when
MATH_VERIFY_PYTHONPATH points at a local checkout of math_verify and its dependencies.
"""
import json
import sys
import time

from math_verify import parse, verify  # noqa: E402

rows = [json.loads(line) for line in sys.stdin if line.strip()]
# warm-up on the first few samples so import-time costs are not counted
for r in rows[:5]:
    verify(parse(r["gold"]), parse(r["pred"]))
for r in rows:
    t = time.perf_counter()
    ok = verify(parse(r["gold"]), parse(r["pred"]))
    ms = (time.perf_counter() - t) * 1000
    print(json.dumps({"ms": ms, "ok": bool(ok)}), flush=True)
