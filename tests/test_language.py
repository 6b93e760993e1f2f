"""guess_language: function words decide; short or mixed text gives None."""

import pytest

from scraper.text.language import guess_language


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The directive from his coaches was clear: he said that he was going to take the lead "
            "with "
            "600 meters to go in the mile.",
            "en",
        ),
        (
            "Der Läufer sagte, dass er mit dem Rennen nicht zufrieden ist und sich auf die "
            "Meisterschaft "
            "in der nächsten Woche konzentrieren will.",
            "de",
        ),
        (
            "Le coureur a déclaré qu'il est satisfait de la course et qu'il pense déjà aux "
            "championnats "
            "dans une semaine avec les autres.",
            "fr",
        ),
        (
            "El corredor dijo que no está contento con la carrera y que se centra en el campeonato "
            "de la "
            "próxima semana con los demás.",
            "es",
        ),
        ("3:45.34", None),
        ("", None),
        (None, None),
    ],
)
def test_guess_language(text: str | None, expected: str | None) -> None:
    assert guess_language(text) == expected
