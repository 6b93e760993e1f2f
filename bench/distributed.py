"""A crawl through Redis on one machine: pages/s with 1, 2 and 3 workers (``meetarchive crawl news
--redis``) and the store (``meetarchive store``), beside the single-process crawl, on the site of
bench/gensite.py (one host, robots.txt without delay); and the bytes that went through Redis per
page (Redis' own ``total_net_input_bytes`` + ``total_net_output_bytes``, read before and after).
Prints a table, asserts nothing.

Every crawl has bench/crawl.py's settings (16 requests at once, 16 per host, no delay, no
AutoThrottle) into a fresh archive; wall time is until the store (or the single crawl) exits, CPU
the sum of the children's user+sys. A Redis server of its own (no persistence) is started on a
free port; ``redis-server`` must be on PATH.

    python bench/distributed.py                  # 2,000 pages, 1 rep
    python bench/distributed.py --pages 5000 --reps 3
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import crawl as benchcrawl  # noqa: E402
import gensite as benchsite  # noqa: E402

PY = sys.executable
SETTINGS = [
    "-s", "CONCURRENT_REQUESTS=16", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=16",
    "-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False",
    "-s", "REDIS_MAX_HELD=16",
]  # fmt: skip


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def start_redis(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    import redis

    port = free_port()
    proc = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    client = redis.Redis(port=port)
    for _ in range(200):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    return proc, f"redis://127.0.0.1:{port}/0"


def redis_bytes(url: str) -> int:
    import redis

    info = redis.Redis.from_url(url).info("stats")
    return int(info["total_net_input_bytes"]) + int(info["total_net_output_bytes"])


def wait_all(procs: list[tuple[subprocess.Popen[str], Path]]) -> tuple[list[float], str]:
    """CPU s (user+sys) of each process, in order, and their logs."""
    cpu, logs = [], []
    for proc, log in procs:
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        cpu.append(usage.ru_utime + usage.ru_stime)
        logs.append(log.read_text(errors="replace"))
    return cpu, "\n".join(logs)


def spawn(cmd: list[str], log: Path) -> tuple[subprocess.Popen[str], Path]:
    out = log.open("w")
    proc = subprocess.Popen(
        cmd,
        cwd=ROOT,
        stdout=out,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    out.close()
    return proc, log


Run = tuple[float, float, float, int, int]


def run(kind: int, tmp: Path, rep: int, pages: int, url: str) -> Run:
    """(wall s, cpu s, the store's cpu s, pages stored, bytes through Redis) of one crawl: kind 0
    = the single process, else that many workers and the store."""
    db = tmp / f"{kind}-{rep}.db"
    sources = str(benchcrawl.sources_file(tmp, pages))
    news = [PY, "-m", "scraper.cli", "crawl", "news", "--sources", sources, "-a", "source=bench"]
    t0 = time.perf_counter()
    before = redis_bytes(url)
    if kind == 0:
        procs = [spawn([*news, "--db", str(db), *SETTINGS], tmp / f"{kind}-{rep}.log")]
    else:
        store = [PY, "-m", "scraper.cli", "store", "--redis", url, "--db", str(db)]
        procs = [spawn(store, tmp / f"{kind}-{rep}-store.log")]
        for w in range(kind):
            worker = [*news, "--redis", url, "--worker", f"w{w}", "--db", str(tmp / f"w{w}.db")]
            procs.append(spawn([*worker, *SETTINGS], tmp / f"{kind}-{rep}-w{w}.log"))
    cpu, logs = wait_all(procs)
    wall = time.perf_counter() - t0
    handled = re.search(r"pages handled:\s+(\d+)", logs)
    if handled is None:
        print(logs[-3000:], file=sys.stderr)
    stored = int(handled.group(1)) if handled else 0
    return wall, sum(cpu), cpu[0] if kind else 0.0, stored, redis_bytes(url) - before


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--pages", type=int, default=2000)
    ap.add_argument("--reps", type=int, default=1)
    ap.add_argument("--workers", default="0,1,2,3", help="0 = the single-process crawl")
    args = ap.parse_args()
    if shutil.which("redis-server") is None:
        print("redis-server is not on PATH (Debian: apt-get install redis-server)", file=sys.stderr)
        return 2
    kinds = [int(k) for k in args.workers.split(",")]
    server = benchsite.serve_in_child(args.pages)
    results: dict[int, list[Run]] = {k: [] for k in kinds}
    load0 = os.getloadavg()[0]
    try:
        with tempfile.TemporaryDirectory() as tmpdir:
            tmp = Path(tmpdir)
            redis_proc, url = start_redis(tmp)
            try:
                for rep in range(args.reps):  # interleaved: load spikes hit every setup alike
                    for kind in kinds:
                        results[kind].append(run(kind, tmp, rep, args.pages, url))
            finally:
                redis_proc.terminate()
                redis_proc.wait()
    finally:
        server.terminate()
        server.wait()
    print(
        f"{args.pages} pages, {args.reps} rep(s), {os.cpu_count()} cores, "
        f"load {load0:.1f} -> {os.getloadavg()[0]:.1f}"
    )
    print(
        f"{'setup':<30} {'pages/s':>8} {'CPU ms/page':>12} {'store ms/page':>14} {'pages':>6} "
        f"{'Redis B/page':>13}"
    )
    for kind, runs in results.items():
        name = "single process (crawl news)" if kind == 0 else f"{kind} worker(s) + store"
        rate = statistics.median(p / w for w, _, _, p, _ in runs if w)
        cpu = statistics.median(c / max(p, 1) * 1000 for _, c, _, p, _ in runs)
        store = statistics.median(c / max(p, 1) * 1000 for _, _, c, p, _ in runs)
        stored = min(p for _, _, _, p, _ in runs)
        per_page = statistics.median(b / max(p, 1) for _, _, _, p, b in runs) if kind else 0
        print(f"{name:<30} {rate:>8.1f} {cpu:>12.1f} {store:>14.1f} {stored:>6} {per_page:>13,.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
