"""Remote images against a loopback tracker: what "Load images" sends, follows and keeps.

The tracker sets a cookie with every answer and records every request's
headers, as a mail tracker would; the tests read its log.
"""

from __future__ import annotations

import asyncio
import ipaddress
import time
from dataclasses import replace
from urllib.parse import quote

import httpx
import pytest
import pytest_asyncio
from aiohttp import web

from tempmail_desktop.providers.http import HttpClient
from tempmail_desktop.service import remote_images
from tempmail_desktop.service.remote_images import DEFAULT_LIMITS, USER_AGENT, fetch_images
from tests.fakes.tracker import PNG_HEAD, Tracker

IMAGE_CAP = DEFAULT_LIMITS.image_bytes


@pytest.fixture
def tracker():
    with Tracker() as server:
        yield server


@pytest_asyncio.fixture
async def lying_server():
    """Says Content-Length: 100 and sends 4 MB chunked; HTTP lets chunked win, so a
    client that trusted the length for its limit would take all 4 MB."""

    async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nContent-Length: 100\r\n"
                     b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"\0" * 100_000
        try:
            for _ in range(40):
                writer.write(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                await writer.drain()
            writer.write(b"0\r\n\r\n")
            await writer.drain()
        except ConnectionError:
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    yield f"http://127.0.0.1:{port}"
    server.close()
    await server.wait_closed()


ONE_AT_A_TIME = replace(DEFAULT_LIMITS, parallel=1)  # so an earlier answer's cookie could ride on a later request


# -- what a request carries ---------------------------------------------------


@pytest.mark.asyncio
async def test_a_tracking_cookie_rides_on_no_other_request(tracker):
    # The tracker's cookie is one an ordinary cookie-keeping client sends back:
    # without that, "no cookie was sent" would prove nothing.
    async with httpx.AsyncClient() as ordinary:
        await ordinary.get(tracker.url + "/pixel/control")
        await ordinary.get(tracker.url + "/pixel/control-again")
    assert tracker.cookies_sent() == ["uid=reader-seen-by-control"]
    tracker.requests.clear()

    first = await fetch_images([tracker.url + "/pixel/a", tracker.url + "/pixel/b"], ONE_AT_A_TIME)
    second = await fetch_images([tracker.url + "/pixel/c"], ONE_AT_A_TIME)
    api = HttpClient()
    try:
        await api.request("tracker", "GET", tracker.url + "/api/status")
        await api.request("tracker", "GET", tracker.url + "/api/status")
    finally:
        await api.aclose()

    assert set(first) == {tracker.url + "/pixel/a", tracker.url + "/pixel/b"} and len(second) == 1
    assert tracker.paths() == ["/pixel/a", "/pixel/b", "/pixel/c", "/api/status", "/api/status"]
    assert tracker.cookies_sent() == []


@pytest.mark.asyncio
async def test_image_requests_carry_no_referer_no_language_and_a_fixed_user_agent(tracker):
    await fetch_images([tracker.url + "/pixel/a", tracker.url + "/hop/2"])

    assert len(tracker.requests) == 4
    for seen in tracker.requests:
        headers = {name.lower(): value for name, value in seen.headers.items()}
        assert headers["user-agent"] == USER_AGENT == "Mozilla/5.0"
        assert "referer" not in headers and "accept-language" not in headers
        assert "cookie" not in headers and "authorization" not in headers


@pytest.mark.asyncio
async def test_only_the_named_addresses_are_fetched_once_each_and_at_most_forty(tracker):
    urls = [f"{tracker.url}/pixel/{n}" for n in range(45)]

    loaded = await fetch_images(urls + urls[:5])

    assert list(loaded) == urls[:40]
    assert sorted(tracker.paths()) == sorted(f"/pixel/{n}" for n in range(40))


@pytest.mark.asyncio
async def test_addresses_a_mail_cannot_make_us_fetch(tracker, tmp_path):
    honeypot = tmp_path / "honeypot.png"
    honeypot.write_bytes(PNG_HEAD + b"local file")
    host = tracker.url.removeprefix("http://")
    urls = [
        honeypot.as_uri(),
        f"ftp://{host}/pixel/ftp",
        f"http://someone:secret@{host}/pixel/with-credentials",
        "http://[::1/pixel/broken",
        "data:image/png;base64,iVBORw0KGgo=",
        "cid:part1@mail",
    ]

    assert await fetch_images(urls) == {}
    assert tracker.requests == []


# -- redirects ----------------------------------------------------------------


@pytest.mark.asyncio
async def test_three_redirects_are_followed(tracker):
    url = tracker.url + "/hop/3"

    loaded = await fetch_images([url])

    assert loaded == {url: PNG_HEAD + b"arrived"}
    assert tracker.paths() == ["/hop/3", "/hop/2", "/hop/1", "/hop/0"]


@pytest.mark.asyncio
async def test_a_fourth_redirect_is_not_followed(tracker):
    assert await fetch_images([tracker.url + "/hop/4"]) == {}
    assert tracker.paths() == ["/hop/4", "/hop/3", "/hop/2", "/hop/1"]


@pytest.mark.asyncio
@pytest.mark.parametrize("scheme", ["file", "ftp", "data"])
async def test_a_redirect_to_another_scheme_is_refused(tracker, tmp_path, scheme):
    honeypot = tmp_path / "honeypot.png"
    honeypot.write_bytes(PNG_HEAD + b"local file")
    target = {
        "file": honeypot.as_uri(),
        "ftp": "ftp" + tracker.url.removeprefix("http") + "/pixel/over-ftp",
        "data": "data:image/png;base64,iVBORw0KGgo=",
    }[scheme]

    loaded = await fetch_images([str(httpx.URL(tracker.url + "/away", params={"to": target}))])

    assert loaded == {}
    assert tracker.paths() == ["/away"]


# -- what is kept -------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "content_type, kept",
    [
        ("image/png", True),
        ("image/jpeg; qs=0.9", True),
        ("IMAGE/GIF", True),
        ("text/html", False),
        ("image/svg+xml", False),
        ("image/svg+xml; charset=utf-8", False),
        ("application/octet-stream", False),
        (None, False),
    ],
)
async def test_only_raster_images_are_kept(tracker, content_type, kept):
    params = {"type": content_type} if content_type else {}
    url = str(httpx.URL(tracker.url + "/typed", params=params))

    loaded = await fetch_images([url])

    assert (url in loaded) is kept


@pytest.mark.asyncio
async def test_a_compressed_body_is_refused(tracker):
    url = str(httpx.URL(tracker.url + "/typed", params={"type": "image/png", "encoding": "gzip"}))

    assert await fetch_images([url]) == {}


@pytest.mark.asyncio
async def test_an_image_over_two_megabytes_without_content_length_is_dropped(tracker):
    at_cap = f"{tracker.url}/sized/{IMAGE_CAP}"
    over_cap = f"{tracker.url}/sized/{IMAGE_CAP + 1}"

    loaded = await fetch_images([at_cap, over_cap])

    assert IMAGE_CAP == 2 * 1024 * 1024
    assert list(loaded) == [at_cap] and len(loaded[at_cap]) == IMAGE_CAP
    assert all("Content-Length" not in r.headers for r in tracker.requests)


@pytest.mark.asyncio
async def test_a_content_length_that_lies_does_not_lift_the_limit(lying_server):
    assert await fetch_images([lying_server + "/small.png"]) == {}


@pytest.mark.asyncio
async def test_a_mail_holds_ten_megabytes_of_images_in_all(tracker):
    size = 3 * 1024 * 1024 // 2  # 1.5 MB each, under the image limit
    urls = [f"{tracker.url}/sized/{size}?n={n}" for n in range(10)]

    loaded = await fetch_images(urls, ONE_AT_A_TIME)

    assert DEFAULT_LIMITS.mail_bytes == 10 * 1024 * 1024
    assert list(loaded) == urls[:6]  # 9 MB; the seventh would pass 10 MB
    assert len(tracker.requests) == 7  # and once the mail is full, no further request


@pytest.mark.asyncio
async def test_images_loading_side_by_side_do_not_sink_each_other(tracker):
    # Six at a time, 2 MB each: together they would pass 10 MB, but only the
    # one whose bytes pass it is dropped, not all six.
    urls = [f"{tracker.url}/sized/{IMAGE_CAP}?n={n}" for n in range(12)]

    loaded = await fetch_images(urls)

    assert DEFAULT_LIMITS.parallel == 6
    assert sum(map(len, loaded.values())) <= DEFAULT_LIMITS.mail_bytes
    assert len(loaded) >= 4  # 5 fit exactly; how the six interleave may cost one more


@pytest.mark.asyncio
async def test_dropped_images_still_count_against_what_a_mail_may_download(tracker):
    urls = [f"{tracker.url}/sized/{IMAGE_CAP + 1}?n={n}" for n in range(40)]

    assert await fetch_images(urls) == {}
    # 20 MB in all is ten oversized images, plus the few on their way when it ran out.
    assert DEFAULT_LIMITS.mail_transfer_bytes == 20 * 1024 * 1024
    assert len(tracker.requests) <= 10 + DEFAULT_LIMITS.parallel


# -- time ---------------------------------------------------------------------


@pytest.mark.asyncio
async def test_the_mail_time_limit_returns_what_loaded_so_far(tracker):
    fast, slow = tracker.url + "/pixel/fast", tracker.url + "/drip"
    limits = replace(DEFAULT_LIMITS, mail_seconds=0.5)

    started = time.monotonic()
    loaded = await fetch_images([slow, fast], limits)
    took = time.monotonic() - started

    assert list(loaded) == [fast]
    assert 0.5 <= took < 2.0


@pytest.mark.asyncio
async def test_an_image_that_never_finishes_is_given_up_alone(tracker):
    fast, slow = tracker.url + "/pixel/fast", tracker.url + "/drip"
    limits = replace(DEFAULT_LIMITS, image_seconds=0.3, parallel=1)

    started = time.monotonic()
    loaded = await fetch_images([slow, fast], limits)
    took = time.monotonic() - started

    assert list(loaded) == [fast]  # fetched after the slow one was given up, one at a time
    assert took < 2.0


# -- a redirect may not lead further in than the mail's own address -------------------


@pytest.mark.parametrize(("address", "reach"), [
    ("127.0.0.1", remote_images.Reach.THIS_COMPUTER),
    ("::1", remote_images.Reach.THIS_COMPUTER),
    ("0.0.0.0", remote_images.Reach.THIS_COMPUTER),
    ("::ffff:127.0.0.1", remote_images.Reach.THIS_COMPUTER),
    ("192.168.1.1", remote_images.Reach.LOCAL_NETWORK),
    ("10.0.0.138", remote_images.Reach.LOCAL_NETWORK),
    ("169.254.169.254", remote_images.Reach.LOCAL_NETWORK),  # a cloud machine's metadata service
    ("fd00::1", remote_images.Reach.LOCAL_NETWORK),
    ("fe80::1", remote_images.Reach.LOCAL_NETWORK),
    ("::ffff:192.168.0.1", remote_images.Reach.LOCAL_NETWORK),
    ("93.184.216.34", remote_images.Reach.INTERNET),
    ("2606:2800:220:1:248:1893:25c8:1946", remote_images.Reach.INTERNET),
])
def test_how_far_in_an_address_lies(address, reach):
    assert remote_images.reach_of(ipaddress.ip_address(address)) == reach


@pytest.mark.asyncio
async def test_names_of_this_computer_are_known_as_such():
    assert await remote_images.reach_of_host("localhost") == remote_images.Reach.THIS_COMPUTER
    assert await remote_images.reach_of_host("[::1]") == remote_images.Reach.THIS_COMPUTER


@pytest.fixture
def tracker_on_the_internet(tracker, monkeypatch):
    """The loopback tracker, counted as a public host when named by its address
    (it cannot be one here); ``localhost`` stays this computer."""
    real = remote_images.reach_of_host

    async def reach(host: str) -> remote_images.Reach:
        return remote_images.Reach.INTERNET if host == "127.0.0.1" else await real(host)

    monkeypatch.setattr(remote_images, "reach_of_host", reach)
    return tracker


@pytest.mark.asyncio
async def test_a_public_image_redirecting_into_this_computer_is_refused(tracker_on_the_internet):
    tracker = tracker_on_the_internet
    port = httpx.URL(tracker.url).port
    inward = f"http://localhost:{port}/pixel/router"
    url = tracker.url + "/away?to=" + quote(inward, safe="")

    assert await fetch_images([url]) == {}
    assert tracker.paths() == ["/away"]  # the redirect's target was never asked


@pytest.mark.asyncio
async def test_a_redirect_that_stays_as_far_out_is_followed(tracker_on_the_internet):
    tracker = tracker_on_the_internet
    url = tracker.url + "/away?to=" + quote(tracker.url + "/pixel/out", safe="")

    assert await fetch_images([url]) == {url: PNG_HEAD + b"out"}
