"""What the body extractor drops as hidden or as a call to action, case by case.

Hidden: the hidden/aria-hidden attributes, a display:none/visibility:hidden style, a class that is
one of the hidden class names (a class that only contains such a name is no sign). Calls to action
are matched behind a lookahead on the phrases' first letters: each phrase is still found. Each case
is one element or one phrase in an otherwise plain article.
"""

from __future__ import annotations

import pytest

from scraper.parsers.common.body import extract_body_blocks
from scraper.parsers.common.boilerplate import HIDDEN_CLASS
from scraper.parsers.generic import parse_tree

PARAS = [
    "EUGENE -- Josh Kerr took the lead with 600 meters to go and held on to win the Bowerman Mile.",
    "The Scot ran 3:45.34, a British record, ahead of Jakob Ingebrigtsen and a standout field.",
    "Kerr will now turn his attention to the Olympic Games in Paris later this summer season.",
]
NEEDLE = "A sentence long enough to be article text that only this element holds, to be sure."


def body_text(extra: str) -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    html = (
        f"<html><body><main><article><h1>Kerr wins</h1>{paras}{extra}</article></main>"
        "</body></html>"
    )
    return "\n\n".join(text for _, text in extract_body_blocks(parse_tree(html)))


@pytest.mark.parametrize("cls", sorted(HIDDEN_CLASS))
def test_each_hidden_class_hides(cls: str) -> None:
    text = body_text(f"<div class='box {cls}'><p>{NEEDLE}</p></div>")
    assert PARAS[0] in text
    assert NEEDLE not in text


@pytest.mark.parametrize("cls", ["no-display", "display-none"])
def test_display_none_utility_classes_hide(cls: str) -> None:
    text = body_text(
        f"<p class='{cls}'>Skip to Main Content »</p><div class='{cls}'>{NEEDLE}</div>"
    )
    assert PARAS[0] in text
    assert NEEDLE not in text
    assert "Skip to Main Content" not in text


@pytest.mark.parametrize(
    ("cls", "needle"),
    [
        ("postRelated", NEEDLE),  # camelCase names are read word by word, like post-related
        ("storyShareBar", NEEDLE),
        ("articleText", None),  # and a content name stays content
    ],
)
def test_camel_case_names_are_read_word_by_word(cls: str, needle: str | None) -> None:
    text = body_text(f"<div class='{cls}'><p>{NEEDLE}</p></div>")
    assert (NEEDLE not in text) if needle else (NEEDLE in text)


@pytest.mark.parametrize(
    "attrs",
    [
        "hidden",
        "aria-hidden='true'",
        "style='display: none'",
        "style='DISPLAY:NONE'",
        "style='visibility:hidden'",
        "class='a' style='color: red; display :none'",
    ],
)
def test_hidden_attributes_hide(attrs: str) -> None:
    assert NEEDLE not in body_text(f"<div {attrs}><p>{NEEDLE}</p></div>")


@pytest.mark.parametrize(
    "attrs",
    [
        "class='hidden-print'",
        "class='unhidden'",
        "class='Hidden'",
        "class='d-none-md'",
        "style='color: red'",
        "aria-hidden='false'",
        "class='hide-on-mobile wide'",
    ],
)
def test_names_that_only_contain_a_hidden_class_do_not_hide(attrs: str) -> None:
    assert NEEDLE in body_text(f"<div {attrs}><p>{NEEDLE}</p></div>")


CALLS = [
    "Sign up for our newsletter today",
    "Subscribe now and save",
    "Join us on Facebook",
    "Follow us on Instagram",
    "Download our app",
    "Download the official TouchArcade App",
    "Support Our Sponsors:",
    "Get the latest results on your phone",
    "Newsletter: every morning",
    "Jetzt kostenlos anmelden",
    "Folgen Sie uns auf X",
    "Hier geht es zum Video",
    "Externen Inhalt laden",
    "Ich bin damit einverstanden",
    "Personenbezogene Daten können übermittelt werden",
    "All rights reserved",
    "Alle Rechte vorbehalten",
    "Tous droits réservés",
    "Todos los derechos reservados",
    "Suscríbete",
    "Abonnez-vous",
    "Inscrivez-vous",
    "SUBSCRIBE TO THE PODCAST",
]


@pytest.mark.parametrize("call", CALLS)
def test_calls_to_action_are_dropped(call: str) -> None:
    text = body_text(f"<p>{call}.</p>")
    assert PARAS[-1] in text
    assert call not in text


@pytest.mark.parametrize(
    "line",
    [
        "Kerr signed up for the race late.",
        "The subscriber count rose.",
        "Followers of the sport knew it.",
        "He joined the club in 2019.",
    ],
)
def test_prose_near_the_phrases_stays(line: str) -> None:
    assert line in body_text(f"<p>{line}</p>")


@pytest.mark.parametrize(
    "extra",
    [
        # a box the reader opens to see (an expert's card, a teaser, a topic box)
        f"<div class='expandable-box js-expandable-box'><h2>Krieg</h2><p>{NEEDLE}</p></div>",
        # a messaging app's sign-up box
        f"<div class='whatsapp-group'><strong>Get the news</strong><p>{NEEDLE}</p></div>",
        # a pop-up box, a call to action's box
        f"<div class='lightbox' id='light'><div class='lightbox-headline'>{NEEDLE}</div></div>",
        f"<div class='side-cta'><p>{NEEDLE}</p></div>",
        # a chrome name numbered ('footer2', 'sidebar1')
        f"<div class='footer2'><div class='about'>{NEEDLE}</div></div>",
    ],
)
def test_boxes_named_as_chrome_are_dropped(extra: str) -> None:
    text = body_text(extra)
    assert PARAS[0] in text
    assert NEEDLE not in text


def test_a_timestamp_alone_in_its_box_is_no_text() -> None:
    # a live blog's entry: its time over the entry ('21 mins ago 11:48'), its author's link gone
    entry = (
        "<div class='entry-info'><time datetime='2024-07-18T11:48'><span>21 mins ago</span>"
        "11:48</time> <a class='entry-author' href='/j/1'>Jon King</a></div>"
        f"<p>{NEEDLE}</p>"
    )
    text = body_text(entry)
    assert NEEDLE in text
    assert "21 mins ago" not in text


def test_a_time_inside_a_sentence_stays() -> None:
    text = body_text("<p>The meet on <time datetime='2024-05-25'>May 25</time> drew a record.</p>")
    assert "The meet on May 25 drew a record." in text


@pytest.mark.parametrize(
    ("box_id", "kept"),
    [
        ("zendaya-promoted-dune-part-two-in-london-while-wearing-a-suit-1", True),  # a slug
        ("promoted-box", False),  # a name
    ],
)
def test_an_id_that_is_a_slug_of_a_heading_names_no_kind_of_box(box_id: str, kept: bool) -> None:
    text = body_text(f"<div id='{box_id}'><h2>A slide</h2><p>{NEEDLE}</p></div>")
    assert (NEEDLE in text) is kept
