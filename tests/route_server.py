"""A tiny HTTP server on 127.0.0.1 whose answers a test writes as functions, one per path.

``RouteServer({"/": page("..."), "/robots.txt": text("Crawl-delay: 200")})``: each route gets the
request handler and writes its answer; unknown paths get a 404. Every request is logged (arrival
time, path, headers) so tests can see what the crawler sent, and the server stops itself after
``lifetime`` seconds even if a test forgets to.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

Route = Callable[[BaseHTTPRequestHandler], None]
BODY = ("The meet opened under grey skies and closed under a full moon. " * 10).strip()


@dataclass(frozen=True)
class Seen:
    time: float  # monotonic
    path: str
    headers: dict[str, str]


def send(
    h: BaseHTTPRequestHandler,
    status: int,
    body: bytes,
    content_type: str = "text/html; charset=utf-8",
    headers: list[tuple[str, str]] | None = None,
) -> None:
    h.send_response(status)
    h.send_header("Content-Type", content_type)
    for name, value in headers or []:
        h.send_header(name, value)
    h.send_header("Content-Length", str(len(body)))
    h.end_headers()
    h.wfile.write(body)


def article(headline: str, head: str = "") -> bytes:
    return (
        f"<!doctype html><html><head><title>{headline}</title>{head}</head><body><article>"
        f"<h1>{headline}</h1><p class='byline'>By Pat Runner</p><p>{BODY}</p><p>{BODY}</p>"
        "</article></body></html>"
    ).encode()


def page(html: bytes | str, headers: list[tuple[str, str]] | None = None) -> Route:
    body = html.encode() if isinstance(html, str) else html
    return lambda h: send(h, 200, body, headers=headers)


def text(body: str) -> Route:
    return lambda h: send(h, 200, body.encode(), "text/plain")


def listing(*paths: str) -> Route:
    links = "".join(f'<a href="{p}">{p}</a><br>' for p in paths)
    return page(f"<html><body><h1>News</h1>{links}</body></html>")


class RouteServer:
    def __init__(self, routes: dict[str, Route], lifetime: float = 120.0) -> None:
        self.routes = routes
        self.log: list[Seen] = []
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                server.log.append(Seen(time.monotonic(), self.path, dict(self.headers.items())))
                route = server.routes.get(self.path.split("?", 1)[0])
                try:
                    if route is None:
                        send(self, 404, b"<html><body>Not found</body></html>")
                    else:
                        route(self)
                except (BrokenPipeError, ConnectionResetError):
                    self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    def __enter__(self) -> RouteServer:
        self._thread.start()
        self._timer.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.stopping.is_set():
            return
        self.stopping.set()
        self._timer.cancel()
        self.httpd.shutdown()
        self.httpd.server_close()

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def seen(self, path: str) -> list[Seen]:
        return [r for r in self.log if r.path == path]
