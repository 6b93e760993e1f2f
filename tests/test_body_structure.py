"""The body extractor on how articles are built: sections headed by ``<h1>``s, and text written
straight into a box between its subheadings (small invented pages, one per rule)."""

from __future__ import annotations

import pytest

from scraper.parsers.generic import GenericParser

FETCHED = "2026-11-24T05:00:00+00:00"
URL = "https://blog.example.org/2026/06/01/tempo-runs"
TITLE = "How I plan my tempo runs"

S1 = (
    "Tempo runs are the backbone of my week: twenty minutes at a pace I could hold for an hour, "
    "never faster, whatever the watch says."
)
S2 = (
    "I pick a flat loop of about two kilometres, so the pace is honest and I can drop out if the "
    "legs are not there that day."
)
S3 = (
    "After eight weeks the same pace costs fewer heartbeats, and the long run on Sunday feels "
    "easier than it has any right to."
)


def page(article: str) -> str:
    rail = "".join(f"<li><a href='/p/{i}'>An older post number {i}</a></li>" for i in range(6))
    return (
        f"<!doctype html><html lang='en'><head><title>{TITLE}</title></head><body>"
        "<div id='top'><a href='/'>Run Notes</a></div>"
        f"<div id='main'><h1>{TITLE}</h1>{article}</div>"
        f"<div id='rail'><h3>Archive</h3><ul>{rail}</ul></div></body></html>"
    )


def body(html: str) -> str:
    return GenericParser().parse(html, URL, FETCHED).body or ""


def test_section_headings_marked_as_h1_are_kept_in_order() -> None:
    article = (
        f"<section><p>{S1}</p><h1>Where to run them</h1><p>{S2}</p>"
        f"<h1>What changes</h1><p>{S3}</p></section>"
    )
    text = body(page(article))
    assert not text.startswith(TITLE)
    assert text.index(S1) < text.index("Where to run them") < text.index(S2)
    assert text.index(S2) < text.index("What changes") < text.index(S3)


@pytest.mark.parametrize(
    ("h1", "after"),
    [
        (TITLE, f"<p>{S3}</p>"),  # the headline again, over more text
        ("Did you enjoy this post?", "<h1>Get free updates</h1><p>Enter your email.</p>"),
        (
            "A long caption marked as a heading, saying who stands where in the photo above, "
            "from the left, and who took it",
            f"<p>{S3}</p>",
        ),
    ],
)
def test_an_h1_that_heads_no_section_stays_out(h1: str, after: str) -> None:
    text = body(page(f"<section><p>{S1}</p><p>{S2}</p><h1>{h1}</h1>{after}</section>"))
    assert S2 in text
    assert h1 not in text


def test_text_written_between_a_boxs_subheadings_keeps_its_place() -> None:
    article = (
        f"<div class='post-body'>{S1}<br><br>{S2}<h2>The result</h2>{S3}<br>"
        "<h2>And then</h2>Short and sweet.</div>"
    )
    text = body(page(article))
    assert text.index(S2) < text.index("The result") < text.index(S3)
    assert text.index(S3) < text.index("And then") < text.index("Short and sweet.")


def test_a_place_left_between_a_boxs_blocks_is_no_paragraph() -> None:
    # a dateline's place, a bare name: text of the box that does not read as a paragraph
    article = f"<div class='story'><div><p>{S1}</p></div>Boulder<div><p>{S2}</p></div></div>"
    text = body(page(article))
    assert S1 in text
    assert S2 in text
    assert "Boulder" not in text


@pytest.mark.parametrize(
    "meta",
    [
        "<p class='postmetadata alt'>This entry was posted on Monday, June 1st, 2026 at 9:00 am "
        "and is filed under Training. You can follow any responses to this entry.</p>",
        "<div class='entry-meta'>Posted in Training, Tempo | Tagged pace, heart rate</div>",
        "<div class='metadata'>June 1st, 2026 by Sam in Training, Blog, Notes</div>",
    ],
)
def test_a_posts_metadata_line_is_no_text(meta: str) -> None:
    text = body(page(f"<div class='entry'><p>{S1}</p><p>{S2}</p><p>{S3}</p>{meta}</div>"))
    assert text.endswith(S3)


def test_a_linked_subheading_in_the_flow_of_the_text_is_kept() -> None:
    article = (
        f"<div class='body'><p>{S1}</p><h3><a href='/shop/shoe-a'>The Daily Trainer ($120)</a>"
        f"</h3><p>{S2}</p><h3><a href='/shop/shoe-b'>The Race Flat ($180)</a></h3><p>{S3}</p>"
        "<div class='card'><h3><a href='/p/9'>An older post about hill repeats</a></h3></div>"
        "</div>"
    )
    text = body(page(article))
    assert text.index(S1) < text.index("The Daily Trainer ($120)") < text.index(S2)
    assert text.index(S2) < text.index("The Race Flat ($180)") < text.index(S3)
    assert "hill repeats" not in text


S4 = (
    "On race day the tempo pace is the pace I start at, and the first kilometre at that pace "
    "tells me what the rest of the race will be like."
)
S5 = (
    "So keep them boring: the same loop, the same pace, the same day, and let the weeks do "
    "the work that no single session ever could."
)
BIO = "Sam Jones coaches a club of forty runners in Leeds and writes about training every week."


def test_a_small_box_after_the_articles_box_is_no_text() -> None:
    # an author's (or the site's) "about" box in a box of its own after the article's
    article = f"<div class='post'>{''.join(f'<p>{s}</p>' for s in (S1, S2, S3, S4, S5))}</div>"
    text = body(page(f"<div class='wrap'>{article}<div class='box'><p>{BIO}</p></div></div>"))
    assert text.startswith(S1)
    assert text.endswith(S5)
    assert BIO not in text


def test_a_small_box_after_the_text_inside_the_articles_box_is_no_text() -> None:
    # the post's box holds its text's box and the author's box; a prompt follows the post
    text_box = f"<div class='text'>{''.join(f'<p>{s}</p>' for s in (S1, S2, S3, S4, S5))}</div>"
    share = "Tell the runners of your club about this post and tell us how your tempo runs went."
    html = (
        f"<div class='wrap'><div class='post'>{text_box}<div class='box'><p>{BIO}</p></div>"
        f"</div><div class='after'><p>{share}</p></div></div>"
    )
    text = body(page(html))
    assert text.endswith(S5)
    assert BIO not in text


@pytest.mark.parametrize(
    "html",
    [
        # the article goes on in a second box after a photo (more text than a box beside it)
        f"<div class='wrap'><div class='part'><p>{S1}</p><p>{S2}</p><p>{S3}</p></div>"
        f"<div class='part'><p>{S4}</p><p>{BIO}</p></div></div>",
        # the box's children are the paragraphs themselves: a short last one is text
        f"<div class='entry'><p>{S1} {S2} {S3} {S4} {S5}</p><p>{BIO}</p></div>",
    ],
)
def test_text_after_the_articles_box_that_goes_on_with_it_is_kept(html: str) -> None:
    assert body(page(html)).endswith(BIO)


@pytest.mark.parametrize(
    "credit",
    [
        "Photo: AFP",
        "Photo: Kim Lee/Example Images",
        "Foto: Deja Gaston",
        "Fotos: Nikolai Berg Styling: Kate Long Haare: Syd Hay",
        "Photo credit: Some rights reserved by runner26.",
        "Image credit: Sam Lee for Run Notes",
    ],
)
def test_a_photo_credit_between_paragraphs_is_no_text(credit: str) -> None:
    text = body(page(f"<section><p>{S1}</p><p>{credit}</p><p>{S2}</p><p>{S3}</p></section>"))
    assert S2 in text
    assert credit not in text


def test_a_paragraph_about_a_photo_is_text() -> None:
    line = "Photographs of the finish were taken from the roof of the stand."
    text = body(page(f"<section><p>{S1}</p><p>{line}</p><p>{S2}</p></section>"))
    assert line in text


def test_a_sections_heading_over_its_first_subheading_is_kept() -> None:
    article = (
        f"<div class='entry-content'><p>{S1}</p><h3>Project updates</h3><h4>Where to run them</h4>"
        f"<p>{S2}</p><h4>What changes</h4><p>{S3}</p>"
        "<h3>Friends of the blog</h3><h3>Shout-outs</h3></div>"
    )
    text = body(page(article))
    assert text.index(S1) < text.index("Project updates") < text.index("Where to run them")
    assert text.index("Where to run them") < text.index(S2)
    # a heading over a heading of its own rank, and the last, still head nothing
    assert "Friends of the blog" not in text
    assert "Shout-outs" not in text
