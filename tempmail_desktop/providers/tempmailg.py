"""TempMailG user API (api-docs/tempmailg.txt).

The service's own shapes: a ``status`` boolean envelope with the payload under
``data``, except the message list, which sits at the top level as
``messages`` beside ``mailbox``; errors carry ``message`` (and, for
validation, Laravel-style ``errors``). Every call, attachment downloads
included, sends ``Authorization: Bearer`` and ``Accept: application/json``.
Responses carry ``X-RateLimit-*`` headers that the base keeps as quota state.

Two things the service does that users would notice if we got them wrong:
opening a message (``GET /api/messages/{id}``) marks it seen, so listing never
opens messages; and attachment URLs arrive inside mail, so the key is only
ever sent to the configured service's own origin.
"""

from __future__ import annotations

import inspect
import logging
import mimetypes
import re
from datetime import timedelta
from email.utils import parseaddr
from typing import Any
from urllib.parse import quote, urlsplit

import httpx

from ..core import log_names, texts
from ..core.errors import (
    AuthError,
    ProtocolError,
    QuotaError,
    RejectedError,
    TempmailError,
    UsageError,
)
from ..core.models import Attachment, Capability, Domain, Mailbox, Message
from ..core.timeutil import parse_time, utcnow
from .base import Progress, Provider, ProviderInfo, Sink

log = logging.getLogger(log_names.TEMPMAILG)

DOMAIN_KINDS = ("free", "premium")
# The document sets no rule for the username; it travels as a URL path
# segment, so only a plain local part is accepted (no '/', '@', spaces).
PREFIX_RE = re.compile(r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,62}[A-Za-z0-9])?$")
DOMAIN_RE = re.compile(
    r"^(?=.{4,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$"
)
DEFAULT_PORTS = {"http": 80, "https": 443}


class _KeyNotAllowed(AuthError):
    """A 403: the key is valid but the mailbox or message belongs to someone else."""


class TempMailGProvider(Provider):
    info = ProviderInfo(
        id="tempmailg",
        name="TempMailG",
        api_doc="tempmailg.txt",
        default_base_url="https://v1.tempmailg.com",
        capabilities=frozenset(
            {
                Capability.RANDOM_ADDRESS,
                # The API creates only random mailboxes; a chosen prefix or
                # domain is done by creating one and switching it at once with
                # the rename endpoint (POST /api/emails/{current}/{user}/{domain}).
                Capability.CHOSEN_PREFIX,
                Capability.CHOSEN_DOMAIN,
                Capability.DOMAIN_LIST,
                Capability.RENAME,
                Capability.DELETE_MAILBOX,
                Capability.DELETE_MESSAGE,
                Capability.MESSAGE_DETAIL,
                Capability.ATTACHMENTS,
            }
        ),
        key_required=True,
        key_help=texts.TEMPMAILG_KEY_HELP(),
        # Mailboxes expire 600 s after creation, so mail must be seen quickly;
        # the quota (50,000 calls a period in the document's example headers)
        # allows polling this often.
        poll_active=4.0,
        poll_idle=30.0,
        retention=timedelta(minutes=10),
        notes=(
            "Mailboxes expire 10 minutes after they are created.",
            "Only 2xx answers count against the quota (X-RateLimit-* headers).",
            "Opening a message on the service marks it seen; the inbox list does not.",
        ),
    )

    def auth_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.require_key()}"}

    # -- answers ----------------------------------------------------------

    def envelope_ok(self, payload: dict) -> bool:
        status = payload.get("status")
        return status if isinstance(status, bool) else True

    def error_text(self, payload: Any) -> str | None:
        """The first field error of a validation answer says more than its summary."""
        if isinstance(payload, dict) and isinstance(payload.get("errors"), dict):
            for problems in payload["errors"].values():
                first = problems[0] if isinstance(problems, list) and problems else problems
                if isinstance(first, str) and first.strip():
                    return first.strip()[:300]
        return super().error_text(payload)

    def error_for(self, status: int, payload: Any, response: httpx.Response) -> TempmailError:
        text = self.error_text(payload)
        if status == 401:
            said = (texts.TEMPMAILG_KEY_REJECTED_SAID(service=self.name, said=text) if text
                    else texts.TEMPMAILG_KEY_REJECTED(service=self.name))
            return AuthError(said, provider=self.id)
        if status == 403:
            return _KeyNotAllowed(text or texts.KEY_NOT_ALLOWED(), provider=self.id)
        error = super().error_for(status, payload, response)
        if isinstance(error, QuotaError) and error.reset_at is None:
            # The service announces the end of the quota period in its own
            # header rather than (or before) a Retry-After.
            reset_at = parse_time(response.headers.get("x-ratelimit-reset"))
            if reset_at is not None:
                error.reset_at = reset_at
                self.quota.exhausted_until = reset_at
        return error

    async def _call(self, method: str, path: str, *, subject: texts.Said | None = None, **kwargs) -> Any:
        """``request`` with a 403 that names what the key may not touch."""
        try:
            return await self.request(method, path, **kwargs)
        except _KeyNotAllowed as exc:
            if subject is None:
                raise AuthError(exc.message, provider=self.id) from None
            raise AuthError(texts.KEY_NOT_ALLOWED_FOR(what=subject), provider=self.id) from None

    def _data(self, payload: Any, what: str) -> dict:
        payload = self.expect(payload, dict, what)
        return self.expect(payload.get("data"), dict, what)

    # -- input checks -----------------------------------------------------

    def validate_prefix(self, prefix: str) -> None:
        if not PREFIX_RE.match(prefix):
            raise UsageError(texts.TEMPMAILG_USERNAME_RULE(prefix=prefix, service=self.name), provider=self.id)

    def _check_domain(self, domain: str) -> str:
        domain = domain.strip().lower()
        if not DOMAIN_RE.match(domain):
            raise UsageError(texts.NOT_A_DOMAIN(domain=domain), provider=self.id)
        return domain

    def _check_message_id(self, message_id: str) -> str:
        message_id = str(message_id).strip()
        if not message_id:
            raise UsageError(texts.MESSAGE_ID_NEEDED(), provider=self.id)
        return message_id

    # -- domains ----------------------------------------------------------

    async def domains(self, kind: str | None = None) -> list[Domain]:
        """The plan's domains; ``kind`` narrows them to "free" or "premium"."""
        params = {}
        if kind is not None:
            kind = kind.strip().lower()
            if kind not in DOMAIN_KINDS:
                raise UsageError(texts.DOMAIN_TYPE_CHOICES(choices=", ".join(DOMAIN_KINDS), kind=kind),
                                 provider=self.id)
            params["type"] = kind
        data = self._data(await self._call("GET", "/api/domains", params=params), "its domains")
        allowed = data.get("allowed_types")
        if kind is not None and isinstance(allowed, list):
            allowed_kinds = {str(t).lower() for t in allowed}
            if kind not in allowed_kinds:
                allows = ", ".join(sorted(allowed_kinds)) or texts.NONE_ALLOWED()
                raise RejectedError(texts.PLAN_LACKS_DOMAINS(kind=kind, allowed=allows), provider=self.id)
        domains = []
        for entry in self.expect(data.get("domains"), list, "its domains"):
            entry = self.expect(entry, dict, "its domains")
            name = self.expect(entry.get("domain"), str, "its domains").strip().lower()
            entry_kind = entry.get("type")
            domains.append(
                Domain(
                    name=name,
                    kind=entry_kind.strip().lower() if isinstance(entry_kind, str) else None,
                    custom=entry.get("custom") is True,
                )
            )
        return domains

    # -- mailboxes --------------------------------------------------------

    def _mailbox(self, payload: Any) -> Mailbox:
        data = self._data(payload, "a mailbox")
        address = self.expect(data.get("email"), str, "a mailbox").strip()
        created_at = parse_time(data.get("created_at"))
        expires_at = parse_time(data.get("expire_at"))
        seconds = data.get("expires_in_seconds")
        if expires_at is None and isinstance(seconds, (int, float)) and not isinstance(seconds, bool):
            # Counted from creation; an answer without created_at counts from now.
            expires_at = (created_at or utcnow()) + timedelta(seconds=seconds)
        remote_id = data.get("id")
        token = data.get("email_token")
        return Mailbox(
            provider=self.id,
            address=address,
            created_at=created_at,
            expires_at=expires_at,
            remote_id=str(remote_id) if remote_id is not None else None,
            token=token if isinstance(token, str) else None,
        )

    async def create_mailbox(self, *, prefix: str | None = None, domain: str | None = None) -> Mailbox:
        # Check the wished-for address before anything is created upstream.
        if prefix is not None:
            self.validate_prefix(prefix)
        if domain is not None:
            domain = self._check_domain(domain)
        mailbox = self._mailbox(await self._call("POST", "/api/emails", idempotent=False))
        log.info("%s: created a random mailbox", self.id)
        if prefix is None and domain is None:
            return mailbox
        local, _, own_domain = mailbox.address.partition("@")
        try:
            return await self.rename_mailbox(
                mailbox, prefix=prefix if prefix is not None else local, domain=domain or own_domain
            )
        except TempmailError:
            # The user asked for a specific address and did not get it: do not
            # leave a random mailbox behind on their account.
            try:
                await self.delete_mailbox(mailbox)
            except TempmailError as cleanup:
                log.warning("%s: could not delete the interim mailbox: %s", self.id, cleanup)
            raise

    async def rename_mailbox(self, mailbox: Mailbox, *, prefix: str, domain: str) -> Mailbox:
        address = self.check_address(mailbox.address)
        self.validate_prefix(prefix)
        domain = self._check_domain(domain)
        path = (
            f"/api/emails/{self.quote_address(address)}/{quote(prefix, safe='')}/{quote(domain, safe='')}"
        )
        renamed = self._mailbox(
            await self._call("POST", path, idempotent=False, subject=texts.MAILBOX_NAMED(address=address))
        )
        log.info("%s: switched a mailbox to a chosen address", self.id)
        return renamed

    async def delete_mailbox(self, mailbox: Mailbox) -> None:
        address = self.check_address(mailbox.address)
        await self._call(
            "DELETE", f"/api/emails/{self.quote_address(address)}", subject=texts.MAILBOX_NAMED(address=address)
        )

    # -- messages ---------------------------------------------------------

    def _attachment(self, entry: Any) -> Attachment:
        entry = self.expect(entry, dict, "an attachment")
        name = self.expect(entry.get("name"), str, "an attachment")
        extension = entry.get("extension")
        guess_from = f"file.{extension}" if isinstance(extension, str) and extension else name
        size = entry.get("size")
        url = entry.get("url")
        return Attachment(
            name=name,
            size=size if isinstance(size, int) and not isinstance(size, bool) else None,
            content_type=mimetypes.guess_type(guess_from, strict=False)[0],
            url=url if isinstance(url, str) and url else None,
        )

    def _message(self, entry: Any, mailbox: Mailbox) -> Message:
        entry = self.expect(entry, dict, "a message")
        message_id = entry.get("id")
        if not isinstance(message_id, (str, int)) or isinstance(message_id, bool) or str(message_id) == "":
            raise ProtocolError(texts.NO_MESSAGE_ID(), provider=self.id)
        display = entry.get("from") if isinstance(entry.get("from"), str) else ""
        address = entry.get("from_email") if isinstance(entry.get("from_email"), str) else ""
        parsed_name, parsed_address = parseaddr(display)
        if not address and "@" in parsed_address:
            address, display = parsed_address, parsed_name
        elif "<" in display and parsed_name:
            display = parsed_name  # "Name <a@b>" in the display field
        display = display.strip()
        content = entry.get("content")
        content = content if isinstance(content, str) else ""
        is_html = entry.get("html") is True
        if is_html:
            from ..core.extract import html_to_text

            text, html = html_to_text(content), content
        else:
            text, html = content, None
        subject = entry.get("subject")
        return Message(
            id=str(message_id),
            provider=self.id,
            mailbox=mailbox.address,
            from_addr=address.strip(),
            from_name=display if display and display.lower() != address.strip().lower() else None,
            subject=subject if isinstance(subject, str) else "",
            received_at=parse_time(entry.get("receivedAt")),
            text=text,
            html=html,
            has_html=is_html,
            attachments=[
                self._attachment(a)
                for a in self.expect(entry.get("attachments") or [], list, "attachments")
            ],
            # The list carries the whole body; the detail call adds nothing.
            complete=True,
            seen=entry.get("is_seen") is True,
        )

    async def list_messages(self, mailbox: Mailbox) -> list[Message]:
        # Built from the list alone: opening each message would mark it seen
        # on the service, telling the sender's side that it was read.
        address = self.check_address(mailbox.address)
        payload = self.expect(
            await self._call(
                "GET", "/api/messages", params={"email": address}, subject=texts.MAILBOX_NAMED(address=address)
            ),
            dict,
            "the message list",
        )
        entries = self.expect(payload.get("messages"), list, "the message list")
        return [self._message(entry, mailbox) for entry in entries]

    async def get_message(self, mailbox: Mailbox, message_id: str) -> Message:
        message_id = self._check_message_id(message_id)
        payload = await self._call(
            "GET", f"/api/messages/{quote(message_id, safe='')}", subject=texts.MESSAGE_NAMED(message=message_id)
        )
        return self._message(self._data(payload, "a message"), mailbox)

    async def delete_message(self, mailbox: Mailbox, message_id: str) -> None:
        message_id = self._check_message_id(message_id)
        await self._call(
            "DELETE", f"/api/messages/{quote(message_id, safe='')}", subject=texts.MESSAGE_NAMED(message=message_id)
        )

    # -- attachments ------------------------------------------------------

    def attachment_url(self, message: Message, attachment: Attachment) -> str:
        """Where to fetch an attachment with the key.

        The URL comes from the mail's JSON, which a sender can influence; one
        that leaves the configured service's origin would hand the key to
        someone else, so it is rebuilt from the documented path instead.
        """
        if attachment.url and _origin(attachment.url) == _origin(self.base_url):
            # Dot segments ("attachments/..") are resolved by URL parsing into
            # another endpoint (the message detail, which marks mail as seen).
            literal = urlsplit(attachment.url).path.encode()
            if httpx.URL(attachment.url).raw_path.split(b"?")[0] == literal:
                return attachment.url
        if attachment.url:
            log.warning(
                "%s: an attachment URL leaves %s or climbs its path; fetching it by name instead",
                self.id,
                self.name,
            )
        return self.url(
            f"/api/messages/{_segment(message.id)}/attachments/{_segment(attachment.name)}"
        )

    async def download_attachment(
        self,
        mailbox: Mailbox,
        message: Message,
        attachment: Attachment,
        sink: Sink,
        progress: Progress | None = None,
    ) -> None:
        url = self.attachment_url(message, attachment)
        headers = {"Accept": "application/json", **self.auth_headers()}
        async with self.http.stream(self.id, "GET", url, headers=headers) as response:
            self.note_quota(response)
            status = response.status_code
            if status >= 400:
                await response.aread()
                try:
                    self.decode(response)
                except _KeyNotAllowed:
                    raise AuthError(
                        texts.KEY_NOT_ALLOWED_FOR(what=texts.MESSAGE_NAMED(message=message.id)),
                        provider=self.id,
                    ) from None
                # decode raises for every status >= 400; this only guards the
                # sink against ever receiving an error page as file content.
                raise ProtocolError(texts.DOWNLOAD_REFUSED(status=status), provider=self.id)
            if status >= 300:
                # Redirects are not followed: the key must not travel on.
                raise ProtocolError(texts.DOWNLOAD_REDIRECT(status=status), provider=self.id)
            total = _int_or_none(response.headers.get("content-length"))
            done = 0
            if progress:
                progress(done, total)
            async for chunk in response.aiter_bytes():
                if not chunk:
                    continue
                result = sink(chunk)
                if inspect.isawaitable(result):
                    await result
                done += len(chunk)
                if progress:
                    progress(done, total)
        if total is not None and done != total:
            raise ProtocolError(texts.DOWNLOAD_SHORT(done=done, total=total, name=attachment.name),
                                provider=self.id)


def _origin(url: str) -> tuple[str, str, int | None] | None:
    """(scheme, host, port) with default ports filled in; None for anything odd.

    URLs with user info count as odd: the part before '@' is where a hostile
    link hides a trusted-looking host name.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname or parts.username or parts.password:
        return None
    return scheme, parts.hostname.lower(), port if port is not None else DEFAULT_PORTS[scheme]


def _int_or_none(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _segment(text: str) -> str:
    """One URL path segment; "." and ".." encoded so no parser resolves them."""
    quoted = quote(text, safe="")
    return quoted.replace(".", "%2E") if quoted in (".", "..") else quoted
