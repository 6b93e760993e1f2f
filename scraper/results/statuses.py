"""Words printed instead of a mark ('DNF', 'aufg.', 'Squal.', 'N.M.') -> the contract's statuses.

Pure. ``status_of("NH")`` -> ``"NM"``; dots and case do not count (``"Disq."``), except where a
status is only one with its dots (``"N.C."``, ``"Ab."``; ``"NC"`` is North Carolina, ``"AB"``
Alberta).
"""

from __future__ import annotations

import re

# Words printed instead of a mark, mapped to the contract's statuses.
STATUS_WORDS = {
    "DNF": "DNF",
    "DNS": "DNS",
    "DQ": "DQ",
    "DSQ": "DQ",
    "DISQ": "DQ",
    "NM": "NM",
    "NH": "NM",
    "NHT": "NM",
    "FOUL": "NM",
    "ND": "NM",
    "FS": "FS",
    "NT": "NT",
    "SCR": "SCR",
    "SCRATCH": "SCR",
    "DNC": "DNS",
    "NTS": "NT",
    "FALSE START": "FS",
    "DID NOT FINISH": "DNF",
    "DID NOT START": "DNS",
    "NO MARK": "NM",
    "NO HEIGHT": "NM",
    "NO TIME": "NT",
    "DISQUALIFIED": "DQ",
    "RETIRED": "DNF",
    "RTD": "DNF",
    "SCRATCHED": "SCR",
    # as results in German, French, Nordic, Dutch, Spanish and Italian lists print them
    "AUFG": "DNF",  # aufgegeben
    "AUFGEGEBEN": "DNF",
    "DISQUALIFIZIERT": "DQ",
    "NICHT ANGETRETEN": "DNS",
    "OGV": "NM",  # ohne gültigen Versuch
    "ABANDON": "DNF",
    "ABD": "DNF",
    "NON PARTANT": "DNS",
    "FORFAIT": "DNS",
    "ABS": "DNS",  # absent
    "NP": "DNS",
    "DISQUALIFIÉ": "DQ",
    "BRUTT": "DNF",
    "BRØT": "DNF",
    "BRÖT": "DNF",
    "IKKE STARTET": "DNS",
    "INGEN GYLDIGE": "NM",  # ingen gyldige forsøk
    "EJ START": "DNS",
    "DISK": "DQ",
    "OPGEGEVEN": "DNF",
    "OPGAVE": "DNF",
    "OPG": "DNF",
    "RETIRADO": "DNF",
    "RETIRADA": "DNF",
    "SIN MARCA": "NM",
    "NULO": "NM",  # a field event's no valid try
    "RET": "DNF",
    "DESCALIFICADO": "DQ",
    "DESCALIFICADA": "DQ",
    "DESC": "DQ",
    "NO PRESENTADO": "DNS",
    "NO PRESENTADA": "DNS",
    "NO PRES": "DNS",
    "RITIRATO": "DNF",
    "RITIRATA": "DNF",
    "RIT": "DNF",
    "SQUALIFICATO": "DQ",
    "SQUALIFICATA": "DQ",
    "NON PARTITO": "DNS",
    "NON PARTITA": "DNS",
    "SQUAL": "DQ",
    "ASSENTE": "DNS",
    "SQ": "DQ",
    "NON CLASSÉ": "DNF",
    # Czech, Finnish, Danish, Portuguese and Polish lists
    "NENASTOUPIL": "DNS",
    "NENASTOUPILA": "DNS",
    "NEDOKONČIL": "DNF",
    "NEDOKONČILA": "DNF",
    "DISKVAL": "DQ",
    "DISKVALIFIKACE": "DQ",
    "BEZ PLATNÉHO POKUSU": "NM",
    "KESK": "DNF",  # keskeytti
    "KESKEYTTI": "DNF",
    "HYL": "DQ",  # hylätty
    "HYLÄTTY": "DQ",
    "EI LÄHTENYT": "DNS",
    "EI STARTANNUT": "DNS",
    "EI TULOSTA": "NM",
    "UDGÅET": "DNF",
    "DISKV": "DQ",
    "EJ STARTET": "DNS",
    "DESISTIU": "DNF",
    "NÃO PARTIU": "DNS",
    "DESCLASSIFICADO": "DQ",
    "NIE UKOŃCZYŁ": "DNF",
    "NIE UKOŃCZYŁA": "DNF",
    "NIE STARTOWAŁ": "DNS",
    "NIE STARTOWAŁA": "DNS",
    "DYSKWALIFIKACJA": "DQ",
    "BEZ WYNIKU": "NM",
    # Hungarian, Swedish, Portuguese and Spanish lists
    "FELADTA": "DNF",
    "NEM INDULT": "DNS",
    "KIZÁRVA": "DQ",
    "NEM ÉRT CÉLBA": "DNF",
    "UTGÅTT": "DNF",
    "BRUTIT": "DNF",
    "DISKAD": "DQ",
    "DISKVALIFICERAD": "DQ",
    "EJ FULLF": "DNF",  # ej fullföljt
    "EJ FULLFÖLJT": "DNF",
    "UTAN RES": "NM",  # utan resultat
    "UTAN RESULTAT": "NM",
    "AUSENTE": "DNS",
    "ABANDONO": "DNF",
    "ABANDONOU": "DNF",
    "DESCL": "DQ",  # desclassificado
    "DESCLASSIFICADA": "DQ",
    "NÃO COMPARECEU": "DNS",
    # Dutch, Croatian, Slovenian, Romanian, Turkish, Catalan and Finnish lists
    "NIET GESTART": "DNS",
    "GEDISKWALIFICEERD": "DQ",
    "ODUSTAO": "DNF",
    "ODUSTALA": "DNF",
    "NIJE NASTUPIO": "DNS",
    "NIJE NASTUPILA": "DNS",
    "NIJE ZAVRŠIO": "DNF",
    "NIJE ZAVRŠILA": "DNF",
    "DISKVALIFICIRAN": "DQ",
    "DISKVALIFICIRANA": "DQ",
    "ODSTOP": "DNF",
    "NEPREZENTAT": "DNS",
    "NEPREZENTATĂ": "DNS",
    "DESCALIFICAT": "DQ",
    "DESCALIFICATĂ": "DQ",
    "DISKALIFIYE": "DQ",
    "DİSKALİFİYE": "DQ",
    "KATILMADI": "DNS",
    "ABANDONA": "DNF",
    "NO PRESENTAT": "DNS",
    "DESQUALIFICAT": "DQ",
    "EI LÄHT": "DNS",  # ei lähtenyt
    # Russian and Ukrainian lists
    "СОШЕЛ": "DNF",  # сошёл, сошла: did not finish
    "СОШЁЛ": "DNF",
    "СОШЛА": "DNF",
    "ЗІЙШОВ": "DNF",
    "ЗІЙШЛА": "DNF",
    "Н/Я": "DNS",  # не явился
    "Н/С": "DNS",  # не стартовал
    "НЕ СТАРТОВАЛ": "DNS",
    "НЕ СТАРТОВАЛА": "DNS",
    "ДИСКВ": "DQ",
    "ДИСКВАЛИФИЦИРОВАН": "DQ",
    "ДИСКВАЛИФИЦИРОВАНА": "DQ",
    "Б/Р": "NM",  # без результата
    "БЕЗ РЕЗУЛЬТАТА": "NM",
    "لم يبدأ": "DNS",  # Arabic lists: did not start, did not finish, disqualified
    "لم ينه": "DNF",
    "لم يكمل": "DNF",
    "مستبعد": "DQ",
    "استبعاد": "DQ",  # (the noun: disqualification)
    # Japanese, Chinese and Korean lists
    "欠場": "DNS",
    "棄権": "DNS",
    "途中棄権": "DNF",
    "失格": "DQ",
    "弃权": "DNS",
    "未完成": "DNF",
    "取消资格": "DQ",
    "无成绩": "NM",
    "退赛": "DNF",
    "犯规": "DQ",
    "記録なし": "NM",
    "기권": "DNS",
    "실격": "DQ",
}
# statuses read only as printed with their dots ('NC' is also North Carolina)
_DOTTED_STATUS = {
    "N.C.": "DNF",
    "N.A.": "DNS",
    "AB.": "DNF",
    "ASS.": "DNS",
    "N.O.": "DNS",
    "S.M.": "NM",
}
# non classé; nicht angetreten; abandon; assente; niet opgekomen; sin marca
# statuses read only as printed in lower case ('NS' is also Nova Scotia): French 'abandon' as FFA
# lists print it; Polish 'nie ukończył', 'nie startował', 'bez zaliczenia'
LOWER_STATUS = {"Ab": "DNF", "nu": "DNF", "ns": "DNS", "bz": "NM"}


def status_of(text: str | None) -> str | None:
    """'DNF' -> 'DNF', 'NH' -> 'NM', 'foul' -> 'NM', 'DQ (FS)' -> 'DQ', '1:02.3' -> None."""
    if not text:
        return None
    if text.strip() in LOWER_STATUS:  # as printed, in lower case: no province's code
        return LOWER_STATUS[text.strip()]
    up = text.upper().strip()
    if " / " in up:  # in two languages: 'AB / DNF', 'NP / DNS'
        found = {status_of(part) for part in up.split(" / ")} - {None}
        return found.pop() if len(found) == 1 else None
    if up.endswith(")") and " (" in up:  # its reason in brackets: 'DQ (FS)', 'DNF (lap 3)'
        up = up[: up.index(" (")]  # (a try's wind is glued: 'FOUL(+0.9)')
    if " " in up:  # its reason after it: 'Retired at CP3', 'DNF after lap 3'
        words = up.split()
        cut = next((k for k, w in enumerate(words[1:5], 1) if w in _WHERE), None)
        up = " ".join(words[:cut]) if cut is not None else up
    return _DOTTED_STATUS.get(up) or STATUS_WORDS.get(" ".join(up.replace(".", "").split()))


# the word a status's reason opens with: where or when the runner stopped ('Retired at CP3')
_WHERE = frozenset({"AT", "AFTER", "BEFORE", "BEI", "NACH", "À", "AU", "APRÈS", "EN", "DOPO"})


def opens_with_status(text: str | None) -> bool:
    """'Did Not Finish  PB Personal Best' (a legend's words): the text opens with a status."""
    words = (text or "").split()
    return any(status_of(" ".join(words[:k])) for k in range(1, min(len(words), 4) + 1))


def named_after_status(words: list[str]) -> bool:
    """The words after a status that opens a line name a runner ('DNF Darragh Brennan', his
    club in brackets after him): five at most, each capitalised, not a legend's ('DNF Did Not
    Finish')."""
    text = " ".join(words)
    if text.endswith(")") and " (" in text:
        words = text[: text.rindex(" (")].split()  # 'Wren Tattersall (Fernmouth TC)'
    return (
        0 < len(words) <= 5
        and all(w[:1].isupper() for w in words)
        and not opens_with_status(" ".join(words))
    )


def status_heading(line: str) -> str | None:
    """The status a short line of its own names ('DNF', 'Did not start'): a heading over the
    runners it is of."""
    return status_of(line) if len(line.split()) <= 3 else None


def status_last(line: str) -> str:
    """A line opening with a status and a colon before the runner it is ('DNS: Wren Tattersall
    (Fernmouth TC)') with the status moved to its end, where a mark stands; else the line."""
    head, colon, rest = line.partition(":")
    if colon and len(head) < 24 and status_of(head) and named_after_status(rest.split()):
        return f"{' ' * (len(line) - len(line.lstrip()))}{rest.strip()}  {head.strip()}"
    return line


def status_key(line: str) -> bool:
    """A key to the status codes, no result: a code, a dash or an equals sign and what it
    means in lower case ('RTD - retired.  DSQ - missed checkpoint 1', 'n.a. = nicht
    angetreten')."""
    m = _KEY.match(line)
    return m is not None and status_of(m[1]) is not None


_KEY = re.compile(r"^\s*(\S{1,6})\s*[-–=]\s+[^\W\d_A-Z]{2}")
