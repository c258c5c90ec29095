"""One shared HTTP client with explicit timeouts, retries and 429 handling.

Only transport concerns live here: retrying connection errors and 5xx on
idempotent requests with jittered exponential backoff, and waiting out a short
``Retry-After`` on 429. What a status or body *means* is decided by
:meth:`Provider._decode` in ``base.py``, the one place that maps answers to
errors.
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
import logging
import random
import ssl
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime
from http.cookiejar import CookieJar, CookiePolicy

import certifi
import httpx

from .. import __version__
from ..core import log_names, texts
from ..core.errors import UnavailableError
from ..core.redact import redact
from ..core.timeutil import UTC, utcnow

log = logging.getLogger(log_names.HTTP)

IDEMPOTENT_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "PUT", "DELETE"})
DEFAULT_TIMEOUT = httpx.Timeout(20.0, connect=8.0)
USER_AGENT = f"tempmail-desktop/{__version__}"

Sleep = Callable[[float], Awaitable[None]]


@dataclass(frozen=True)
class RetryPolicy:
    attempts: int = 3  # tries in all, for requests that may be repeated
    base_delay: float = 0.4
    max_delay: float = 6.0
    # A 429 whose Retry-After is at most this is waited out and tried again;
    # a longer one is handed back at once and becomes a QuotaError.
    max_retry_after: float = 5.0


def retry_after_seconds(response: httpx.Response, now: datetime | None = None) -> float | None:
    """``Retry-After`` as seconds (it may be seconds or an HTTP date), or None."""
    value = response.headers.get("retry-after")
    if not value:
        return None
    value = value.strip()
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or utcnow())).total_seconds())


def retry_after_time(response: httpx.Response) -> datetime | None:
    seconds = retry_after_seconds(response)
    if seconds is None:
        return None
    # Clamp absurd values (a broken header must not pause a provider for years).
    return utcnow() + timedelta(seconds=min(seconds, 7 * 24 * 3600))


@functools.lru_cache(maxsize=1)
def tls_context() -> ssl.SSLContext:
    """Certificate checks against certifi's roots, for every client of the app.

    The same roots httpx picks by default with ``trust_env=False``, named so
    the API client and the image client (service/remote_images.py) cannot
    drift apart; built once (loading the roots takes tens of milliseconds)
    and shared, which SSLContext allows.
    """
    return ssl.create_default_context(cafile=certifi.where())


class RefuseAllCookies(CookiePolicy):
    """A cookie policy that neither accepts a cookie nor offers one.

    httpx hands every response to its client's jar (``extract_cookies``) and
    asks the jar for a ``Cookie`` header on every request it builds; a jar
    with this policy answers no to both, so nothing is kept and nothing sent.
    """

    netscape = True
    rfc2965 = False
    hide_cookie2 = True

    def set_ok(self, cookie, request) -> bool:
        return False

    def return_ok(self, cookie, request) -> bool:
        return False

    def domain_return_ok(self, domain, request) -> bool:
        return False

    def path_return_ok(self, path, request) -> bool:
        return False


def cookieless_jar() -> CookieJar:
    """A jar for ``httpx.AsyncClient(cookies=...)`` that stays empty."""
    return CookieJar(policy=RefuseAllCookies())


class HttpClient:
    """Wraps one ``httpx.AsyncClient`` shared by every provider.

    It keeps no cookies: the four services authenticate by header (a Bearer
    token or ``X-API-Key``) and none of their documents asks for a cookie, so
    a cookie could only serve to follow the user across calls.
    """

    def __init__(
        self,
        client: httpx.AsyncClient | None = None,
        *,
        policy: RetryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        rng: Callable[[], float] = random.random,
    ) -> None:
        self._client = client
        self.policy = policy or RetryPolicy()
        self._sleep = sleep
        self._rng = rng
        self.calls = 0  # requests actually sent, for quota accounting and benchmarks

    @property
    def client(self) -> httpx.AsyncClient:
        if self._client is None:
            self._client = httpx.AsyncClient(
                timeout=DEFAULT_TIMEOUT,
                headers={"User-Agent": USER_AGENT},
                follow_redirects=False,
                trust_env=False,
                verify=tls_context(),
                cookies=cookieless_jar(),
            )
        return self._client

    async def aclose(self) -> None:
        if self._client is not None:
            await self._client.aclose()
            self._client = None

    def _backoff(self, attempt: int) -> float:
        delay = min(self.policy.max_delay, self.policy.base_delay * (2 ** (attempt - 1)))
        return delay * (0.5 + self._rng())  # jitter: 50%..150%

    async def request(
        self,
        service: str,
        method: str,
        url: str,
        *,
        idempotent: bool | None = None,
        **kwargs,
    ) -> httpx.Response:
        """Send a request; return the final response, whatever its status.

        Raises :class:`UnavailableError` only when no answer could be had.
        """
        method = method.upper()
        if idempotent is None:
            idempotent = method in IDEMPOTENT_METHODS
        attempts = max(1, self.policy.attempts)
        last_error: Exception | None = None
        for attempt in range(1, attempts + 1):
            final = attempt == attempts
            try:
                self.calls += 1
                response = await self.client.request(method, url, **kwargs)
            except httpx.ConnectError as exc:
                # Nothing reached the service: safe to try again even for POST.
                last_error = exc
                retry = not final
            except (httpx.TimeoutException, httpx.NetworkError, httpx.RemoteProtocolError) as exc:
                last_error = exc
                retry = idempotent and not final
            else:
                status = response.status_code
                if status == 429 and idempotent and not final:
                    wait = retry_after_seconds(response)
                    if wait is not None and wait <= self.policy.max_retry_after:
                        log.info("%s: 429, waiting %.1fs as Retry-After asks", service, wait)
                        await response.aread()
                        await self._sleep(wait)
                        continue
                if status >= 500 and idempotent and not final:
                    log.info("%s: HTTP %s on %s, retrying", service, status, method)
                    await response.aread()
                    await self._sleep(self._backoff(attempt))
                    continue
                return response
            if not retry:
                break
            log.info("%s: %s, retrying", service, _describe(last_error))
            await self._sleep(self._backoff(attempt))
        raise UnavailableError(texts.CANNOT_REACH(reason=_describe(last_error)), provider=service)

    @contextlib.asynccontextmanager
    async def stream(self, service: str, method: str, url: str, **kwargs) -> AsyncIterator[httpx.Response]:
        """Stream a body (attachment downloads); connection errors become UnavailableError."""
        try:
            self.calls += 1
            async with self.client.stream(method, url, **kwargs) as response:
                yield response
        except httpx.TransportError as exc:
            raise UnavailableError(texts.DOWNLOAD_INTERRUPTED(reason=_describe(exc)), provider=service) from None


def _describe(exc: Exception | None) -> str:
    if exc is None:
        return texts.NO_ANSWER()
    if isinstance(exc, httpx.ConnectError):
        return texts.NO_NETWORK()
    if isinstance(exc, httpx.TimeoutException):
        return texts.TIMED_OUT()
    if isinstance(exc, httpx.RemoteProtocolError):
        return texts.CONNECTION_DROPPED()
    text = redact(str(exc)) or type(exc).__name__
    return text[:200]
