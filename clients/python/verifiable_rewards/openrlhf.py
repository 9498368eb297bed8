"""OpenRLHF's reward file, backed by `rewards serve`:

    --remote_rm_url /path/to/site-packages/verifiable_rewards/openrlhf.py   (--reward.remote_url on v0.10.2+)

OpenRLHF imports this file by path and calls `reward_func(queries, prompts, labels)`; the server
comes from REWARDS_URL. `queries[i]` is the prompt followed by the response, decoded with special
tokens kept: the prompt is stripped when the query starts with it, and trailing end-of-sequence
tokens are stripped. `labels[i]` is the gold answer, or a JSON object (or JSON string of one) with
`reference` (or `ground_truth`) and optionally `verifier` / `data_source`. Samples are routed by
their own `verifier`, then by `data_source` through the preset REWARDS_PRESET (default `mixed`),
then to REWARDS_VERIFIER (e.g. `math`, for plain labels), then to the server's own --verifier.

Returns {"rewards", "scores", "extra_logs"} as torch tensors when torch is importable (lists
otherwise). extra_logs holds per-sample `pass` and `error` (1.0 where the sample could not be
judged: it gets reward 0, and is counted). An unreachable server raises RewardsError.
"""
import json
import os

from verifiable_rewards.client import default_client
from verifiable_rewards.verdicts import outcome, reward_of

EOS_TOKENS = ("<|im_end|>", "</s>", "<|eot_id|>", "<|endoftext|>", "<|end_of_text|>", "<｜end▁of▁sentence｜>", "<end_of_turn>", "<eos>", "<|end|>", "<|return|>")
_PAD_TOKENS = ("<|pad|>", "<pad>", "<|finetune_right_pad_id|>")


def response_of(query, prompt):
    """The response inside an OpenRLHF query: strip the prompt prefix and trailing EOS/pad tokens."""
    text = query[len(prompt):] if prompt and query.startswith(prompt) else query
    changed = True
    while changed:
        changed = False
        stripped = text.rstrip()
        for tok in EOS_TOKENS + _PAD_TOKENS:
            if stripped.endswith(tok):
                text = stripped[: -len(tok)]
                changed = True
    return text


def item_of(response, label):
    """An item for /v1/score from a label: the gold itself, or an object (or JSON string of one)
    whose fields (verifier, data_source, options, ...) ride along and whose `reference` (or
    `ground_truth`, or `answer`) is the gold."""
    if isinstance(label, str) and label.lstrip().startswith("{"):
        try:
            parsed = json.loads(label)
            if isinstance(parsed, dict):
                label = parsed
        except ValueError:
            pass
    if not isinstance(label, dict):
        return {"response": response, "reference": label}
    item = dict(label)
    for key in ("reference", "ground_truth", "answer"):
        if key in label:
            item["reference"] = label[key]
            break
    item["response"] = response
    return item


def _tensor(values):
    try:
        import torch
    except ImportError:
        return values
    return torch.tensor(values, dtype=torch.float)


def reward_func(queries, prompts, labels, **kwargs):
    """OpenRLHF's remote reward function: {rewards, scores, extra_logs} for a batch of queries."""
    if not (len(queries) == len(prompts) == len(labels)):
        raise ValueError("reward_func: %d queries, %d prompts, %d labels" % (len(queries), len(prompts), len(labels)))
    items = [item_of(response_of(q, p), l) for q, p, l in zip(queries, prompts, labels)]
    verifier = kwargs.get("verifier") or os.environ.get("REWARDS_VERIFIER") or None
    preset = kwargs.get("preset") or os.environ.get("REWARDS_PRESET") or "mixed"
    verdicts = default_client().score(items, verifier=verifier, preset=preset) if items else []
    outcomes = [outcome(v) for v in verdicts]
    rewards = [0.0 if o == "error" else reward_of(v) for v, o in zip(verdicts, outcomes)]
    scores = [0.0 if o == "error" else float(v.get("score") or 0.0) for v, o in zip(verdicts, outcomes)]
    extra = {
        "pass": _tensor([1.0 if o == "pass" else 0.0 for o in outcomes]),
        "error": _tensor([1.0 if o == "error" else 0.0 for o in outcomes]),
    }
    return {"rewards": _tensor(rewards), "scores": _tensor(scores), "extra_logs": extra}
