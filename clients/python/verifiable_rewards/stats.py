"""Thread-safe counters a client keeps: requests, retries, failures (gave up), items, error verdicts."""
import threading


class Stats:
    """Counters; `snapshot()` gives a plain dict for logging."""

    FIELDS = ("requests", "retries", "failures", "items", "error_verdicts", "dropped")

    def __init__(self):
        self._lock = threading.Lock()
        self._c = dict.fromkeys(self.FIELDS, 0)

    def add(self, **deltas):
        with self._lock:
            for k, v in deltas.items():
                self._c[k] += v

    def __getitem__(self, key):
        return self._c[key]

    def snapshot(self):
        with self._lock:
            return dict(self._c)

    def __repr__(self):
        return "Stats(%s)" % ", ".join("%s=%d" % kv for kv in self.snapshot().items())
