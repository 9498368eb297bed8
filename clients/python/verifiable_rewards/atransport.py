"""One HTTP attempt for the async client over asyncio streams (standard library, no aiohttp needed).

Same classification as transport.py. One connection per request (`Connection: close`): the async
path is for big batches, where the connection set-up is noise.
"""
import asyncio
import socket
from urllib.parse import urlsplit

from .errors import RetryableError
from .transport import classify


class _Headers(dict):
    def get(self, key, default=None):  # case-insensitive, like http.client's
        return dict.get(self, key.lower(), default)


async def _read_body(reader, headers):
    if headers.get("transfer-encoding", "").lower() == "chunked":
        chunks = []
        while True:
            size = int((await reader.readline()).split(b";")[0].strip() or b"0", 16)
            if size == 0:
                await reader.readline()
                return b"".join(chunks)
            chunks.append(await reader.readexactly(size))
            await reader.readline()
    if "content-length" in headers:
        return await reader.readexactly(int(headers["content-length"]))
    return await reader.read()


async def _exchange(base_url, path, body, headers):
    parts = urlsplit(base_url)
    ssl = parts.scheme == "https"
    port = parts.port or (443 if ssl else 80)
    reader, writer = await asyncio.open_connection(parts.hostname, port, ssl=ssl or None)
    try:
        head = ["POST %s HTTP/1.1" % (parts.path + path), "Host: %s:%d" % (parts.hostname, port), "Connection: close", "Content-Length: %d" % len(body)]
        head += ["%s: %s" % kv for kv in headers.items()]
        writer.write(("\r\n".join(head) + "\r\n\r\n").encode("latin-1") + body)
        await writer.drain()
        status_line = await reader.readline()
        if not status_line:
            raise ConnectionResetError("server closed the connection before answering")
        status = int(status_line.split()[1])
        resp_headers = _Headers()
        while True:
            line = await reader.readline()
            if line in (b"\r\n", b"\n", b""):
                break
            k, _, v = line.decode("latin-1").partition(":")
            resp_headers[k.strip().lower()] = v.strip()
        raw = await _read_body(reader, resp_headers)
        return status, resp_headers, raw
    finally:
        writer.close()


async def apost_json(base_url, path, body, headers, timeout):
    """Async POST of JSON bytes; returns the parsed JSON reply or raises like transport.post_json."""
    try:
        status, resp_headers, raw = await asyncio.wait_for(_exchange(base_url, path, body, headers), timeout)
    except (OSError, asyncio.TimeoutError, asyncio.IncompleteReadError, ValueError, IndexError, socket.gaierror) as err:
        raise RetryableError("%s: %s" % (type(err).__name__, err))
    return classify(status, resp_headers, raw)
