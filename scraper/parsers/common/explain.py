"""Why the body extractor kept or dropped a block: the notes ``meetarchive extract --explain``
prints. Collected only when asked for (a ``notes`` list passed down), so a crawl pays nothing."""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True, slots=True)
class Note:
    kept: bool
    reason: str
    where: str  # the element: tag.class#id
    text: str  # its first words

    def line(self) -> str:
        return f"{'kept' if self.kept else 'dropped'}: {self.reason} [{self.where}] {self.text}"


def describe(el: etree._Element) -> str:
    tag = el.tag if isinstance(el.tag, str) else "#"
    cls = ".".join((el.get("class") or "").split()[:2])
    ident = el.get("id")
    return tag + (f".{cls}" if cls else "") + (f"#{ident}" if ident else "")


def snippet(text: str, n: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1] + "…"


def note(
    notes: list[Note], el: etree._Element, kept: bool, reason: str, text: str | None = None
) -> None:
    """Add a note on ``el`` (an element without text is not worth one)."""
    if text is None:
        text = " ".join(t for t in el.itertext() if t.strip())
    if text.strip():
        notes.append(Note(kept, reason, describe(el), snippet(text)))
