"""Result lists laid out without <table>: rows of <div>s or <li>s whose cells are <span>s."""

from __future__ import annotations

import pytest
from lxml import etree

from scraper.results import parse_document, to_contract
from scraper.results.audit import audit_document
from scraper.results.grids import rewrite_grids

FEDERATION = """<html><body><h1>Kreismeisterschaften 2024</h1><div>So, 16.06.2024</div>
<div class="wettbewerb"><h3>100m Männer</h3><div class="info">Finale · Wind: +0,9</div>
<div class="liste">
<div class="kopf"><span>Platz</span><span>Name</span><span>Jg.</span><span>Verein</span>
<span>Leistung</span></div>
<div class="zeile"><span>1.</span><span>Jonas Keller</span><span>2001</span><span>LG Mitte</span>
<span>10,71</span></div>
<div class="zeile"><span>2.</span><span>Felix Roth</span><span>2003</span><span>TV Nord</span>
<span>10,89</span></div>
</div></div>
<div class="wettbewerb"><h3>Weitsprung Frauen</h3><div class="liste">
<div class="kopf"><span>Platz</span><span>Name</span><span>Jg.</span><span>Verein</span>
<span>Leistung</span></div>
<div class="zeile"><span>1.</span><span>Lea Berg</span><span>2005</span><span>LG Mitte</span>
<span>5,88</span></div>
<div class="zeile"><span>2.</span><span>Mara Stein</span><span>2004</span><span>TV Nord</span>
<span>5,61</span></div>
</div></div></body></html>"""

TIMER = """<html><body><h1>Autumn 10K 2023</h1><p>Sunday 15 October 2023</p><ul class="results">
<li>1 <a href="/r/1">Mark Twine</a> <span class="club">Fenland Runners</span>
<span class="time">32:10</span></li>
<li>2 <a href="/r/2">Sally Reed</a> <span class="club">Ely Harriers</span>
<span class="time">35:44</span></li>
<li>3 <a href="/r/3">Jim Bell</a> <span class="club"></span> <span class="time">38:02</span></li>
</ul></body></html>"""


INSIDE = """<html><body><div class="event"><div class="event-name">Girls 400 Meter Dash</div>
<div class="row"><div>Pl</div><div>Name</div><div>Gr</div><div>Team</div><div>Time</div></div>
<div class="row"><div>1</div><div>Imogen Achter</div><div>11</div><div>Pinecrest</div>
<div>57.84</div></div>
<div class="row"><div>2</div><div>Nadia Castel</div><div>12</div><div>Harwood</div>
<div>58.20</div></div>
</div></body></html>"""

CARDS = """<html><body><h1>Oak Hill 10K</h1><p>March 3, 2024</p><div class="results">
<div class="card"><div><span class="lbl">Place</span> 1</div><div><span class="lbl">Name</span>
Tyler Young</div><div><span class="lbl">Club</span> Northgate AC</div>
<div><span class="lbl">Time</span> 33:05</div></div>
<div class="card"><div><span class="lbl">Place</span> 2</div><div><span class="lbl">Name</span>
Caleb King</div><div><span class="lbl">Club</span> Summit Endurance</div>
<div><span class="lbl">Time</span> 33:41</div></div>
<div class="card"><div><span class="lbl">Place</span> 3</div><div><span class="lbl">Name</span>
Madison Scott</div><div><span class="lbl">Club</span> Riverside Runners</div>
<div><span class="lbl">Time</span> 34:02</div></div>
</div></body></html>"""


@pytest.mark.parametrize(
    ("page", "rows"),
    [
        (
            CARDS,  # cards laid out for a phone: each cell its label, then its value
            [
                ("Oak Hill 10K", 1, "Tyler Young", "Northgate AC", None, 1985.0, None),
                ("Oak Hill 10K", 2, "Caleb King", "Summit Endurance", None, 2021.0, None),
                ("Oak Hill 10K", 3, "Madison Scott", "Riverside Runners", None, 2042.0, None),
            ],
        ),
        (
            INSIDE,  # the event's title inside the grid, before its rows
            [
                ("Girls 400 Meter Dash", 1, "Imogen Achter", "Pinecrest", "11", 57.84, None),
                ("Girls 400 Meter Dash", 2, "Nadia Castel", "Harwood", "12", 58.2, None),
            ],
        ),
        (
            FEDERATION,
            [
                ("100m Männer", 1, "Jonas Keller", "LG Mitte", "2001", 10.71, 0.9),
                ("100m Männer", 2, "Felix Roth", "TV Nord", "2003", 10.89, 0.9),
                ("Weitsprung Frauen", 1, "Lea Berg", "LG Mitte", "2005", 5.88, None),
                ("Weitsprung Frauen", 2, "Mara Stein", "TV Nord", "2004", 5.61, None),
            ],
        ),
        (
            TIMER,  # the place printed as the row's own text, an empty club cell
            [
                ("Autumn 10K 2023", 1, "Mark Twine", "Fenland Runners", None, 1930.0, None),
                ("Autumn 10K 2023", 2, "Sally Reed", "Ely Harriers", None, 2144.0, None),
                ("Autumn 10K 2023", 3, "Jim Bell", None, None, 2282.0, None),
            ],
        ),
    ],
)
def test_rows_of_divs_or_list_items_are_read_as_a_tables(page, rows):
    parsed = parse_document(page.encode(), None, "results.html")
    doc = to_contract(parsed)
    assert [
        (e["event_name"], r["place"], r["athlete"], r["team"], r["year"], r["mark_normalized"],
         r["wind"])
        for e in doc["events"]
        for r in e["results"]
    ] == rows  # fmt: skip
    audit = audit_document(page.encode(), parsed)
    assert (audit.verdict, audit.coverage) == ("parsed", 1.0)


@pytest.mark.parametrize(
    "html",
    [
        # a menu: one link per item
        "<ul><li><a>Home</a></li><li><a>News</a></li><li><a>Results</a></li></ul>",
        # an article's paragraphs: text, not cells
        "<div><p>One <b>long</b> paragraph of an <a>article</a> with a <a>link</a> in it.</p>"
        "<p>Another <b>one</b> that has its <a>words</a> in the <a>same</a> places.</p>"
        "<p>A third <b>that</b> reads much <a>like</a> the others <a>did</a> before.</p></div>",
        # rows of two cells: no table
        "<div><div><span>a</span><span>1</span></div><div><span>b</span><span>2</span></div>"
        "<div><span>c</span><span>3</span></div></div>",
    ],
)
def test_what_is_no_grid_stays_as_it_is(html):
    root = etree.fromstring(html, etree.HTMLParser())
    before = etree.tostring(root)
    assert rewrite_grids(root) == 0
    assert etree.tostring(root) == before
