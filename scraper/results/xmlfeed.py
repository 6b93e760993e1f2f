"""Results in XML: international feeds in two families, and any other export:

- element feeds (``<results><infos>…</infos><result>…</result></results>``, tilastopaja-style):
  ``infos`` names the event (event_name, round_name, round_detail, event_gender, date, wind);
  each ``result`` holds rank, athlete, country, best_performance (a mark, a status, or
  ``37.62DQ``), qualification, recordflag (``NR PB``, ``=SB``), wind, roundresults (attempts) and
  relayrunners.  Element names are matched case-insensitively; unknown elements are ignored.
- the Olympic Data Feed (ODF, ``<OdfBody DocumentType="DT_RESULT">``, as Omega and the Games
  publish it; :mod:`scraper.results.odf`);
- any other XML (a timer's or a federation's export): its elements turned into the data JSON
  would hold (:func:`as_data`), read by :mod:`scraper.results.jsonfeed` by their names.

Parsed with entities left unresolved and no network.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from scraper.results import jsonfeed
from scraper.results.marks import parse_wind
from scraper.results.model import (
    Event,
    ResultDoc,
    Row,
    division_of,
    gender_of,
    kind_of,
    round_of,
    sex_of,
)


def looks_like_feed(text: str) -> bool:
    head = text[:4000].lower()
    if "<odfbody" in head:
        return True
    if head.lstrip("\ufeff \t\r\n").startswith("<?xml") and "<html" not in head:
        return True
    return "<result" in head and ("<infos" in head or "<best_performance" in head)


def _local(el: Any) -> str:
    tag = el.tag
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _kids(el: Any) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for c in el:
        if isinstance(c.tag, str):
            out.setdefault(_local(c), c)
    return out


def _text(el: Any) -> str | None:
    if el is None:
        return None
    t = " ".join("".join(el.itertext()).split())
    return t or None


def parse(text: str) -> ResultDoc:
    from lxml import etree

    from scraper.results import odf

    doc = ResultDoc(format="xml-feed")
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"))
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as e:
        doc.error = f"unparseable XML: {e}"[:300]
        return doc
    if root is None:
        doc.error = "empty XML"
        return doc
    if _local(root) == "odfbody":
        odf_doc = odf.parse(root)
        if any(e.rows for e in odf_doc.events):
            return odf_doc  # (else an export that borrows ODF's root: read by its names)
    blocks = [el for el in root.iter() if isinstance(el.tag, str) and _local(el) == "results"] or [
        root
    ]
    for block in blocks:
        ev = _event(block)
        for res in block:
            if isinstance(res.tag, str) and _local(res) == "result":
                row = _row(res, ev)
                if row is not None:
                    ev.rows.append(row)
        if ev.rows:
            doc.events.append(ev)
    if not doc.events:  # another export's elements, read by their names as JSON keys are
        doc.format = "xml"
        jsonfeed.read(as_data(root), doc)
    return doc


def as_data(el: Any) -> Any:
    """An element as JSON would hold it: a leaf its text, else its attributes and children by
    name (a name repeated: a list; one child that holds a result: a list of one, as a race of
    one finisher is)."""
    kids = [c for c in el if isinstance(c.tag, str)]
    attrs = {_local_name(k): v for k, v in el.attrib.items()}
    if not kids:
        text = _text(el)
        return text if text is not None or not attrs else attrs
    out: dict[str, Any] = attrs
    names = [_local(c) for c in kids]
    repeated = {n for n, k in Counter(names).items() if k > 1}
    for name, c in zip(names, kids, strict=True):
        value = as_data(c)
        if name in repeated:
            out.setdefault(name, []).append(value)
        elif isinstance(value, dict) and jsonfeed.result_object(value):
            out[name] = [value]
        else:
            out.setdefault(name, value)
    return out


def _local_name(name: str) -> str:
    """An attribute's name as a JSON key is written: 'StartDate' -> 'startDate', 'Name' ->
    'name' (the keys :mod:`scraper.results.jsonfeed` knows)."""
    local = name.rsplit("}", 1)[-1]
    if local.isupper():
        return local.casefold()  # an acronym: 'IRM' -> 'irm'
    return local[:1].lower() + local[1:]


def _event(block: Any) -> Event:
    infos = _kids(block).get("infos")
    k = _kids(infos) if infos is not None else {}
    name = _text(k.get("event_name")) or "Results"
    rnd_raw = _text(k.get("round_name"))
    detail = _text(k.get("round_detail"))
    ev = Event(
        name=name,
        gender=sex_of(_text(k.get("event_gender"))) or gender_of(name),
        division=division_of(name),
        kind=kind_of(name),
        round=round_of(rnd_raw) or rnd_raw or "Finals",
    )
    if detail and detail.isdigit():
        ev.heat = int(detail)
    ev.wind = parse_wind(_text(k.get("wind")))[0]
    return ev


def _row(res: Any, ev: Event) -> Row | None:
    k = _kids(res)
    from lxml import etree

    row = Row(raw=etree.tostring(res, encoding="unicode")[:2000])
    rank = _text(k.get("rank"))
    row.place = int(rank) if rank and rank.isdigit() else None
    who = _text(k.get("athlete")) or _text(k.get("name"))
    country = _text(k.get("country")) or _text(k.get("nat"))
    team = _text(k.get("team")) or _text(k.get("club"))
    if ev.kind == "relay":
        row.team = team or country or who
    else:
        row.athlete, row.team = who, team or country
    row.set_mark(
        _text(k.get("best_performance")) or _text(k.get("performance")) or _text(k.get("mark")),
        "m" if _field_event(ev.name) else None,
    )
    q = _text(k.get("qualification"))
    if q in ("Q", "q"):
        row.qualifier = q
    flags = _text(k.get("recordflag"))
    if flags:
        row.flags.extend(f for f in flags.split() if f not in row.flags)
    row.set_wind(_text(k.get("wind")))
    if row.wind is None and row.wind_raw is None and ev.wind is not None:
        row.wind = ev.wind
    rt = _text(k.get("group")) or _text(k.get("reaction_time"))
    if rt:
        row.extra["reaction"] = rt
    rounds = k.get("roundresults")
    if rounds is not None:
        for n, rr in enumerate((c for c in rounds if isinstance(c.tag, str)), 1):
            kk = _kids(rr)
            raw = _text(kk.get("performance")) or _text(rr)
            row.attempts.append({"n": n, "raw": raw, "wind": parse_wind(_text(kk.get("wind")))[0]})
    runners = k.get("relayrunners")
    if runners is not None:
        for leg, rr in enumerate((c for c in runners if isinstance(c.tag, str)), 1):
            name = _text(_kids(rr).get("athlete")) or _text(_kids(rr).get("name")) or _text(rr)
            if name:
                row.relay_members.append({"leg": leg, "athlete": name})
    if not (row.athlete or row.team) or (row.mark_raw is None and row.place is None):
        return None
    return row


def _field_event(name: str) -> bool:
    return bool(re.search(r"jump|vault|put|throw|discus|javelin|hammer", name, re.I))
