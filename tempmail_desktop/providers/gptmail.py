"""GPTMail (mail.chatgpt.org.uk), after ``gptmail.txt``.

Shapes worth knowing:

* Every answer is ``{success, data, error}``; errors are plain English
  strings ("Daily quota exceeded", "Unsupported domain"...).
* Any address on an active domain can be read: there is no mailbox to create
  or own, only names to pick.
* The list call already carries bodies (text cut to ~10k characters, HTML to
  ~2MB); only the detail call has the raw source, itself cut to ~100k
  characters with ``raw_size`` giving the real size. Attachments and inline
  images come out of that raw source, so a cut source loses the parts after
  the cut (``Message.raw_truncated`` says so).
* ``generate-email`` quietly picks a random active domain when the asked one
  is not active; we refuse that result rather than hand back an address on a
  domain the user did not choose.
"""

from __future__ import annotations

import logging
import re
from dataclasses import fields
from datetime import datetime, time, timedelta
from typing import Any
from urllib.parse import quote

import httpx

from ..core import log_names, texts
from ..core.errors import (
    AuthError,
    NotFoundError,
    ProtocolError,
    QuotaError,
    RejectedError,
    TempmailError,
    UsageError,
    quota_words,
)
from ..core.mime import parse_address, parse_raw
from ..core.models import Capability, GptMailStats, Mailbox, Message
from ..core.timeutil import UTC, parse_time, utcnow
from .base import Provider, ProviderInfo
from .http import retry_after_time

LIST_TEXT_FROM_HTML_CHARS = 200_000

log = logging.getLogger(log_names.GPTMAIL)

PREFIX_RE = re.compile(r"^[A-Za-z0-9._-]{1,32}$")  # the rule of texts.GPTMAIL_PREFIX_RULE
DOMAIN_RE = re.compile(r"^(?=.{1,253}$)[^\s@/\\?#:.]+(\.[^\s@/\\?#:.]+)+$")

# The service's own words for domain trouble; any HTTP status, always a refusal.
_DOMAIN_ERRORS = ("unsupported domain", "no active domains available")


def next_utc_midnight(now: datetime | None = None) -> datetime:
    """When a daily quota counted by UTC date starts again."""
    now = (now or utcnow()).astimezone(UTC)
    return datetime.combine(now.date() + timedelta(days=1), time(0, 0), tzinfo=UTC)


class GptMailProvider(Provider):
    info = ProviderInfo(
        id="gptmail",
        name="GPTMail",
        api_doc="gptmail.txt",
        default_base_url="https://mail.chatgpt.org.uk",
        capabilities=frozenset(
            {
                Capability.RANDOM_ADDRESS,
                Capability.CHOSEN_PREFIX,
                Capability.CHOSEN_DOMAIN,
                Capability.OPEN_ANY_ADDRESS,
                Capability.CLEAR,
                Capability.DELETE_MESSAGE,
                Capability.MESSAGE_DETAIL,
                Capability.RAW_SOURCE,
                Capability.HEADERS,
                Capability.ATTACHMENTS,
                Capability.STATISTICS,
                Capability.DOMAIN_REQUEST,
            }
        ),
        key_required=True,
        # The document's public test key, so a new user gets mail with no set-up.
        default_key="gpt-test",
        key_help=texts.GPTMAIL_KEY_HELP(),
        poll_active=5.0,
        # 2000 calls a day per key: five watched mailboxes polled every 300 s
        # while idle make 1440 calls, which leaves room for the user's own.
        poll_idle=300.0,
        daily_quota=2000,
        homepage="https://mail.chatgpt.org.uk",
        notes=(
            "The raw source (and so attachments) is cut at about 100,000 characters.",
            "The daily quota resets at midnight UTC.",
        ),
    )

    def auth_headers(self) -> dict[str, str]:
        # The document also allows ?api_key=, which would put the key in URLs
        # (proxies, logs); the header is the only place we send it.
        return {"X-API-Key": self.require_key()}

    # -- errors -----------------------------------------------------------

    def error_for(self, status: int, payload: Any, response: httpx.Response) -> TempmailError:
        text = self.error_text(payload)
        lowered = (text or "").lower()
        if status == 429 or "quota" in lowered:
            # The quota is per key and per day, and the service counts its days
            # by UTC date (its stats' "today" is a UTC date); the document names
            # no Retry-After, so without one the quota lifts at the next UTC midnight.
            reset_at = retry_after_time(response) or next_utc_midnight()
            self.quota.remaining = 0
            self.quota.exhausted_until = reset_at
            return QuotaError(
                texts.GPTMAIL_QUOTA(said=quota_words(text or "Daily quota exceeded"),
                                    when=f"{reset_at:%Y-%m-%d %H:%M}"),
                provider=self.id,
                reset_at=reset_at,
            )
        if status in (401, 403) or "api key" in lowered:
            reason = text or texts.KEY_REJECTED()
            if self.key_is_default:
                reason = texts.TEST_KEY_REFUSED(said=reason)
            return AuthError(reason, provider=self.id)
        if any(words in lowered for words in _DOMAIN_ERRORS):
            return RejectedError(text or texts.DOMAIN_NOT_SUPPORTED(), provider=self.id)
        if status == 404:
            return NotFoundError(text or texts.NOT_FOUND(), provider=self.id)
        return super().error_for(status, payload, response)

    # -- addresses --------------------------------------------------------

    def validate_prefix(self, prefix: str) -> None:
        if not PREFIX_RE.match(prefix):
            raise UsageError(texts.GPTMAIL_PREFIX_RULE(prefix=prefix), provider=self.id)

    def _check_domain(self, domain: str) -> str:
        cleaned = domain.strip().lstrip("@").rstrip(".").lower()
        if not DOMAIN_RE.match(cleaned):
            raise UsageError(texts.NOT_A_DOMAIN_LIKE(domain=domain), provider=self.id)
        return cleaned

    async def create_mailbox(self, *, prefix: str | None = None, domain: str | None = None) -> Mailbox:
        if prefix is not None:
            self.validate_prefix(prefix)
        if domain is not None:
            domain = self._check_domain(domain)
        if prefix is None and domain is None:
            payload = await self.request("GET", "/api/generate-email")
        else:
            body = {k: v for k, v in (("prefix", prefix), ("domain", domain)) if v is not None}
            payload = await self.request("POST", "/api/generate-email", json=body)
        data = self._data(payload, dict, "a new address")
        address = data.get("email")
        if not isinstance(address, str) or "@" not in address:
            raise self.unexpected_shape("a new address")
        address = address.strip()
        local, _, got_domain = address.rpartition("@")
        if domain is not None and got_domain.lower() != domain:
            # The document: an inactive domain is silently swapped for a random one.
            raise RejectedError(texts.DOMAIN_NOT_ACTIVE(domain=domain, address=address), provider=self.id)
        if prefix is not None and local.lower() != prefix.lower():
            raise ProtocolError(texts.WRONG_PREFIX_MADE(prefix=prefix, address=address), provider=self.id)
        return Mailbox(self.id, address, created_at=utcnow())

    async def request_domain(self, domain: str) -> str:
        domain = self._check_domain(domain)
        payload = await self.request("POST", "/api/domains/request", json={"domain": domain})
        data = self._data(payload, dict, "the domain request")
        accepted = data.get("domain")
        return accepted if isinstance(accepted, str) and accepted else domain

    # -- mail -------------------------------------------------------------

    async def list_messages(self, mailbox: Mailbox) -> list[Message]:
        payload = await self.request("GET", "/api/emails", params={"email": mailbox.address})
        data = self._data(payload, dict, "the mail list")
        items = data.get("emails")
        if items is None:
            items = []
        items = self.expect(items, list, "the mail list")
        messages = [self._message(item, mailbox) for item in items]
        epoch = datetime.min.replace(tzinfo=UTC)
        messages.sort(key=lambda m: m.received_at or epoch, reverse=True)
        return messages

    async def get_message(self, mailbox: Mailbox, message_id: str) -> Message:
        try:
            payload = await self.request("GET", self._message_path(message_id))
        except NotFoundError as exc:
            raise NotFoundError(
                texts.GPTMAIL_NO_MESSAGE(message=message_id, address=mailbox.address, said=exc.said),
                provider=self.id,
            ) from None
        item = self._data(payload, dict, "the message")
        message = self._message(item, mailbox)
        raw = item.get("raw_content")
        raw = raw if isinstance(raw, str) and raw else None
        raw_size = item.get("raw_size")
        declared = raw_size if isinstance(raw_size, int) and not isinstance(raw_size, bool) else None
        service_headers = _string_map(item.get("headers"))
        message.raw = raw
        message.complete = True
        if raw is None:
            message.headers = service_headers
            return message
        parsed = parse_raw(raw, declared_size=declared)
        # The service read the whole mail; its parsed headers win over ours from a maybe-cut source.
        message.headers = {**parsed.headers, **service_headers}
        message.attachments = parsed.attachments
        message.raw_truncated = parsed.truncated
        # The list fields are cut at 10k characters, the source at 100k: show the fuller one.
        if len(parsed.text) > len(message.text) and parsed.text.strip():
            message.text = parsed.text
        if parsed.html and len(parsed.html) > len(message.html or ""):
            message.html = parsed.html
            message.has_html = True
        if parsed.truncated:
            log.info(
                "message %s: raw source cut (%d of %s bytes); %d attachment(s) left out",
                message_id,
                len(raw.encode("utf-8", "replace")),
                declared if declared is not None else "?",
                len(parsed.cut_attachments),
            )
        return message

    async def delete_message(self, mailbox: Mailbox, message_id: str) -> None:
        await self.request("DELETE", self._message_path(message_id))

    async def clear_mailbox(self, mailbox: Mailbox) -> int | None:
        payload = await self.request("DELETE", "/api/emails/clear", params={"email": mailbox.address})
        data = self._data(payload, dict, "the clear result")
        count = data.get("count")
        if isinstance(count, int) and not isinstance(count, bool):
            return count
        # Older answers may carry only "Deleted 5 emails".
        found = re.search(r"\d+", str(data.get("message", "")))
        return int(found.group()) if found else None

    # -- statistics -------------------------------------------------------

    async def stats(self) -> GptMailStats:
        data = self._data(await self.request("GET", "/api/stats"), dict, "statistics")
        numbers = {f.name: self._count(data.get(f.name), "statistics") for f in fields(GptMailStats)}
        return GptMailStats(**numbers)

    async def hourly(self) -> list[tuple[datetime, int]]:
        """Mail per hour over the last 24 hours; the hours are zone-less UTC."""
        rows = self._rows(await self.request("GET", "/api/statistics/24h"), "hourly statistics")
        result = []
        for row in rows:
            hour = parse_time(row.get("hour"))
            if hour is None:
                raise ProtocolError(texts.UNREADABLE_HOUR(), provider=self.id)
            result.append((hour, self._count(row.get("count"), "hourly statistics")))
        return result

    async def top_subjects(self) -> list[tuple[str, int]]:
        return await self._top("/api/statistics/top-subjects", "subject")

    async def top_domains(self) -> list[tuple[str, int]]:
        return await self._top("/api/statistics/top-domains", "domain")

    async def top_senders(self) -> list[tuple[str, int]]:
        return await self._top("/api/statistics/top-senders", "sender")

    # -- mapping ----------------------------------------------------------

    @staticmethod
    def _message_path(message_id: str) -> str:
        return "/api/email/" + quote(str(message_id), safe="")

    def _data(self, payload: Any, kind: type, what: str) -> Any:
        payload = self.expect(payload, dict, what)
        return self.expect(payload.get("data"), kind, what)

    def _rows(self, payload: Any, what: str) -> list[dict]:
        rows = self._data(payload, list, what)
        if not all(isinstance(row, dict) for row in rows):
            raise self.unexpected_shape(what)
        return rows

    def _count(self, value: Any, what: str) -> int:
        if isinstance(value, bool):
            raise self.unexpected_shape(what)
        if isinstance(value, int):
            return value
        if isinstance(value, str) and value.strip().isdigit():
            return int(value)
        raise self.unexpected_shape(what)

    async def _top(self, path: str, field: str) -> list[tuple[str, int]]:
        what = f"top {field}s"
        result = []
        for row in self._rows(await self.request("GET", path), what):
            label = row.get(field)
            if not isinstance(label, str):
                raise self.unexpected_shape(what)
            result.append((label, self._count(row.get("count"), what)))
        return result

    def _message(self, item: Any, mailbox: Mailbox) -> Message:
        if not isinstance(item, dict) or item.get("id") in (None, ""):
            raise self.unexpected_shape("a mail")
        from_addr, from_name = parse_address(_text(item.get("from_address")))
        html = _text(item.get("html_content")) or None
        text = _text(item.get("content"))
        if not text.strip() and html:
            from ..core.extract import html_to_text

            # The list runs on every check: a text version of the start is
            # enough here; opening the mail renders the whole HTML.
            text = html_to_text(html[:LIST_TEXT_FROM_HTML_CHARS])
        return Message(
            id=str(item["id"]),
            provider=self.id,
            mailbox=mailbox.address,
            from_addr=from_addr,
            from_name=from_name,
            subject=_text(item.get("subject")),
            # timestamp is Unix seconds; created_at is a zone-less database string (UTC).
            received_at=parse_time(item.get("timestamp")) or parse_time(item.get("created_at")),
            text=text,
            html=html,
            has_html=bool(item.get("has_html")) or html is not None,
            complete=False,
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ("" if value is None else str(value))


def _string_map(value: Any) -> dict[str, str]:
    if not isinstance(value, dict):
        return {}
    result = {}
    for name, item in value.items():
        if isinstance(item, list):
            item = "\n".join(_text(v) for v in item)
        result[str(name)] = _text(item)
    return result
