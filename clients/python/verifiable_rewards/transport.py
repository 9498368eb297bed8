"""One HTTP attempt, blocking: JSON in, JSON out, over kept-alive connections pooled per host.

Classifies failures: connection errors, 5xx and 429 raise RetryableError (with Retry-After); other
4xx raise RequestError with the server's message; a 2xx body that is not JSON is retryable (a proxy
or a dying server answered).
"""
import http.client
import json
import socket
import threading
from urllib.parse import urlsplit

from .errors import RequestError, RetryableError
from .retry import parse_retry_after

_CONN_ERRORS = (OSError, http.client.HTTPException, socket.timeout)


class ConnectionPool:
    """Idle kept-alive connections per base URL, shared by a client's threads; close() ends them all."""

    def __init__(self, timeout):
        self.timeout = timeout
        self._idle = {}
        self._lock = threading.Lock()

    def get(self, base_url):
        """An idle connection (reused=True) or a new one (reused=False)."""
        with self._lock:
            idle = self._idle.get(base_url)
            if idle:
                return idle.pop(), True
        parts = urlsplit(base_url)
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        return cls(parts.hostname, parts.port, timeout=self.timeout), False

    def put(self, base_url, conn):
        with self._lock:
            self._idle.setdefault(base_url, []).append(conn)

    def close(self):
        with self._lock:
            conns = [c for cs in self._idle.values() for c in cs]
            self._idle.clear()
        for c in conns:
            c.close()


def error_message(status, raw):
    """The server's message from an error body ({error|message}), else the start of the raw text."""
    try:
        body = json.loads(raw)
        if isinstance(body, dict):
            msg = body.get("message") or body.get("error")
            if msg:
                return "HTTP %d: %s" % (status, msg)
    except ValueError:
        pass
    return "HTTP %d: %s" % (status, raw[:300].decode("utf-8", "replace").strip())


def classify(status, headers, raw):
    """Turn a status and body into the parsed JSON or a RetryableError/RequestError."""
    if status == 429 or status >= 500:
        raise RetryableError(error_message(status, raw), parse_retry_after(headers.get("Retry-After")))
    if status >= 400:
        raise RequestError(error_message(status, raw), status)
    try:
        return json.loads(raw)
    except ValueError:
        raise RetryableError("HTTP %d with a body that is not JSON: %r" % (status, raw[:200]))


def post_json(pool, base_url, path, body, headers):
    """POST `body` (already JSON bytes) to base_url+path; returns the parsed JSON reply."""
    prefix = urlsplit(base_url).path
    for fresh_try in (0, 1):
        conn, reused = pool.get(base_url)
        try:
            conn.request("POST", prefix + path, body=body, headers=headers)
            resp = conn.getresponse()
            raw = resp.read()
        except _CONN_ERRORS as err:
            conn.close()
            # A kept-alive connection the server closed while idle: one free retry on a new one.
            if reused and fresh_try == 0 and isinstance(err, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)):
                continue
            raise RetryableError("%s: %s" % (type(err).__name__, err) if str(err) else type(err).__name__)
        if resp.getheader("Connection", "").lower() == "close":
            conn.close()
        else:
            pool.put(base_url, conn)
        return classify(resp.status, resp.headers, raw)
