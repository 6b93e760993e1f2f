"""Which addresses a crawl may connect to, checked where the connection gets them.

A host name is resolved twice in a crawl: by the private-address guard before the request
(``scraper.crawl.guards.PrivateAddressGuard``, so that a refusal is a clear reject before any
robots.txt or retry) and by the connection itself. A name answering a public address to the first
lookup and a private one to the second (DNS rebinding) would get past a check made on the first
only. So :class:`CheckedNameResolver`, installed over the reactor's name resolver while a crawl
runs, checks every answer a connection gets: a non-public address (loopback, private, link-local,
multicast...) of a host not allowed to have one is never handed to the connection, which fails
with a DNS error; the refusal is kept (:meth:`CheckedNameResolver.refusal`) so that the guard
records it as what it is. Whatever resolver Scrapy uses (``TWISTED_DNS_RESOLVER``), it sits
beneath this one.
"""

from __future__ import annotations

import ipaddress
from collections import OrderedDict
from collections.abc import Sequence
from typing import Any

from twisted.internet.defer import Deferred
from twisted.internet.interfaces import IAddress

MAX_REFUSALS = 1000  # the latest refusals kept for the guard to name (hosts)


def non_public(address: str) -> bool:
    """Loopback, private, link-local, reserved or multicast (IPv4-mapped IPv6 as IPv4)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return not ip.is_global or ip.is_multicast


def literal_local(host: str) -> bool:
    """A host written as a non-public address, or localhost."""
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return non_public(host)
    except ValueError:
        return False


def literal_address(host: str) -> str | None:
    """The address a host is written as, or None for a name."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def refusal_text(host: str, address: str, when: str = "") -> str:
    return f"{host} resolves to the non-public address {address}{when} (ALLOW_PRIVATE_ADDRESSES)"


class _Collector:
    """An IResolutionReceiver: receives a resolution's addresses; hands them on (or not) when it
    completes."""

    def __init__(self, done: Any) -> None:
        self.done = done
        self.resolution: Any = None  # an IHostResolution
        self.addresses: list[Any] = []  # IAddress

    def resolutionBegan(self, resolution: Any) -> None:  # noqa: N802 (Twisted API)
        self.resolution = resolution

    def addressResolved(self, address: Any) -> None:  # noqa: N802
        self.addresses.append(address)

    def resolutionComplete(self) -> None:  # noqa: N802
        self.done(self)


class CheckedNameResolver:
    """The reactor's name resolver (an IHostnameResolver) while a crawl runs: ``inner``'s
    answers, checked.

    ``allow_all`` (ALLOW_PRIVATE_ADDRESSES=true) lets every address through but for the hosts
    :meth:`deny` names; otherwise a host's non-public addresses pass only once :meth:`allow` has
    named it (the guard does for the hosts it allows: local start hosts, sources allowed private
    addresses)."""

    def __init__(self, inner: Any, allow_all: bool = False) -> None:
        self.inner = inner
        self.allow_all = allow_all
        self.allowed: set[str] = set()
        self.denied: set[str] = set()
        self.refused: OrderedDict[str, str] = OrderedDict()

    def allow(self, host: str) -> None:
        self.allowed.add(host.lower())

    def deny(self, host: str) -> None:
        self.denied.add(host.lower())

    def refusal(self, host: str) -> str | None:
        """Why the last connection to ``host`` got no address, if it was refused one."""
        return self.refused.get(host.lower())

    def may_reach(self, host: str, address: str) -> bool:
        host = host.lower()
        if host in self.denied:
            return not non_public(address)
        return self.allow_all or host in self.allowed or not non_public(address)

    def resolveHostName(  # noqa: N802 (Twisted API)
        self,
        resolutionReceiver: Any,  # noqa: N803 (an IResolutionReceiver)
        hostName: str,  # noqa: N803
        portNumber: int = 0,  # noqa: N803
        addressTypes: Sequence[type[IAddress]] | None = None,  # noqa: N803
        transportSemantics: str = "TCP",  # noqa: N803
    ) -> Any:  # an IHostResolution
        def checked(collector: _Collector) -> None:
            if collector.resolution is not None:
                resolutionReceiver.resolutionBegan(collector.resolution)
            bad = [a for a in collector.addresses if not self.may_reach(hostName, _host_of(a))]
            if bad:
                self._remember(hostName, refusal_text(hostName, _host_of(bad[0]), " on connecting"))
            else:
                for address in collector.addresses:
                    resolutionReceiver.addressResolved(address)
            resolutionReceiver.resolutionComplete()

        return self.inner.resolveHostName(
            _Collector(checked), hostName, portNumber, addressTypes, transportSemantics
        )

    def lookup(self, host: str) -> Deferred[list[str]]:
        """The addresses ``inner`` gives for ``host`` (unchecked: the guard checks them)."""
        result: Deferred[list[str]] = Deferred()
        self.inner.resolveHostName(
            _Collector(lambda c: result.callback([_host_of(a) for a in c.addresses])), host, 0
        )
        return result

    def _remember(self, host: str, reason: str) -> None:
        self.refused[host.lower()] = reason
        self.refused.move_to_end(host.lower())
        while len(self.refused) > MAX_REFUSALS:
            self.refused.popitem(last=False)


def _host_of(address: Any) -> str:
    return str(getattr(address, "host", ""))
