"""A small HTTP server for a static copy of a PHP-style site (the demo's sample site, the tests'
fixture
sites, benchmark sites).

File layout of a site directory:

* ``/`` is ``index.html``; ``/robots.txt`` is ``robots.txt``;
* ``/path/name.php?b=2&a=1`` is ``path/name.php/a=1&b=2.html`` (query parameters sorted by name;
  a ``.json`` file is served instead when it exists, for JSON endpoints);
* ``<file>.headers.json`` beside a file may set ``{"status": 403, "headers": {...}}``;
* the text ``__ORIGIN_<name>__`` in a served file becomes ``http://<name>:<port>`` (for links to the
  same server under another host name, e.g. ``__ORIGIN_localhost__``), and ``__PORT__`` the port.

Every request is logged with its arrival time, host and path, so tests can check politeness.
Conditional requests are answered from file modification times (``Last-Modified`` / ``ETag``).
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".json": "application/json",
    ".txt": "text/plain",
    ".xml": "application/xml",
    ".pdf": "application/pdf",
    ".htm": "text/html",
}
_ORIGIN = re.compile(rb"__ORIGIN_([A-Za-z0-9.\-]+)__")


@dataclass(frozen=True)
class LoggedRequest:
    time: float  # time.monotonic() at arrival
    host: str  # Host header without the port
    path: str  # path and query as requested
    headers: dict[str, str]


def file_for(root: Path, path: str, query: str) -> Path | None:
    """The file serving ``path?query`` in ``root``, or None."""
    rel = unquote(path).lstrip("/")
    if ".." in Path(rel).parts:
        return None
    if query:
        params = sorted(parse_qsl(query, keep_blank_values=True))
        stem = "&".join(f"{k}={v}" for k, v in params).replace("/", "%2F")
        base = root / rel / stem
        candidates = [base.with_name(base.name + ".html"), base.with_name(base.name + ".json")]
    elif rel == "" or rel.endswith("/"):
        candidates = [root / rel / "index.html"]
    else:
        candidates = [root / rel, root / rel / "index.html"]
    return next((c for c in candidates if c.is_file()), None)


class SiteServer:
    """Serve ``root`` on ``host:port`` (port 0 picks a free one) in a background thread."""

    def __init__(self, root: Path | str, host: str = "127.0.0.1", port: int = 0) -> None:
        self.root = Path(root)
        self.log: list[LoggedRequest] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                server._handle(self)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer((host, port), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str = "/", host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"

    def __enter__(self) -> SiteServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()

    def requests_to(self, host: str) -> list[LoggedRequest]:
        return [r for r in self.log if r.host == host]

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        split = urlsplit(h.path)
        host = (h.headers.get("Host") or "").rsplit(":", 1)[0]
        self.log.append(LoggedRequest(time.monotonic(), host, h.path, dict(h.headers.items())))
        found = file_for(self.root, split.path, split.query)
        if found is None:
            self._send(
                h, 404, {"Content-Type": "text/html"}, b"<html><body>Not found</body></html>"
            )
            return
        status, headers = (
            200,
            {"Content-Type": _TYPES.get(found.suffix, "application/octet-stream")},
        )
        sidecar = found.with_name(found.name + ".headers.json")
        if sidecar.is_file():
            extra = json.loads(sidecar.read_text())
            status = extra.get("status", 200)
            headers.update(extra.get("headers", {}))
        body = found.read_bytes()
        body = _ORIGIN.sub(lambda m: f"http://{m.group(1).decode()}:{self.port}".encode(), body)
        body = body.replace(b"__PORT__", str(self.port).encode())
        mtime = found.stat().st_mtime
        headers["Last-Modified"] = email.utils.formatdate(mtime, usegmt=True)
        headers["ETag"] = '"' + hashlib.sha1(body).hexdigest()[:16] + '"'
        if status == 200 and self._not_modified(h, headers, mtime):
            self._send(
                h, 304, {"ETag": headers["ETag"], "Last-Modified": headers["Last-Modified"]}, b""
            )
            return
        self._send(h, status, headers, body)

    @staticmethod
    def _not_modified(h: BaseHTTPRequestHandler, headers: dict[str, str], mtime: float) -> bool:
        inm = h.headers.get("If-None-Match")
        if inm is not None:
            return headers["ETag"] in [t.strip() for t in inm.split(",")]
        ims = h.headers.get("If-Modified-Since")
        if ims:
            parsed = email.utils.parsedate_to_datetime(ims)
            return parsed is not None and int(mtime) <= parsed.timestamp()
        return False

    @staticmethod
    def _send(h: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
        h.send_response(status)
        for k, v in headers.items():
            h.send_header(k, v)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if body:
            h.wfile.write(body)
