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
    assert mile[0].split()[-1] == "NR"
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
