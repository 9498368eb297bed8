"""RewardsClient: the native batch API of `rewards serve` (POST /v1/score), from Python.

Big requests are cut into batches of `batch_size` items, sent concurrently and spread round-robin
over the server URLs; a failed batch is retried on the next URL with backoff and jitter (at least
the server's Retry-After), since scoring is idempotent. After `retries` retries it raises
RewardsError naming the URL and the last error. Verdicts come back in input order, one per item.
"""
import asyncio
import itertools
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

from .atransport import apost_json
from .errors import RequestError, RetryableError, RewardsError
from .retry import backoff_delay
from .stats import Stats
from .transport import ConnectionPool, post_json
from .urls import resolve_urls


def _jsonable(x):
    """JSON fallback for what trainers hand us: numpy arrays and scalars, bytes, sets."""
    if hasattr(x, "tolist"):
        return x.tolist()
    if hasattr(x, "item"):
        return x.item()
    if isinstance(x, (bytes, bytearray)):
        return x.decode("utf-8", "replace")
    if isinstance(x, (set, frozenset, tuple)):
        return list(x)
    raise TypeError("cannot send a %s to the reward server" % type(x).__name__)


def _encode(body):
    return json.dumps(body, default=_jsonable, ensure_ascii=False).encode("utf-8")


class RewardsClient:
    """Client for one or more `rewards serve` replicas.

    urls: list or comma-separated string of base URLs (default: REWARDS_URL).
    token: bearer token (default: REWARDS_TOKEN). timeout: seconds per attempt.
    retries: retries per batch after the first attempt. batch_size: items per request.
    max_concurrency: batches in flight at once (default: 8 per URL, at most 64; keeping the
    server's pool fed between batches matters more than batch size, see bench/clients.bench.ts).
    verifier / preset / options: defaults for every request (a request's own arguments win).
    """

    def __init__(self, urls=None, token=None, timeout=180.0, retries=5, batch_size=256, max_concurrency=None,
                 backoff_base=0.2, backoff_cap=10.0, verifier=None, preset=None, options=None):
        self.urls = resolve_urls(urls)
        self.token = token if token is not None else os.environ.get("REWARDS_TOKEN") or None
        self.timeout = float(timeout)
        self.retries = int(retries)
        self.batch_size = max(1, int(batch_size))
        self.max_concurrency = max_concurrency or min(64, 8 * len(self.urls))
        self.backoff_base = backoff_base
        self.backoff_cap = backoff_cap
        self.defaults = {k: v for k, v in (("verifier", verifier), ("preset", preset), ("options", options)) if v is not None}
        self.stats = Stats()
        self._next = itertools.count()
        self._lock = threading.Lock()
        self._pool = None
        self._conns = ConnectionPool(self.timeout)

    def __repr__(self):
        return "RewardsClient(urls=%r)" % (self.urls,)

    def _headers(self):
        h = {"Content-Type": "application/json", "Accept": "application/json"}
        if self.token:
            h["Authorization"] = "Bearer " + self.token
        return h

    def _start_index(self):
        with self._lock:
            return next(self._next)

    def _body(self, items, verifier, preset, options):
        body = dict(self.defaults)
        if verifier is not None and preset is None:
            body.pop("preset", None)  # an explicit verifier beats the client's default preset
        for k, v in (("verifier", verifier), ("preset", preset), ("options", options)):
            if v is not None:
                body[k] = v  # both given: the server routes by the preset, then falls back to the verifier
        body["items"] = items
        return _encode(body)

    def _give_up(self, url, err, attempts, path):
        self.stats.add(failures=1)
        return RewardsError(
            "reward server %s%s failed after %d attempt(s): %s" % (url, path, attempts, err), url=url, last_error=err, attempts=attempts)

    def _check(self, reply, n, url):
        verdicts = reply.get("verdicts") if isinstance(reply, dict) else None
        if not isinstance(verdicts, list) or len(verdicts) != n:
            got = len(verdicts) if isinstance(verdicts, list) else type(reply).__name__
            raise RetryableError("%s answered %s verdicts for %d items" % (url, got, n))
        return verdicts

    def post(self, path, payload):
        """POST any JSON payload to `path` with the retry policy; returns the parsed reply."""
        return self._post(path, _encode(payload), None)

    def _attempts(self, path):
        """The retry decisions of one request, shared by the sync and async drivers: yields
        (url, attempt, delay): sleep `delay` seconds, then POST to `url`. The driver sends back the
        error of a failed attempt: a RequestError (4xx) raises RewardsError at once (not retried);
        a RetryableError moves to the next URL with backoff (at least its Retry-After) until the
        retries are spent, then raises RewardsError naming the URL and the last error."""
        start = self._start_index()
        delay = 0.0
        for attempt in range(self.retries + 1):
            url = self.urls[(start + attempt) % len(self.urls)]
            self.stats.add(requests=1)
            err = yield url, attempt, delay
            if isinstance(err, RequestError):
                self.stats.add(failures=1)
                raise RewardsError("reward server %s%s rejected the request (not retried): %s" % (url, path, err),
                                   url=url, last_error=err, attempts=attempt + 1)
            if attempt < self.retries:
                self.stats.add(retries=1)
                delay = backoff_delay(attempt + 1, self.backoff_base, self.backoff_cap, err.retry_after)
        raise self._give_up(url, err, self.retries + 1, path)

    def _post(self, path, body, n):
        decisions = self._attempts(path)
        url, _, delay = next(decisions)
        while True:
            if delay:
                time.sleep(delay)
            try:
                reply = post_json(self._conns, url, path, body, self._headers())
                return self._check(reply, n, url) if n is not None else reply
            except (RequestError, RetryableError) as err:
                url, _, delay = decisions.send(err)

    async def _apost(self, path, body, n):
        decisions = self._attempts(path)
        url, _, delay = next(decisions)
        while True:
            if delay:
                await asyncio.sleep(delay)
            try:
                reply = await apost_json(url, path, body, self._headers(), self.timeout)
                return self._check(reply, n, url) if n is not None else reply
            except (RequestError, RetryableError) as err:
                url, _, delay = decisions.send(err)

    def _chunks(self, items):
        items = list(items)
        return [items[i:i + self.batch_size] for i in range(0, len(items), self.batch_size)]

    def _tally(self, verdicts):
        from .verdicts import outcome
        errors = sum(1 for v in verdicts if outcome(v) == "error")
        self.stats.add(items=len(verdicts), error_verdicts=errors)
        return verdicts

    def score(self, items, verifier=None, preset=None, options=None):
        """Score items ({response, reference, ...record fields}) -> one verdict dict per item, in order."""
        chunks = self._chunks(items)
        if not chunks:
            return []
        bodies = [(self._body(c, verifier, preset, options), len(c)) for c in chunks]
        if len(bodies) == 1:
            return self._tally(self._post("/v1/score", *bodies[0]))
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(self.max_concurrency, thread_name_prefix="rewards-client")
            pool = self._pool
        results = list(pool.map(lambda b: self._post("/v1/score", *b), bodies))
        return self._tally([v for r in results for v in r])

    async def ascore(self, items, verifier=None, preset=None, options=None):
        """Async twin of score(): batches run concurrently (at most max_concurrency at once)."""
        chunks = self._chunks(items)
        sem = asyncio.Semaphore(self.max_concurrency)

        async def one(c):
            async with sem:
                return await self._apost("/v1/score", self._body(c, verifier, preset, options), len(c))

        results = await asyncio.gather(*(one(c) for c in chunks))
        return self._tally([v for r in results for v in r])

    def close(self):
        """Stop the batch thread pool and close idle connections (the client stays usable)."""
        if self._pool is not None:
            self._pool.shutdown(wait=False)
            self._pool = None
        self._conns.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_default = None
_default_lock = threading.Lock()


def default_client(**kwargs):
    """A process-wide client built from REWARDS_URL on first use (kwargs only on that first call);
    shared by the trainer functions so connections and counters are reused across calls."""
    global _default
    with _default_lock:
        if _default is None:
            _default = RewardsClient(**kwargs)
        return _default


def set_default_client(client):
    """Replace the process-wide client (None: rebuild from REWARDS_URL on next use); returns the old one."""
    global _default
    with _default_lock:
        old, _default = _default, client
        return old
