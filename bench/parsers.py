"""Parse speed of the site parser and the date fast path (prints figures, asserts nothing).

python bench/parsers.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from scraper.parsers.page import article_from_page  # noqa: E402
from scraper.text.dates import parse_date  # noqa: E402
from tests.goldens import cases  # noqa: E402


def per_call(fn, n: int) -> float:
    fn()
    start = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - start) / n


def main() -> None:
    for case in cases():
        page = case.page()
        secs = per_call(lambda p=page: article_from_page(p), 30)
        print(f"article_from_page {case.id:32} {secs * 1000:6.2f} ms/page")
    fast = per_call(lambda: parse_date("May 26th 2024, 2:29am", "America/Chicago"), 2000)
    print(f"parse_date fast path        {fast * 1e6:8.1f} us/call")
    fallback = per_call(
        lambda: parse_date("26. Mai 2024, 14:30 Uhr", "Europe/Berlin", languages=["de"]), 200
    )
    print(f"parse_date dateparser (de)  {fallback * 1e6:8.1f} us/call")
    import dateparser

    default = per_call(lambda: dateparser.parse("May 26th 2024, 2:29am"), 50)
    print(f"dateparser.parse defaults   {default * 1e6:8.1f} us/call (for comparison)")


if __name__ == "__main__":
    main()
