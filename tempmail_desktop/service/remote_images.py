"""Fetching a mail's remote images, once the user asked for them.

Remote images are how mail trackers work: the request itself tells the
sender that, when and from where the mail was read. So the fetch tells them
as little as it can and cannot be turned against the user:

* Only the addresses the mail names (and at most a few redirects from them,
  to http or https only). Nothing else is ever contacted: no proxy from the
  environment, no ``.netrc`` credentials, no embedded ``user:pass@``.
* A redirect never leads further in than the mail's own address: from a
  public host not into this computer or the local network (a tracker's
  redirect to ``http://192.168.1.1/…`` would make the reader's machine send
  a request to their router for the sender).
* No cookies, in either direction: each mail gets its own client, closed when
  its images are in, and that client's jar refuses every cookie. A cookie set
  by one image is never sent with another, of the same mail or of another.
* No ``Referer``, no ``Accept-Language``, and a ``User-Agent`` of just
  ``Mozilla/5.0``: it names no app, version or system for a tracker to
  fingerprint, does not pretend to be one particular browser (whose version
  would go stale and stand out), and still passes the image hosts that turn
  away clients without a browser-like token.
* Bounded: a count of images; bytes per image, per mail held and per mail
  downloaded, counted as they arrive (a missing or lying ``Content-Length``
  changes nothing); a time per image and per mail, after which what has
  arrived is returned. Bodies are
  asked for uncompressed and a compressed one is refused, so a small answer
  cannot unpack into a large one.
* Only answers that say they are raster images: ``image/*`` but not SVG, which
  the reader does not render (it is a document, with links and scripts).

Qt-free, like the rest of ``service``; the controller runs it as a job.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from collections.abc import Iterable
from dataclasses import dataclass
from enum import IntEnum

import httpx

from ..core import log_names
from ..providers.http import cookieless_jar, tls_context

log = logging.getLogger(log_names.IMAGES)

USER_AGENT = "Mozilla/5.0"
REQUEST_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "image/*",
    # Images are compressed already; a compressed transfer could only hide a bomb.
    "Accept-Encoding": "identity",
}
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
ALLOWED_SCHEMES = frozenset({"http", "https"})


@dataclass(frozen=True)
class ImageLimits:
    """What one mail's "Load images" may cost."""

    count: int = 40
    image_bytes: int = 2 * 1024 * 1024
    mail_bytes: int = 10 * 1024 * 1024  # what the mail's images may hold together
    mail_transfer_bytes: int = 20 * 1024 * 1024  # what they may bring in, dropped ones included
    redirects: int = 3
    image_seconds: float = 10.0
    mail_seconds: float = 15.0
    parallel: int = 6  # as many connections as a browser opens to one host


DEFAULT_LIMITS = ImageLimits()


class Reach(IntEnum):
    """How far in a network address lies; a redirect may not go lower than it started."""

    THIS_COMPUTER = 0  # loopback
    LOCAL_NETWORK = 1  # private, link-local, unique-local and other non-global ranges
    INTERNET = 2


def reach_of(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> Reach:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if address.is_loopback or address.is_unspecified:  # 0.0.0.0 reaches this computer too
        return Reach.THIS_COMPUTER
    return Reach.INTERNET if address.is_global else Reach.LOCAL_NETWORK


async def reach_of_host(host: str) -> Reach:
    """The innermost reach of what ``host`` names (a literal or every address it resolves to).

    A name that does not resolve gets INTERNET: its request fails on its own.
    The name is resolved again by the connection, so a host that changes its
    answer in between (DNS rebinding) is not caught; literal addresses and
    names such as ``localhost`` are.
    """
    try:
        return reach_of(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except OSError:
        return Reach.INTERNET
    reaches = []
    for *_, sockaddr in infos:
        try:
            reaches.append(reach_of(ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0])))
        except ValueError:
            continue
    return min(reaches, default=Reach.INTERNET)


class ImageRefused(Exception):
    """One image is not loaded; the reason goes to the log, the mail goes on."""


async def fetch_images(urls: Iterable[str], limits: ImageLimits = DEFAULT_LIMITS) -> dict[str, bytes]:
    """Fetch what loads of ``urls`` within ``limits``: {url as given: bytes}.

    Images that fail, are refused or are still on their way when the mail's
    time is up are simply missing from the answer, which may be empty.
    """
    wanted = _wanted(urls, limits.count)
    if not wanted:
        return {}
    loaded: dict[str, bytes] = {}
    budget = _Budget(limits.mail_bytes, limits.mail_transfer_bytes)
    gate = asyncio.Semaphore(max(1, limits.parallel))

    async def one(client: httpx.AsyncClient, url: str) -> None:
        async with gate:
            try:
                async with asyncio.timeout(limits.image_seconds):
                    loaded[url] = await _fetch_one(client, url, limits, budget)
            except TimeoutError:
                log.info("remote image from %s not loaded: not complete in %g s", _host(url), limits.image_seconds)
            except (ImageRefused, httpx.HTTPError, httpx.InvalidURL) as exc:
                log.info("remote image from %s not loaded: %s", _host(url), _reason(exc))

    async with _image_client(limits) as client:
        tasks = [asyncio.create_task(one(client, url), name=f"remote-image:{index}") for index, url in enumerate(wanted)]
        try:
            done, pending = await asyncio.wait(tasks, timeout=limits.mail_seconds)
            if pending:
                log.info("remote images: %d still loading after %g s, showing what arrived",
                         len(pending), limits.mail_seconds)
            for task in done:
                task.result()  # a bug in one fetch is not swallowed
        finally:
            # On time-out, on a bug and on cancellation (quitting) alike: no fetch outlives the mail's.
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
    # In the order the mail named them, whatever order they arrived in.
    return {url: loaded[url] for url in wanted if url in loaded}


def _wanted(urls: Iterable[str], count: int) -> list[str]:
    """The distinct fetchable addresses, in order, at most ``count``; the rest cost no request."""
    wanted: list[str] = []
    seen: set[str] = set()
    for url in urls:
        if len(wanted) >= count:
            break
        if url in seen:
            continue
        seen.add(url)
        try:
            _checked(httpx.URL(url))
        except (ImageRefused, httpx.InvalidURL) as exc:
            log.info("remote image not fetched: %s", _reason(exc))
            continue
        wanted.append(url)
    return wanted


def _image_client(limits: ImageLimits) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        headers=REQUEST_HEADERS,
        cookies=cookieless_jar(),
        follow_redirects=False,  # followed by hand, so every hop is checked
        trust_env=False,  # no proxy or .netrc from the environment: only the mail's addresses
        verify=tls_context(),
        timeout=httpx.Timeout(limits.image_seconds),
        limits=httpx.Limits(max_connections=max(1, limits.parallel), max_keepalive_connections=max(1, limits.parallel)),
    )


def _checked(url: httpx.URL) -> httpx.URL:
    if url.scheme not in ALLOWED_SCHEMES:
        raise ImageRefused(f"not an http or https address ({url.scheme or 'no'} scheme)")
    if not url.host:
        raise ImageRefused("no host")
    if url.userinfo:
        # httpx would turn it into an Authorization header; a mail has no business sending one.
        raise ImageRefused("credentials in the address")
    return url


async def _fetch_one(client: httpx.AsyncClient, url: str, limits: ImageLimits, budget: _Budget) -> bytes:
    target = _checked(httpx.URL(url))
    start = await reach_of_host(target.host)
    for hop in range(limits.redirects + 1):
        if hop and await reach_of_host(target.host) < start:
            raise ImageRefused("a redirect into this computer or the local network")
        budget.check()  # a spent budget costs the tracker no further request
        request = client.build_request("GET", target)
        response = await client.send(request, stream=True, follow_redirects=False)
        try:
            if response.status_code not in REDIRECT_STATUSES:
                return await _read_image(response, limits, budget)
            location = response.headers.get("location")
            if not location:
                raise ImageRefused(f"HTTP {response.status_code} without a Location")
            target = _checked(response.url.join(location))
        finally:
            await response.aclose()
    raise ImageRefused(f"more than {limits.redirects} redirects")


async def _read_image(response: httpx.Response, limits: ImageLimits, budget: _Budget) -> bytes:
    if response.status_code != 200:
        raise ImageRefused(f"HTTP {response.status_code}")
    media_type = response.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if not media_type.startswith("image/") or "svg" in media_type:
        raise ImageRefused(f"not a raster image ({media_type or 'no type'})")
    encoding = response.headers.get("content-encoding", "identity").strip().lower()
    if encoding not in ("", "identity"):
        raise ImageRefused(f"compressed body ({encoding})")
    declared = response.headers.get("content-length", "").strip()
    if declared.isdigit() and int(declared) > limits.image_bytes:
        raise ImageRefused("larger than the image limit")  # said so up front: not one byte read
    data = bytearray()
    try:
        # Raw bytes as they arrive: what is counted is what came over the wire.
        async for chunk in response.aiter_raw():
            budget.take(len(chunk))
            data += chunk
            if len(data) > limits.image_bytes:
                raise ImageRefused("larger than the image limit")
    except BaseException:
        budget.release(len(data))  # dropped: its bytes no longer count against what the mail holds
        raise
    return bytes(data)


class _Budget:
    """One mail's bytes, all its images together.

    ``hold`` bounds what the kept images and those on their way hold at once:
    the image whose bytes would pass it is dropped alone and its share freed,
    so images loading side by side do not sink each other. ``transfer`` bounds
    everything that came in, dropped images included. Once either is reached
    the mail is full: no image starts after that.
    """

    def __init__(self, hold: int, transfer: int) -> None:
        self.hold_left = hold
        self.transfer_left = transfer
        self.full = False

    def check(self) -> None:
        if self.full:
            raise ImageRefused("the mail's image budget is spent")

    def take(self, count: int) -> None:
        self.transfer_left -= count
        if self.transfer_left < 0:
            self.full = True
            raise ImageRefused("the mail's image transfer limit is spent")
        if count > self.hold_left:
            self.full = True
            raise ImageRefused("the mail's image budget is spent")
        self.hold_left -= count

    def release(self, count: int) -> None:
        self.hold_left += count


def _host(url: str) -> str:
    """For the log: the host only, as the rest of an image address often identifies the reader."""
    try:
        return httpx.URL(url).host or "?"
    except httpx.InvalidURL:
        return "?"


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ImageRefused):
        return str(exc)
    if isinstance(exc, httpx.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx.ConnectError):
        return "cannot connect"
    # httpx messages can quote the whole address; the type says enough.
    return type(exc).__name__
