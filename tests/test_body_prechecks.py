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
