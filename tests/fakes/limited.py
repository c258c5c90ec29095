"""A loopback service that answers every request with HTTP 429 and the
body it was given: whatever a rate limiter in front of a service might say
("Invalid key", "Slow down", nothing at all)."""

from __future__ import annotations

from aiohttp import web

from tests.fakes.server import FakeService


class LimitedService(FakeService):
    name = "limited"

    def __init__(self, said: str | None) -> None:
        self.said = said
        super().__init__()

    def setup_routes(self, app: web.Application) -> None:
        app.router.add_route("*", "/{anything:.*}", self.answer)

    async def answer(self, request: web.Request) -> web.Response:
        if self.said is None:
            return web.Response(status=429)
        # Every envelope the four services use, so each reads the words as its error.
        return self.json({"success": False, "status": False, "error": self.said, "message": self.said}, status=429)
