"""`meetarchive extract`: files to JSON, and the JSONL worker contract of extract_eval.py."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

PAGE = """<!doctype html><html lang="en"><head><title>Kerr wins | Example News</title>
<meta property="og:title" content="Kerr wins the Bowerman Mile">
<meta property="article:published_time" content="2024-05-26T02:29:00-05:00">
<meta name="author" content="Lori Shontz"></head><body><article><h1>Kerr wins the Bowerman Mile</h1>
<p>Josh Kerr took the lead with 600 meters to go and held on to win the Bowerman Mile.</p>
<p>The Scot ran 3:45.34, a British record, ahead of Jakob Ingebrigtsen and a standout field.</p>
</article></body></html>"""


def run(args: list[str], stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "scraper.cli", "extract", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_extract_file_gives_json_with_signals(tmp_path):
    f = tmp_path / "kerr.html"
    f.write_text(PAGE, encoding="utf-8")
    proc = run([str(f), "--url", "https://news.example.org/kerr", "--explain"])
    assert proc.returncode == 0, proc.stderr
    rec = json.loads(proc.stdout)
    assert rec["title"] == "Kerr wins the Bowerman Mile"
    assert rec["authors"] == ["Lori Shontz"]
    assert rec["date"].startswith("2024-05-26T02:29:00")
    assert "British record" in rec["body"]
    assert rec["canonical_url"] == "https://news.example.org/kerr"
    assert rec["signals"]["published_raw"] == "meta:article:published_time"


def test_jsonl_one_line_per_input_in_order_errors_inline(tmp_path):
    good = tmp_path / "good.html"
    good.write_text(PAGE, encoding="utf-8")
    empty = tmp_path / "empty.html"
    empty.write_text("", encoding="utf-8")
    lines = [
        {"id": "a", "path": str(good), "url": "https://news.example.org/kerr"},
        {"id": "b", "path": str(tmp_path / "missing.html"), "url": None},
        {"id": "c", "path": str(empty), "url": None},
        {"id": "d", "path": str(good), "url": None},
    ]
    proc = run(["--jsonl"], "".join(json.dumps(x) + "\n" for x in lines))
    assert proc.returncode == 0, proc.stderr
    out = [json.loads(x) for x in proc.stdout.splitlines()]
    assert len(out) == 4
    assert out[0]["title"] == "Kerr wins the Bowerman Mile"
    assert out[3]["title"] == "Kerr wins the Bowerman Mile"
    for rec in out[1:3]:
        assert rec["_error"]
        assert rec["title"] is None
        assert rec["body"] is None
    assert all({"title", "authors", "date", "body"} <= rec.keys() for rec in out)


def test_cli_and_extract_path_stay_light():
    # the JSONL worker's wall time includes its imports: the extract path stays off Scrapy & co
    code = (
        "import sys, scraper.cli, scraper.cli.extract, tests.goldens; "
        "tests.goldens.extract('<p>' + 'word ' * 80 + '</p>', 'https://e.org/2024/05/26/a',"
        " '2026-11-24T05:00:00+00:00'); "
        "heavy = [m for m in ('scrapy', 'datasette', 'bs4', 'dateparser', 'trafilatura') "
        "if m in sys.modules]; print(heavy)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=True,
    )
    assert proc.stdout.strip() == "[]"


def test_explain_says_why_each_block_is_in_the_body_or_not(tmp_path):
    page = PAGE.replace(
        "</article>",
        "</article><div class='comments'><p>Great race, I watched it live from the stands and "
        "it was the best mile I have ever seen anywhere.</p></div>",
    )
    f = tmp_path / "kerr.html"
    f.write_text(page, encoding="utf-8")
    proc = run([str(f), "--url", "https://news.example.org/kerr", "--explain"])
    assert proc.returncode == 0, proc.stderr
    notes = json.loads(proc.stdout)["body_notes"]
    assert "dropped: named 'comments' [div.comments] Great race, I watched it live" in "\n".join(
        notes
    )
    assert any(n.startswith("kept: article container") and "[article]" in n for n in notes)
    assert any(n.startswith("kept: <p> text [p] Josh Kerr took the lead") for n in notes)
    assert any(n.startswith("dropped: the page's headline [h1]") for n in notes)
    assert notes[-1].startswith("body from: ")
    # without --explain: no notes
    plain = json.loads(run([str(f), "--url", "https://news.example.org/kerr"]).stdout)
    assert "body_notes" not in plain
