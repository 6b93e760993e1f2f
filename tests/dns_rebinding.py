"""A DNS resolver for tests (``-s TWISTED_DNS_RESOLVER=tests.dns_rebinding.RebindingResolver``) that
answers like a name doing DNS rebinding: ``rebind.test`` resolves to a public address the first
time it is asked and to 127.0.0.1 (where the test's server listens) every time after. Every
other name is resolved as Scrapy's own resolver does. Each answer it gives is appended to the
file named by ``$REBIND_LOG``, so a test can see who asked what."""

from __future__ import annotations

import os
from typing import Any, Self

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer

NAME = "rebind.test"
PUBLIC = "93.184.216.34"  # never connected to: the guard's lookup only
PRIVATE = "127.0.0.1"


class RebindingResolver(CachingThreadedResolver):
    asked = 0

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> Self:
        return cls(reactor, 0, crawler.settings.getfloat("DNS_TIMEOUT"))  # no cache

    def getHostByName(self, name: str, timeout: Any = ()) -> Any:  # noqa: N802 (Twisted API)
        if name != NAME:
            return super().getHostByName(name, timeout)
        answer = PUBLIC if RebindingResolver.asked == 0 else PRIVATE
        RebindingResolver.asked += 1
        log = os.environ.get("REBIND_LOG")
        if log:
            with open(log, "a", encoding="ascii") as f:
                f.write(f"{name} {answer}\n")
        return defer.succeed(answer)
