"""The Olympic Data Feed's results documents (ODF ``DT_RESULT``, the XML Omega and the Games
publish): ``<OdfBody>`` -> ``<Competition>`` with the unit's ``ExtendedInfos``
(``SportDescription`` EventName, SubEventName = the round, Gender; ``VenueDescription``; a
``WIND`` extended info) and one ``<Result>`` per competitor: ``Rank``, ``Result``, ``IRM`` (DNF,
DNS, DQ, NM), ``QualificationMark``, record indicators, extended results (``REACT_TIME``,
``WIND``), and the ``Competitor`` (``Type`` A: an athlete, T: a team whose ``Composition`` lists
its runners in leg order) with each athlete's ``Description`` (GivenName, FamilyName,
Organisation, BirthDate).
"""

from __future__ import annotations

import re
from typing import Any

from lxml import etree

from scraper.results.marks import parse_wind
from scraper.results.meetinfo import day_of
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

_FIELD = re.compile(r"jump|vault|put|throw|discus|javelin|hammer", re.I)


def _local(el: Any) -> str:
    return el.tag.rsplit("}", 1)[-1] if isinstance(el.tag, str) else ""


def _first(el: Any, name: str) -> Any:
    return next((e for e in el.iter() if _local(e) == name), None)


def _all(el: Any, name: str) -> list[Any]:
    return [e for e in el.iter() if _local(e) == name]


def parse(root: Any) -> ResultDoc:
    doc = ResultDoc(format="odf")
    for comp in _all(root, "Competition") or [root]:
        ev = _event(comp)
        for res in comp:
            if _local(res) == "Result":
                row = _row(res, ev)
                if row is not None:
                    ev.rows.append(row)
        if ev.rows:
            doc.events.append(ev)
        venue = _first(comp, "VenueDescription")
        if venue is not None and doc.meet.venue is None:
            doc.meet.venue = venue.get("VenueName") or venue.get("Venue")
    when = _first(root, "UnitDateTime")
    day = (when.get("StartDate") if when is not None else None) or root.get("Date")
    if day:
        doc.meet.date_raw, doc.meet.date = day, day_of(day)[1]
    if not doc.events:
        doc.error = "no results in the ODF document"
    return doc


def _event(comp: Any) -> Event:
    sport = _first(comp, "SportDescription")
    get = sport.get if sport is not None else (lambda _k, _d=None: None)
    name = get("EventName") or "Results"
    sub = get("SubEventName") or ""
    ev = Event(
        name=name,
        gender=sex_of(get("Gender")) or gender_of(name),
        division=division_of(name),
        kind=kind_of(name),
        round=round_of(sub) or sub or "Finals",
    )
    heat = re.search(r"(?:heat|semi-?final|group)\s*(\d+)", sub, re.I)
    if heat:
        ev.heat = int(heat.group(1))
    for info in _all(comp, "ExtendedInfo"):
        if info.get("Code") == "WIND":
            ev.wind = parse_wind(info.get("Value"))[0]
    return ev


def _row(res: Any, ev: Event) -> Row | None:
    row = Row(raw=etree.tostring(res, encoding="unicode")[:2000])
    rank = (res.get("Rank") or "").strip()
    row.place = int(rank) if rank.isdigit() else None
    comp = _first(res, "Competitor")
    athletes = _all(comp, "Athlete") if comp is not None else []
    names = [_name(a) for a in athletes]
    org = comp.get("Organisation") if comp is not None else None
    team_desc = _first(comp, "Description") if comp is not None else None
    team_name = team_desc.get("TeamName") if team_desc is not None else None
    if comp is not None and comp.get("Type") == "T" or ev.kind == "relay":
        ev.kind = "relay"
        row.team = team_name or org
        row.relay_members = [
            {"leg": int(a.get("Order")) if (a.get("Order") or "").isdigit() else n, "athlete": nm}
            for n, (a, nm) in enumerate(zip(athletes, names, strict=True), 1)
            if nm
        ]
    else:
        row.athlete = names[0] if names else team_name
        desc = _first(athletes[0], "Description") if athletes else None
        row.team = (desc.get("Organisation") if desc is not None else None) or org
        born = desc.get("BirthDate") if desc is not None else None
        if born:
            row.extra["birth_date"] = born
        if athletes and athletes[0].get("Bib"):
            row.bib = athletes[0].get("Bib")
    irm = (res.get("IRM") or "").strip()
    row.set_mark(irm or res.get("Result"), "m" if _FIELD.search(ev.name) else None)
    if irm and res.get("Result"):
        row.extra["result"] = res.get("Result")
    q = (res.get("QualificationMark") or "").strip()
    if q in ("Q", "q"):
        row.qualifier = q
    for rec in _all(res, "RecordIndicator"):
        code = rec.get("Code")
        if code and code not in row.flags:
            row.flags.append(code)
    for er in _all(res, "ExtendedResult"):
        if er.get("Code") == "REACT_TIME":
            row.extra["reaction"] = er.get("Value")
        elif er.get("Code") == "WIND" and er.get("Pos") is None:
            row.set_wind(er.get("Value"))
    if row.wind is None and row.wind_raw is None and ev.wind is not None:
        row.wind = ev.wind
    if row.status:
        row.place = None
    if not (row.athlete or row.team) or (row.mark_raw is None and row.place is None):
        return None
    return row


def _name(athlete: Any) -> str | None:
    d = _first(athlete, "Description")
    if d is None:
        return None
    given, family = d.get("GivenName"), d.get("FamilyName")
    name = " ".join(x for x in (given, family) if x)
    return name or d.get("PrintName") or d.get("TVName")
