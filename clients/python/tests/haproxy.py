"""HAProxy (Debian's package) in front of `rewards serve` replicas on loopback, for the replica fault
test: round-robin, health checks on /readyz, no retries of its own (the client retries)."""
import os
import shutil
import subprocess
import tempfile
import time
import urllib.request

from support import free_port

CONFIG = """global
    maxconn 1024
defaults
    mode http
    timeout connect 2s
    timeout client 120s
    timeout server 120s
    option http-server-close
frontend rewards
    bind 127.0.0.1:{port}
    default_backend replicas
backend replicas
    balance roundrobin
    option httpchk GET /readyz
    default-server inter 200ms fall 1 rise 1
{servers}
"""


class HAProxy:
    """`haproxy -f CONFIG` over the given replica ports; `url` once it answers /readyz."""

    def __init__(self, replica_ports):
        exe = shutil.which("haproxy") or "/usr/sbin/haproxy"
        if not os.path.exists(exe):
            raise RuntimeError("haproxy is not installed (apt-get install haproxy)")
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="rewards-haproxy-")
        cfg = os.path.join(self.dir, "haproxy.cfg")
        servers = "\n".join("    server r%d 127.0.0.1:%d check" % (i, p) for i, p in enumerate(replica_ports))
        with open(cfg, "w") as f:
            f.write(CONFIG.format(port=self.port, servers=servers))
        self.proc = subprocess.Popen([exe, "-db", "-f", cfg], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        self.url = "http://127.0.0.1:%d" % self.port
        for _ in range(100):
            try:
                with urllib.request.urlopen(self.url + "/readyz", timeout=1):
                    return
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("haproxy did not come up on %s" % self.url)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)
        shutil.rmtree(self.dir, ignore_errors=True)
