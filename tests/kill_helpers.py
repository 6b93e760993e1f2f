"""Killing a real ``meetarchive`` command at a chosen moment, for the kill tests of the commands
that write (``reparse``, ``export``, ``import-warc``; the crawl's are in tests/test_faults.py)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tests.hostile_report import REPO, crawl_env

KILLS = 20


@dataclass
class Killed:
    sig: int
    returncode: int
    stdout: str
    stderr: str
    landed: bool  # the signal reached the command while it ran (it had not finished)


def command(*args: str) -> list[str]:
    return [sys.executable, "-m", "scraper.cli", *args]


def holds_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open: the command is at work on it."""
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return False
    target = str(path.resolve())
    for fd in fds:
        try:
            if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                return True
        except OSError:
            continue
    return False


def wait_for(proc: subprocess.Popen[str], ready: Callable[[], bool], timeout: float) -> bool:
    """Poll ``ready`` every 5 ms while the process runs; False once it ended or timed out."""
    deadline = time.monotonic() + timeout
    while proc.poll() is None and time.monotonic() < deadline:
        if ready():
            return True
        time.sleep(0.005)
    return False


def run_and_kill(
    args: list[str], sig: int, ready: Callable[[subprocess.Popen[str]], bool], delay: float
) -> Killed:
    """Start ``meetarchive ARGS``, wait until ``ready(proc)``, then ``delay`` seconds, and send
    ``sig``; wait for the process to end."""
    proc = subprocess.Popen(
        command(*args),
        cwd=REPO,
        env=crawl_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    landed = False
    if wait_for(proc, lambda: ready(proc), timeout=120):
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(sig)
            landed = True
    out, err = proc.communicate(timeout=120)
    if sig == signal.SIGKILL and landed:
        landed = proc.returncode == -signal.SIGKILL
    return Killed(sig, proc.returncode, out, err, landed)


def one_line_interrupt(killed: Killed) -> list[str]:
    """What is wrong with how a command answered Ctrl-C (nothing: an empty list): no traceback,
    one line on stderr, exit code 130 (or 0: it finished before the signal)."""
    problems = []
    if "Traceback" in killed.stderr:
        problems.append("traceback: " + killed.stderr[-2000:])
    if killed.returncode not in (0, 130):
        problems.append(f"exit code {killed.returncode}")
    if killed.returncode == 130 and len(killed.stderr.strip().splitlines()) != 1:
        problems.append(f"not one line: {killed.stderr!r}")
    return problems
