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
