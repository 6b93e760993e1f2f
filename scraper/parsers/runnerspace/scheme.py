"""The RunnerSpace platform's URL scheme: which URLs are articles, listings, event pages, Results
pages and results files, and the keys that make one article (or results page) one row whatever
host or profile served it. Pure functions of URLs; the spider, the parser, the request
fingerprinter and the web-archive reader all ask here (see ../shared/sites/runnerspace.md).

The platform serves one PHP application under many hosts (www.dyestat.com, www.runnerspace.com,
its meet sub-domains, custom meet domains) and its ids are global: a news article is reached as
``gprofile.php?mgroup_id=G&do=news&news_id=N`` (a group's wall) and as
``eprofile.php?event_id=E&do=news&news_id=N`` (an event's news), and news_id alone names it.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from scraper.text.urls import canonicalize

HOST = "www.runnerspace.com"
# The archive key of article N. It is a key, not necessarily a page that renders (the platform
# only uses news.php for article actions such as news.php?do=link&news_id=N): what users are shown
# is the article's fetched URL (articles.url).
NEWS_KEY = f"https://{HOST}/news.php?news_id={{}}"
PROFILE_SCRIPTS = ("gprofile.php", "eprofile.php")
_PROFILE_ID = {"gprofile.php": "mgroup_id", "eprofile.php": "event_id"}
# Hosts the platform serves: www.dyestat.com, www.runnerspace.com and its meet sub-domains, and the
# custom meet domains seen so far. A crawl's start URLs add their own hosts.
PLATFORM_DOMAINS = ("dyestat.com", "runnerspace.com", "twilight-relays.com")
# Files a Results page links to, on any host: Hy-Tek .txt/.htm, PDF, FinishLynx .lif, CSV/TSV,
# spreadsheets, Word documents, JSON and XML exports.
RESULT_FILE_SUFFIXES = (
    ".txt",
    ".pdf",
    ".lif",
    ".csv",
    ".tsv",
    ".htm",
    ".xlsx",
    ".docx",
    ".json",
    ".xml",
)


def _script(url: str) -> str:
    return urlsplit(url).path.rsplit("/", 1)[-1].lower()


def _query(url: str) -> dict[str, str]:
    return dict(parse_qsl(urlsplit(url).query))


def on_platform(host: str) -> bool:
    return any(host == d or host.endswith("." + d) for d in PLATFORM_DOMAINS)


def runnerspace_article_key(url: str) -> tuple[str, int, int] | None:
    """(profile script, profile id, news_id) for a news article URL, else None: what the URL says
    (the profile it was reached through); :func:`article_key` keys the article by news_id
    alone."""
    script = _script(url)
    id_param = _PROFILE_ID.get(script)
    if id_param is None:
        return None
    query = _query(url)
    if query.get("do") != "news":
        return None
    try:
        return script, int(query[id_param]), int(query["news_id"])
    except (KeyError, ValueError):
        return None


def runnerspace_news_id(url: str) -> int | None:
    """The news_id of a news article URL (any profile, any host), else None."""
    key = runnerspace_article_key(url)
    return None if key is None else key[2]


def article_key(url: str) -> str | None:
    """``https://www.runnerspace.com/news.php?news_id=N`` for an article URL of any profile, host
    or parameter order; None for any other URL."""
    news_id = runnerspace_news_id(url)
    return None if news_id is None else NEWS_KEY.format(news_id)


def document_key(url: str) -> str | None:
    """A page of the profile scripts (an event's Results section, folder or page:
    ``eprofile.php?event_id=E&do=title&title_id=T&folder_id=F``) keyed by its query alone on
    www.runnerspace.com, since the platform's ids are global (the same Results page served by
    nxn.runnerspace.com and www.runnerspace.com is one document); None for other URLs."""
    if _script(url) not in PROFILE_SCRIPTS:
        return None
    parts = urlsplit(canonicalize(url))
    return urlunsplit(("https", HOST, "/" + _script(url), parts.query, ""))


def link_kind(url: str) -> str | None:
    """What a platform URL is, as far as the crawl cares; None for everything it never follows.

    ``article``, ``wall`` (the View More loader), ``archive`` (a group's news of one year),
    ``event_news`` (an event's news list), ``event`` (an event profile home), ``title`` (an event's
    content section, e.g. Results, or one folder/page of it).
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https"):
        return None
    script = _script(url)
    if script not in PROFILE_SCRIPTS:
        return None
    query = _query(url)
    do = query.get("do", "")
    if runnerspace_article_key(url) is not None:
        return "article"
    if do == "wall" and query.get("sub") == "load":
        return "wall"
    if script == "gprofile.php" and do == "news" and "year" in query and "mgroup_id" in query:
        return "archive"
    if script != "eprofile.php" or "event_id" not in query:
        return None
    if do == "news" and "news_id" not in query:
        return "event_news"
    if do == "title" and "title_id" in query:
        return "title"
    if do in ("", "index"):
        return "event"
    return None


def result_file(url: str) -> bool:
    """A results file a Results page links to, on any host (timing companies host them)."""
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and parts.path.lower().endswith(RESULT_FILE_SUFFIXES)


def news_only(url: str) -> str:
    """The View More loader URL restricted to news items (``wall_type=news``)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if k != "wall_type"]
    return urlunsplit(parts._replace(query=urlencode([*query, ("wall_type", "news")])))
