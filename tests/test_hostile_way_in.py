"""Hostile world, second round: no way in.

* No crawl listens on any port: Scrapy's telnet console and its remote-control HTTP endpoint
  (code execution for whoever holds the token of its job file, on by default since Scrapy 2.19)
  are off, and no job file is written.
* DNS rebinding: a name answering a public address to the guard's lookup and 127.0.0.1 to the
  connection's (``tests/dns_rebinding.py``, installed as the crawl's resolver) never reaches the
  local server: the refusal is a recorded reject naming the address.
(Meta refresh to another host and refresh loops: cases of tests/test_hostile.py.)
"""

from __future__ import annotations

import os
import signal
import sqlite3
import time
from pathlib import Path

from tests.hostile_report import run_measured
from tests.route_server import RouteServer, listing, text
from tests.test_hostile_crawl import STORIES, crawl_args, finish, site, start, wait_for


def socket_inodes(pid: int) -> set[str]:
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:[") : -1])
    return inodes


def listening_ports(pid: int) -> list[int]:
    """TCP ports the process ``pid`` listens on (state 0A in /proc/PID/net/tcp{,6})."""
    mine = socket_inodes(pid)
    ports = []
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            if fields[3] == "0A" and fields[9] in mine:
                ports.append(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


def test_a_crawl_opens_no_port_and_writes_no_remote_control_job_file(tmp_path):
    state = tmp_path / "state"
    env = {"XDG_STATE_HOME": str(state), "HOME": str(tmp_path / "home")}
    with RouteServer(site("Crawl-delay: 200")) as server:
        proc = start(crawl_args(tmp_path, server, "-v"), tmp_path, env)
        wait_for(lambda: server.seen("/robots.txt"))
        time.sleep(1.0)  # the engine and every extension started
        ports = listening_ports(proc.pid)
        proc.send_signal(signal.SIGTERM)
        finish(proc, 30)
    assert ports == []
    assert not [p for p in state.rglob("*") if p.is_file()]
    log = (tmp_path / "err.txt").read_text()
    enabled = log.split("Enabled extensions:", 1)[1].split("]", 1)[0]
    assert "scrapy.extensions.corestats.CoreStats" in enabled
    assert "RemoteControl" not in enabled
    assert "TelnetConsole" not in enabled


def test_dns_rebinding_never_reaches_the_private_address(tmp_path, monkeypatch):
    """The start host is a name (rebind.test, not a local address written as such): its first
    answer (to the guard) is public, every later one 127.0.0.1. The robots.txt request is refused
    by the guard, the page's connection by the checked resolver: both recorded, nothing reaches
    the server on 127.0.0.1."""
    routes = {"/": listing(*STORIES), "/robots.txt": text("User-agent: *\nAllow: /\n")}
    monkeypatch.setenv("REBIND_LOG", str(tmp_path / "dns.log"))
    with RouteServer(routes) as server:
        sources = tmp_path / "sources.toml"
        sources.write_text(
            f'[sources.rb]\nstart_urls = ["{server.url("/", host="rebind.test")}"]\n'
            "robots_sitemaps = false\ndelay = 0\n"
        )
        done = run_measured(
            [
                "crawl",
                "news",
                "--db",
                str(tmp_path / "archive.db"),
                "--sources",
                str(sources),
                "-s",
                "TWISTED_DNS_RESOLVER=tests.dns_rebinding.RebindingResolver",
                "-v",
            ],
            tmp_path,
            "dns-rebinding",
            60,
        )
        reached = list(server.log)
    asked = (tmp_path / "dns.log").read_text().splitlines()
    assert asked[0] == "rebind.test 93.184.216.34"  # the guard's lookup
    assert "rebind.test 127.0.0.1" in asked[1:]  # the connection's
    assert reached == [], "the private server was reached"
    assert done.returncode == 1, done.stdout + done.stderr
    assert "Traceback" not in done.stderr
    conn = sqlite3.connect(tmp_path / "archive.db")
    [(url, reason, detail)] = conn.execute("SELECT url, reason, detail FROM rejects").fetchall()
    assert url == server.url("/", host="rebind.test")
    assert reason == "fetch error"
    assert "rebind.test resolves to the non-public address 127.0.0.1 on connecting" in detail
