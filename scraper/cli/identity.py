"""The commands on meets and athletes as entities: ``meets`` (a meet's results and articles;
merging and splitting meets) and ``athletes`` (finding athletes, the links to review, saying
that two rows are or are not one person). Corrections are recorded as overrides, applied at once
and honoured by every later ``meetarchive reparse``."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import click

from scraper.cli.options import db_option, existing_archive, reading, say, say_json, writing


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _correct(db: str | None, fix: Any) -> Any:
    """Run one correction in a write transaction; its error as one line."""
    from pipelines.db import open_db, write_transaction
    from pipelines.linking.overrides import OverrideError

    existing_archive(db)
    with open_db(writing(db)) as archive, write_transaction(archive):
        try:
            return fix(archive)
        except OverrideError as exc:
            raise click.ClickException(str(exc)) from None


def _forget(db: str | None, kind: str, override_id: int) -> None:
    from pipelines.linking.overrides import forget

    if not _correct(db, lambda archive: forget(archive, kind, override_id)):
        raise click.ClickException(f"no {kind} override {override_id}")
    click.echo(f"{kind} override {override_id} forgotten: it stops applying at the next reparse")


def _echo(found: Any, as_json: bool, text: str) -> None:
    """JSON or text out; crawled strings shown, never obeyed, on a terminal."""
    if as_json:
        say_json(found)
    else:
        say(text)


@click.command()
@click.argument("query", nargs=-1)
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON out.")
@click.option(
    "--merge",
    nargs=2,
    type=int,
    metavar="KEEP OTHER",
    help="Meet OTHER is meet KEEP: its documents move there (recorded, kept by reparse).",
)
@click.option(
    "--split",
    type=int,
    metavar="DOCUMENT",
    help="Results document DOCUMENT is not of its meet: it gets a meet of its own (recorded).",
)
@click.option("--overrides", is_flag=True, help="List the merges and splits recorded.")
@click.option("--forget", type=int, metavar="ID", help="Forget meet override ID.")
def meets(
    query: tuple[str, ...],
    db: str | None,
    as_json: bool,
    merge: tuple[int, int] | None,
    split: int | None,
    overrides: bool,
    forget: int | None,
) -> None:
    """Meets in the archive (whose name holds every word of QUERY; a word may be the start of
    one): their events with the results, counted once however many documents print them, the
    documents they come from and the articles covering them."""
    from pipelines.db import format_meets, meet_overrides, meets_overview
    from pipelines.linking import overrides as fix

    if merge:
        n = _correct(db, lambda archive: fix.merge_meets(archive, merge[0], merge[1], _now()))
        click.echo(f"meet {merge[1]} merged into meet {merge[0]} ({n} override(s) recorded)")
    elif split is not None:
        new = _correct(db, lambda archive: fix.split_document(archive, split, _now()))
        click.echo(f"document {split} is now meet {new}")
    elif forget is not None:
        _forget(db, "meet", forget)
    elif overrides:
        with reading(db) as archive:
            found = meet_overrides(archive)
        text = "\n".join(
            f"{o['id']}: {o['document_a']} {'=' if o['same'] else '!='} {o['document_b']}"
            for o in found
        )
        _echo(found, as_json, text or "No meet overrides.")
    else:
        with reading(db) as archive:
            found = meets_overview(archive, " ".join(query) or None)
        _echo(found, as_json, format_meets(found))


@click.command()
@click.argument("query", nargs=-1)
@db_option
@click.option("--json", "as_json", is_flag=True, help="JSON out.")
@click.option("--review", is_flag=True, help="Links to check, least sure first.")
@click.option("--same", nargs=2, type=int, metavar="ROW ROW", help="Two result rows: one person.")
@click.option(
    "--different", nargs=2, type=int, metavar="ROW ROW", help="Two result rows: two people."
)
@click.option("--overrides", is_flag=True, help="List the corrections recorded.")
@click.option("--forget", type=int, metavar="ID", help="Forget athlete override ID.")
def athletes(
    query: tuple[str, ...],
    db: str | None,
    as_json: bool,
    review: bool,
    same: tuple[int, int] | None,
    different: tuple[int, int] | None,
    overrides: bool,
    forget: int | None,
) -> None:
    """Athletes whose name holds every word of QUERY, and the identity links: --review lists
    the uncertain ones (result row, athlete, confidence, signals); --same / --different record
    that two result rows (ids as in `--review` and Datasette) are or are not one person."""
    from pipelines.db import athlete_overrides, review_links
    from pipelines.db.views import find_athletes
    from pipelines.linking import overrides as fix

    if same:
        kept = _correct(db, lambda archive: fix.same_athlete(archive, same[0], same[1], _now()))
        click.echo(f"rows {same[0]} and {same[1]} are athlete {kept}")
        return
    if different:
        new = _correct(db, lambda a: fix.different_athlete(a, different[0], different[1], _now()))
        click.echo(f"rows {different[0]} and {different[1]} are two athletes (row's: {new})")
        return
    if forget is not None:
        _forget(db, "athlete", forget)
        return
    with reading(db) as archive:
        if overrides:
            found = athlete_overrides(archive)
            lines = [
                f"{o['id']}: {o['name_a']} ({o['team_a'] or '-'}, {o['document_a']}) "
                f"{'=' if o['same'] else '!='} {o['name_b']} ({o['team_b'] or '-'}, "
                f"{o['document_b']})"
                for o in found
            ]
            _echo(found, as_json, "\n".join(lines) or "No athlete overrides.")
        elif review:
            found = review_links(archive)
            lines = [
                f"row {r['result_id']}: {r['athlete']} ({r['team'] or '-'}, {r['event']}, "
                f"{r['meet_date'] or '-'}) -> athlete {r['athlete_id']} {r['linked_to']} "
                f"p={r['confidence']:.2f} {r['signals']}"
                for r in found
            ]
            _echo(found, as_json, "\n".join(lines) or "No links to review.")
        else:
            found = find_athletes(archive, " ".join(query)) if query else []
            lines = [
                f"{a['id']}: {a['name']} ({a['gender'] or '-'}) {a['results']} result(s), "
                f"{a['first_date'] or '?'}..{a['last_date'] or '?'}, teams {a['teams']}"
                for a in found
            ]
            _echo(found, as_json, "\n".join(lines) or "No athletes match.")
