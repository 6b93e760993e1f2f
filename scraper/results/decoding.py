"""A results document's bytes as text: the encoding its bytes decide (UTF-16 by its mark, UTF-8
when they read as such, else the single-byte code page that misreads fewest letters), and the
signs results print in other code points as ASCII."""

from __future__ import annotations

import re


def decoded(data: bytes | str) -> str:
    """The document's text (:func:`plain`)."""
    return plain(data if isinstance(data, str) else _decode(data))


def plain(text: str) -> str:
    """Signs results print in other code points as ASCII: full-width ASCII ('１１．００',
    '＋１．２', Japanese pages) and the minus sign of a wind ('−0.3', Wikipedia's)."""
    return text.translate(_ASCII) if _OTHER.search(text) else text


_OTHER = re.compile("[\uff01-\uff5e\u2212]")
_ASCII = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)} | {0x2212: ord("-")}


def _decode(data: bytes) -> str:
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16", "replace")
    if data[:3] == b"\xef\xbb\xbf":
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    texts = [data.decode(enc, "replace") for enc in _SINGLE_BYTE]
    odd = [_misread(t) for t in texts]
    if len(set(odd)) == 1:  # no letter misread either way: the words that mix the pages decide
        odd = [_mixed(t) for t in texts]
    return texts[odd.index(min(odd))]  # (Western European when they tie)


# the single-byte code pages results files are saved in: Western, then Central European
_SINGLE_BYTE = ("cp1252", "cp1250")
_BY_LETTER = re.compile(r"(?<=[^\W\d_])[^\x00-\x7f]|[^\x00-\x7f](?=[^\W\d_])")


_WORD = re.compile(r"[^\W\d_]+")
# Central European letters read in the Western code page ('ř' as 'ø', 'č' as 'è', 'ě' as 'ì', 'ů'
# as 'ù', 'ň' as 'ò', 'ő' as 'õ', 'ű' as 'û') beside the acute vowels both pages share: a mix
# no Western word writes ('Kotláøka', 'Øezníèková')
_WESTERN_AS = frozenset("øèìùòõûØÈÌÙÒÕÛ")
_ACUTE = frozenset("áíýúÁÍÝÚ")


def _misread(text: str) -> int:
    """Signs a wrong code page leaves beside letters ('Pawe³', 'S³oneczne', '¿ona'): no letter
    where a letter stands in the right one. Fewer is likelier."""
    return sum(1 for m in _BY_LETTER.finditer(text) if not m.group().isalpha())


def _mixed(text: str) -> int:
    """Words mixing letters no one word of a language mixes ('Kotláøka'). Fewer is likelier."""
    return sum(
        1
        for w in _WORD.findall(text)
        if not w.isascii() and not _WESTERN_AS.isdisjoint(w) and not _ACUTE.isdisjoint(w)
    )
