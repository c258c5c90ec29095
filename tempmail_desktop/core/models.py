"""The one model every service maps into.

Each provider turns its own JSON (``success``/``status``, ``data`` or
top-level lists, ``content`` vs ``text_content``, zoned and zone-less times)
into these objects; everything above the providers (store, watcher, CLI,
GUI) speaks only this model. ``to_json`` gives the contract's JSON shapes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from .timeutil import to_iso


class Capability(StrEnum):
    """What a service can do; a provider declares its set in ``ProviderInfo``."""

    RANDOM_ADDRESS = "random-address"
    CHOSEN_PREFIX = "chosen-prefix"
    CHOSEN_DOMAIN = "chosen-domain"
    DOMAIN_LIST = "domains"
    OPEN_ANY_ADDRESS = "open-any-address"
    RENAME = "rename"
    DELETE_MAILBOX = "delete-mailbox"
    KEY_MAILBOXES = "key-mailboxes"
    CLEAR = "clear"
    DELETE_MESSAGE = "delete-message"
    MESSAGE_DETAIL = "message-detail"
    RAW_SOURCE = "raw-source"
    HEADERS = "headers"
    ATTACHMENTS = "attachments"
    PUSH = "push"
    SERVER_OTP = "server-otp"
    STATISTICS = "statistics"
    DOMAIN_REQUEST = "domain-request"


@dataclass(frozen=True)
class Domain:
    name: str
    kind: str | None = None  # "free" / "premium" where the service says
    custom: bool = False


@dataclass
class Mailbox:
    provider: str
    address: str
    created_at: datetime | None = None
    expires_at: datetime | None = None
    # Provider-private handles (TempMailG's id and email_token). Never printed.
    remote_id: str | None = None
    token: str | None = None

    def to_json(self) -> dict:
        return {
            "provider": self.provider,
            "address": self.address,
            "created_at": to_iso(self.created_at),
            "expires_at": to_iso(self.expires_at),
        }


@dataclass
class Attachment:
    name: str
    size: int | None = None
    content_type: str | None = None
    # Where to get the bytes: a service URL (TempMailG) ...
    url: str | None = None
    # ... or bytes decoded from a raw MIME source (GPTMail).
    data: bytes | None = field(default=None, repr=False)
    content_id: str | None = None  # for inline ``cid:`` parts
    inline: bool = False

    def to_json(self) -> dict:
        return {"name": self.name, "size": self.size, "content_type": self.content_type}


PUSHED_ID_PREFIX = "push-"


@dataclass
class Message:
    """A mail, as far as it is known.

    ``complete`` is False when only the list endpoint's (possibly truncated)
    body is known and the detail endpoint could say more. ``deleted_upstream``
    is set by the store when the service no longer lists a mail we kept.
    """

    id: str
    provider: str
    mailbox: str
    from_addr: str = ""
    from_name: str | None = None
    subject: str = ""
    received_at: datetime | None = None
    text: str = ""
    html: str | None = None
    has_html: bool = False
    attachments: list[Attachment] = field(default_factory=list)
    headers: dict[str, str] = field(default_factory=dict)
    raw: str | None = None
    raw_truncated: bool = False
    complete: bool = False
    seen: bool = False
    deleted_upstream: bool = False
    # The verification code and link, worked out once (core/facts.py) and kept
    # by the store; every surface shows these. A provider may set ``code`` to
    # the service's own answer, which stands when our reading finds none.
    code: str | None = None
    link: str | None = None

    @property
    def is_pushed_only(self) -> bool:
        """True for a mail known only from push (Cat Mails push has no id)."""
        return self.id.startswith(PUSHED_ID_PREFIX)

    @property
    def preview(self) -> str:
        from .extract import preview_text

        return preview_text(self.text, self.html)

    def fingerprint(self) -> str:
        """Identity for mail that arrives without an id (Cat Mails push)."""
        parts = [
            self.mailbox.lower(),
            self.from_addr.lower(),
            self.subject,
            to_iso(self.received_at) or "",
            " ".join(self.text.split())[:200],
        ]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8", "replace")).hexdigest()[:24]

    def with_changes(self, **changes) -> "Message":
        return replace(self, **changes)

    def summary_json(self) -> dict:
        return {
            "id": self.id,
            "provider": self.provider,
            "mailbox": self.mailbox,
            "from": self.from_addr,
            "from_name": self.from_name,
            "subject": self.subject,
            "received_at": to_iso(self.received_at),
            "preview": self.preview,
            "has_html": bool(self.has_html or self.html),
            "attachments": [a.to_json() for a in self.attachments if not a.inline],
            "otp": self.code,
            "link": self.link,
        }

    def to_json(self) -> dict:
        from .extract import extract_links

        data = self.summary_json()
        data.update(
            {
                "text": self.text,
                "html": self.html,
                "headers": dict(self.headers),
                "raw": self.raw,
                "otp": self.code,
                "link": self.link,
                "links": extract_links(self.text, self.html),
            }
        )
        if self.deleted_upstream:
            data["deleted_upstream"] = True
        if self.raw_truncated:
            data["raw_truncated"] = True
        return data


@dataclass
class QuotaState:
    """What a service told us about its quota (TempMailG's X-RateLimit-*, 429s)."""

    provider: str
    limit: int | None = None
    used: int | None = None
    remaining: int | None = None
    reset_at: datetime | None = None
    exhausted_until: datetime | None = None


@dataclass
class ServerOtp:
    """The Worker's own OTP scan result."""

    found: bool
    otp: str | None = None
    message_id: str | None = None
    from_addr: str | None = None
    subject: str | None = None
    received_at: datetime | None = None
    note: str | None = None


@dataclass(frozen=True)
class ProviderInfo:
    """What a service is and can do; the registry and UI read only this."""

    id: str
    name: str
    api_doc: str
    default_base_url: str
    capabilities: frozenset[Capability]
    key_required: bool = True
    default_key: str | None = None
    key_help: str = ""
    default_ws_url: str | None = None
    # Polling: quick while the user waits for mail, slow when idle (seconds).
    poll_active: float = 5.0
    poll_idle: float = 60.0
    daily_quota: int | None = None
    retention: timedelta | None = None  # how long the service keeps mail
    homepage: str = ""
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def env_prefix(self) -> str:
        return f"TEMPMAIL_{self.id.upper()}"


@dataclass(frozen=True)
class GptMailStats:
    """``/api/stats``: service-wide numbers (not this key's usage)."""

    total_emails: int
    today_emails: int  # by UTC date
    emails_24h: int
    unique_subjects: int  # over the last 24 hours
    active_domains: int
    domain_count: int
