"""Retry policy: exponential backoff with full jitter, at least what the server's Retry-After asks."""
import email.utils
import random
import time


def parse_retry_after(value, now=None):
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date); None if absent/bad."""
    if value is None:
        return None
    value = str(value).strip()
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when is None:
        return None
    now = time.time() if now is None else now
    return max(0.0, when.timestamp() - now)


def backoff_delay(attempt, base=0.2, cap=10.0, retry_after=None, max_retry_after=120.0, rng=random.random):
    """Delay before retry number `attempt` (1-based): full jitter on base*2^(attempt-1) capped at
    `cap`, and never less than Retry-After (itself capped at `max_retry_after`)."""
    delay = rng() * min(cap, base * (2 ** (attempt - 1)))
    if retry_after is not None:
        delay = max(delay, min(retry_after, max_retry_after))
    return delay
