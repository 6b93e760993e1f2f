"""Results sent as an e-mail: the message's header (``From:``, ``To:``, ``Date:``, ``Subject:``
lines at its top, or a forwarded message's) is no part of the report.  Its subject names the meet
(``Subject: [nesl-track] Results - Northgate Quad Meet, April 12``): it stays, as a heading line,
its list tag and ``Re:``/``Fwd:`` gone; the date the message was sent dates the meet only when
nothing else in the text does (results are mailed the day of the meet or after it).
"""

from __future__ import annotations

import re

from scraper.results.meetinfo import day_of

_FIELD = re.compile(
    r"^\s*(from|to|cc|bcc|date|sent|subject|reply-to|message-id|mime-version|content-[\w-]+|"
    r"x-[\w-]+|list-[\w-]+|organization|user-agent|in-reply-to|references)\s*:\s?(.*)$",
    re.I,
)
_TAGS = re.compile(r"^(?:\s*(?:re|fwd?|aw|sv|tr)\s*:|\s*\[[^\]]{1,40}\])+\s*", re.I)
_OPENS = re.compile(r"^\s*(?:from|subject)\s*:", re.I | re.M)  # a header has one or the other
_LEAST = 2  # header fields in a row: a message's header (one 'Date:' line is a report's own)


def without_header(text: str) -> str | None:
    """The text with each message header replaced by its subject (and the message's date, when
    the text dates nothing else); None when the text has no message header."""
    if not _OPENS.search(text):
        return None  # (one search over the text: no line a header needs)
    lines = text.split("\n")
    out: list[str] = []
    sent: str | None = None  # the first message's date
    changed = False
    i = 0
    while i < len(lines):
        j = i
        fields: dict[str, str] = {}
        while j < len(lines) and (m := _FIELD.match(lines[j])):
            fields.setdefault(m[1].lower(), m[2].strip())
            j += 1
        if j - i >= _LEAST and ({"from", "subject"} & fields.keys()):
            subject = _TAGS.sub("", fields.get("subject", ""))
            if subject:
                out.append(subject)
            sent = sent or fields.get("date") or fields.get("sent")
            changed, i = True, j
            continue
        out.append(lines[i])
        i += 1
    if not changed:
        return None
    if sent and day_of(sent)[1] is not None and day_of("\n".join(out))[1] is None:
        first = next((k for k, ln in enumerate(out) if ln.strip()), 0)
        out.insert(first + 1, sent)
    return "\n".join(out)
