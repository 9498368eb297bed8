"""TRL reward functions backed by `rewards serve`.

    from verifiable_rewards.trl import reward_func
    trainer = GRPOTrainer(..., reward_funcs=[reward_func(verifier="math")])

The callable takes TRL's `(prompts, completions, **kwargs)`, where kwargs carry the dataset's
columns; the gold is `kwargs[reference_column]`. Completions may be strings or conversational
message lists. It returns one float per completion (0.0 for a wrong answer) or None where the
sample could not be judged (server unreachable after retries, or an `error` verdict such as
invalid-input): TRL leaves None out. Those are counted in `fn.client.stats["dropped"]` and logged as warnings.
"""
import logging

from verifiable_rewards.client import default_client
from verifiable_rewards.errors import RewardsError
from verifiable_rewards.verdicts import decode_reference, outcome, reward_of

log = logging.getLogger("verifiable_rewards.trl")

# Dataset columns forwarded with each item: the fields presets route by, and a per-sample verifier.
ROUTING_COLUMNS = ("data_source", "domain", "kind", "verifier")


def completion_text(completion):
    """The text of a completion: a string as is; a conversational list -> its assistant content."""
    if isinstance(completion, str):
        return completion
    if isinstance(completion, dict):
        completion = [completion]
    parts = []
    for msg in completion or []:
        if not isinstance(msg, dict) or msg.get("role", "assistant") != "assistant":
            continue
        content = msg.get("content")
        if isinstance(content, str):
            parts.append(content)
        elif isinstance(content, list):  # multimodal content parts
            parts.extend(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type", "text") == "text")
    return "".join(parts)


def reward_func(verifier=None, preset=None, reference_column="answer", client=None, options=None, name=None):
    """A TRL reward function scoring completions against `kwargs[reference_column]` on the server."""
    if verifier is None and preset is None:
        preset = "mixed"

    def rewards(prompts, completions, **kwargs):
        if reference_column not in kwargs:
            raise KeyError("reward_func: the dataset has no column %r for the reference (columns: %s); pass reference_column=" % (
                reference_column, ", ".join(sorted(k for k in kwargs if isinstance(kwargs[k], list)))))
        refs = kwargs[reference_column]
        items = []
        for i, c in enumerate(completions):
            item = {"response": completion_text(c), "reference": decode_reference(refs[i])}
            for col in ROUTING_COLUMNS:
                vals = kwargs.get(col)
                if isinstance(vals, list) and len(vals) == len(completions) and vals[i] is not None:
                    item[col] = vals[i]
            items.append(item)
        cl = client or default_client()
        rewards.client = cl
        try:
            verdicts = cl.score(items, verifier=verifier, preset=preset, options=options)
        except RewardsError as err:
            cl.stats.add(dropped=len(items))
            log.warning("reward server failed, %d completions left unscored (None): %s", len(items), err)
            return [None] * len(items)
        out = []
        for v in verdicts:
            if outcome(v) == "error":
                cl.stats.add(dropped=1)
                log.warning("sample not judged (%s): %s", v.get("reason"), v.get("error", ""))
                out.append(None)
            else:
                out.append(reward_of(v))
        return out

    rewards.__name__ = rewards.__qualname__ = name or "rewards_%s" % (verifier or preset)
    rewards.client = client
    return rewards
