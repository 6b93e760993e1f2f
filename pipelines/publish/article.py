"""An article's text with the athletes it names linked: the headline and each paragraph of the
body as segments, plain text or a name with the athlete it names (``athlete_mentions``, whose
positions count in ``headline + "\\n" + body``). Pure: the page escapes each segment."""

from __future__ import annotations

from typing import Any

Segment = tuple[str, int | None]  # text, athlete id (None: plain text)


def segments(text: str, start: int, mentions: list[dict[str, Any]]) -> list[Segment]:
    """``text`` (found at ``start`` in the text the mentions count in) cut at the mentions
    that fall wholly inside it."""
    out: list[Segment] = []
    cursor = 0
    for m in sorted(mentions, key=lambda m: m["position"]):
        begin = m["position"] - start
        end = begin + len(m["name"])
        if begin < cursor or end > len(text) or text[begin:end] != m["name"]:
            continue
        if begin > cursor:
            out.append((text[cursor:begin], None))
        out.append((text[begin:end], m["athlete_id"]))
        cursor = end
    if cursor < len(text):
        out.append((text[cursor:], None))
    return out


def linked_text(article: dict[str, Any]) -> dict[str, Any]:
    """The headline and the body's paragraphs (split at blank lines, as stored) as segments."""
    headline = article.get("headline") or ""
    body = article.get("body") or ""
    mentions = [m for m in article.get("mentions", []) if m["position"] >= 0]
    offset = len(headline) + 1
    paragraphs = []
    at = 0
    for part in body.split("\n\n"):
        stripped = part.strip()
        if stripped:
            lead = part.index(stripped)
            paragraphs.append(segments(stripped, offset + at + lead, mentions))
        at += len(part) + 2
    return {"headline": segments(headline, 0, mentions), "paragraphs": paragraphs}
