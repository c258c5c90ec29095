"""AppController's remote-image job: the reader always gets an answer, so its
"Loading images…" button comes back, and quitting still stops the job."""

from __future__ import annotations

import asyncio
import socket
import time
from dataclasses import replace

import pytest
from aiohttp import web

from tempmail_desktop.service.remote_images import DEFAULT_LIMITS
from tests.fakes.server import FakeService
from tests.ui.conftest_async import app_controller, qloop, run, run_until  # noqa: F401

PNG = b"\x89PNG\r\n\x1a\nfine"


class ImageHost(FakeService):
    """One good image, and the ways an image can fail to be one."""

    name = "images"

    def setup_routes(self, app: web.Application) -> None:
        app.router.add_get("/fine.png", self.fine)
        app.router.add_get("/page.png", self.page)
        app.router.add_get("/gone.png", self.gone)
        app.router.add_get("/odd-redirect.png", self.odd_redirect)
        app.router.add_get("/drip.png", self.drip)

    async def fine(self, _request: web.Request) -> web.Response:
        return web.Response(body=PNG, content_type="image/png")

    async def page(self, _request: web.Request) -> web.Response:
        return web.Response(text="<html>hi</html>", content_type="text/html")

    async def gone(self, _request: web.Request) -> web.Response:
        return web.Response(status=404)

    async def odd_redirect(self, _request: web.Request) -> web.Response:
        # httpx reads a Location even when it does not follow it, and chokes on this one.
        return web.Response(status=302, headers={"Location": "data:image/png;base64,AA=="})

    async def drip(self, request: web.Request) -> web.StreamResponse:
        """A byte every 50 ms: never quiet long enough for a read timeout to fire."""
        response = web.StreamResponse(headers={"Content-Type": "image/png"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for _ in range(600):
                await response.write(b"\0")
                await asyncio.sleep(0.05)
        except ConnectionError:
            pass
        return response


@pytest.fixture
def image_host():
    with ImageHost() as host:
        yield host


def refused_address() -> str:
    """An address on loopback where nothing listens."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/x.png"


def test_when_every_image_fails_the_reader_still_hears_back(app_controller, qloop, image_host):
    controller = app_controller()
    errors: list[tuple[str, str]] = []
    controller.errorOccurred.connect(lambda who, what: errors.append((who, what)))
    answers: list[dict] = []
    urls = [
        image_host.url + "/page.png",
        image_host.url + "/gone.png",
        image_host.url + "/odd-redirect.png",
        refused_address(),
        "http://[::1/broken.png",
    ]

    controller.fetch_remote_images(urls, answers.append)
    run_until(qloop, lambda: answers, timeout=10, what="the answer to the reader")

    assert answers == [{}]
    assert errors == []


def test_a_mail_whose_images_never_finish_hears_back_with_what_loaded(app_controller, qloop, image_host):
    controller = app_controller()
    controller.image_limits = replace(DEFAULT_LIMITS, mail_seconds=0.5)
    answers: list[dict] = []

    started = time.monotonic()
    controller.fetch_remote_images([image_host.url + "/drip.png", image_host.url + "/fine.png"], answers.append)
    run_until(qloop, lambda: answers, timeout=10, what="the answer to the reader")

    assert answers == [{image_host.url + "/fine.png": PNG}]
    assert time.monotonic() - started < 2.0


def test_quitting_stops_a_fetch_under_way(app_controller, qloop, image_host):
    controller = app_controller()
    answers: list[dict] = []

    task = controller.fetch_remote_images([image_host.url + "/drip.png"], answers.append)
    run_until(qloop, lambda: image_host.requests, timeout=10, what="the image request")
    started = time.monotonic()
    run(qloop, controller.shutdown())

    assert task.cancelled() and task.get_name() == "remote-images"
    assert time.monotonic() - started < 2.0
    assert answers == []
