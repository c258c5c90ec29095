"""The shared API client: what it keeps between calls."""

from __future__ import annotations

import httpx
import pytest
from aiohttp import web

from tempmail_desktop.providers.gptmail import GptMailProvider
from tests.fakes.gptmail import GptMailFake


@pytest.fixture
def cookie_setting_gptmail():
    """The GPTMail fake, with a cookie on every answer, as a load balancer or tracker adds."""
    fake = GptMailFake()

    async def add_cookie(_request: web.Request, response: web.StreamResponse) -> None:
        # A header, not set_cookie(): aiohttp has written its cookies out by this hook.
        response.headers.add("Set-Cookie", "visitor=reader-4711; Path=/; Max-Age=3600")

    fake.app.on_response_prepare.append(add_cookie)
    with fake:
        yield fake


def cookie_headers(fake: GptMailFake) -> list[str]:
    return [r.headers["Cookie"] for r in fake.requests if "Cookie" in r.headers]


@pytest.mark.asyncio
async def test_a_cookie_a_service_sets_is_never_sent_back(cookie_setting_gptmail, http):
    fake = cookie_setting_gptmail
    # An ordinary cookie-keeping client sends this cookie back, so its absence below means something.
    async with httpx.AsyncClient() as ordinary:
        await ordinary.get(fake.url + "/api/generate-email")
        await ordinary.get(fake.url + "/api/generate-email")
    assert cookie_headers(fake) == ["visitor=reader-4711"]
    fake.requests.clear()

    provider = GptMailProvider(http, base_url=fake.url)
    mailbox = await provider.create_mailbox()
    await provider.list_messages(mailbox)
    await provider.list_messages(mailbox)

    assert len(fake.requests) == 3
    assert cookie_headers(fake) == []
    assert len(http.client.cookies) == 0


# -- what a refusal is called ------------------------------------------------------


class _Answering:
    """A loopback service that answers every request with one status and body."""

    def __init__(self, status: int, body: dict) -> None:
        import json
        import threading
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        payload = json.dumps(body).encode()

        class Handler(BaseHTTPRequestHandler):
            def _answer(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_DELETE = do_PUT = _answer

            def log_message(self, *_args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> "_Answering":
        self._thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.server.shutdown()
        self.server.server_close()


ALL_SERVICES = ["gptmail", "tempmailg", "catmails", "worker"]


@pytest.mark.asyncio
@pytest.mark.parametrize("provider_id", ALL_SERVICES)
@pytest.mark.parametrize("said", ["Slow down, please", "Internal error", ""])
async def test_a_429_is_a_quota_or_rate_limit_whatever_the_service_says(http, provider_id, said):
    from tempmail_desktop.core.errors import QuotaError
    from tempmail_desktop.providers.registry import provider_class

    body = {"success": False, "status": False, "error": said} if said else {}
    with _Answering(429, body) as service:
        provider = provider_class(provider_id)(http, base_url=service.url, key="some-key")
        with pytest.raises(QuotaError) as raised:
            await provider.create_mailbox()
    words = str(raised.value).lower()
    assert "quota" in words or "rate limit" in words, words
    if said:
        assert said in str(raised.value)  # what the service said is kept, as the detail
