"""The reward server an OpenRLHF user writes today, for the side-by-side in bench/serve.bench.ts:
FastAPI + uvicorn (Debian's python3-fastapi and python3-uvicorn) around Hugging Face Math-Verify,
the `/get_reward` contract ({query, prompts, labels} -> {rewards, scores, extra_logs}).

Run only when MATH_VERIFY_PYTHONPATH points at a local Math-Verify checkout (see
bench/mathverify_timing.py). Usage: serve_mathverify_fastapi.py PORT
"""
import sys

import uvicorn
from fastapi import FastAPI, Request
from math_verify import parse, verify

app = FastAPI()
EOS = ("<|im_end|>", "<|endoftext|>", "<|eot_id|>", "</s>")


def strip(query: str, prompt: str) -> str:
    if prompt and query.startswith(prompt):
        query = query[len(prompt):]
    changed = True
    while changed:
        changed = False
        query = query.rstrip()
        for tok in EOS:
            if query.endswith(tok):
                query = query[: -len(tok)]
                changed = True
    return query


@app.post("/get_reward")
async def get_reward(request: Request):
    data = await request.json()
    rewards = []
    for query, prompt, label in zip(data["query"], data["prompts"], data["labels"]):
        try:
            ok = verify(parse(str(label)), parse(strip(query, prompt)))
        except Exception:
            ok = False
        rewards.append(1.0 if ok else 0.0)
    return {"rewards": rewards, "scores": rewards, "extra_logs": {}}


@app.get("/healthz")
async def healthz():
    return {"status": "ok"}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning")
