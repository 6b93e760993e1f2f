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


def high_water_mb(pid: int) -> float | None:
    """The process's peak RSS so far (``VmHWM`` of /proc/PID/status), None once it is gone.

    ``wait4``'s ``ru_maxrss`` would do after the fact, but Linux carries the parent's RSS at fork
    over into the child's figure, so a child of a big pytest process would look as big."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except (OSError, ValueError):
        return None
    return None


def run_measured(args: list[str], workdir: Path, label: str, timeout: float = 180) -> Finished:
    """Run ``[python, -m, scraper.cli, *args]``, sampling its peak RSS every 20 ms while it runs
    (the high-water mark itself, so a short peak between two samples is not missed)."""
    out, err = workdir / f"{label}.out", workdir / f"{label}.err"
    start = time.monotonic()
    peak = 0.0
    with out.open("wb") as fo, err.open("wb") as fe:
        proc = subprocess.Popen(
            [sys.executable, "-m", "scraper.cli", *args],
            cwd=REPO,
            env=crawl_env(),
            stdout=fo,
            stderr=fe,
        )
        deadline = start + timeout
        while proc.poll() is None:
            peak = max(peak, high_water_mb(proc.pid) or 0.0)
            if time.monotonic() > deadline:
                proc.kill()
                proc.wait()
                break
            time.sleep(0.02)
    MEASURES.peak_rss_mb[label] = max(peak, MEASURES.peak_rss_mb.get(label, 0.0))
    return Finished(
        proc.returncode,
        out.read_text(errors="replace"),
        err.read_text(errors="replace"),
        peak,
        time.monotonic() - start,
    )
