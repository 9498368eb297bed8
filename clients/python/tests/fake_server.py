"""A tiny scripted HTTP server (standard library) for the client's fault tests: it answers
POST /v1/score with a script of faults (429 + Retry-After, 5xx, garbage, dropped connection)
before scoring for real with a trivial rule (pass when response == reference)."""
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeServer:
    """`script`: a list of faults consumed one per request: ("status", code, headers) or ("drop",).
    Records each request's arrival time and parsed body in `requests`."""

    def __init__(self, script=None, delay=0.0):
        self.script = list(script or [])
        self.delay = delay
        self.requests = []
        self.lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with outer.lock:
                    outer.requests.append({"t": time.monotonic(), "path": self.path, "body": json.loads(body), "headers": dict(self.headers)})
                    fault = outer.script.pop(0) if outer.script else None
                if outer.delay:
                    time.sleep(outer.delay)
                if fault and fault[0] == "drop":
                    self.close_connection = True
                    self.connection.shutdown(2)
                    return
                if fault and fault[0] == "status":
                    self._send(fault[1], {"error": "fault %d" % fault[1]}, fault[2] if len(fault) > 2 else {})
                    return
                items = json.loads(body)["items"]
                verdicts = [{"score": 1.0 if it["response"] == it["reference"] else 0.0, "pass": it["response"] == it["reference"],
                             "reason": None if it["response"] == it["reference"] else "not-equivalent"} for it in items]
                self._send(200, {"verdicts": verdicts})

            def _send(self, code, obj, headers=None):
                raw = json.dumps(obj).encode()
                self.send_response(code)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(raw)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(raw)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = "http://127.0.0.1:%d" % self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()
