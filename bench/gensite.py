# ruff: noqa: E501  (HTML templates)
"""A generated static news site for the crawl benchmarks, and a fast local server for it.

``generate(n)`` writes bench/out/site-<n>/ once: n article pages (site chrome: header, nav,
a "More news" sidebar of 10 links, share widgets, footer; OpenGraph and article meta; a byline and
a date; the body of a bench/synth.py article as paragraphs), listing pages of 25 articles with
rel=next pagination, a sitemap index with sitemaps of 5,000 URLs, and robots.txt with no delay.
Links are relative except in sitemaps (absolute, on ``BASE``, so the server listens on ``PORT``).

``serve(root)`` is a ThreadingHTTPServer whose handler answers from an in-memory dict of files
(bytes read once), so the server costs as little CPU per page as a Python server can.
"""

from __future__ import annotations

import html
import http.server
import subprocess
import sys
import threading
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import synth  # noqa: E402

PORT = 18765
BASE = f"http://127.0.0.1:{PORT}"
PER_LISTING = 25
PER_SITEMAP = 5000
OUT = ROOT / "bench" / "out"

CHROME_HEAD = """<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>{title} | Track Daily</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="/static/site.css"><link rel="canonical" href="{canonical}">
{meta}</head><body>
<header class="site-header"><a class="logo" href="/">Track Daily</a>
<nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news/page/1.html">News</a></li>
<li><a href="/news/page/2.html">More News</a></li><li><a href="/results.html">Results</a></li>
<li><a href="/about.html">About</a></li></ul></nav>
<form class="search" action="/search"><input name="q" placeholder="Search"></form></header>
<div class="ad ad-leaderboard">Advertisement</div>
<main>"""
CHROME_FOOT = """</main>
<footer class="site-footer"><p>&copy; 2026 Track Daily. All rights reserved.</p>
<ul><li><a href="/about.html">About us</a></li><li><a href="/about.html#contact">Contact</a></li>
<li><a href="/about.html#privacy">Privacy policy</a></li><li><a href="/about.html#terms">Terms</a></li></ul>
</footer></body></html>"""


def article_path(i: int) -> str:
    s = synth.article(i)
    return f"/news/{s.meet_year}/article-{i}.html"


def article_page(i: int, n: int, first: int = 0) -> str:
    s = synth.article(i)
    url = BASE + article_path(i)
    esc = html.escape
    meta = (
        f'<meta property="og:title" content="{esc(s.headline)}">\n'
        f'<meta property="og:type" content="article">\n'
        f'<meta property="og:description" content="{esc(s.dek)}">\n'
        f'<meta property="article:published_time" content="{s.published_at}">\n'
        f'<meta name="author" content="{esc(s.authors[0])}">\n'
    )
    span = n - first
    others = [first + (i - first + k * 7919) % span for k in range(1, 11)]
    more = "".join(
        f'<li><a href="{article_path(j)}">{esc(synth.article(j).headline)}</a></li>' for j in others
    )
    paras = "\n".join(f"<p>{esc(p)}</p>" for p in s.body.split("\n\n"))
    body = f"""<div class="layout"><article class="post">
<h1 class="entry-title">{esc(s.headline)}</h1>
<p class="dek">{esc(s.dek)}</p>
<div class="byline">By <a href="/about.html" rel="author">{esc(s.authors[0])}</a>
<time datetime="{s.published_at}">{s.published_at[:10]}</time></div>
<figure><img src="/static/photo-{i % 50}.jpg" alt=""><figcaption>Photo by John Nepolitan</figcaption></figure>
<div class="entry-content">
{paras}
</div>
<div class="share"><a href="https://twitter.com/share">Share on X</a> <a href="https://facebook.com/share">Facebook</a></div>
<div class="tags">Tags: <a href="/news/page/1.html">{esc(s.meet_name)}</a></div>
</article>
<aside class="sidebar"><h3>More news</h3><ul>{more}</ul>
<div class="ad ad-box">Advertisement</div><div class="newsletter">Sign up for our newsletter</div></aside>
</div>"""
    return CHROME_HEAD.format(title=esc(s.headline), canonical=url, meta=meta) + body + CHROME_FOOT


def listing_page(k: int, pages: int, n: int, first: int = 0) -> str:
    items = []  # lower ids are newer: page 1 lists ids first, first+1, ...
    for i in range(first + (k - 1) * PER_LISTING, min(first + k * PER_LISTING, n)):
        s = synth.article(i)
        items.append(
            f'<li class="story"><h2><a href="{article_path(i)}">{html.escape(s.headline)}'
            f"</a></h2><p>{html.escape(s.dek)}</p></li>"
        )
    nxt = f'<a rel="next" href="/news/page/{k + 1}.html">Older</a>' if k < pages else ""
    prev = f'<a rel="prev" href="/news/page/{k - 1}.html">Newer</a>' if k > 1 else ""
    return (
        CHROME_HEAD.format(title=f"News, page {k}", canonical=f"{BASE}/news/page/{k}.html", meta="")
        + f'<h1>News</h1><ul class="stories">{"".join(items)}</ul>'
        + f'<nav class="pagination">{prev} {nxt}</nav>'
        + CHROME_FOOT
    )


def generate(n: int, first: int = 0) -> Path:
    """The site of articles ``first`` .. ``n - 1`` (lower ids newer, listed first)."""
    root = OUT / (f"site-{n}" if not first else f"site-{first}-{n}")
    if (root / "robots.txt").exists():
        return root
    tmp = root.with_name(root.name + ".building")
    import shutil

    shutil.rmtree(tmp, ignore_errors=True)
    pages = (n - first + PER_LISTING - 1) // PER_LISTING
    files: dict[str, str] = {}
    for i in range(first, n):
        files[article_path(i)] = article_page(i, n, first)
    for k in range(1, pages + 1):
        files[f"/news/page/{k}.html"] = listing_page(k, pages, n, first)
    files["/index.html"] = listing_page(1, pages, n, first)
    files["/about.html"] = (
        CHROME_HEAD.format(title="About", canonical=BASE + "/about.html", meta="")
        + "<h1>About</h1>"
        + CHROME_FOOT
    )
    files["/results.html"] = (
        CHROME_HEAD.format(title="Results", canonical=BASE + "/results.html", meta="")
        + "<h1>Results</h1>"
        + CHROME_FOOT
    )
    maps = []
    for k, start in enumerate(range(first, n, PER_SITEMAP)):
        urls = "".join(
            f"<url><loc>{BASE}{article_path(i)}</loc></url>"
            for i in range(start, min(start + PER_SITEMAP, n))
        )
        files[f"/sitemap-{k}.xml"] = (
            '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns='
            f'"http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        )
        maps.append(f"<sitemap><loc>{BASE}/sitemap-{k}.xml</loc></sitemap>")
    files["/sitemap.xml"] = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns='
        f'"http://www.sitemaps.org/schemas/sitemap/0.9">{"".join(maps)}'
        "</sitemapindex>"
    )
    files["/robots.txt"] = f"User-agent: *\nAllow: /\n\nSitemap: {BASE}/sitemap.xml\n"
    for rel, text in files.items():
        path = tmp / rel.lstrip("/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    tmp.rename(root)
    return root


def load(root: Path) -> dict[str, tuple[bytes, str]]:
    types = {
        ".html": "text/html; charset=utf-8",
        ".xml": "application/xml",
        ".txt": "text/plain; charset=utf-8",
    }
    files = {}
    for path in root.rglob("*"):
        if path.is_file():
            rel = "/" + path.relative_to(root).as_posix()
            files[rel] = (path.read_bytes(), types.get(path.suffix, "application/octet-stream"))
    files["/"] = files["/index.html"]
    return files


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 256


def serve(
    root: Path, port: int = PORT, log: list[str] | None = None
) -> tuple[Server, threading.Thread]:
    """Serve ``root`` on 127.0.0.1; with ``log``, append each requested path to it."""
    files = load(root)

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body in two writes: no 40 ms ACK wait

        def do_GET(self) -> None:  # noqa: N802
            if log is not None:
                log.append(self.path)
            found = files.get(self.path.split("?", 1)[0])
            if found is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            body, ctype = found
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = Server(("127.0.0.1", port), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return server, thread


def serve_in_child(n: int) -> subprocess.Popen[str]:
    """The site of ``n`` articles, generated and served by a child process (on ``BASE``), once it
    says it is serving. Benchmarks that report a crawler's peak RSS serve from a child: Linux
    carries a process's RSS high-water mark across fork and exec, so a crawler spawned by the
    process holding the site would report at least that process's RSS as its own peak."""
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), str(n), "--serve"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith("serving"):
            return proc
    raise RuntimeError(f"bench/gensite.py {n} --serve ended without serving")


if __name__ == "__main__":  # python bench/gensite.py 10000 [--serve]
    site = generate(int(sys.argv[1]))
    print(site)
    if "--serve" in sys.argv:
        srv, th = serve(site)
        print(f"serving {site} on {BASE}", flush=True)
        th.join()
