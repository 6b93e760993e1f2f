"""Generated articles with known copies, for the story grouping's precision and recall
(bench/stories.py; tests/test_story_grouping.py uses a small set). Deterministic by seed.

Stories are bench/synth.py meet reports (so unrelated articles already share a lot: the same
filler sentences, quotes, meets and athletes). A story has 0 to 9 copies on other sites of a
dozen; each copy is the original changed the way syndication changes text:

* light edits (most copies): 1-4% of the words replaced, dropped or doubled, punctuation and case
  changed;
* paragraphs re-ordered (a paragraph moved elsewhere);
* boilerplate added: the site's own paragraphs (a credit line above, a newsletter or copyright
  paragraph below); every article of a site, copy or not, may carry them;
* a paragraph of the site's own added (a local angle);
* cut short: the first two thirds or more of the paragraphs (the original contains the copy);
* a new headline (the body is what is compared, so this changes nothing by itself).

And the false friends the grouping must keep apart: unrelated articles on the same site sharing
its boilerplate paragraphs, and unrelated articles whose first paragraph is another story's
(a follow-up or a roundup quoting its lede). Copies are published 1 to 72 hours after their
original (a tenth state no date: the original is then told by first-seen order). The list comes
in a shuffled arrival order, so an original may be stored after its copies.
"""

from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import synth  # noqa: E402

SITES = [
    "trackwire.example.com",
    "daily-herald.example.net",
    "courier.example.org",
    "runnersworld.example.com",
    "citizen.example.net",
    "gazette.example.org",
    "milesplit.example.com",
    "examiner.example.net",
    "tribune.example.org",
    "prepsports.example.com",
    "sentinel.example.net",
    "ledger.example.org",
]
CREDITS = [
    "By {author}, {wire}",
    "This story was distributed by {wire} and is republished here with permission.",
    "Reprinted with permission from {wire}. All rights reserved.",
]
FOOTERS = [
    "Sign up for the {site} newsletter to get meet results, rankings and stories from the "
    "track delivered to your inbox every morning of the season.",
    "Copyright {year} {site}. All rights reserved. This material may not be published, "
    "broadcast, rewritten or redistributed without written permission.",
    "Follow {site} on social media for live coverage of every major meet, and send your "
    "results and photos to our sports desk at any time.",
    "Have a story idea or a correction? Contact the {site} sports desk, which covers high "
    "school, college and professional track and field across the region.",
]
WIRES = ["Track Wire Service", "the Associated Runners", "Meet Report Syndicate"]
COPY_COUNTS = [0] * 60 + [1] * 15 + [2] * 10 + [3] * 8 + [5] * 5 + [9] * 2
SWAP = ["the", "a", "race", "meet", "final", "runner", "team", "season", "record", "time"]


@dataclass
class Item:
    """One generated article: ``story`` is the true story (the index of its original)."""

    url: str
    site: str
    story: int
    original: bool
    headline: str
    body: str
    published_at: str | None
    changes: list[str] = field(default_factory=list)


def site_paragraphs(site: str, rng: random.Random, year: int) -> tuple[list[str], list[str]]:
    """Boilerplate of a site: a credit line above the text, a closing paragraph below."""
    k = SITES.index(site)
    wire = WIRES[k % len(WIRES)]
    above = [CREDITS[k % len(CREDITS)].format(author=synth.AUTHORS[k], wire=wire)]
    below = [FOOTERS[k % len(FOOTERS)].format(site=site.split(".")[0].title(), year=year)]
    return (above if rng.random() < 0.5 else []), below


def light_edits(paras: list[str], rng: random.Random) -> list[str]:
    rate = rng.uniform(0.01, 0.04)
    out = []
    for para in paras:
        words = para.split()
        edited: list[str] = []
        for w in words:
            r = rng.random()
            if r < rate / 3:
                edited.append(rng.choice(SWAP))  # replaced
            elif r < 2 * rate / 3:
                continue  # dropped
            elif r < rate:
                edited += [w, w]  # doubled
            else:
                edited.append(w)
        text = " ".join(edited)
        if rng.random() < 0.3:
            text = re.sub(r"[,;]", "", text)
        if rng.random() < 0.2:
            text = text.replace(" -- ", " - ").replace('"', "'")
        out.append(text)
    return out


def reorder(paras: list[str], rng: random.Random) -> list[str]:
    if len(paras) < 4:
        return paras
    moved = paras[:]
    para = moved.pop(rng.randrange(1, len(moved)))
    moved.insert(rng.randrange(1, len(moved) + 1), para)
    return moved


def local_paragraph(rng: random.Random) -> str:
    """A paragraph of a report no generated story uses."""
    other = synth.article(10_000_000 + rng.randrange(1_000_000)).body.split("\n\n")
    return rng.choice(other[1:])


def make_copy(original: Item, site: str, rng: random.Random, n: int) -> Item:
    paras = original.body.split("\n\n")
    changes = []
    if rng.random() < 0.25 and len(paras) >= 4:
        keep = max(3, -(-len(paras) * 2 // 3) + rng.randrange(0, 2))
        paras, changes = paras[:keep], ["cut"]
    if rng.random() < 0.8:
        paras, changes = light_edits(paras, rng), [*changes, "edits"]
    if rng.random() < 0.3:
        paras, changes = reorder(paras, rng), [*changes, "reordered"]
    if rng.random() < 0.3:
        paras.insert(rng.randrange(1, len(paras) + 1), local_paragraph(rng))
        changes.append("paragraph added")
    if rng.random() < 0.7:
        above, below = site_paragraphs(site, rng, 2024)
        paras = above + paras + below
        changes.append("boilerplate")
    headline = original.headline
    if rng.random() < 0.5:
        headline = f"{rng.choice(['Report', 'Recap', 'Results'])}: {headline.split(':')[-1]}"
        changes.append("headline")
    published = None
    if original.published_at and rng.random() < 0.9:
        at = datetime.fromisoformat(original.published_at)
        published = (at + timedelta(hours=rng.uniform(1, 72))).isoformat()
    return Item(
        f"https://{site}/sports/{original.story}-{n}",
        site,
        original.story,
        False,
        headline,
        "\n\n".join(paras),
        published,
        changes,
    )


def generate(total: int = 10_000, seed: int = 1) -> list[Item]:
    """``total`` articles (originals, copies and false friends) in a shuffled arrival order."""
    rng = random.Random(seed)
    items: list[Item] = []
    ledes: list[str] = []
    story = 0
    while len(items) < total:
        s = synth.article(seed * 1_000_000 + story)
        site = rng.choice(SITES)
        paras = s.body.split("\n\n")
        changes = []
        if ledes and rng.random() < 0.05:  # an unrelated story opening with another's lede
            paras[0], changes = rng.choice(ledes), ["shares a lede"]
        if rng.random() < 0.7:
            above, below = site_paragraphs(site, rng, 2024)
            paras, changes = above + paras + below, [*changes, "boilerplate"]
        ledes.append(s.body.split("\n\n")[0])
        original = Item(
            f"https://{site}/news/{story}",
            site,
            story,
            True,
            s.headline,
            "\n\n".join(paras),
            s.published_at,
            changes,
        )
        items.append(original)
        others = [x for x in SITES if x != site]
        copies = min(rng.choice(COPY_COUNTS), len(others), total - len(items))
        for n, host in enumerate(rng.sample(others, copies)):
            items.append(make_copy(original, host, rng, n))
        story += 1
    rng.shuffle(items)
    return items


def true_pairs(items: list[Item]) -> set[tuple[int, int]]:
    """Pairs of positions (i < j) of articles of the same story."""
    by_story: dict[int, list[int]] = {}
    for i, it in enumerate(items):
        by_story.setdefault(it.story, []).append(i)
    return {(a, b) for group in by_story.values() for a in group for b in group if a < b}


def precision_recall(items: list[Item], found: list[int | None]) -> tuple[float, float, int, int]:
    """Pairwise precision and recall of a grouping (``found[i]``: the group of article i, None
    for none), with the numbers of true and found pairs."""
    groups: dict[int, list[int]] = {}
    for i, g in enumerate(found):
        if g is not None:
            groups.setdefault(g, []).append(i)
    got = {(a, b) for members in groups.values() for a in members for b in members if a < b}
    truth = true_pairs(items)
    hit = len(got & truth)
    return (
        (hit / len(got) if got else 1.0),
        (hit / len(truth) if truth else 1.0),
        len(truth),
        len(got),
    )
