"""decode_html: the bytes decide; declarations (HTTP header, <meta>) only break ties."""

import pytest

from scraper.text.encoding import decode_html

TEXT = "Kerr’s “dumb decision” in Eugene — café Pokémon"
META_UTF8 = b'<html><head><meta charset="utf-8"></head><body><p>'
META_LATIN1 = (
    b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
)
END = b"</p></body></html>"

CASES = [
    # (id, body, header charset, expected encoding, expected text fragment)
    ("utf8-no-declaration", b"<p>" + TEXT.encode() + END, None, "utf-8", TEXT),
    ("utf8-under-meta-latin1", META_LATIN1 + TEXT.encode() + END, None, "utf-8", TEXT),
    ("utf8-under-header-latin1", b"<p>" + TEXT.encode() + END, "iso-8859-1", "utf-8", TEXT),
    ("cp1252-under-meta-utf8", META_UTF8 + TEXT.encode("cp1252") + END, None, "cp1252", TEXT),
    (
        "cp1252-under-header-utf8",
        b"<p>" + TEXT.encode("cp1252") + END,
        "text/html; charset=utf-8",
        "cp1252",
        TEXT,
    ),
    ("cp1252-undeclared", b"<p>" + TEXT.encode("cp1252") + END, None, "cp1252", TEXT),
    (
        "latin1-declared-is-cp1252",
        META_LATIN1 + "café".encode("latin-1") + END,
        None,
        "cp1252",
        "café",
    ),
    ("header-label", b"<p>" + "café".encode("latin-1") + END, "ISO-8859-1", "cp1252", "café"),
    (
        "header-content-type",
        b"<p>" + "Grüße".encode("latin-1") + END,
        "text/html; charset=ISO-8859-1",
        "cp1252",
        "Grüße",
    ),
    ("utf8-bom", b"\xef\xbb\xbf<p>" + TEXT.encode() + END, "iso-8859-1", "utf-8", TEXT),
    ("utf16-bom", "\ufeff<p>café</p>".encode("utf-16-le"), None, "utf-16-le", "<p>café</p>"),
    (
        "koi8r-declared",
        b'<meta charset="koi8-r"><p>' + "Привет".encode("koi8-r") + END,
        None,
        "koi8-r",
        "Привет",
    ),
    (
        "shift-jis-header",
        b"<p>" + "東京マラソン".encode("shift_jis") + END,
        "shift_jis",
        "cp932",
        "東京マラソン",
    ),  # WHATWG: Shift_JIS is windows-31j
    ("ascii-only", META_LATIN1 + b"plain" + END, None, "utf-8", "plain"),
    # mostly UTF-8 with one stray Latin-1 byte (the RunnerSpace templates): both read right
    (
        "utf8-with-stray-latin1",
        META_LATIN1 + TEXT.encode() + b" \xa9 Dynamic Drive" + END,
        None,
        "utf-8+cp1252",
        TEXT + " © Dynamic Drive",
    ),
    # stray Latin-1 letters too: bytes 0xC2-0xF4 (é, í, ñ, ...) also lead UTF-8 sequences, which
    # bs4's UnicodeDammit.detwingle skips whole, leaving U+FFFD ("Jos\ufffd Garc\ufffda")
    (
        "utf8-with-stray-latin1-letters",
        META_LATIN1 + TEXT.encode() + b" Jos\xe9 Garc\xeda, Pe\xf1a" + END,
        None,
        "utf-8+cp1252",
        TEXT + " José García, Peña",
    ),
    ("cp1252-undefined-byte", b"<p>caf\xe9 \x81" + END, None, "cp1252", "café \ufffd"),
    (
        "bogus-declared-charset",
        b'<meta charset="no-such-charset"><p>caf\xe9' + END,
        None,
        "cp1252",
        "café",
    ),
]


@pytest.mark.parametrize(
    ("body", "header", "encoding", "fragment"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_decode_html(body: bytes, header: str | None, encoding: str, fragment: str) -> None:
    text, used = decode_html(body, header)
    assert used == encoding
    assert fragment in text
    assert "\ufffd" not in text.replace(fragment, "")


def test_empty_body() -> None:
    assert decode_html(b"") == ("", "utf-8")
