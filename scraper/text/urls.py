"""URL canonicalisation for any site: the same page whatever the query order, fragment, tracking
parameters or host case. Site keys (one RunnerSpace article under many URLs) are the site's own
(``scraper.parsers.keys.canonical_url`` asks the site first)."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from w3lib.url import canonicalize_url

_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|_ga)$", re.IGNORECASE)


def canonicalize(url: str) -> str:
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
