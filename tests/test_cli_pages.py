"""`meetarchive meets NAME` and `meetarchive athlete NAME` on the archive of a real crawl of the
fixture site: one meet's results event by event, one athlete's bests and results, both with
--json; a one-line error for no match, the candidates and an error for several."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from scraper.cli import cli
from tests.fixture_archive import crawl_fixture_site


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli-pages") / "archive.db"
    crawl_fixture_site(path)
    return path


def run(archive: Path, *args: str):
    return CliRunner().invoke(cli, [*args, "--db", str(archive)])


def test_one_meet_prints_its_results_event_by_event(archive):
    out = run(archive, "meets", "pre", "classic", "2024")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0] == "2024-05-25  Prefontaine Classic (Hayward Field)  [meet 1]"
    heads = [ln for ln in lines if ln and not ln.startswith(" ") and "(Finals)" in ln]
    assert heads == [
        "Women 100 Meter Dash (Finals)  wind +1.2",
        "Men Long Jump (Finals)",
        "Women 4x100 Meter Relay (Finals)",
        "Men Bowerman Mile (Finals)",
    ]
    mile = lines[lines.index("Men Bowerman Mile (Finals)") + 1 :][:6]
    assert [ln.split()[0] for ln in mile] == ["1", "2", "3", "4", "5", "-"]
    assert mile[0].split()[-2:] == ["3:45.34", "NR"]  # the mark, then its flag
    assert mile[-1].split()[-1] == "DNF"
    relay = lines.index("Women 4x100 Meter Relay (Finals)")
    assert lines[relay + 2].strip() == (
        "Tamari Davis, Twanisha Terry, Gabby Thomas, Sha'Carri Richardson"
    )


def test_one_athlete_prints_bests_and_results(archive):
    out = run(archive, "athlete", "INGEBRIGTSEN,", "Jakob")
    assert out.exit_code == 0, out.output
    lines = out.output.splitlines()
    assert lines[0].startswith("Jakob Ingebrigtsen (M)")
    pb = lines[lines.index("Personal bests:") + 1].split()
    assert pb[:2] == ["mile", "3:43.73"]
    assert lines[lines.index("Season bests:") + 1].split() == [
        "mile",
        "2024",
        "3:45.60",
        "2023",
        "3:43.73",
    ]
    results = lines[lines.index("Results:") + 1 :][:2]
    assert results[0].startswith("  2024-05-25  Prefontaine Classic")
    assert results[1].startswith("  2023        Eugene Diamond League")


def test_json_out(archive):
    meets = json.loads(run(archive, "meets", "pre", "classic", "2024", "--json").output)
    assert [m["name"] for m in meets] == ["Prefontaine Classic"]
    assert [len(e["results"]) for e in meets[0]["events"]] == [3, 2, 2, 6]
    page = json.loads(run(archive, "athlete", "josh", "kerr", "--json").output)
    assert page["name"] == "Josh Kerr"
    assert page["bests"]["pb"]["mile"]["mark_raw"] == "3:45.34NR"
    assert [r["mark"] for r in page["results"]] == [225.34]
    assert page["article_count"] == 5


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["meets", "zzz"], 1, "Error: no meet matches 'zzz' (`meetarchive meets` lists all)"),
        (["meets", "pre"], 0, "2 meets match 'pre': add words or a year"),
        (["athlete", "nobody"], 1, "Error: no athlete matches 'nobody'"),
        (["athlete", "ja"], 1, "Error: 2 athletes match 'ja': pick one with --id (listed above)"),
        (["athlete", "--id", "999"], 1, "Error: no athlete 999"),
        (["athlete"], 2, "Error: give a NAME or --id"),
    ],
)
def test_no_match_or_several_say_so_in_one_line(archive, args, code, says):
    out = run(archive, *args)
    assert out.exit_code == code
    assert says in out.output
    assert "Traceback" not in out.output


def test_several_athletes_are_listed_with_their_ids(archive):
    out = run(archive, "athlete", "ja")
    listed = [ln for ln in out.output.splitlines() if ln.endswith("]")]
    assert [ln.split("[athlete ")[0].split(" (")[0] for ln in listed] == [
        "Jakob Ingebrigtsen",
        "Jake Wightman",
    ]


# ---- exports: one meet, one athlete, the athletes dataset ---------------------------------------


def test_a_meet_exports_as_a_workbook_with_a_sheet_per_event(archive, tmp_path):
    from openpyxl import load_workbook

    out = run(
        archive,
        "export",
        "meet",
        "pre",
        "classic",
        "2024",
        "--format",
        "xlsx",
        "-o",
        str(tmp_path / "pre.xlsx"),
    )
    assert out.exit_code == 0, out.output
    assert "13 result rows of Prefontaine Classic in 4 table(s)" in out.output
    book = load_workbook(tmp_path / "pre.xlsx", read_only=True)
    assert book.sheetnames == [
        "Women 100 Meter Dash (Finals)",
        "Men Long Jump (Finals)",
        "Women 4x100 Meter Relay (Finals",  # 31 characters at most
        "Men Bowerman Mile (Finals)",
    ]
    mile = [list(r) for r in book["Men Bowerman Mile (Finals)"].iter_rows(values_only=True)]
    header, *rows = mile
    column = {name: i for i, name in enumerate(header)}
    assert [r[column["place"]] for r in rows] == [1, 2, 3, 4, 5, None]
    assert rows[0][column["mark_raw"]] == "3:45.34NR"
    assert rows[0][column["mark"]] == pytest.approx(225.34)
    assert rows[0][column["flags"]] == "NR"
    assert rows[-1][column["status"]] == "DNF"
    relay = list(book["Women 4x100 Meter Relay (Finals"].iter_rows(values_only=True))
    assert relay[1][column["relay_members"]] == (
        "Tamari Davis, Twanisha Terry, Gabby Thomas, Sha'Carri Richardson"
    )


def test_a_meet_and_an_athlete_export_as_csv(archive, tmp_path):
    import csv

    assert (
        run(
            archive, "export", "meet", "1", "--format", "csv", "-o", str(tmp_path / "m.csv")
        ).exit_code
        == 0
    )
    with open(tmp_path / "m.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 13
    assert [r["event"] for r in rows][::4] == [
        "Women 100 Meter Dash",
        "Men Long Jump",
        "Men Bowerman Mile",
        "Men Bowerman Mile",
    ]
    assert (
        run(
            archive,
            "export",
            "athlete",
            "ingebrigtsen",
            "--format",
            "csv",
            "-o",
            str(tmp_path / "a.csv"),
        ).exit_code
        == 0
    )
    with open(tmp_path / "a.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [(r["date"], r["mark_raw"]) for r in rows] == [
        ("2023", "3:43.73"),
        ("2024-05-25", "3:45.60"),
    ]


def test_athletes_export_as_a_dataset_with_its_datapackage(archive, tmp_path):
    out = run(
        archive, "export", "athletes", "--format", "jsonl", "-o", str(tmp_path / "athletes.jsonl")
    )
    assert out.exit_code == 0, out.output
    rows = [json.loads(line) for line in (tmp_path / "athletes.jsonl").read_text().splitlines()]
    kerr = next(r for r in rows if r["name"] == "Josh Kerr")
    assert kerr["teams"] == ["Brooks Beasts", "Great Britain"]
    package = json.loads((tmp_path / "datapackage.json").read_text())
    (resource,) = package["resources"]
    fields = {f["name"]: f for f in resource["schema"]["fields"]}
    assert fields["teams"]["type"] == "array"
    assert fields["last_date"]["type"] == "date"
    assert resource["schema"]["primaryKey"] == "id"


@pytest.mark.parametrize(
    ("args", "code", "says"),
    [
        (["export", "meet", "pre", "--format", "xlsx"], 1, "2 meets match 'pre'"),
        (["export", "meet", "zzz", "--format", "csv"], 1, "Error: no meet matches 'zzz'"),
        (["export", "meet", "1", "--format", "parquet"], 2, "writes xlsx or csv, not parquet"),
        (["export", "meet", "--format", "csv"], 2, "export meet needs a NAME"),
        (["export", "articles", "kerr", "--format", "csv"], 2, "articles takes no NAME"),
        (["export", "results", "--format", "xlsx"], 2, "--format xlsx is for one meet"),
    ],
)
def test_an_export_that_cannot_run_says_why(archive, tmp_path, args, code, says):
    out = run(archive, *args, "-o", str(tmp_path / "out.file"))
    assert out.exit_code == code
    assert says in out.output
    assert not (tmp_path / "out.file").exists()
