"""Test support: the repository root, a free port, and a real `rewards serve` on an ephemeral port."""
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
CLIENT_DIR = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(CLIENT_DIR))
sys.path.insert(0, CLIENT_DIR)

CLI = os.path.join(REPO, "bin", "rewards.js")
SERVE_JS = os.path.join(REPO, "dist", "cli", "serve.js")
_URL_RE = re.compile(r"https?://(?:127\.0\.0\.1|localhost|\[::1\]|0\.0\.0\.0):(\d+)")
_PORT_RE = re.compile(r"\bport\D{0,4}(\d{2,5})", re.I)


def free_port():
    """A TCP port nothing listens on right now (a dead URL, or the port a later server takes)."""
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def server_available():
    """Why a real server cannot start here, or None when it can."""
    if not os.path.exists(SERVE_JS):
        return "rewards serve is not built: %s is missing (run `npx tsc -p tsconfig.json` in %s)" % (SERVE_JS, REPO)
    return None


class RealServer:
    """`node bin/rewards.js serve --port PORT ...` as a child process; `url` once ready (/readyz 200).
    PORT defaults to a free port; with port=0 the port is read from the server's log line."""

    def __init__(self, port=None, args=("--threads", "1", "--log-level", "warn"), env=None, ready_timeout=60):
        why = server_available()
        if why:
            raise RuntimeError(why)
        port = free_port() if port is None else port
        self.port = port
        self.log = []
        e = dict(os.environ)
        e.update(env or {})
        self.proc = subprocess.Popen(
            ["node", "--no-node-snapshot", CLI, "serve", "--port", str(port)] + list(args), cwd=REPO, env=e,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self._found = threading.Event()
        self._pumper = threading.Thread(target=self._pump, daemon=True)
        self._pumper.start()
        deadline = time.monotonic() + ready_timeout
        if port == 0:
            self._found.wait(ready_timeout)
            if not self.port:
                self.stop()
                raise RuntimeError("rewards serve did not print its port within %ds; output:\n%s" % (ready_timeout, "".join(self.log)))
        self.url = "http://127.0.0.1:%d" % self.port
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("rewards serve exited with %s; output:\n%s" % (self.proc.returncode, "".join(self.log)))
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=2) as r:
                    if r.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("rewards serve not ready within %ds; output:\n%s" % (ready_timeout, "".join(self.log)))

    def _pump(self):
        for line in self.proc.stdout:
            self.log.append(line)
            if not self.port:
                m = _URL_RE.search(line) or _PORT_RE.search(line)
                if m and int(m.group(1)) > 0:
                    self.port = int(m.group(1))
                    self._found.set()

    def _reap(self):
        self._pumper.join(5)
        self.proc.stdout.close()

    def kill(self):
        """SIGKILL: a replica dying mid-run."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)
        self._reap()

    def stop(self):
        """SIGTERM and wait (the server drains what is in flight)."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.kill()
        self._reap()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()
