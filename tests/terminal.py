"""Run a real process on a pseudo-terminal (stdin, stdout and stderr all on it), as a person at a
terminal runs it: what it wrote there, in order, and its exit code."""

from __future__ import annotations

import os
import pty
import select
import signal
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

CLEAR_LINE = "\r\x1b[K"


@dataclass
class Screen:
    returncode: int
    output: str  # everything written to the terminal (the tty turns "\n" into "\r\n")

    @property
    def text(self) -> str:
        """The output with line ends as "\n" (the status line's clearing sequences kept)."""
        return self.output.replace("\r\n", "\n")


def run_on_terminal(
    args: list[str],
    cwd: Path,
    env: dict[str, str],
    timeout: float = 180,
    interrupt_at: str | None = None,
) -> Screen:
    """Run ``args`` on a new pseudo-terminal until it exits; with ``interrupt_at``, press Ctrl-C
    (SIGINT to the process) once that text has appeared."""
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            args, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave, close_fds=True
        )
    finally:
        os.close(slave)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if not ready:
                if proc.poll() is not None:
                    break
                continue
            try:
                chunk = os.read(master, 65536)
            except OSError:  # EIO: the process ended and its side of the terminal closed
                break
            if not chunk:
                break
            chunks.append(chunk)
            if interrupt_at and interrupt_at in b"".join(chunks).decode(errors="replace"):
                proc.send_signal(signal.SIGINT)
                interrupt_at = None
        else:
            proc.kill()
        returncode = proc.wait(timeout=30)
    finally:
        os.close(master)
    return Screen(returncode, b"".join(chunks).decode("utf-8", errors="replace"))
