"""The provider contract: metadata, capabilities, and one way to read answers.

A provider module (one per service) subclasses :class:`Provider`, fills in
``info`` and overrides the operations its API document has; every other
operation raises :class:`UnsupportedError` with a one-line reason. All answers
go through :meth:`Provider._decode`, which turns HTTP statuses, envelopes
(``success``/``status``) and non-JSON bodies into the error hierarchy.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any, ClassVar
from urllib.parse import quote

import httpx

from ..core import log_names, texts
from ..core.errors import (
    AuthError,
    NotFoundError,
    ProtocolError,
    QuotaError,
    RejectedError,
    ServiceFailingError,
    TempmailError,
    UnavailableError,
    UnsupportedError,
    UsageError,
)
from ..core.models import (
    Attachment,
    Capability,
    Domain,
    Mailbox,
    Message,
    ProviderInfo,
    QuotaState,
    ServerOtp,
)
from ..core.redact import register_secret
from ..core.timeutil import parse_time
from .http import HttpClient, retry_after_time

log = logging.getLogger(log_names.PROVIDERS)

Sink = Callable[[bytes], Awaitable[None] | None]
Progress = Callable[[int, int | None], None]

ADDRESS_RE = re.compile(r"^[^@\s/\\?#]+@[A-Za-z0-9.-]+\.[A-Za-z0-9-]{2,}$")


class Provider:
    """Base class of the four service clients."""

    info: ClassVar[ProviderInfo]

    def __init__(
        self,
        http: HttpClient,
        *,
        base_url: str | None = None,
        key: str | None = None,
        ws_url: str | None = None,
    ) -> None:
        self.http = http
        self.base_url = (base_url or self.info.default_base_url).rstrip("/")
        self.ws_url = ws_url or self.info.default_ws_url
        self.key = key or self.info.default_key
        self.key_is_default = not key and self.info.default_key is not None
        register_secret(self.key)
        self.quota = QuotaState(self.info.id)

    # -- metadata ---------------------------------------------------------

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def name(self) -> str:
        return self.info.name

    def can(self, capability: Capability) -> bool:
        return capability in self.info.capabilities

    def unsupported(self, what: str) -> UnsupportedError:
        """``what`` is one of the declared phrases of texts.py ("list its domains")."""
        return UnsupportedError(texts.CANNOT(service=self.name, what=texts.phrase(what)), provider=self.id)

    def require(self, capability: Capability, what: str) -> None:
        if not self.can(capability):
            raise self.unsupported(what)

    def require_key(self) -> str:
        if not self.key:
            raise AuthError(texts.NO_KEY(service=self.name), provider=self.id)
        return self.key

    # -- requests ---------------------------------------------------------

    def url(self, path: str) -> str:
        return self.base_url + path

    @staticmethod
    def quote_address(address: str) -> str:
        return quote(address, safe="@")

    def auth_headers(self) -> dict[str, str]:
        """Headers that carry the key; each provider says where its key goes."""
        return {}

    async def request(
        self,
        method: str,
        path: str,
        *,
        idempotent: bool | None = None,
        headers: dict[str, str] | None = None,
        **kwargs,
    ) -> Any:
        """Send one API call and return its decoded JSON payload."""
        self.require_key()
        all_headers = {"Accept": "application/json", **self.auth_headers()}
        if headers:
            all_headers.update(headers)
        response = await self.http.request(
            self.id, method, self.url(path), idempotent=idempotent, headers=all_headers, **kwargs
        )
        self.note_quota(response)
        return self.decode(response)

    def note_quota(self, response: httpx.Response) -> None:
        """Keep ``X-RateLimit-*`` headers (TempMailG sends them) as quota state."""
        h = response.headers
        if "x-ratelimit-limit" not in h and "x-ratelimit-remaining" not in h:
            return
        self.quota.limit = _int_or_none(h.get("x-ratelimit-limit"))
        self.quota.used = _int_or_none(h.get("x-ratelimit-used"))
        self.quota.remaining = _int_or_none(h.get("x-ratelimit-remaining"))
        self.quota.reset_at = parse_time(h.get("x-ratelimit-reset")) or self.quota.reset_at

    def decode(self, response: httpx.Response) -> Any:
        """Turn an answer into a payload, or into the matching error."""
        status = response.status_code
        payload = self.parse_json(response)
        if status >= 400 or (isinstance(payload, dict) and not self.envelope_ok(payload)):
            raise self.error_for(status, payload, response)
        return payload

    def parse_json(self, response: httpx.Response) -> Any:
        body = response.content
        try:
            return json.loads(body) if body.strip() else None
        except (ValueError, UnicodeDecodeError):
            pass
        status = response.status_code
        ctype = response.headers.get("content-type", "")
        head = body[:200].lstrip().lower()
        if status == 429:
            return None  # still a quota error, whatever the body
        if status in (401, 403):
            return None
        if "html" in ctype or head.startswith((b"<!doctype", b"<html", b"<")):
            raise ProtocolError(texts.ANSWERED_HTML(status=status), provider=self.id)
        raise ProtocolError(texts.ANSWERED_NOT_JSON(status=status), provider=self.id)

    def envelope_ok(self, payload: dict) -> bool:
        """``success`` (GPTMail, Cat Mails, Worker) or ``status`` (TempMailG)."""
        for key in ("success", "status"):
            if key in payload and isinstance(payload[key], bool):
                return payload[key]
        return True

    def error_text(self, payload: Any) -> str | None:
        if isinstance(payload, dict):
            for key in ("error", "message", "msg"):
                value = payload.get(key)
                if isinstance(value, str) and value.strip():
                    return value.strip()[:300]
        return None

    def error_for(self, status: int, payload: Any, response: httpx.Response) -> TempmailError:
        text = self.error_text(payload)
        if status == 429 or (text and "quota" in text.lower()):
            reset_at = retry_after_time(response)
            self.quota.exhausted_until = reset_at
            self.quota.remaining = 0
            return QuotaError(text, provider=self.id, reset_at=reset_at)
        if status in (401, 403):
            return AuthError(text or texts.KEY_REJECTED(), provider=self.id)
        if status == 404:
            return NotFoundError(text or texts.NOT_FOUND(), provider=self.id)
        if status >= 500:
            said = (texts.SERVICE_FAILING_SAID(status=status, said=text) if text
                    else texts.SERVICE_FAILING(status=status))
            return ServiceFailingError(said, provider=self.id)
        return RejectedError(text or texts.REQUEST_REFUSED(status=status), provider=self.id)

    def expect(self, payload: Any, kind: type, what: str) -> Any:
        """Check a payload's shape so a surprise is a ProtocolError, not a crash."""
        if not isinstance(payload, kind):
            raise self.unexpected_shape(what)
        return payload

    def unexpected_shape(self, what: str) -> ProtocolError:
        """``what`` is one of the declared phrases of texts.py ("the mail list")."""
        return ProtocolError(texts.UNEXPECTED_SHAPE(what=texts.phrase(what)), provider=self.id)

    # -- addresses --------------------------------------------------------

    def check_address(self, address: str) -> str:
        address = address.strip()
        if not ADDRESS_RE.match(address):
            raise UsageError(texts.NOT_AN_ADDRESS(address=address), provider=self.id)
        return address

    def validate_prefix(self, prefix: str) -> None:
        """Raise UsageError when the service would refuse this prefix."""

    def open_mailbox(self, address: str) -> Mailbox:
        """A mailbox for an address created elsewhere (GPTMail and Worker read any)."""
        self.require(Capability.OPEN_ANY_ADDRESS, "open an address it did not create")
        return Mailbox(self.id, self.check_address(address))

    # -- operations (override what the API document has) ------------------

    async def domains(self) -> list[Domain]:
        raise self.unsupported("list its domains")

    async def create_mailbox(self, *, prefix: str | None = None, domain: str | None = None) -> Mailbox:
        raise self.unsupported("create addresses")

    async def key_mailboxes(self) -> list[Mailbox]:
        raise self.unsupported("list the mailboxes of a key")

    async def rename_mailbox(self, mailbox: Mailbox, *, prefix: str, domain: str) -> Mailbox:
        raise self.unsupported("rename an address")

    async def delete_mailbox(self, mailbox: Mailbox) -> None:
        raise self.unsupported("delete an address")

    async def list_messages(self, mailbox: Mailbox) -> list[Message]:
        raise self.unsupported("list mail")

    async def get_message(self, mailbox: Mailbox, message_id: str) -> Message:
        """Full message. The default finds it in the list (services with no detail call)."""
        for message in await self.list_messages(mailbox):
            if message.id == message_id:
                return message
        raise NotFoundError(texts.NO_MESSAGE_IN(message=message_id, address=mailbox.address), provider=self.id)

    async def delete_message(self, mailbox: Mailbox, message_id: str) -> None:
        raise self.unsupported("delete a message")

    async def clear_mailbox(self, mailbox: Mailbox) -> int | None:
        raise self.unsupported("clear a mailbox")

    async def download_attachment(
        self,
        mailbox: Mailbox,
        message: Message,
        attachment: Attachment,
        sink: Sink,
        progress: Progress | None = None,
    ) -> None:
        """Write an attachment's bytes to ``sink``. Bytes from a MIME source need no call."""
        if attachment.data is None:
            raise self.unsupported("download attachments")
        result = sink(attachment.data)
        if result is not None:
            await result
        if progress:
            progress(len(attachment.data), len(attachment.data))

    def push(
        self, mailboxes: list[Mailbox], *, on_connected: Callable[[], None] | None = None
    ) -> AsyncIterator[Message]:
        """Messages as the service pushes them; the watcher reconnects on failure."""
        raise self.unsupported("push new mail")

    async def server_otp(self, mailbox: Mailbox) -> ServerOtp:
        raise self.unsupported("find codes on the server")

    async def request_domain(self, domain: str) -> str:
        raise self.unsupported("take domain requests")


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(str(value).strip()) if value is not None else None
    except ValueError:
        return None
