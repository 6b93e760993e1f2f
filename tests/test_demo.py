"""`meetarchive demo`, run as a person runs it after the README's first command: the venv's
`meetarchive` on a terminal, the venv not activated (not on PATH). It crawls the bundled sample
into ./demo.db, says what it stored, and its closing hints work as printed."""

from __future__ import annotations

import os
import shlex
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines import db as schema
from scraper.cli.demo import FALLBACK_COMMAND, command_name
from tests.fixture_archive import free_port, wait_for
from tests.terminal import run_on_terminal
from tests.test_crawl import article_keys, crawl_env, expected_keys
from tests.test_crawllog import LOG_LINE

SCRIPT = Path(sys.executable).parent / "meetarchive"  # what `pip install -e .` put in the venv


@dataclass
class Demo:
    cwd: Path
    env: dict[str, str]
    returncode: int
    text: str
    real: Path  # the archive ARCHIVE_DB names, which the demo must leave alone


def without_venv(path: str) -> str:
    return os.pathsep.join(
        p for p in path.split(os.pathsep) if p and Path(p).resolve() != SCRIPT.parent.resolve()
    )


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Demo:
    assert SCRIPT.is_file(), f"{SCRIPT} missing: install the package (pip install -e .)"
    cwd = tmp_path_factory.mktemp("demo")
    real = cwd / "real.db"
    env = {**crawl_env(), "ARCHIVE_DB": str(real), "PATH": without_venv(os.environ["PATH"])}
    screen = run_on_terminal([str(SCRIPT), "demo"], cwd, env)
    return Demo(cwd, env, screen.returncode, screen.text, real)


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def hint_lines(text: str) -> list[str]:
    after = text.split("See them with:\n", 1)[1]
    return [line.strip() for line in after.splitlines() if line.startswith("  ")]


def run_shell(line: str, demo: Demo) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        line, shell=True, cwd=demo.cwd, env=demo.env, capture_output=True, text=True, timeout=120
    )


def test_demo_crawls_the_bundled_sample_into_its_own_archive_and_finds_the_seed(demo):
    """Into ./demo.db: never the real archive named by ARCHIVE_DB (the sample's keys look real)."""
    assert demo.returncode == 0, demo.text[-3000:]
    assert not demo.real.exists()
    assert "BUNDLED SAMPLE SITE" in demo.text
    assert "Josh Kerr Grabs Lead" in demo.text
    assert sorted(article_keys(demo.cwd / "demo.db")) == expected_keys()
    assert "challenge" not in demo.text.lower()


def test_demo_shows_no_log_on_the_terminal(demo):
    assert not LOG_LINE.search(demo.text)
    assert "Traceback" not in demo.text


def test_demo_says_how_many_articles_meets_and_result_rows_it_stored(demo):
    db = demo.cwd / "demo.db"
    meets, rows = count(db, schema.MEETS), count(db, schema.RESULTS)
    assert meets >= 1  # the sample has a meet with results files
    assert rows >= 10
    assert (
        f"demo.db now holds {count(db, schema.ARTICLES)} articles, {meets} meets and {rows} "
        f"result rows (from {count(db, schema.RESULT_DOCS)} results documents). "
        "See them with:"
    ) in demo.text


def test_the_search_shown_runs_as_printed(demo):
    [line] = [ln for ln in demo.text.splitlines() if ln.startswith("$ ")]
    done = run_shell(line[2:], demo)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("1. Josh Kerr Grabs Lead")
    assert "[British record]" in done.stdout


def test_the_closing_hints_run_as_printed_without_an_activated_venv(demo):
    db = demo.cwd / "demo.db"
    lines = hint_lines(demo.text)
    assert [shlex.split(ln, comments=True)[1] for ln in lines] == [
        "search",
        "meets",
        "stats",
        "serve",
    ]
    search, meets, stats = (run_shell(line, demo) for line in lines[:3])
    assert search.returncode == 0, search.stderr
    assert "Kerr" in search.stdout
    assert meets.returncode == 0, meets.stderr
    assert "Prefontaine Classic" in meets.stdout
    assert "result(s)" in meets.stdout
    assert stats.returncode == 0, stats.stderr
    assert f"meets:      {count(db, schema.MEETS)}\n" in stats.stdout


def test_the_serve_hint_serves_the_demo_archive(demo):
    """Run as printed, but on a free port: 8001 may be taken on a shared machine."""
    serve = shlex.split(hint_lines(demo.text)[3], comments=True)
    assert serve[1:] == ["serve", "--db", "demo.db"]
    port = free_port()
    log = demo.cwd / "serve.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [*serve, "--port", str(port)],
            cwd=demo.cwd,
            env=demo.env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for(f"http://127.0.0.1:{port}/demo/articles.json", proc, log)
        finally:
            proc.terminate()
            proc.wait(timeout=20)


# -- the command name in the hints ---------------------------------------------------------------
@pytest.fixture
def venv(tmp_path: Path) -> Path:
    """A venv's bin directory holding an executable `meetarchive` (and no Python)."""
    bin_dir = tmp_path / "project" / ".venv" / "bin"
    bin_dir.mkdir(parents=True)
    script = bin_dir / "meetarchive"
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    return bin_dir


def test_command_name_is_the_bare_name_when_path_finds_this_script(venv, monkeypatch):
    monkeypatch.setenv("PATH", str(venv))
    assert command_name(str(venv / "meetarchive"), "/usr/bin/python3") == "meetarchive"


def test_command_name_is_relative_under_the_current_directory(venv, monkeypatch):
    monkeypatch.setenv("PATH", "/nonexistent")
    monkeypatch.chdir(venv.parents[1])
    assert command_name(str(venv / "meetarchive"), "/usr/bin/python3") == ".venv/bin/meetarchive"
    monkeypatch.chdir(venv)
    assert command_name(str(venv / "meetarchive"), "/usr/bin/python3") == "./meetarchive"


def test_command_name_finds_the_script_beside_python_for_python_m(venv, monkeypatch, tmp_path):
    """`python -m scraper.cli demo`: argv[0] is cli.py; the venv's script is beside its python."""
    monkeypatch.setenv("PATH", "/nonexistent")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    assert command_name("/src/scraper/cli.py", str(venv / "python")) == str(venv / "meetarchive")


def test_command_name_quotes_a_path_with_spaces(tmp_path, monkeypatch):
    bin_dir = tmp_path / "my venv" / "bin"
    bin_dir.mkdir(parents=True)
    (bin_dir / "meetarchive").write_text("#!/bin/sh\n")
    (bin_dir / "meetarchive").chmod(0o755)
    monkeypatch.setenv("PATH", "/nonexistent")
    (tmp_path / "elsewhere").mkdir()
    monkeypatch.chdir(tmp_path / "elsewhere")
    name = command_name(str(bin_dir / "meetarchive"), "/usr/bin/python3")
    assert shlex.split(name) == [str(bin_dir / "meetarchive")]
    assert name != str(bin_dir / "meetarchive")


def test_command_name_falls_back_to_the_readme_form(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert command_name("/src/scraper/cli.py", str(tmp_path / "python")) == FALLBACK_COMMAND
