"""Cells an alignment put on the wrong side of a column, put back (pure).

- :func:`swap_misplaced`: two neighbouring columns whose values fit each other's field better;
- :func:`reclaim_year`: a birth or class year left at the edge of the name or the club, or a
  category in the year column;
- :func:`class_year_from_team`: a class year a long name pushed into the team.
"""

from __future__ import annotations

from scraper.results.align import BRACKET_YEAR, CLASS_YEAR, FIT, YEAR4, shape

SWAPPABLE = frozenset({"year", "category", "age", "sex", "bib"})


def reclaim_year(cells: dict[str, str], order: list[str]) -> None:
    """A birth year left at the edge of the team or the name ('2005 LG Vogtland', 'Ann Lee
    (1974)') goes to the header's year column when that column got nothing (so does a class year
    at the start of the team: :func:`class_year_from_team`): the year printed on the other side
    of a neighbouring column than its header says; a category in the year column ('M65') is the
    category then. The main class printed as a gender letter (the DLV's
    'M' and 'W' beside 'M45', 'WU18') and left at the end of the name, while the category column
    took the first word of the club ('Janker, Andreas  M  1983 LG Hof'), goes to the category
    and the word back to the club."""
    name = cells.get("athlete", "").split()
    cat = cells.get("category", "")
    if len(name) > 2 and name[-1] in ("M", "W") and cat and shape(cat) == "word":
        cells["athlete"], cells["category"] = " ".join(name[:-1]), name[-1]
        cells["team"] = f"{cat} {cells.get('team', '')}".strip()
    team = cells.get("team", "").split()
    if len(team) > 1 and "year" not in cells and BRACKET_YEAR.match(team[0]):
        # a birth year in brackets after the name, read into the club: 'Albin Sjöberg (08)'
        cells["year"], cells["team"] = team[0].strip("()"), " ".join(team[1:])
        return
    if "year" not in order:
        return
    if "year" in cells and "category" not in cells and shape(cells["year"]) in ("category", "sex"):
        cells["category"] = cells.pop("year")  # 'M65', or the main class alone ('M', 'W')
    if "year" in cells:
        return
    for field in ("team", "athlete"):
        words = cells.get(field, "").split()
        for k in (0, -1):
            if len(words) > 1 and YEAR4.match(words[k].strip("()")):
                cells["year"] = words.pop(k).strip("()")
                cells[field] = " ".join(words)
                return
    class_year_from_team(cells, order)


def class_year_from_team(cells: dict[str, str], order: list[str]) -> None:
    """A class year at the start of the team, where a long name pushed it, goes to the year
    column when that got nothing: 'BARRIOS-GONZALEZ, Juan Carlos SR Texas Tech'."""
    team = cells.get("team", "").split()
    if "year" in order and not cells.get("year") and len(team) > 1 and CLASS_YEAR.match(team[0]):
        cells["year"], cells["team"] = team[0], " ".join(team[1:])


def swap_misplaced(cells: dict[str, str], order: list[str]) -> None:
    """Two neighbouring columns whose values fit each other's field better than their own (a
    header centred over its column, left of its neighbour's: 'Jahrgang  AK' over 'W40  1974')
    trade values."""
    for a, b in zip(order, order[1:], strict=False):
        if a in SWAPPABLE and b in SWAPPABLE and a in cells and b in cells:
            sa, sb = shape(cells[a]), shape(cells[b])
            fa, fb = FIT[a], FIT[b]
            if fa.get(sb, 0) + fb.get(sa, 0) > fa.get(sa, 0) + fb.get(sb, 0) + 1:
                cells[a], cells[b] = cells[b], cells[a]
