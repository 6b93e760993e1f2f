"""A hostile HTTP server for tests: every misbehaviour a crawler meets on a bad day, on 127.0.0.1.

Each case is a path (see ``CASES``); ``/`` is a listing page linking every case and the good
stories, ``/robots.txt`` allows everything, and three sitemaps hold an XML bomb, 50,000 URLs and a
gzip bomb.
``mode`` switches the stories: in ``"good"`` mode ``/story/N`` are plain articles; in ``"hostile"``
mode stories 1-3 answer 500, binary garbage and a reset connection (what is stored of them must not
change), and story 4 appears (the crawl must go on past the hostile cases and store it).

Every loop is bounded (the drip stops after ``DRIP_MAX`` bytes, a hanging answer after
``HANG_MAX`` seconds) and the server shuts itself down after ``lifetime`` seconds even if a test
forgets to. Every request is logged (time, path) so tests can check retries and waits.
"""

from __future__ import annotations

import io
import random
import socket
import struct
import threading
import time
import zlib
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DRIP_MAX = 30  # bytes; one per second
HANG_MAX = 30.0  # seconds
HUGE_BYTES = 20 * 1024 * 1024
BOMB_BYTES = 64 * 1024 * 1024  # decompressed size of the gzip bomb
SITEMAP_URLS = 50_000
NEST = 100_000

# case -> what a test expects in the archive: "reject:<reason>|<reason>..." or "article"
CASES: dict[str, str] = {
    "garbage": "reject:no headline|no body|parse error",
    "empty": "reject:no headline|no body|parse error",
    "truncated": "reject:fetch error",
    "truncated-markup": "reject:no headline|no body|parse error",
    "huge": "reject:fetch error",
    "huge-chunked": "reject:fetch error",
    "deep": "reject:parse error",
    "many-elements": "reject:parse error",
    "big-attributes": "article",
    "nul-bytes": "article",
    "invalid-utf8": "article",
    "charset-header-vs-meta": "article",
    "charset-bom-vs-header": "article",
    "gzip-bomb": "reject:fetch error",
    "redirect-loop": "reject:fetch error",
    "redirect-chain": "reject:fetch error",
    "redirect-offsite": "reject:fetch error",
    "status-500": "reject:http error",
    "status-503-retry-after": "reject:http error",
    "status-429-retry-after-long": "reject:http error",
    "status-429": "reject:http error",
    "status-503-retry-after-superscript": "reject:http error",
    "meta-refresh-offsite": "reject:fetch error",
    "meta-refresh-loop": "reject:fetch error",
    "meta-refresh-self": "article",
    "timeout": "reject:fetch error",
    "drip": "reject:fetch error",
    "reset": "reject:fetch error",
}
# What the article cases must read as once stored (a word of the headline that decoding must get
# right).
ARTICLE_HEADLINES = {
    "big-attributes": "Attributes",
    "nul-bytes": "Nul Bytes",
    "invalid-utf8": "Invalid",
    "charset-header-vs-meta": "Zürich",
    "charset-bom-vs-header": "Zürich",
    "meta-refresh-self": "Reloading",
}
SITEMAPS = ("/sitemap-xml-bomb.xml", "/sitemap-50k.xml", "/sitemap-gzip-bomb.xml.gz")
BODY_TEXT = ("The meet opened under grey skies. " * 12).strip()


def article_html(headline: str, body: str = BODY_TEXT, head: str = "", attrs: str = "") -> str:
    return (
        f"<!doctype html><html><head>{head}<title>{headline}</title></head><body{attrs}>"
        f"<article><h1>{headline}</h1><p class='byline'>By Pat Runner</p>"
        f"<p>{body}</p><p>{body}</p><p>{body}</p></article></body></html>"
    )


def refresh(to: str) -> bytes:
    return f'<html><head><meta http-equiv="refresh" content="0; url={to}"></head></html>'.encode()


@dataclass(frozen=True)
class Logged:
    time: float  # monotonic
    path: str
    host: str


def gzip_bomb() -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)  # gzip container
    chunk = b"\0" * (1024 * 1024)
    out = io.BytesIO()
    for _ in range(BOMB_BYTES // len(chunk)):
        out.write(compressor.compress(chunk))
    out.write(compressor.flush())
    return out.getvalue()


def xml_bomb(where: str = "loc") -> bytes:
    """A billion-laughs sitemap: its ninth entity expands to 10^9 "lol"s, referenced in a URL's
    ``loc`` (default), its ``lastmod`` or an attribute."""
    lines = ['<?xml version="1.0"?>', "<!DOCTYPE lolz [", ' <!ENTITY lol "lol">']
    lines += [
        f' <!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
        for i in range(1, 10)
    ]
    url = {
        "loc": "<url><loc>/bulk/&lol9;</loc></url>",
        "lastmod": "<url><loc>/bulk/x</loc><lastmod>&lol9;</lastmod></url>",
        "attribute": '<url id="&lol9;"><loc>/bulk/y</loc></url>',
    }[where]
    lines += [
        "]>",
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        url,
        "</urlset>",
    ]
    return "\n".join(lines).encode()


class HostileServer:
    def __init__(self, lifetime: float = 600.0) -> None:
        self.mode = "good"
        self.log: list[Logged] = []
        self.stopping = threading.Event()
        self._bomb: bytes | None = None
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 (http.server API)
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
                server.log.append(Logged(time.monotonic(), self.path, host))
                try:
                    server.handle(self)
                except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
                    self.close_connection = True

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self._thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self._timer = threading.Timer(lifetime, self.stop)
        self._timer.daemon = True

    # -- lifecycle ---------------------------------------------------------------------------
    def __enter__(self) -> HostileServer:
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

    def requests_for(self, path: str) -> list[Logged]:
        return [r for r in self.log if r.path == path]

    # -- answers -----------------------------------------------------------------------------
    @staticmethod
    def send(
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        **headers: str,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        for name, value in headers.items():
            h.send_header(name.replace("_", "-"), value)
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        h.wfile.write(body)

    def index(self) -> bytes:
        stories = [1, 2, 3] + ([4] if self.mode == "hostile" else [])
        links = [f'<a href="/story/{n}">Story {n}</a>' for n in stories]
        if self.mode == "hostile":
            links += [f'<a href="/case/{name}">{name}</a>' for name in CASES]
            links.append('<a href="http://offsite.invalid/case/elsewhere">off-site link</a>')
        return f"<html><body><h1>Hostile news</h1>{'<br>'.join(links)}</body></html>".encode()

    def handle(self, h: BaseHTTPRequestHandler) -> None:
        path = h.path.split("?", 1)[0]
        if path == "/":
            return self.send(h, 200, self.index())
        if path == "/robots.txt":
            return self.send(h, 200, b"User-agent: *\nAllow: /\n", "text/plain")
        if path.startswith("/story/"):
            return self.story(h, path.rsplit("/", 1)[-1])
        if path in SITEMAPS:
            return self.sitemap(h, path)
        if path.startswith("/case/"):
            name = path[len("/case/") :]
            if name.startswith("chain/"):
                hop = int(name.split("/")[1] or 0)
                return self.send(h, 302, b"", Location=f"/case/chain/{hop + 1}")
            if name == "loop-b":
                return self.send(h, 302, b"", Location="/case/redirect-loop")
            if name == "refresh-b":
                return self.send(h, 200, refresh("/case/meta-refresh-loop"))
            method = getattr(self, "case_" + name.replace("-", "_"), None)
            if method is not None:
                return method(h)
        return self.send(h, 404, b"<html><body>Not found</body></html>")

    def story(self, h: BaseHTTPRequestHandler, number: str) -> None:
        if self.mode == "hostile":
            if number == "1":
                return self.case_status_500(h)
            if number == "2":
                return self.case_garbage(h)
            if number == "3":
                return self.case_reset(h)
        headline = f"Story {number} From The Good Meet"
        return self.send(h, 200, article_html(headline).encode())

    def sitemap(self, h: BaseHTTPRequestHandler, path: str) -> None:
        if path == "/sitemap-xml-bomb.xml":
            return self.send(h, 200, xml_bomb(), "application/xml")
        if path == "/sitemap-50k.xml":
            urls = "".join(
                f"<url><loc>{self.url(f'/bulk/{i}')}</loc></url>" for i in range(SITEMAP_URLS + 10)
            )
            body = (
                '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns='
                f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            ).encode()
            return self.send(h, 200, body, "application/xml")
        if self._bomb is None:
            self._bomb = gzip_bomb()
        return self.send(h, 200, self._bomb, "application/x-gzip")

    # -- the cases ---------------------------------------------------------------------------
    def case_garbage(self, h: BaseHTTPRequestHandler) -> None:
        rng = random.Random(8)
        self.send(h, 200, bytes(rng.getrandbits(8) for _ in range(64 * 1024)))

    def case_empty(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 200, b"")

    def case_truncated(self, h: BaseHTTPRequestHandler) -> None:
        """Content-Length promises 20,000 bytes; 2,000 come, then the connection closes."""
        body = article_html("Truncated Story").encode()
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", "20000")
        h.end_headers()
        h.wfile.write(body[:2000])
        h.wfile.flush()
        h.close_connection = True

    def case_truncated_markup(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 200, b"<!doctype html><html><head><title>Trunc")

    def case_huge(self, h: BaseHTTPRequestHandler) -> None:
        """20 MB, announced by Content-Length."""
        self._stream(h, HUGE_BYTES, announce=True)

    def case_huge_chunked(self, h: BaseHTTPRequestHandler) -> None:
        """20 MB without Content-Length (the size shows only as it arrives)."""
        self._stream(h, HUGE_BYTES, announce=False)

    def _stream(self, h: BaseHTTPRequestHandler, size: int, announce: bool) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        if announce:
            h.send_header("Content-Length", str(size))
        else:
            h.send_header("Connection", "close")
        h.end_headers()
        chunk = b"<p>" + b"filler words " * 5000 + b"</p>\n"
        sent = 0
        h.wfile.write(b"<html><head><title>Huge</title></head><body><h1>Huge</h1>")
        while sent < size and not self.stopping.is_set():
            h.wfile.write(chunk)
            sent += len(chunk)
        h.close_connection = True

    def case_deep(self, h: BaseHTTPRequestHandler) -> None:
        body = "<div>" * NEST + f"<p>{BODY_TEXT}</p>" + "</div>" * NEST
        self.send(h, 200, article_html("Deep Story", body).encode())

    def case_many_elements(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 200, article_html("Many", "<span>x</span>" * 150_000).encode())

    def case_big_attributes(self, h: BaseHTTPRequestHandler) -> None:
        big = "a" * (1024 * 1024)
        head = (
            f'<meta name="description" content="{big}"><meta property="og:image" content="{big}">'
        )
        self.send(
            h,
            200,
            article_html(
                "Big Attributes Story", head=head, attrs=f' data-x="{big}" class="{big}"'
            ).encode(),
        )

    def case_nul_bytes(self, h: BaseHTTPRequestHandler) -> None:
        page = article_html("Nul Bytes\x00 Story", BODY_TEXT.replace(" ", " \x00", 5))
        self.send(h, 200, page.encode().replace(b"<body", b"\x00\x00<body"))

    def case_invalid_utf8(self, h: BaseHTTPRequestHandler) -> None:
        page = article_html("Invalid Bytes Story", BODY_TEXT + " caf\xe9").encode("utf-8")
        page = page.replace(b"grey", b"gr\xff\xfe\xc3y")  # broken sequences in UTF-8 text
        self.send(h, 200, page)

    def case_charset_header_vs_meta(self, h: BaseHTTPRequestHandler) -> None:
        """The header says UTF-8, which the bytes contradict; <meta> says windows-1252, rightly."""
        page = article_html("Zürich Meet Story", head='<meta charset="windows-1252">')
        self.send(h, 200, page.encode("cp1252"))

    def case_charset_bom_vs_header(self, h: BaseHTTPRequestHandler) -> None:
        """A UTF-8 BOM and UTF-8 bytes; the header says ISO-8859-1 and <meta> windows-1251."""
        page = article_html(
            "Zürich Meet Story",
            head='<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">',
        )
        self.send(h, 200, b"\xef\xbb\xbf" + page.encode("utf-8"), "text/html; charset=iso-8859-1")

    def case_gzip_bomb(self, h: BaseHTTPRequestHandler) -> None:
        if self._bomb is None:
            self._bomb = gzip_bomb()
        self.send(h, 200, self._bomb, Content_Encoding="gzip")

    def case_redirect_loop(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 301, b"", Location="/case/loop-b")

    def case_redirect_chain(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 302, b"", Location="/case/chain/1")

    def case_redirect_offsite(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 302, b"", Location="http://offsite.invalid/landing")

    def case_status_500(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 500, b"<html><body>Internal Server Error</body></html>")

    def case_status_503_retry_after(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 503, b"<html><body>Busy</body></html>", Retry_After="1")

    def case_status_429_retry_after_long(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 429, b"<html><body>Slow down</body></html>", Retry_After="3600")

    def case_status_503_retry_after_superscript(self, h: BaseHTTPRequestHandler) -> None:
        """A Retry-After of "²" (sent as the latin-1 byte): a digit to str.isdigit(), no number."""
        self.send(h, 503, b"<html><body>Busy</body></html>", Retry_After="²")

    def case_meta_refresh_offsite(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 200, refresh("http://offsite.invalid/landing"))

    def case_meta_refresh_loop(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 200, refresh("/case/refresh-b"))

    def case_meta_refresh_self(self, h: BaseHTTPRequestHandler) -> None:
        """A live page reloading itself every 30 s: an article all the same."""
        head = '<meta http-equiv="refresh" content="30; url=/case/meta-refresh-self">'
        self.send(h, 200, article_html("Reloading Live Story", head=head).encode())

    def case_status_429(self, h: BaseHTTPRequestHandler) -> None:
        self.send(h, 429, b"<html><body>Slow down</body></html>")

    def case_timeout(self, h: BaseHTTPRequestHandler) -> None:
        self.stopping.wait(HANG_MAX)  # never answers (bounded)
        h.close_connection = True

    def case_drip(self, h: BaseHTTPRequestHandler) -> None:
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", "100000")
        h.end_headers()
        for _ in range(DRIP_MAX):
            if self.stopping.wait(1.0):
                break
            h.wfile.write(b"<")
            h.wfile.flush()
        h.close_connection = True

    def case_reset(self, h: BaseHTTPRequestHandler) -> None:
        """Headers and 1,000 of 50,000 bytes, then a TCP reset (SO_LINGER 0)."""
        h.send_response(200)
        h.send_header("Content-Type", "text/html; charset=utf-8")
        h.send_header("Content-Length", "50000")
        h.end_headers()
        h.wfile.write(article_html("Reset Story").encode()[:1000])
        h.wfile.flush()
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.connection.close()
        h.close_connection = True
