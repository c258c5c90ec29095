"""Cat Mails (https://mails.cat): one ``/api`` entry point plus WebSocket push.

The service reads mail of the API key's own mailboxes (main, aliases and
temporary ones it created). Listing has two equivalent forms; we use POST
with a Bearer header rather than GET with ``key=`` in the URL. New mail is
pushed over a WebSocket whose URL does carry the key, so every log record
that might show that URL is redacted before it is created.

Pushed mail has no id: it gets ``push-<digest>`` (:func:`pushed_id`), and
MailService pairs it with its listed twin later (see :func:`match_pushed`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import sys
import traceback
from collections.abc import AsyncIterator, Callable, Iterable
from email.utils import getaddresses, parseaddr
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import httpx
from websockets.asyncio.client import connect
from websockets.exceptions import ConnectionClosedError, InvalidHandshake, InvalidStatus, InvalidURI

from ..core import log_names, texts
from ..core.errors import (
    AuthError,
    ProtocolError,
    RejectedError,
    TempmailError,
    UnavailableError,
    UsageError,
)
from ..core.models import PUSHED_ID_PREFIX, Capability, Mailbox, Message
from ..core.redact import RedactingFilter, redact
from ..core.timeutil import parse_time, to_iso, utcnow
from .base import Provider, ProviderInfo
from .http import USER_AGENT

log = logging.getLogger(log_names.CATMAILS)

API_PATH = "/api"

# WebSocket timings (seconds). Pings keep NAT/proxy paths open and notice a
# dead peer; the watcher reconnects when the iterator raises.
WS_OPEN_TIMEOUT = 10.0
WS_CLOSE_TIMEOUT = 5.0
WS_PING_INTERVAL = 20.0
WS_PING_TIMEOUT = 20.0
WS_MAX_FRAME = 8 * 1024 * 1024

# The service's documented error words, lower-cased.
_KEY_ERRORS = ("missing key", "invalid key", "invalid api key")
_SCOPE_ERROR = "mailbox scope is invalid"
_MISSING_MAIL = "missing mail"
_DELETE_REFUSED = "cannot delete main mailbox"

# ``content`` is HTML or plain text with no flag saying which. Only call it
# HTML on strong evidence: a document start, a matching open/close pair of a
# common element, or several line breaks. "Reply to <a@b.c>" stays text.
_HTML_START_RE = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)", re.I)
_ELEMENTS = (
    "html|head|body|div|p|span|table|tbody|thead|tr|td|th|a|b|i|u|em|strong|font|center"
    "|h[1-6]|ul|ol|li|style|blockquote|pre|section|header|footer|title"
)
_OPEN_TAG_RE = re.compile(rf"<({_ELEMENTS})(?:\s[^<>]*)?>", re.I)
_CLOSE_TAG_RE = re.compile(rf"</({_ELEMENTS})\s*>", re.I)
_BR_RE = re.compile(r"<br\s*/?>", re.I)


def looks_like_html(content: str) -> bool:
    if _HTML_START_RE.match(content):
        return True
    opened = {name.lower() for name in _OPEN_TAG_RE.findall(content)}
    closed = {name.lower() for name in _CLOSE_TAG_RE.findall(content)}
    if opened & closed:
        return True
    return len(_BR_RE.findall(content)) >= 2


class _RedactingLogAdapter(logging.LoggerAdapter):
    """Renders each record (tracebacks included) and redacts it before logging.

    websockets logs the handshake request line (``GET /?key=...``) at DEBUG;
    a handler-level filter would come too late for handlers we do not own.
    """

    def log(self, level, msg, *args, exc_info=None, stack_info=False, stacklevel=1, extra=None):
        if not self.isEnabledFor(level):
            return
        text = str(msg)
        if args:
            try:
                text = text % args
            except (TypeError, ValueError):
                text = f"{text} {args!r}"
        if exc_info:
            if exc_info is True:
                exc_info = sys.exc_info()
            elif isinstance(exc_info, BaseException):
                exc_info = (type(exc_info), exc_info, exc_info.__traceback__)
            if exc_info[0] is not None:
                text += "\n" + "".join(traceback.format_exception(*exc_info)).rstrip()
        self.logger.log(
            level, redact(text), stack_info=stack_info, stacklevel=stacklevel + 1, extra=extra
        )


_ws_log = _RedactingLogAdapter(logging.getLogger(log_names.WEBSOCKETS_CLIENT))


def _guard_logger(name: str) -> None:
    """Redact records on ``name`` itself: httpx logs every request URL at INFO."""
    logger = logging.getLogger(name)
    if not any(isinstance(f, RedactingFilter) for f in logger.filters):
        logger.addFilter(RedactingFilter())


class CatMailsProvider(Provider):
    info = ProviderInfo(
        id="catmails",
        name="Cat Mails",
        api_doc="catmails.txt",
        default_base_url="https://mails.cat",
        default_ws_url="wss://websocket.mails.cat/",
        capabilities=frozenset(
            {
                Capability.RANDOM_ADDRESS,
                Capability.KEY_MAILBOXES,
                Capability.DELETE_MAILBOX,
                Capability.PUSH,
            }
        ),
        key_required=True,
        key_help=texts.CATMAILS_KEY_HELP(),
        poll_active=10.0,
        poll_idle=120.0,  # push carries new mail; polling is only the safety net
        homepage="https://mails.cat",
        notes=(
            "Reads only the mailboxes of your API key (main, aliases, temporary ones).",
            "Only temporary mailboxes created through the API can be deleted.",
            "New mail arrives by WebSocket push.",
        ),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        _guard_logger("httpx")

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.key}"} if self.key else {}

    # -- errors -----------------------------------------------------------

    def error_for(self, status: int, payload: Any, response: httpx.Response) -> TempmailError:
        # A 429 is a quota or rate limit whatever words came with it (the
        # document lists none for it, and a limiter in front may answer "Invalid key").
        error = None if status == 429 else self.error_from_words(self.error_text(payload))
        return error if error is not None else super().error_for(status, payload, response)

    def error_from_words(self, text: str | None) -> TempmailError | None:
        """The documented error strings mean the same whatever the HTTP status."""
        if not text:
            return None
        lowered = text.lower()
        if any(words in lowered for words in _KEY_ERRORS):
            return AuthError(texts.CATMAILS_KEY_REFUSED(said=text), provider=self.id)
        if _SCOPE_ERROR in lowered:
            return AuthError(texts.CATMAILS_SCOPE(said=text), provider=self.id)
        if _MISSING_MAIL in lowered:
            return UsageError(texts.CATMAILS_NO_ADDRESS(said=text), provider=self.id)
        if _DELETE_REFUSED in lowered:
            return RejectedError(text, provider=self.id)
        return None

    # -- mailboxes --------------------------------------------------------

    def open_mailbox(self, address: str) -> Mailbox:
        # Any address is accepted here; the service answers "Mailbox scope is
        # invalid" for one the key may not read.
        return Mailbox(self.id, self.check_address(address))

    async def key_mailboxes(self) -> list[Mailbox]:
        payload = await self.request("POST", API_PATH, params={"action": "mailboxes"}, idempotent=True)
        payload = self.expect(payload, dict, "its mailbox list")
        listed = payload.get("address")
        if listed is None:
            return []
        listed = self.expect(listed, str, "its mailbox list")
        seen: set[str] = set()
        mailboxes: list[Mailbox] = []
        for address in (part.strip() for part in listed.split(",")):
            if address and address.lower() not in seen:
                seen.add(address.lower())
                mailboxes.append(Mailbox(self.id, address))
        return mailboxes

    async def create_mailbox(self, *, prefix: str | None = None, domain: str | None = None) -> Mailbox:
        if prefix or domain:
            raise self.unsupported("choose the name or domain of a new address")
        payload = await self.request("POST", API_PATH, params={"action": "create_temp_mailbox"})
        payload = self.expect(payload, dict, "the new mailbox")
        address = payload.get("mail")
        if not isinstance(address, str) or "@" not in address:
            raise self.protocol_error("the new mailbox")
        return Mailbox(self.id, address.strip(), created_at=utcnow())

    async def delete_mailbox(self, mailbox: Mailbox) -> None:
        await self.request(
            "POST",
            API_PATH,
            params={"action": "delete_temp_mailbox"},
            data={"mail": mailbox.address},
        )

    # -- mail -------------------------------------------------------------

    async def list_messages(self, mailbox: Mailbox) -> list[Message]:
        payload = await self.request(
            "POST", API_PATH, data={"mail": mailbox.address}, idempotent=True
        )
        return self.messages_from(payload, mailbox)

    def messages_from(self, payload: Any, mailbox: Mailbox) -> list[Message]:
        payload = self.expect(payload, dict, "the mail list")
        rows = payload.get("data")
        if rows is None:
            return []
        rows = self.expect(rows, list, "the mail list")
        messages = []
        for row in rows:
            if not isinstance(row, dict) or row.get("id") in (None, ""):
                # A row we cannot address is useless; losing it beats losing the list.
                log.warning("catmails: skipping a listed mail without an id")
                continue
            messages.append(
                self.message_from(
                    str(row["id"]),
                    mailbox.address,
                    sender=row.get("mail_from"),
                    subject=row.get("subject"),
                    content=row.get("content"),
                    received_at=row.get("received_at"),
                )
            )
        return messages

    def message_from(
        self,
        message_id: str,
        mailbox: str,
        *,
        sender: Any,
        subject: Any,
        content: Any,
        received_at: Any,
    ) -> Message:
        from_name, from_addr = _split_sender(sender)
        body = content if isinstance(content, str) else ("" if content is None else str(content))
        html: str | None = None
        text = body
        if looks_like_html(body):
            from ..core.extract import html_to_text

            html = body
            text = html_to_text(body)
        return Message(
            id=message_id,
            provider=self.id,
            mailbox=mailbox,
            from_addr=from_addr,
            from_name=from_name,
            subject="" if subject is None else str(subject),
            received_at=parse_time(received_at),
            text=text,
            html=html,
            has_html=html is not None,
            complete=True,  # the list carries the whole body; there is no detail call
        )

    def protocol_error(self, what: str) -> ProtocolError:
        return self.unexpected_shape(what)

    # -- push -------------------------------------------------------------

    def push_url(self, mailboxes: list[Mailbox]) -> str:
        key = self.require_key()
        try:
            parts = urlsplit(self.ws_url or "")
            parts.port  # noqa: B018 - raises ValueError for a malformed port
        except ValueError:
            parts = None
        if parts is None or parts.scheme not in ("ws", "wss") or not parts.hostname:
            # The URL is the user's setting; say so without echoing it (it may hold a key).
            raise UsageError(texts.CATMAILS_BAD_WS_URL(), provider=self.id)
        query = parse_qsl(parts.query, keep_blank_values=True)
        query = [(k, v) for k, v in query if k not in ("key", "mail")]
        query.append(("key", key))
        addresses = _unique(m.address for m in mailboxes)
        if addresses:  # none: the service subscribes every mailbox of the key
            query.append(("mail", ",".join(addresses)))
        return urlunsplit(parts._replace(query=urlencode(query, safe="@,")))

    async def push(
        self, mailboxes: list[Mailbox], *, on_connected: Callable[[], None] | None = None
    ) -> AsyncIterator[Message]:
        """Mail pushed over one WebSocket connection; ends only by raising.

        ``on_connected`` is called once the socket is open, so the watcher can
        say "live" before the first mail arrives.

        A closed or failed connection raises UnavailableError (the watcher
        reconnects with backoff); a refused key raises AuthError.
        """
        url = self.push_url(mailboxes)
        subscribed = {m.address.lower(): m.address for m in mailboxes}
        try:
            async with connect(
                url,
                open_timeout=WS_OPEN_TIMEOUT,
                close_timeout=WS_CLOSE_TIMEOUT,
                ping_interval=WS_PING_INTERVAL,
                ping_timeout=WS_PING_TIMEOUT,
                max_size=WS_MAX_FRAME,
                user_agent_header=USER_AGENT,
                # Like HttpClient (trust_env=False): no proxy picked up from the environment.
                proxy=None,
                logger=_ws_log,
            ) as socket:
                log.info("catmails: push connected (%s)", _describe_subscription(mailboxes))
                if on_connected is not None:
                    on_connected()
                async for frame in socket:
                    message = self.pushed_message(frame, subscribed)
                    if message is not None:
                        yield message
        except ConnectionClosedError as exc:
            raise UnavailableError(texts.PUSH_DROPPED(reason=_describe_ws_error(exc)), provider=self.id) from None
        except InvalidStatus as exc:
            status = exc.response.status_code
            if status in (401, 403):
                raise AuthError(texts.PUSH_KEY_REFUSED(status=status), provider=self.id) from None
            raise UnavailableError(texts.PUSH_REFUSED(status=status), provider=self.id) from None
        except (InvalidHandshake, InvalidURI, OSError, TimeoutError) as exc:
            raise UnavailableError(texts.PUSH_CANNOT_OPEN(reason=_describe_ws_error(exc)), provider=self.id) from None
        raise UnavailableError(texts.PUSH_CLOSED(), provider=self.id)

    def pushed_message(self, frame: str | bytes, subscribed: dict[str, str]) -> Message | None:
        """One frame -> a Message, None for acks and noise; raises for errors."""
        if isinstance(frame, bytes):
            frame = frame.decode("utf-8", "replace")
        try:
            payload = json.loads(frame)
        except ValueError:
            log.warning("catmails: ignoring a push frame that is not JSON: %s", redact(frame[:200]))
            return None
        if not isinstance(payload, dict):
            log.warning("catmails: ignoring a push frame of an unexpected shape")
            return None
        if payload.get("success") is False:
            text = self.error_text(payload) or texts.PUSH_ERROR()
            raise self.error_from_words(text) or RejectedError(text, provider=self.id)
        if not any(key in payload for key in ("from", "to", "subject", "content")):
            return None  # {"success": true} acknowledges the subscription
        mailbox = _pushed_mailbox(payload.get("to"), subscribed)
        if mailbox is None:
            log.warning("catmails: ignoring pushed mail with no recognisable recipient")
            return None
        message = self.message_from(
            "",
            mailbox,
            sender=payload.get("from"),
            subject=payload.get("subject"),
            content=payload.get("content"),
            received_at=payload.get("received_at"),
        )
        message.id = pushed_id(message)
        return message


def pushed_id(message: Message) -> str:
    """The id a pushed mail gets, as a push carries none: ``push-`` and a digest
    of everything the push says, so that two mails differing anywhere (a code
    or a link at the end of a long body, a link only in the HTML) never share
    one; a listed mail has the digest of the push that announced it."""
    return PUSHED_ID_PREFIX + _push_digest(message)


def match_pushed(pushed: Message, listed: Iterable[Message]) -> Message | None:
    """The first of ``listed`` that a push was about: the same mailbox and
    sender (in any case), subject and time, and the same whole text and HTML
    but for whitespace. MailService decides with this which pushed mail is
    which listed one."""
    digest = _push_digest(pushed)
    return next((message for message in listed if _push_digest(message) == digest), None)


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _push_digest(message: Message) -> str:
    parts = [
        message.mailbox.lower(),
        message.from_addr.lower(),
        message.subject,
        to_iso(message.received_at) or "",
        _squash(message.text),
        _squash(message.html or ""),
    ]
    # The store keeps a lone surrogate as U+FFFD: the pushed mail and its stored
    # copy must digest alike.
    joined = _LONE_SURROGATE.sub("\ufffd", "\x1f".join(parts))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


def _squash(text: str) -> str:
    return "".join(text.split())


def _split_sender(sender: Any) -> tuple[str | None, str]:
    raw = "" if sender is None else str(sender).strip()
    name, address = parseaddr(raw)
    if not address:
        return None, raw
    return (name.strip() or None), address


def _pushed_mailbox(to: Any, subscribed: dict[str, str]) -> str | None:
    """The subscribed mailbox a push is for, spelled as we subscribed it."""
    recipients = [addr for _name, addr in getaddresses([str(to)]) if addr] if to else []
    for address in recipients:
        if address.lower() in subscribed:
            return subscribed[address.lower()]
    if recipients:
        return recipients[0]
    if len(subscribed) == 1:
        return next(iter(subscribed.values()))
    return None


def _unique(addresses) -> list[str]:
    seen: set[str] = set()
    result = []
    for address in addresses:
        address = address.strip()
        if address and address.lower() not in seen:
            seen.add(address.lower())
            result.append(address)
    return result


def _describe_subscription(mailboxes: list[Mailbox]) -> str:
    if not mailboxes:
        return "all mailboxes of the key"
    return f"{len(mailboxes)} mailbox" + ("es" if len(mailboxes) != 1 else "")


def _describe_ws_error(exc: BaseException) -> str:
    if isinstance(exc, ConnectionRefusedError):
        return texts.CONNECTION_REFUSED()
    if isinstance(exc, TimeoutError):
        return texts.TIMED_OUT()
    text = redact(str(exc)) or type(exc).__name__
    return text[:200]
