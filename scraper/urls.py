"""URL identity: which URLs name the same article (or results document), whatever host served
them."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# The RunnerSpace platform serves one PHP application under many hosts (www.dyestat.com,
# *.runnerspace.com, custom meet domains) and its ids are global: a news article is reached as
# gprofile.php?mgroup_id=G&do=news&news_id=N (a group's wall) and as
# eprofile.php?event_id=E&do=news&news_id=N (an event's news), and news_id alone names it.
RUNNERSPACE_HOST = "www.runnerspace.com"
# The archive key of RunnerSpace article N. It is a key, not necessarily a page that renders (the
# platform only uses news.php for article actions such as news.php?do=link&news_id=N): what users
# are shown is the article's fetched URL (articles.url).
RUNNERSPACE_NEWS_KEY = f"https://{RUNNERSPACE_HOST}/news.php?news_id={{}}"
PROFILE_SCRIPTS = ("gprofile.php", "eprofile.php")
_PROFILE_ID = {"gprofile.php": "mgroup_id", "eprofile.php": "event_id"}
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|_ga)$", re.IGNORECASE)


def _script(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1].lower()


def runnerspace_article_key(url: str) -> tuple[str, int, int] | None:
    """(profile script, profile id, news_id) for a RunnerSpace news article URL, else None: what
    the URL says (the profile it was reached through); :func:`canonical_url` keys the article by
    news_id alone."""
    parts = urlsplit(url)
    script = _script(url)
    id_param = _PROFILE_ID.get(script)
    if id_param is None:
        return None
    query = dict(parse_qsl(parts.query))
    if query.get("do") != "news":
        return None
    try:
        return script, int(query[id_param]), int(query["news_id"])
    except (KeyError, ValueError):
        return None


def runnerspace_news_id(url: str) -> int | None:
    """The news_id of a RunnerSpace news article URL (any profile, any host), else None."""
    key = runnerspace_article_key(url)
    return None if key is None else key[2]


def _generic_canonical(url: str) -> str:
    """Sorted query, no fragment, no tracking parameters, lower-case host (port kept)."""
    parts = urlsplit(url)
    query = urlencode(
        [
            (k, v)
            for k, v in parse_qsl(parts.query, keep_blank_values=True)
            if not _TRACKING.match(k)
        ]
    )
    return canonicalize_url(
        urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", query, ""))
    )


def canonical_url(url: str) -> str:
    """The archive key of ``url``, computed from the URL alone.

    A RunnerSpace article is ``https://www.runnerspace.com/news.php?news_id=N`` whatever profile
    (group wall, event), host or parameter order reached it; any other URL is canonicalised
    (sorted query, no fragment, no tracking parameters, lower-case host).
    """
    news_id = runnerspace_news_id(url)
    if news_id is not None:
        return RUNNERSPACE_NEWS_KEY.format(news_id)
    return _generic_canonical(url)


def document_key(url: str) -> str:
    """The key of a results document: which stored results a newer version of it replaces.

    A page of the platform's profile scripts (an event's Results section, folder or page:
    ``eprofile.php?event_id=E&do=title&title_id=T&folder_id=F``) is keyed by its query alone on
    ``www.runnerspace.com``, since the platform's ids are global (the same Results page served by
    nxn.runnerspace.com and www.runnerspace.com is one document); any other document (a results
    file on a timing company's host) by its canonical URL, host and port included.
    """
    if _script(url) in PROFILE_SCRIPTS:
        parts = urlsplit(_generic_canonical(url))
        return urlunsplit(("https", RUNNERSPACE_HOST, "/" + _script(url), parts.query, ""))
    return canonical_url(url)
