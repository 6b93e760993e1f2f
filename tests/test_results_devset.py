"""Quality floor on ../shared/data/results-dev, scored by ../shared/tools/results_eval.py
(skips when the shared data is absent).  Speed is measured by bench/results.py, never here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
HARNESS = SHARED / "tools" / "results_eval.py"
DEV = SHARED / "data" / "results-dev"


@pytest.fixture(scope="module")
def scores(tmp_path_factory):
    if not (HARNESS.exists() and DEV.is_dir()):
        pytest.skip("../shared results harness or dev set is absent")
    out = tmp_path_factory.mktemp("eval") / "results.json"
    cmd = f"{sys.executable} -m scraper.cli results"
    proc = subprocess.run(
        [sys.executable, str(HARNESS), str(DEV), "-p", f"cmd:{cmd}", "--out", str(out)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    return next(iter(data["datasets"]["results-dev"]["results"].values()))


def test_no_document_fails(scores):
    assert scores["errors"] == 0
    assert scores["schema_issues"] == 0


def test_athlete_rows_f1(scores):
    assert scores["rows"]["micro"]["f1"] >= 0.98
    for doc in scores["per_doc"]:
        assert doc["rows"]["f1"] >= 0.95, doc["id"]


@pytest.mark.parametrize("field", ["place", "team", "year", "wind", "section"])
def test_matched_row_fields(scores, field):
    assert scores["rows"]["micro"]["fields"][field]["acc"] >= 0.98


def test_team_score_rows_f1(scores):
    assert scores["team_rows"]["micro"]["f1"] >= 0.95


def test_relay_members_f1(scores):
    relay = scores["rows"]["micro"]["relay_members"]
    assert relay["n"] > 0
    assert relay["f1"] >= 0.95
