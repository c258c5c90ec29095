"""A loopback mail tracker: "images" that set a cookie, redirect, lie and drip.

Every request's headers are recorded (``requests``), as a tracker would log
them; the tests of "Load images" read that log. 127.0.0.1 only.
"""

from __future__ import annotations

import asyncio

from aiohttp import web

from tests.fakes.server import FakeService

PNG_HEAD = b"\x89PNG\r\n\x1a\n"


class Tracker(FakeService):
    """Serves "images" that set a tracking cookie, redirects, odd types and slow bodies."""

    name = "tracker"

    def setup_routes(self, app: web.Application) -> None:
        app.router.add_get("/pixel/{name}", self.pixel)
        app.router.add_get("/hop/{left}", self.hop)
        app.router.add_get("/away", self.away)
        app.router.add_get("/typed", self.typed)
        app.router.add_get("/sized/{size}", self.sized)
        app.router.add_get("/drip", self.drip)
        app.router.add_get("/api/status", self.api)

    @staticmethod
    def tracked(response: web.StreamResponse, name: str) -> web.StreamResponse:
        response.set_cookie("uid", f"reader-seen-by-{name}", path="/", max_age=3600)
        return response

    async def pixel(self, request: web.Request) -> web.Response:
        name = request.match_info["name"]
        return self.tracked(web.Response(body=PNG_HEAD + name.encode(), content_type="image/png"), name)

    async def hop(self, request: web.Request) -> web.Response:
        left = int(request.match_info["left"])
        if left == 0:
            return web.Response(body=PNG_HEAD + b"arrived", content_type="image/png")
        return web.Response(status=302, headers={"Location": f"/hop/{left - 1}"})

    async def away(self, request: web.Request) -> web.Response:
        return web.Response(status=302, headers={"Location": request.query["to"]})

    async def typed(self, request: web.Request) -> web.Response:
        headers = {"Content-Type": request.query["type"]} if "type" in request.query else {}
        if "encoding" in request.query:
            headers["Content-Encoding"] = request.query["encoding"]
        response = web.Response(body=PNG_HEAD + b"typed", headers=headers)
        if "type" not in request.query:
            response.headers.pop("Content-Type", None)
        return response

    async def sized(self, request: web.Request) -> web.StreamResponse:
        """``size`` bytes of image/png, chunked: no Content-Length to go by."""
        size = int(request.match_info["size"])
        response = web.StreamResponse(headers={"Content-Type": "image/png"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        block = b"\0" * 65536
        sent = 0
        try:
            while sent < size:
                part = block[: min(len(block), size - sent)]
                await response.write(part)
                sent += len(part)
            await response.write_eof()
        except ConnectionError:
            pass  # the client hung up, as it should past its limit
        return response

    async def drip(self, request: web.Request) -> web.StreamResponse:
        """One byte every 50 ms for up to 30 s: never silent long enough for a read timeout."""
        response = web.StreamResponse(headers={"Content-Type": "image/png"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        try:
            for _ in range(600):
                await response.write(b"\0")
                await asyncio.sleep(0.05)
            await response.write_eof()
        except ConnectionError:
            pass
        return response

    async def api(self, request: web.Request) -> web.Response:
        return self.tracked(self.json({"success": True}), "api")

    # -- reading the log --------------------------------------------------

    def paths(self) -> list[str]:
        return [r.path for r in self.requests]

    def cookies_sent(self) -> list[str]:
        return [r.headers["Cookie"] for r in self.requests if "Cookie" in r.headers]
