"""Loopback commune sites for the province tests: a well-behaved one (a folder of open data served as a
static host serves it, with Last-Modified and 304 answers) and hostile ones, each on its own port (so
its own origin): slow, HTML instead of JSON, an endless (1 GB) answer, a redirect loop. Every server
listens on 127.0.0.1 only and stops when its block ends."""

from __future__ import annotations

import functools
import http.server
import time
from pathlib import Path

GIGABYTE = 1_000_000_000


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


class Hostile(http.server.BaseHTTPRequestHandler):
    """Answers every GET the way `server.mode` says; counts the bytes of body it managed to send."""

    server: HostileServer

    def log_message(self, format: str, *args: object) -> None:
        pass

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        mode = self.server.mode
        if mode == "slow":
            time.sleep(self.server.delay)
            self._send(b"{}", "application/json")
        elif mode == "html":
            self._send("<!doctype html><html><body><h1>Trang web đang bảo trì</h1></body></html>".encode(), "text/html")
        elif mode == "huge":
            # No Content-Length: the body ends when the connection does, after 1 GB, unless the reader
            # stops first. The harvester must stop at its limit without holding what it read.
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.end_headers()
            chunk = b"[" * 65536
            try:
                while self.server.sent < GIGABYTE:
                    self.wfile.write(chunk)
                    self.server.sent += len(chunk)
            except OSError:  # the reader hung up: what it should do
                pass
        elif mode == "redirect-loop":
            self.send_response(302)
            self.send_header("Location", "/a/data.json" if self.path.startswith("/data.json") else "/data.json")
            self.send_header("Content-Length", "0")
            self.end_headers()

    def _send(self, body: bytes, kind: str) -> None:
        self.send_response(200)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class HostileServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, mode: str, delay: float = 30.0) -> None:
        super().__init__(("127.0.0.1", 0), Hostile)
        self.mode, self.delay, self.sent = mode, delay, 0

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the harvester hanging up on a slow or endless answer is the point, not an error


def folder_server(folder: Path, port: int = 0) -> http.server.ThreadingHTTPServer:
    """A static host for `folder`, as GitHub Pages or any web server serves a built site."""
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), functools.partial(_Quiet, directory=str(folder)))
    server.daemon_threads = True
    return server
