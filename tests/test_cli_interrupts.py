"""Ctrl-C that lands while Python runs a finalizer (pyarrow's ParquetWriter has one) is kept: it
reaches the program again once the finalizer has returned, so a command stops with its one line
and exit code 130 (or, when its work was done by then, finishes with 0), never with Python's
"Exception ignored" traceback.

Where a real Ctrl-C lands is a matter of microseconds; here pyarrow's finalizer raises the
KeyboardInterrupt itself, as the signal does when it arrives there.
"""

from __future__ import annotations

import pyarrow.parquet as pq

from tests.test_cli import run_python
from tests.test_export_kill import add_articles

INTERRUPTED_FINALIZER = """
import sys
import pyarrow.parquet as pq

def interrupted(self):
    raise KeyboardInterrupt  # Ctrl-C arriving while the finalizer runs

pq.ParquetWriter.__del__ = interrupted
from scraper.cli import main
sys.argv = ["meetarchive", *sys.argv[1:]]
main()
"""


def test_ctrl_c_in_the_parquet_writers_finalizer_prints_no_traceback(tmp_path):
    db_path, out = tmp_path / "archive.db", tmp_path / "out" / "articles.parquet"
    add_articles(db_path, 0, 50)
    done = run_python(
        "-c", INTERRUPTED_FINALIZER, "export", "articles", "--db", str(db_path), "--format",
        "parquet", "-o", str(out),
    )  # fmt: skip
    assert "Traceback" not in done.stderr
    assert "Exception ignored" not in done.stderr
    if done.returncode == 130:
        assert done.stderr.startswith("Interrupted: "), done.stderr
        assert len(done.stderr.strip().splitlines()) == 1, done.stderr
    else:  # the writer is collected as the export returns: its work is done
        assert done.returncode == 0, done.stderr
        assert pq.read_table(out).num_rows == 50


def test_ctrl_c_in_any_finalizer_is_raised_again_where_the_program_runs():
    code = """
import time
from scraper.cli.interrupts import keep_interrupts_in_finalizers

class Finalized:
    def __del__(self):
        raise KeyboardInterrupt

keep_interrupts_in_finalizers()
try:
    Finalized()
    time.sleep(60)
    print("lost")
except KeyboardInterrupt:
    print("kept")
"""
    done = run_python("-c", code)
    assert done.stdout.strip() == "kept"
    assert done.stderr == ""


def test_other_errors_in_finalizers_are_reported_as_python_reports_them():
    code = """
from scraper.cli.interrupts import keep_interrupts_in_finalizers

class Finalized:
    def __del__(self):
        raise ValueError("broken finalizer")

keep_interrupts_in_finalizers()
Finalized()
print("carried on")
"""
    done = run_python("-c", code)
    assert done.stdout.strip() == "carried on"
    assert "Exception ignored in" in done.stderr
    assert "broken finalizer" in done.stderr
