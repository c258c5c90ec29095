"""A loopback TempMail worker, following worker.txt.

``/api/*`` wants ``x-api-key`` (401 otherwise), ``/health`` is public.
Answers are ``{success, data, ts}`` or ``{success: false, error, ts}``. The
inbox lists up to 50 mails, newest first, with text cut at 5000 characters;
the detail adds HTML cut at 50,000. Mail lives 6 hours on the fake's clock.
"""

from __future__ import annotations

import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from aiohttp import web

from tempmail_desktop.core.timeutil import UTC, utcnow
from tests.fakes.server import FakeService

TEXT_LIMIT = 5000
HTML_LIMIT = 50_000
INBOX_LIMIT = 50
TTL = timedelta(hours=6)
NAMES = ("james", "olivia", "noah", "emma", "liam", "ava", "lucas", "mia")

NOT_FOUND_NOTE = "No OTP code found in any inbox emails"
NO_DOMAINS = "No domains available for this account"

# The document's detection order: subject, then text, then HTML, then any six digits.
SUBJECT_CODE = re.compile(r"\bcode\s+is\s+(\d{6})\b", re.IGNORECASE)
TEXT_CODE = re.compile(r"verification\s+code\b\D{0,60}?\b(\d{6})\b", re.IGNORECASE | re.DOTALL)
HTML_CODE = re.compile(r"<(h1|td)\b[^>]*>\s*(\d{6})\s*</\1>", re.IGNORECASE)
ANY_CODE = re.compile(r"\b(\d{6})\b")
PREFERRED_SUBJECT_WORDS = ("verification", "chatgpt", "login code")


def iso(moment: datetime) -> str:
    """The service's time format: ``2026-04-27T14:00:00.000Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


@dataclass
class StoredMail:
    id: str
    to_address: str
    from_address: str
    subject: str
    text: str
    html: str | None
    created_at: datetime

    @property
    def expires_at(self) -> datetime:
        return self.created_at + TTL

    @property
    def size_bytes(self) -> int:
        headers = f"From: {self.from_address}\r\nTo: {self.to_address}\r\nSubject: {self.subject}\r\n\r\n"
        return len(headers.encode()) + len(self.text.encode()) + len((self.html or "").encode())


class WorkerFake(FakeService):
    name = "worker"

    def __init__(
        self,
        *,
        keys: set[str] | None = None,
        domains: list[str] | None = None,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.keys = set(keys) if keys is not None else {"tmp_test_key"}
        self.domains = list(domains) if domains is not None else ["mail.example.com", "inbox.example.net"]
        self.clock = clock
        self.mails: dict[str, StoredMail] = {}
        self.generated: list[str] = []
        # Paths exactly as sent (still percent-encoded): the log of the base
        # class keeps them decoded.
        self.raw_paths: list[str] = []
        super().__init__()

    # -- test API ---------------------------------------------------------

    def deliver(
        self, address: str, *, sender: str, subject: str, text: str, html: str | None = None
    ) -> str:
        mail_id = str(uuid.uuid4())
        with self._lock:
            self.mails[mail_id] = StoredMail(
                mail_id, address.strip().lower(), sender, subject, text, html, self.clock()
            )
        return mail_id

    def expire_all(self) -> None:
        """What the service's pg_cron does once six hours have passed."""
        with self._lock:
            self.mails.clear()

    # -- plumbing ---------------------------------------------------------

    def ok(self, data: dict, status: int = 200) -> web.Response:
        return self.json({"success": True, "data": data, "ts": iso(self.clock())}, status)

    def fail(self, error: str, status: int) -> web.Response:
        return self.json({"success": False, "error": error, "ts": iso(self.clock())}, status)

    def _authorised(self, request: web.Request) -> bool:
        with self._lock:
            return request.headers.get("x-api-key", "") in self.keys

    def _purge_expired(self) -> None:
        now = self.clock()
        with self._lock:
            for mail_id in [m.id for m in self.mails.values() if m.expires_at <= now]:
                del self.mails[mail_id]

    def _inbox(self, address: str) -> list[StoredMail]:
        self._purge_expired()
        with self._lock:
            mails = [m for m in self.mails.values() if m.to_address == address]
        mails.sort(key=lambda m: m.created_at, reverse=True)
        return mails[:INBOX_LIMIT]

    @staticmethod
    def _address(request: web.Request) -> str | None:
        address = request.match_info["address"].strip().lower()
        local, _, domain = address.partition("@")
        return address if local and "." in domain else None

    def setup_routes(self, app: web.Application) -> None:
        api = {
            ("POST", "/api/generate"): self.generate,
            ("GET", "/api/domains"): self.list_domains,
            ("GET", "/api/inbox/{address}"): self.inbox,
            ("DELETE", "/api/inbox/{address}"): self.clear_inbox,
            ("GET", "/api/email/{id}"): self.email,
            ("DELETE", "/api/email/{id}"): self.delete_email,
            ("GET", "/api/otp/{address}"): self.otp,
        }
        for (method, path), handler in api.items():
            app.router.add_route(method, path, self._guarded(handler))
        app.router.add_get("/health", self.health)
        app.router.add_route("*", "/{tail:.*}", self.unknown)

    def _guarded(self, handler):
        async def guarded(request: web.Request) -> web.Response:
            with self._lock:
                self.raw_paths.append(request.raw_path)
            if not self._authorised(request):
                return self.fail("Missing or invalid API key", 401)
            return await handler(request)

        return guarded

    # -- endpoints --------------------------------------------------------

    async def unknown(self, request: web.Request) -> web.Response:
        if request.path.startswith("/api/") and not self._authorised(request):
            return self.fail("Missing or invalid API key", 401)
        return self.fail("Not found", 404)

    async def health(self, request: web.Request) -> web.Response:
        return self.ok({"status": "ok", "service": "TempMail", "version": "1.0.0"})

    async def list_domains(self, request: web.Request) -> web.Response:
        with self._lock:
            domains = list(self.domains)
        return self.ok({"domains": [{"domain": d} for d in domains]})

    async def generate(self, request: web.Request) -> web.Response:
        with self._lock:
            domains = list(self.domains)
        if not domains:
            return self.fail(NO_DOMAINS, 503)
        username = f"{random.choice(NAMES)}{random.randint(10, 99)}{random.randint(0, 999)}"
        domain = random.choice(domains)
        address = f"{username}@{domain}"
        with self._lock:
            self.generated.append(address)
        return self.ok(
            {"email": address, "domain": domain, "username": username, "expires_in_hours": 6}
        )

    async def inbox(self, request: web.Request) -> web.Response:
        address = self._address(request)
        if address is None:
            return self.fail("Invalid email address", 400)
        emails = [
            {
                "id": m.id,
                "from_address": m.from_address,
                "subject": m.subject,
                "created_at": iso(m.created_at),
                "expires_at": iso(m.expires_at),
                "text_content": m.text[:TEXT_LIMIT],
            }
            for m in self._inbox(address)
        ]
        return self.ok({"address": address, "count": len(emails), "emails": emails})

    async def clear_inbox(self, request: web.Request) -> web.Response:
        address = self._address(request)
        if address is None:
            return self.fail("Invalid email address", 400)
        with self._lock:
            for mail_id in [m.id for m in self.mails.values() if m.to_address == address]:
                del self.mails[mail_id]
        return self.ok({"cleared": True, "address": address})

    def _find(self, request: web.Request) -> StoredMail | None:
        self._purge_expired()
        with self._lock:
            return self.mails.get(request.match_info["id"])

    async def email(self, request: web.Request) -> web.Response:
        mail = self._find(request)
        if mail is None:
            return self.fail("Email not found", 404)
        return self.ok(
            {
                "id": mail.id,
                "from_address": mail.from_address,
                "to_address": mail.to_address,
                "subject": mail.subject,
                "text_content": mail.text[:TEXT_LIMIT],
                "html_content": mail.html[:HTML_LIMIT] if mail.html is not None else None,
                "size_bytes": mail.size_bytes,
                "created_at": iso(mail.created_at),
                "expires_at": iso(mail.expires_at),
            }
        )

    async def delete_email(self, request: web.Request) -> web.Response:
        mail = self._find(request)
        if mail is None:
            return self.fail("Email not found", 404)
        with self._lock:
            self.mails.pop(mail.id, None)
        return self.ok({"deleted": True})

    async def otp(self, request: web.Request) -> web.Response:
        address = self._address(request)
        if address is None:
            return self.fail("Invalid email address", 400)
        for mail in sorted(self._inbox(address), key=lambda m: not _preferred(m)):
            code = _scan(mail)
            if code:
                return self.ok(
                    {
                        "found": True,
                        "otp": code,
                        "email_id": mail.id,
                        "from": mail.from_address,
                        "subject": mail.subject,
                        "received_at": iso(mail.created_at),
                    }
                )
        return self.ok({"found": False, "otp": None, "message": NOT_FOUND_NOTE})


def _preferred(mail: StoredMail) -> bool:
    """OpenAI / no-reply senders and verification subjects are scanned first."""
    sender = mail.from_address.lower()
    subject = mail.subject.lower()
    return (
        "@openai.com" in sender
        or "noreply@" in sender
        or any(word in subject for word in PREFERRED_SUBJECT_WORDS)
    )


def _scan(mail: StoredMail) -> str | None:
    text = mail.text[:TEXT_LIMIT]
    for pattern, source, group in (
        (SUBJECT_CODE, mail.subject, 1),
        (TEXT_CODE, text, 1),
        (HTML_CODE, mail.html or "", 2),
        (ANY_CODE, text, 1),
    ):
        match = pattern.search(source)
        if match:
            return match.group(group)
    return None
