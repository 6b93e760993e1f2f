"""`meetarchive export`: every dataset in every format round-trips against the archive's rows;
datapackage.json describes every field; filters are parameters; --since-last exports changes only.

The archive is written by the real item pipelines (real Articles through every stage).
"""

from __future__ import annotations

import csv
import json
import sqlite3
import subprocess
import sys
from datetime import UTC, date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipelines import export as ex
from pipelines.export.datasets import Dataset, build_query
from scraper.cli import cli
from tests.archive_helpers import (
    CANONICAL,
    T1,
    T2,
    URL,
    article,
    build_stages,
    crawled,
    make_crawler,
    run_stages,
)
from tests.fixture_archive import crawl_fixture_site

BODIES = [
    'First paragraph, with a comma and "quotes".\n\nSecond paragraph: Kerr 3:45.34.',
    "Text with <script>alert('x')</script> and <b>tags</b> as plain text.\n\nÅ, é, ü – “curly”.",
    "One line\r\nwith a carriage return, and a trailing space ",
]
ARTICLES = [
    dict(
        headline="Kerr Wins The Bowerman Mile",
        meet_name="Prefontaine Classic",
        meet_year=2024,
        published_at="2024-05-25T21:29:00-05:00",
        body=BODIES[0],
    ),
    dict(
        headline="Headline With <i>markup</i>",
        meet_name="Drake Relays",
        meet_year=2024,
        published_raw="April 27, 2024 10:00 AM",
        body=BODIES[1],
        authors=["A", "B C"],
    ),
    dict(
        headline="No Meet, No Date",
        meet_name=None,
        meet_year=None,
        published_at=None,
        published_raw=None,
        body=BODIES[2],
        authors=[],
        tags=[],
    ),
    dict(
        headline="Older Prefontaine",
        meet_name="Prefontaine Classic",
        meet_year=2023,
        published_raw="September 16, 2023 3:00 PM",
        body="Body of 2023.",
        photo_credit="J. N.",
    ),
]


def store(db_path: Path, items: list[tuple[dict, str]]) -> None:
    """Run articles through the real pipeline stages: (changes, fetched_at) each."""
    crawler = make_crawler(db_path)
    stages = build_stages(crawler)
    try:
        for i, (changes, fetched_at) in enumerate(items):
            n = changes.pop("n", i)
            art = article(
                canonical_url=f"{CANONICAL}{n}", url=f"{URL}{n}", fetched_at=fetched_at, **changes
            )
            result = run_stages(
                stages,
                crawled(art, url=f"{URL}{n}", body=f"<html>{n} {fetched_at}</html>".encode()),
            )
            assert result.reject is None, result.reject_detail
    finally:
        stages[-1].close_spider()


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    path = tmp_path / "archive.db"
    store(path, [(dict(a), T1) for a in ARTICLES])
    return path


def archive_rows(path: Path, table: str = "articles") -> list[dict]:
    conn = sqlite3.connect(path)
    conn.row_factory = sqlite3.Row
    try:
        names = [r[1] for r in conn.execute(f"PRAGMA table_xinfo({table})")]
        return [
            dict(zip(names, row, strict=True))
            for row in conn.execute(f"SELECT {', '.join(names)} FROM {table} ORDER BY rowid")
        ]
    finally:
        conn.close()


def run_export(*args: str) -> str:
    result = CliRunner().invoke(cli, ["export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


def package_fields(out: Path) -> list[dict]:
    package = json.loads((out.parent / "datapackage.json").read_text())
    (resource,) = [r for r in package["resources"] if r["path"] == out.name]
    return resource["schema"]["fields"]


# ---- round trips: every dataset in every format, from a real crawl of the fixture site --------

DATASETS = {"articles": "articles", "results": "results", "meets": "meets"}  # dataset -> table
ARROW_TYPES = {
    "integer": pa.int64(),
    "number": pa.float64(),
    "string": pa.string(),
    "datetime": pa.timestamp("us", tz="UTC"),
    "date": pa.date32(),
}


@pytest.fixture(scope="module")
def crawled_archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("crawled") / "archive.db"
    crawl_fixture_site(db)
    return db


def is_json(f: dict) -> bool:
    return f["type"] in ("array", "object", "any")


def declared_arrow_type(f: dict) -> pa.DataType:
    if f.get("arrayItem") == {"type": "string"}:
        return pa.list_(pa.string())
    return ARROW_TYPES.get(f["type"], pa.string())


def as_utc(value: str | None) -> datetime | None:
    return None if value is None else datetime.fromisoformat(value).astimezone(UTC)


def exported(archive: Path, tmp_path: Path, dataset: str, fmt: str) -> tuple[Path, list[dict]]:
    out = tmp_path / f"{dataset}.{fmt}"
    run_export(dataset, "--db", str(archive), "--format", fmt, "-o", str(out))
    return out, package_fields(out)


@pytest.mark.parametrize("dataset", DATASETS)
def test_the_fixture_crawl_has_rows_in_every_dataset(crawled_archive: Path, dataset: str):
    assert len(archive_rows(crawled_archive, DATASETS[dataset])) >= 2


@pytest.mark.parametrize("dataset", DATASETS)
def test_csv_round_trips(crawled_archive: Path, tmp_path: Path, dataset: str):
    out, _ = exported(crawled_archive, tmp_path, dataset, "csv")
    with out.open(newline="", encoding="utf-8") as fh:
        got = list(csv.DictReader(fh))
    want = [
        {k: "" if v is None else str(v) for k, v in row.items()}
        for row in archive_rows(crawled_archive, DATASETS[dataset])
    ]
    assert got == want


@pytest.mark.parametrize("dataset", DATASETS)
def test_jsonl_round_trips(crawled_archive: Path, tmp_path: Path, dataset: str):
    out, fields = exported(crawled_archive, tmp_path, dataset, "jsonl")
    got = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    want = archive_rows(crawled_archive, DATASETS[dataset])
    for row in want:
        for f in fields:
            if is_json(f) and row[f["name"]] is not None:
                row[f["name"]] = json.loads(row[f["name"]])
    assert got == want


@pytest.mark.parametrize("dataset", DATASETS)
def test_parquet_reads_back_with_the_declared_types(
    crawled_archive: Path, tmp_path: Path, dataset: str
):
    out, fields = exported(crawled_archive, tmp_path, dataset, "parquet")
    table = pq.read_table(out)
    assert table.schema.names == [f["name"] for f in fields]
    for f in fields:
        assert table.schema.field(f["name"]).type == declared_arrow_type(f), f["name"]
    got = table.to_pylist()
    want = archive_rows(crawled_archive, DATASETS[dataset])
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        for f in fields:
            name, value = f["name"], w[f["name"]]
            if value is not None and f["type"] == "datetime":
                value = as_utc(value)
            elif value is not None and f["type"] == "date":
                value = date.fromisoformat(value)
            elif value is not None and declared_arrow_type(f) == pa.list_(pa.string()):
                value = json.loads(value)
            assert g[name] == value, name


def test_text_survives_every_format(archive: Path, tmp_path: Path):
    """Commas, quotes, newlines, CR LF, markup and non-ASCII text come back exactly."""
    bodies = {r["body"] for r in archive_rows(archive)}
    assert any('"' in b and "," in b and "\n" in b for b in bodies)
    assert any("<script>" in b and "“" in b for b in bodies)
    for fmt in ("csv", "jsonl", "parquet"):
        out = tmp_path / f"articles.{fmt}"
        run_export("articles", "--db", str(archive), "--format", fmt, "-o", str(out))
        if fmt == "csv":
            with out.open(newline="", encoding="utf-8") as fh:
                got = {r["body"] for r in csv.DictReader(fh)}
        elif fmt == "jsonl":
            got = {json.loads(line)["body"] for line in out.read_text().splitlines()}
        else:
            got = set(pq.read_table(out).column("body").to_pylist())
        assert got == bodies, fmt


def test_the_datapackage_describes_every_column(archive: Path, tmp_path: Path):
    out = tmp_path / "articles.csv"
    run_export("articles", "--db", str(archive), "--format", "csv", "-o", str(out))
    run_export(
        "articles",
        "--db",
        str(archive),
        "--format",
        "jsonl",
        "-o",
        str(tmp_path / "articles.jsonl"),
    )
    package = json.loads((tmp_path / "datapackage.json").read_text())
    assert package["profile"] == "data-package"
    assert [r["path"] for r in package["resources"]] == ["articles.csv", "articles.jsonl"]
    fields = {f["name"]: f["type"] for f in package_fields(out)}
    assert list(fields) == list(archive_rows(archive)[0])
    assert fields["id"] == "integer"
    assert fields["headline"] == "string"
    assert fields["published_at"] == "datetime"
    assert fields["authors"] == "array"
    assert fields["year"] == "integer"
    resource = package["resources"][0]
    assert resource["schema"]["primaryKey"] == "id"
    assert resource["profile"] == "tabular-data-resource"


# ---- filters ------------------------------------------------------------------------------------


def exported_headlines(archive: Path, tmp_path: Path, *filters: str) -> list[str]:
    out = tmp_path / "filtered.jsonl"
    run_export("articles", "--db", str(archive), "--format", "jsonl", "-o", str(out), *filters)
    return sorted(json.loads(line)["headline"] for line in out.read_text().splitlines())


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (("--since", "2024-05-01"), ["Kerr Wins The Bowerman Mile"]),
        (("--until", "2024-04-27"), ["Headline With <i>markup</i>", "Older Prefontaine"]),
        (
            ("--since", "2024-01-01", "--until", "2024-12-31"),
            ["Headline With <i>markup</i>", "Kerr Wins The Bowerman Mile"],
        ),
        (("--meet", "prefontaine"), ["Kerr Wins The Bowerman Mile", "Older Prefontaine"]),
        (("--meet", "Prefontaine", "--since", "2024-01-01"), ["Kerr Wins The Bowerman Mile"]),
        (("--source", "runnerspace", "--meet", "drake"), ["Headline With <i>markup</i>"]),
        (("--source", "elsewhere"), []),
    ],
    ids=[
        "since",
        "until-whole-day",
        "since-until",
        "meet-substring",
        "meet-and-since",
        "source-and-meet",
        "unknown-source",
    ],
)
def test_filters(archive: Path, tmp_path: Path, filters: tuple[str, ...], expected: list[str]):
    assert exported_headlines(archive, tmp_path, *filters) == expected


@pytest.mark.parametrize(
    "text",
    [
        "%",
        "_",
        "' OR 1=1 --",
        '" OR ""="',
        "Prefontaine'; DROP TABLE articles; --",
        "\\",
        "%Classic%' UNION SELECT * FROM pages --",
    ],
)
def test_filter_text_is_a_parameter_never_sql(archive: Path, tmp_path: Path, text: str):
    assert exported_headlines(archive, tmp_path, "--meet", text) == []
    assert exported_headlines(archive, tmp_path, "--source", text) == []
    assert len(archive_rows(archive)) == len(ARTICLES)


# ---- --since-last -------------------------------------------------------------------------------


def read_rows(out: Path, fmt: str) -> list[dict]:
    if fmt == "csv":
        with out.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    if fmt == "jsonl":
        return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    return pq.read_table(out).to_pylist()


def recrawl(archive: Path) -> None:
    """A re-crawl: one article unchanged (only last_seen moves), one changed, one new."""
    store(
        archive,
        [
            (dict(ARTICLES[0], n=0), T2),
            (dict(ARTICLES[1], n=1, headline="A Changed Headline"), T2),
            (dict(ARTICLES[3], n=9, headline="A New Article"), T2),
        ],
    )


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_since_last_appends_only_new_and_changed_rows(archive: Path, tmp_path: Path, fmt: str):
    out = tmp_path / f"delta.{fmt}"
    args = ("articles", "--db", str(archive), "--format", fmt, "-o", str(out), "--since-last")
    run_export(*args)
    first = [r["headline"] for r in read_rows(out, fmt)]
    assert first == [a["headline"] for a in ARTICLES]
    recrawl(archive)
    output = run_export(*args)
    assert "2 new or changed articles rows added" in output
    assert "it held 4, 3 unchanged rows not repeated" in output
    assert [r["headline"] for r in read_rows(out, fmt)] == [
        *first,
        "A Changed Headline",
        "A New Article",
    ]
    before = out.read_bytes()
    output = run_export(*args)  # nothing changed since: the file keeps every row
    assert "0 new or changed articles rows added" in output
    assert len(read_rows(out, fmt)) == 6
    if fmt != "parquet":  # (a Parquet file is rewritten: same rows, its own metadata)
        assert out.read_bytes() == before
    (resource,) = json.loads((tmp_path / "datapackage.json").read_text())["resources"]
    assert resource["x_rows"] == 6


def test_export_state_lives_in_the_archive_not_beside_the_data(archive: Path, tmp_path: Path):
    out = tmp_path / "out" / "articles.jsonl"
    for extra in ((), ("--since-last",)):
        run_export("articles", "--db", str(archive), "--format", "jsonl", "-o", str(out), *extra)
    assert sorted(p.name for p in out.parent.iterdir()) == ["articles.jsonl", "datapackage.json"]
    (record,) = archive_rows(archive, "exports")
    assert (record["path"], record["dataset"], record["rows"]) == (
        str(out.resolve()),
        "articles",
        4,
    )
    conn = sqlite3.connect(archive)
    try:
        assert conn.execute("SELECT count(*) FROM export_rows").fetchone() == (4,)
    finally:
        conn.close()


def test_a_plain_export_replaces_the_file_and_forgets_the_record(archive: Path, tmp_path: Path):
    out = tmp_path / "articles.jsonl"
    args = ("articles", "--db", str(archive), "--format", "jsonl", "-o", str(out))
    run_export(*args, "--since-last")
    run_export(*args)
    assert archive_rows(archive, "exports") == []
    recrawl(archive)
    run_export(*args, "--since-last")  # no record: every row, written anew
    assert len(read_rows(out, "jsonl")) == 5


def test_an_export_of_other_columns_starts_the_file_again(archive: Path, tmp_path: Path):
    """A file whose columns differ (an older version's export, a hand-edited header) is never
    appended to: the export writes every row anew."""
    out = tmp_path / "articles.csv"
    args = ("articles", "--db", str(archive), "--format", "csv", "-o", str(out), "--since-last")
    run_export(*args)
    text = out.read_text(encoding="utf-8")
    out.write_text(text.replace("headline", "title", 1), encoding="utf-8")
    recrawl(archive)
    run_export(*args)
    assert [r["headline"] for r in read_rows(out, "csv")][-1] == "A New Article"
    assert len(read_rows(out, "csv")) == 5


def test_since_last_into_a_file_of_another_dataset_is_refused(archive: Path, tmp_path: Path):
    out = tmp_path / "data.jsonl"
    run_export(
        "articles", "--db", str(archive), "--format", "jsonl", "-o", str(out), "--since-last"
    )
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "meets",
            "--db",
            str(archive),
            "--format",
            "jsonl",
            "-o",
            str(out),
            "--since-last",
        ],
    )
    assert result.exit_code == 1
    assert "holds a jsonl export of articles" in result.output
    assert len(read_rows(out, "jsonl")) == 4


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("--since", "garbage"),
        ("--until", "2024-13-01"),
        ("--since", "yesterday"),
        ("--until", "2024-02-30"),
        ("--since", "24-05-01"),
    ],
)
def test_an_unreadable_date_is_a_usage_error_naming_it(
    archive: Path, tmp_path: Path, option: str, value: str
):
    out = tmp_path / "x.csv"
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "articles",
            "--db",
            str(archive),
            "--format",
            "csv",
            "-o",
            str(out),
            option,
            value,
        ],
    )
    assert result.exit_code == 2
    assert f"Invalid value for '{option}': {value!r} is not a date" in result.output
    assert not out.exists()


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2024", "2024"),
        ("2024-05", "2024-05"),
        ("2024-05-01", "2024-05-01"),
        (" 2024-05-01 ", "2024-05-01"),
        ("2024-05-01T18:00", "2024-05-01T18:00:00"),
        ("2024-05-01 18:00:30Z", "2024-05-01T18:00:30+00:00"),
    ],
)
def test_date_bounds(value: str, expected: str):
    assert ex.date_bound(value) == expected


def test_a_filter_on_a_column_the_table_lacks_is_refused():
    dataset = Dataset("articles", "articles", date_column="no_such_column")
    with pytest.raises(ex.ExportError, match="--since is not available for articles"):
        build_query(dataset, [], ex.Filters(since="2024"), {"id", "published_at"})


# ---- results and meets --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (("--meet", "prefontaine"), 1),
        (("--source", "runnerspace"), 1),
        (("--meet", "no such meet"), 0),
    ],
    ids=["meet", "source", "no-meet"],
)
def test_results_filters(
    crawled_archive: Path, tmp_path: Path, filters: tuple[str, ...], expected: int
):
    out = tmp_path / "results.jsonl"
    run_export(
        "results", "--db", str(crawled_archive), "--format", "jsonl", "-o", str(out), *filters
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert bool(rows) == bool(expected)
    assert all("prefontaine" in r["meet_name"].lower() for r in rows if "--meet" in filters)


def test_the_cli_stays_import_light():
    """datasette and pyarrow load only inside `serve` and Parquet exports."""
    code = (
        "import sys, scraper.cli, pipelines.export; "
        "print(sorted(m for m in ('datasette', 'pyarrow') if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert out.stdout.strip() == "[]"


def test_a_missing_archive_is_a_clear_message(tmp_path: Path):
    result = CliRunner().invoke(
        cli,
        [
            "export",
            "articles",
            "--db",
            str(tmp_path / "none.db"),
            "--format",
            "csv",
            "-o",
            str(tmp_path / "x.csv"),
        ],
    )
    assert result.exit_code == 1
    assert "no archive at" in result.output
