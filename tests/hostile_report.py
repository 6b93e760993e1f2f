"""What the hostile and fault suites measured, for the summary tests/conftest.py prints at the end
of the run (cases tried and passed come from the test reports themselves)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
RSS_LIMIT_MB = 300


@dataclass
class Measures:
    peak_rss_mb: dict[str, float] = field(default_factory=dict)  # crawl label -> peak RSS
    notes: list[str] = field(default_factory=list)


MEASURES = Measures()


@dataclass
class Finished:
    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float
    seconds: float


def crawl_env() -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("ARCHIVE_DB", None)
    return env


def run_measured(args: list[str], workdir: Path, label: str, timeout: float = 180) -> Finished:
    """Run ``[python, -m, scraper.cli, *args]`` and measure its peak RSS (``wait4``)."""
    out, err = workdir / f"{label}.out", workdir / f"{label}.err"
    start = time.monotonic()
    with out.open("wb") as fo, err.open("wb") as fe:
        proc = subprocess.Popen([sys.executable, "-m", "scraper.cli", *args], cwd=REPO,
                                env=crawl_env(), stdout=fo, stderr=fe)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                break
            time.sleep(0.05)
    proc.returncode = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024  # KiB on Linux
    MEASURES.peak_rss_mb[label] = max(peak, MEASURES.peak_rss_mb.get(label, 0.0))
    return Finished(proc.returncode, out.read_text(errors="replace"),
                    err.read_text(errors="replace"), peak, time.monotonic() - start)
