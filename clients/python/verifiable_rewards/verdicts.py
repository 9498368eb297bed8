"""Reading a server verdict: pass / fail / error (not judged), and the reward to train on."""

import json

# Mirrors ERROR_REASONS in src/core/verdict.ts: the sample could not be judged at all.
ERROR_REASONS = frozenset(["invalid-input", "verifier-error", "sandbox-error"])


def outcome(v):
    """'pass', 'fail' (judged wrong) or 'error' (not judged); the server's own `outcome` wins."""
    if isinstance(v, dict) and v.get("outcome") in ("pass", "fail", "error"):
        return v["outcome"]
    if not isinstance(v, dict):
        return "error"
    if v.get("pass") is True:
        return "pass"
    reason = str(v.get("reason") or "")
    if "error" in v and not reason:
        return "error"
    return "error" if reason.split(":")[0].strip() in ERROR_REASONS else "fail"


def reward_of(v):
    """The training reward: a preset's shaped `reward` when present, else `score` (in [0, 1])."""
    r = v.get("reward")
    if isinstance(r, (int, float)) and not isinstance(r, bool):
        return float(r)
    return float(v.get("score") or 0.0)


def decode_reference(value):
    """A reference as the server wants it. `rewards export` writes one string column for every
    domain (parquet and datasets need one type per column): the gold itself for math, the JSON text
    of the reference object for MCQ, code and IFEval. A string that parses as a JSON object is that
    object; anything else (a math gold such as "{1, 2}") is passed through unchanged."""
    if isinstance(value, str) and value.lstrip().startswith("{"):
        try:
            parsed = json.loads(value)
        except ValueError:
            return value
        if isinstance(parsed, dict):
            return parsed
    return value
