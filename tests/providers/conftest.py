"""What every provider test needs: one HTTP client whose retry backoff does not sleep."""

from __future__ import annotations

import pytest_asyncio

from tempmail_desktop.providers.http import HttpClient


@pytest_asyncio.fixture
async def http(no_sleep):
    client = HttpClient(sleep=no_sleep)
    yield client
    await client.aclose()
