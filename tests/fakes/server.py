"""The shared machinery of the fake services: a threaded aiohttp server,
fault switches and a request log."""

from __future__ import annotations

import asyncio
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

LOOPBACK = "127.0.0.1"

FAULT_KINDS = ("500", "503", "429", "badjson", "html", "slow", "drop", "401")


@dataclass
class Fault:
    kind: str
    times: int = 1
    path: str | None = None  # only requests whose path starts with this
    retry_after: str | None = None  # for 429
    delay: float = 5.0  # for slow


@dataclass
class SeenRequest:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes = field(repr=False, default=b"")


class FakeService:
    """Base class: subclasses add routes in :meth:`setup_routes`."""

    name = "fake"

    def __init__(self) -> None:
        self.app = web.Application(middlewares=[self._middleware])
        self.setup_routes(self.app)
        self.requests: list[SeenRequest] = []
        self.faults: list[Fault] = []
        self.url = ""
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._runner: web.AppRunner | None = None
        self._lock = threading.RLock()

    # -- subclass API -----------------------------------------------------

    def setup_routes(self, app: web.Application) -> None:
        raise NotImplementedError

    @staticmethod
    def json(payload: Any, status: int = 200, headers: dict | None = None) -> web.Response:
        return web.Response(
            text=json.dumps(payload, ensure_ascii=False),
            status=status,
            content_type="application/json",
            headers=headers,
        )

    # -- faults -----------------------------------------------------------

    def fail_next(
        self,
        kind: str,
        *,
        times: int = 1,
        path: str | None = None,
        retry_after: str | None = None,
        delay: float = 5.0,
    ) -> None:
        """Make the next ``times`` matching requests fail the way ``kind`` says."""
        assert kind in FAULT_KINDS, kind
        with self._lock:
            self.faults.append(Fault(kind, times, path, retry_after, delay))

    def _take_fault(self, path: str) -> Fault | None:
        with self._lock:
            for fault in self.faults:
                if fault.path is None or path.startswith(fault.path):
                    fault.times -= 1
                    if fault.times <= 0:
                        self.faults.remove(fault)
                    return fault
        return None

    @web.middleware
    async def _middleware(self, request: web.Request, handler):
        body = await request.read()
        with self._lock:
            self.requests.append(
                SeenRequest(request.method, request.path, dict(request.query), dict(request.headers), body)
            )
        fault = self._take_fault(request.path)
        if fault is not None:
            return await self._apply(fault, request, handler)
        return await handler(request)

    async def _apply(self, fault: Fault, request: web.Request, handler):
        if fault.kind in ("500", "503"):
            return self.json({"success": False, "error": "Internal Server Error"}, status=int(fault.kind))
        if fault.kind == "401":
            return self.json({"success": False, "error": "Invalid API key"}, status=401)
        if fault.kind == "429":
            headers = {"Retry-After": fault.retry_after} if fault.retry_after else None
            return self.json({"success": False, "error": "Daily quota exceeded"}, status=429, headers=headers)
        if fault.kind == "badjson":
            return web.Response(text='{"success": true, "data": {"emails": [', content_type="application/json")
        if fault.kind == "html":
            return web.Response(
                text="<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>",
                status=502,
                content_type="text/html",
            )
        if fault.kind == "slow":
            await asyncio.sleep(fault.delay)
            return await handler(request)
        if fault.kind == "drop":
            if request.transport is not None:
                request.transport.abort()
            raise asyncio.CancelledError()
        raise AssertionError(fault.kind)

    # -- request log ------------------------------------------------------

    def seen(self, path_prefix: str = "", method: str | None = None) -> list[SeenRequest]:
        with self._lock:
            return [
                r
                for r in self.requests
                if r.path.startswith(path_prefix) and (method is None or r.method == method)
            ]

    # -- life -------------------------------------------------------------

    def start(self) -> "FakeService":
        ready = threading.Event()
        errors: list[BaseException] = []

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            asyncio.set_event_loop(loop)
            try:
                self._runner = web.AppRunner(self.app, access_log=None, handle_signals=False)
                loop.run_until_complete(self._runner.setup())
                site = web.TCPSite(self._runner, LOOPBACK, 0)
                loop.run_until_complete(site.start())
                sockets = site._server.sockets  # type: ignore[union-attr]
                self.port = sockets[0].getsockname()[1]
                self.url = f"http://{LOOPBACK}:{self.port}"
            except BaseException as exc:  # pragma: no cover - surfaced below
                errors.append(exc)
                ready.set()
                return
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self._runner.cleanup())
            loop.close()

        self._thread = threading.Thread(target=run, name=f"fake-{self.name}", daemon=True)
        self._thread.start()
        ready.wait(10)
        if errors:
            raise errors[0]
        return self

    def call(self, fn: Callable[[], Any]) -> Any:
        """Run ``fn`` on the server's loop (for pushing over its WebSockets)."""
        assert self._loop is not None

        async def wrapper():
            result = fn()
            if asyncio.iscoroutine(result):
                result = await result
            return result

        return asyncio.run_coroutine_threadsafe(wrapper(), self._loop).result(10)

    def stop(self) -> None:
        if self._loop is not None and self._loop.is_running():
            self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)

    def __enter__(self) -> "FakeService":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
