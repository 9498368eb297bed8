"""Timing half of bench/clients.bench.ts, run under /usr/bin/python3 with clients/python on the path.

    clients.py batch   URL FILE            compute_score_batch over every sample of FILE (JSONL of
                                           {response, reference}); prints {"seconds", "n", "passed"}
    clients.py threads URL FILE THREADS N  N one-sample compute_score calls from THREADS threads;
                                           prints {"seconds", "n", "passed", "p50_ms", "p99_ms"}
"""
import json
import os
import sys
import time
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "clients", "python"))
from verifiable_rewards import RewardsClient, set_default_client  # noqa: E402
from verifiable_rewards import verl  # noqa: E402


def main():
    mode, url, path = sys.argv[1:4]
    rows = [json.loads(line) for line in open(path, encoding="utf-8") if line.strip()]
    set_default_client(RewardsClient(urls=url))
    # Warm up as the in-process baseline does (200 samples), so both sides are timed warm.
    verl.compute_score_batch(["math"] * 200, [r["response"] for r in rows[:200]], [r["reference"] for r in rows[:200]], None)
    if mode == "batch":
        t0 = time.perf_counter()
        out = verl.compute_score_batch(["math"] * len(rows), [r["response"] for r in rows], [r["reference"] for r in rows], None)
        secs = time.perf_counter() - t0
        print(json.dumps({"seconds": secs, "n": len(out), "passed": sum(o["pass"] for o in out)}))
        return
    threads, n = int(sys.argv[4]), int(sys.argv[5])
    lat = []

    def one(i):
        r = rows[i % len(rows)]
        t = time.perf_counter()
        res = verl.compute_score("math", r["response"], r["reference"], {"index": i})
        lat.append(time.perf_counter() - t)
        return res["pass"]

    t0 = time.perf_counter()
    with ThreadPoolExecutor(threads) as pool:
        passed = sum(pool.map(one, range(n)))
    secs = time.perf_counter() - t0
    lat.sort()
    print(json.dumps({"seconds": secs, "n": n, "passed": passed, "p50_ms": 1000 * lat[len(lat) // 2], "p99_ms": 1000 * lat[int(0.99 * (len(lat) - 1))]}))


if __name__ == "__main__":
    main()
