"""verl custom reward functions backed by `rewards serve`.

    reward.custom_reward_function.path=<site-packages>/verifiable_rewards/verl.py
    reward.custom_reward_function.name=compute_score          # or compute_score_batch with reward_manager=batch
    +reward.custom_reward_function.reward_kwargs.preset=mixed  # optional: preset, verifier, urls, token

Each sample is routed by its `data_source` through the server preset `mixed` (rewards/mixed.json)
unless `verifier=` or `preset=` says otherwise; `extra_info["verifier"]` names a verifier for one
sample. Every call returns the same keys (verl logs each one): score, pass, reason, extracted.
An unreachable server raises RewardsError: verl must not train on made-up zeros.
"""
from verifiable_rewards.client import default_client
from verifiable_rewards.verdicts import decode_reference, outcome, reward_of

_CLIENT_KEYS = ("urls", "token", "timeout", "retries", "batch_size")


def _client(kwargs):
    opts = {k: kwargs[k] for k in _CLIENT_KEYS if k in kwargs}
    return default_client(**opts)


def _route(kwargs):
    verifier = kwargs.get("verifier")
    preset = kwargs.get("preset")
    if verifier is None and preset is None:
        preset = "mixed"
    return {"verifier": verifier, "preset": preset, "options": kwargs.get("options")}


def _item(data_source, solution_str, ground_truth, extra_info):
    item = {"response": solution_str, "reference": decode_reference(ground_truth), "data_source": data_source}
    if isinstance(extra_info, dict):
        for key in ("verifier", "options", "id"):
            if extra_info.get(key) is not None:
                item[key] = extra_info[key]
    return item


def to_result(v):
    """A server verdict as verl's dict: score (the reward), pass, reason ('' on a pass), extracted ('' when none)."""
    return {
        "score": reward_of(v),
        "pass": bool(v.get("pass")),
        "reason": str(v.get("reason") or ("" if v.get("pass") else outcome(v))),
        "extracted": "" if v.get("extracted") is None else str(v.get("extracted")),
    }


def compute_score(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """verl's per-sample reward: one request to the server -> {score, pass, reason, extracted}."""
    client = _client(kwargs)
    [v] = client.score([_item(data_source, solution_str, ground_truth, extra_info)], **_route(kwargs))
    return to_result(v)


async def compute_score_async(data_source, solution_str, ground_truth, extra_info=None, **kwargs):
    """Async twin of compute_score (for verl's async reward loop)."""
    client = _client(kwargs)
    [v] = await client.ascore([_item(data_source, solution_str, ground_truth, extra_info)], **_route(kwargs))
    return to_result(v)


def compute_score_batch(data_sources, solution_strs, ground_truths, extra_infos=None, **kwargs):
    """verl's batch reward manager form: lists in, one result dict per sample out, same order."""
    n = len(solution_strs)
    if not (len(data_sources) == n == len(ground_truths)):
        raise ValueError("compute_score_batch: %d data_sources, %d solution_strs, %d ground_truths" % (len(data_sources), n, len(ground_truths)))
    infos = list(extra_infos) if extra_infos is not None else [None] * n
    items = [_item(d, s, g, e) for d, s, g, e in zip(data_sources, solution_strs, ground_truths, infos)]
    return [to_result(v) for v in _client(kwargs).score(items, **_route(kwargs))]
