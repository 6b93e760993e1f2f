"""URL identity: which URLs name the same article, whatever host served them."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

# The RunnerSpace platform serves one PHP application under many hosts (www.dyestat.com,
# *.runnerspace.com, custom meet domains); ids are global, so an article is (profile type, id,
# news_id).
RUNNERSPACE_HOST = "www.runnerspace.com"
_PROFILE_ID = {"gprofile.php": "mgroup_id", "eprofile.php": "event_id"}
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|_ga)$", re.IGNORECASE)


def runnerspace_article_key(url: str) -> tuple[str, int, int] | None:
    """(profile script, profile id, news_id) for a RunnerSpace news article URL, else None."""
    parts = urlsplit(url)
    script = parts.path.rsplit("/", 1)[-1].lower()
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


def canonical_url(url: str) -> str:
    """The archive key of ``url``.

    RunnerSpace articles map to their www.runnerspace.com form; any other URL is canonicalised
    (sorted query, no fragment, no tracking parameters, lower-case host).
    """
    key = runnerspace_article_key(url)
    if key is not None:
        script, profile_id, news_id = key
        query = urlencode({_PROFILE_ID[script]: profile_id, "do": "news", "news_id": news_id})
        return f"https://{RUNNERSPACE_HOST}/{script}?{query}"
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
