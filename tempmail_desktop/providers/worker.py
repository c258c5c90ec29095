"""TempMail, the Cloudflare worker service (api doc: worker.txt).

Every ``/api/*`` call carries the key in ``x-api-key`` (the app does not call
the public ``/health``). Answers use the envelope ``{success, data, error, ts}``.
The inbox list already carries the plain text (first 5000 characters) but
never HTML, so listed mail is incomplete until its detail is fetched. Any key
reads any address, so an address made elsewhere can be opened here.
"""

from __future__ import annotations

import logging
from datetime import timedelta
from email.utils import parseaddr
from typing import Any
from urllib.parse import quote

import httpx

from ..core import log_names, texts
from ..core.errors import NotFoundError, ProtocolError, RejectedError, TempmailError, UsageError
from ..core.extract import html_to_text
from ..core.models import Capability, Domain, Mailbox, Message, ServerOtp
from ..core.timeutil import parse_time, utcnow
from .base import Provider, ProviderInfo

log = logging.getLogger(log_names.WORKER)

RETENTION = timedelta(hours=6)
# The service's words when an account may use no domain at all; it sends them
# with HTTP 503, which is a refusal to explain to the user, not an outage.
NO_DOMAINS_MARKER = "no domains available"


class WorkerProvider(Provider):
    info = ProviderInfo(
        id="worker",
        name="TempMail (worker)",
        api_doc="worker.txt",
        default_base_url="https://tempmail-worker.hasildia1.workers.dev",
        capabilities=frozenset(
            {
                Capability.RANDOM_ADDRESS,
                Capability.OPEN_ANY_ADDRESS,
                Capability.DOMAIN_LIST,
                Capability.CLEAR,
                Capability.DELETE_MESSAGE,
                Capability.MESSAGE_DETAIL,
                Capability.SERVER_OTP,
            }
        ),
        key_required=True,
        key_help=texts.WORKER_KEY_HELP(),
        poll_active=3.0,
        poll_idle=60.0,
        retention=RETENTION,
        homepage="https://tempmail-worker.hasildia1.workers.dev",
        notes=(
            "Addresses are always random: neither the name nor the domain can be chosen.",
            "Mail is deleted by the service 6 hours after it arrives.",
            "Text bodies are cut at 5000 characters and HTML at 50,000 by the service.",
        ),
    )

    # -- requests ---------------------------------------------------------

    def auth_headers(self) -> dict[str, str]:
        return {"x-api-key": self.require_key()}

    def error_for(self, status: int, payload: Any, response: httpx.Response) -> TempmailError:
        text = self.error_text(payload)
        if status == 503 and text and NO_DOMAINS_MARKER in text.lower():
            return RejectedError(text, provider=self.id)
        return super().error_for(status, payload, response)

    async def _call(self, method: str, path: str, what: str, **kwargs) -> dict:
        """One API call; returns the envelope's ``data`` object."""
        payload = self.expect(await self.request(method, path, **kwargs), dict, what)
        return self.expect(payload.get("data"), dict, what)

    @staticmethod
    def _encode(segment: str) -> str:
        # Like the document's encodeURIComponent: '@' travels as %40.
        return quote(segment, safe="")

    def _address_path(self, endpoint: str, mailbox: Mailbox) -> str:
        return f"/api/{endpoint}/{self._encode(self.check_address(mailbox.address))}"

    def _email_path(self, message_id: str) -> str:
        # Ids are UUIDs in the document, but a self-hosted worker may differ:
        # accept any id, and encode it whole so it can never climb the path.
        text = str(message_id).strip()
        if not text:
            raise UsageError(texts.MESSAGE_ID_NEEDED(), provider=self.id)
        return f"/api/email/{self._encode(text)}"

    # -- operations -------------------------------------------------------

    async def domains(self) -> list[Domain]:
        data = await self._call("GET", "/api/domains", "its domain list")
        entries = self.expect(data.get("domains"), list, "its domain list")
        names = []
        for entry in entries:
            name = entry.get("domain") if isinstance(entry, dict) else None
            if not isinstance(name, str) or not name.strip():
                raise ProtocolError(texts.DOMAIN_WITHOUT_NAME(), provider=self.id)
            names.append(Domain(name.strip().lower()))
        return names

    async def create_mailbox(self, *, prefix: str | None = None, domain: str | None = None) -> Mailbox:
        if prefix:
            raise self.unsupported("create an address with a chosen name (addresses are random)")
        if domain:
            raise self.unsupported("create an address on a chosen domain (the service picks it)")
        # The document says to send an empty POST: no body, no content type.
        data = await self._call("POST", "/api/generate", "the new address")
        address = data.get("email")
        if not isinstance(address, str) or "@" not in address:
            raise ProtocolError(texts.NEW_ADDRESS_NOT_ADDRESS(), provider=self.id)
        hours = data.get("expires_in_hours")
        lifetime = (
            timedelta(hours=float(hours))
            if isinstance(hours, (int, float)) and not isinstance(hours, bool) and hours > 0
            else RETENTION
        )
        created_at = utcnow()
        log.info("worker: created a new address")
        return Mailbox(self.id, address.strip(), created_at=created_at, expires_at=created_at + lifetime)

    async def list_messages(self, mailbox: Mailbox) -> list[Message]:
        data = await self._call("GET", self._address_path("inbox", mailbox), "the inbox")
        emails = self.expect(data.get("emails"), list, "the inbox")
        # The list has no HTML and a text cut at 5000 characters; the detail says more.
        return [self._message(mailbox, entry, complete=False) for entry in emails]

    async def get_message(self, mailbox: Mailbox, message_id: str) -> Message:
        data = await self._call("GET", self._email_path(message_id), "a message")
        return self._message(mailbox, data, complete=True)

    async def delete_message(self, mailbox: Mailbox, message_id: str) -> None:
        data = await self._call("DELETE", self._email_path(message_id), "the deletion")
        if data.get("deleted") is False:
            raise NotFoundError(texts.NO_MESSAGE_TO_DELETE(message=message_id), provider=self.id)

    async def clear_mailbox(self, mailbox: Mailbox) -> int | None:
        data = await self._call("DELETE", self._address_path("inbox", mailbox), "the clearing")
        if data.get("cleared") is False:
            raise RejectedError(texts.DID_NOT_CLEAR(address=mailbox.address), provider=self.id)
        return None  # the service does not say how many mails went

    async def server_otp(self, mailbox: Mailbox) -> ServerOtp:
        data = await self._call("GET", self._address_path("otp", mailbox), "its code scan")
        found = data.get("found")
        if not isinstance(found, bool):
            raise ProtocolError(texts.NO_FOUND_FLAG(), provider=self.id)
        if not found:
            note = data.get("message")
            return ServerOtp(False, note=note if isinstance(note, str) and note.strip() else None)
        code = data.get("otp")
        if not isinstance(code, (str, int)) or isinstance(code, bool) or not str(code).strip():
            raise ProtocolError(texts.FOUND_NO_CODE(), provider=self.id)
        sender_addr = _split_sender(_text(data.get("from")))[1]
        return ServerOtp(
            True,
            otp=str(code).strip(),
            message_id=_text(data.get("email_id")) or None,
            from_addr=sender_addr or None,
            subject=_text(data.get("subject")) or None,
            received_at=parse_time(data.get("received_at")),
        )

    # -- mapping ----------------------------------------------------------

    def _message(self, mailbox: Mailbox, entry: Any, *, complete: bool) -> Message:
        if not isinstance(entry, dict):
            raise self.unexpected_shape("a mail")
        message_id = entry.get("id")
        if not isinstance(message_id, str) or not message_id.strip():
            raise ProtocolError(texts.MAIL_WITHOUT_ID(), provider=self.id)
        from_name, from_addr = _split_sender(_text(entry.get("from_address")))
        text = _text(entry.get("text_content"))
        html = entry.get("html_content") if complete else None
        html = html if isinstance(html, str) and html.strip() else None
        if html and not text.strip():
            text = html_to_text(html)
        headers = {}
        recipient = _text(entry.get("to_address"))
        if recipient:
            headers["To"] = recipient
        return Message(
            id=message_id.strip(),
            provider=self.id,
            mailbox=mailbox.address,
            from_addr=from_addr,
            from_name=from_name,
            subject=_text(entry.get("subject")),
            received_at=parse_time(entry.get("created_at")),
            text=text,
            html=html,
            has_html=html is not None,
            headers=headers,
            complete=complete,
        )


def _text(value: Any) -> str:
    return value if isinstance(value, str) else ""


def _split_sender(value: str) -> tuple[str | None, str]:
    """``"Name <a@b>"`` -> ("Name", "a@b"); a bare address has no name."""
    value = value.strip()
    if not value:
        return None, ""
    name, address = parseaddr(value)
    if not address:
        # Not parseable as an address: keep what the service said rather than lose it.
        return None, value
    return (name.strip() or None), address
