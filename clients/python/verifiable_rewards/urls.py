"""Reward server addresses: the argument, else REWARDS_URL (a comma-separated list)."""
import os
from urllib.parse import urlsplit

# Endpoint paths a user may paste from a trainer flag; the client wants the server's base URL.
_KNOWN_PATHS = ("/get_reward", "/v1/score", "/v1/reward", "/verify")


def normalize_url(url):
    """A base URL without a trailing slash or a pasted endpoint path; raises ValueError if unusable."""
    url = url.strip().rstrip("/")
    for p in _KNOWN_PATHS:
        if url.endswith(p):
            url = url[: -len(p)]
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError("reward server URL %r must look like http://host:port" % url)
    return url


def resolve_urls(urls=None):
    """The list of server base URLs from `urls` (a list or a comma string) or REWARDS_URL."""
    if urls is None:
        urls = os.environ.get("REWARDS_URL", "")
    if isinstance(urls, str):
        urls = [u for u in urls.split(",") if u.strip()]
    out = [normalize_url(u) for u in urls]
    if not out:
        raise ValueError("no reward server URL: pass urls=[...] or set REWARDS_URL=http://host:port[,http://host2:port]")
    return out
