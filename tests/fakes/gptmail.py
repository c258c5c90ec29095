"""A loopback GPTMail, following gptmail.txt.

All eleven endpoints, each wanting a key in ``X-API-Key`` or ``?api_key=``
(401 "API key required" without one, 403 for an unknown one). Answers are
``{success, data, error}``. Each key has a daily call quota counted by UTC
date (429 "Daily quota exceeded" once spent). The list carries bodies cut as
the document says (text to 10k characters, HTML to 2MB); the detail adds the
raw MIME source cut to ``raw_limit`` characters, with ``raw_size`` the real
size in bytes.
"""

from __future__ import annotations

import itertools
import json
import random
import re
import string
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, formataddr, make_msgid

from aiohttp import web

from tempmail_desktop.core.timeutil import UTC, utcnow
from tests.fakes.server import FakeService

TEXT_LIMIT = 10_000
HTML_LIMIT = 2 * 1024 * 1024
RAW_LIMIT = 100_000
PREFIX_RE = re.compile(r"^[A-Za-z0-9._-]{1,32}$")
DOMAIN_RE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+$")


@dataclass
class StoredMail:
    id: str
    email_address: str
    from_address: str
    subject: str
    content: str
    html_content: str | None
    received: datetime
    raw: str  # the whole source; cut to raw_limit characters when served
    raw_size: int
    raw_limit: int
    headers: dict[str, str] = field(default_factory=dict)

    def summary(self) -> dict:
        return {
            "id": self.id,
            "email_address": self.email_address,
            "from_address": self.from_address,
            "subject": self.subject,
            "content": self.content,
            "html_content": self.html_content or "",
            "has_html": self.html_content is not None,
            "timestamp": int(self.received.timestamp()),
            "created_at": self.received.strftime("%Y-%m-%d %H:%M:%S"),
        }

    def detail(self) -> dict:
        return {
            **self.summary(),
            "raw_content": self.raw[: self.raw_limit],
            "headers": dict(self.headers),
            "raw_size": self.raw_size,
        }


def mask_word(word: str) -> str:
    return word[:2] + "***" if word else ""


def mask_domain(domain: str) -> str:
    """``example.com`` -> ``ex****le.com``: first and last two kept, as the document shows."""
    name, dot, tld = domain.rpartition(".")
    if not dot:
        return mask_word(domain)
    return (name[:2] + "****" + name[-2:] if len(name) > 4 else mask_word(name)) + "." + tld


def mask_sender(address: str) -> str:
    """``user@example.com`` -> ``us***@ex***.com``."""
    local, _, domain = address.partition("@")
    name, _, tld = domain.rpartition(".")
    return f"{mask_word(local)}@{mask_word(name)}.{tld}"


class GptMailFake(FakeService):
    name = "gptmail"

    def __init__(
        self,
        *,
        keys: Iterable[str] | None = None,
        daily_quota: int = 2000,
        domains: Iterable[str] | None = None,
        inactive_domains: Iterable[str] = ("old.example.org",),
        mx_ready: Iterable[str] = ("mine.example.net",),
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        self.keys = set(keys) if keys is not None else {"gpt-test"}
        self.daily_quota = daily_quota
        self.domains = list(domains) if domains is not None else ["chatgpt.org.uk", "gptmail.example"]
        # Configured but not active: counted in domain_count, refused for mail.
        self.inactive_domains = list(inactive_domains)
        # Domains whose MX points at the service: a request for them succeeds.
        self.mx_ready = set(mx_ready)
        self.requested_domains: list[str] = []
        self.clock = clock
        self.mails: dict[str, StoredMail] = {}
        self.total_ever = 0
        self.usage: Counter[tuple[str, str]] = Counter()  # (key, UTC date) -> calls
        self._ids = itertools.count(1_700_000_001)
        self._canned: dict[str, list[tuple[object, int]]] = {}
        super().__init__()

    # -- test API ---------------------------------------------------------

    def deliver(
        self,
        address: str,
        *,
        sender: str = "a@b",
        sender_name: str | None = None,
        subject: str = "",
        text: str = "",
        html: str | None = None,
        attachments: Iterable[tuple[str, bytes, str]] = (),
        inline_images: Iterable[tuple[str, bytes, str]] = (),
        raw_limit: int = RAW_LIMIT,
        when: datetime | None = None,
    ) -> str:
        """Receive a mail as the service would; returns its id.

        The raw source is a real MIME message (CRLF lines, as SMTP has it);
        ``raw_limit`` is how many of its characters the detail call returns.
        """
        received = (when or self.clock()).astimezone(UTC)
        mail = EmailMessage()
        mail["Received"] = f"from mx.sender.example by mx.gptmail.example; {format_datetime(received)}"
        mail["From"] = formataddr((sender_name, sender)) if sender_name else sender
        mail["To"] = address
        mail["Subject"] = subject
        mail["Date"] = format_datetime(received)
        mail["Message-ID"] = make_msgid(domain="sender.example")
        mail["User-Agent"] = "FakeMailer/1.0"
        inline_images = list(inline_images)
        if html is None:
            mail.set_content(text)
        else:
            if text:
                mail.set_content(text)
                mail.add_alternative(html, subtype="html")
                html_part = mail.get_payload()[-1]
            else:
                mail.set_content(html, subtype="html")
                html_part = mail
            for cid, data, ctype in inline_images:
                maintype, _, subtype = ctype.partition("/")
                html_part.add_related(data, maintype, subtype, cid=f"<{cid}>", disposition="inline")
        for name, data, ctype in attachments:
            maintype, _, subtype = ctype.partition("/")
            mail.add_attachment(data, maintype, subtype, filename=name)
        raw_bytes = mail.as_bytes(policy=policy.SMTP)
        headers = {name: str(value) for name, value in mail.items() if not name.lower().startswith("content-")}
        with self._lock:
            mail_id = str(next(self._ids))
            self.mails[mail_id] = StoredMail(
                id=mail_id,
                email_address=address.lower(),
                from_address=str(mail["From"]),
                subject=subject,
                content=text[:TEXT_LIMIT],
                html_content=html[:HTML_LIMIT] if html is not None else None,
                received=received,
                raw=raw_bytes.decode("utf-8", "replace"),
                raw_size=len(raw_bytes),
                raw_limit=raw_limit,
                headers=headers,
            )
            self.total_ever += 1
        return mail_id

    def remove(self, mail_id: str) -> bool:
        """The service deletes a mail on its own (expiry, moderation)."""
        with self._lock:
            return self.mails.pop(mail_id, None) is not None

    def respond_next(self, path: str, payload: object, *, status: int = 200) -> None:
        """Answer the next authorised request to ``path`` with this JSON, whatever it is."""
        with self._lock:
            self._canned.setdefault(path, []).append((payload, status))

    def calls_today(self, key: str = "gpt-test") -> int:
        with self._lock:
            return self.usage[(key, self.clock().astimezone(UTC).date().isoformat())]

    # -- plumbing ---------------------------------------------------------

    @staticmethod
    def ok(data: object) -> web.Response:
        return FakeService.json({"success": True, "data": data, "error": ""})

    @staticmethod
    def fail(status: int, error: str) -> web.Response:
        return FakeService.json({"success": False, "data": None, "error": error}, status=status)

    def _guard(self, handler):
        """Key check, quota count and canned answers, in front of every endpoint."""

        async def guarded(request: web.Request) -> web.Response:
            key = request.headers.get("X-API-Key") or request.query.get("api_key")
            if not key:
                return self.fail(401, "API key required")
            if key not in self.keys:
                return self.fail(403, "Invalid API key")
            today = self.clock().astimezone(UTC).date().isoformat()
            with self._lock:
                if self.usage[(key, today)] >= self.daily_quota:
                    return self.fail(429, "Daily quota exceeded")
                self.usage[(key, today)] += 1
                canned = self._canned.get(request.path)
                answer = canned.pop(0) if canned else None
            if answer is not None:
                payload, status = answer
                return self.json(payload, status=status)
            return await handler(request)

        return guarded

    def setup_routes(self, app: web.Application) -> None:
        g = self._guard
        app.router.add_get("/api/generate-email", g(self.generate_random))
        app.router.add_post("/api/generate-email", g(self.generate_chosen))
        app.router.add_get("/api/emails", g(self.list_emails))
        app.router.add_delete("/api/emails/clear", g(self.clear))
        app.router.add_get("/api/email/{id}", g(self.get_email))
        app.router.add_delete("/api/email/{id}", g(self.delete_email))
        app.router.add_get("/api/stats", g(self.stats))
        app.router.add_get("/api/statistics/24h", g(self.hourly))
        app.router.add_get("/api/statistics/top-subjects", g(self.top_subjects))
        app.router.add_get("/api/statistics/top-domains", g(self.top_domains))
        app.router.add_get("/api/statistics/top-senders", g(self.top_senders))
        app.router.add_post("/api/domains/request", g(self.request_domain))

    def _new_address(self, prefix: str | None, domain: str | None) -> web.Response:
        with self._lock:
            active = list(self.domains)
        if not active:
            return self.fail(400, "No active domains available")
        if domain is None or domain.lower() not in active:
            # The document: an omitted or inactive domain gets a random active one.
            domain = random.choice(active)
        prefix = prefix or "".join(random.choices(string.ascii_lowercase + string.digits, k=10))
        return self.ok({"email": f"{prefix}@{domain.lower()}"})

    async def generate_random(self, request: web.Request) -> web.Response:
        return self._new_address(None, None)

    async def generate_chosen(self, request: web.Request) -> web.Response:
        try:
            body = json.loads(await request.read() or b"{}")
        except ValueError:
            return self.fail(400, "Invalid JSON body")
        if not isinstance(body, dict):
            return self.fail(400, "Invalid JSON body")
        prefix, domain = body.get("prefix"), body.get("domain")
        if prefix is not None and (not isinstance(prefix, str) or not PREFIX_RE.match(prefix)):
            return self.fail(400, "Invalid prefix")
        if domain is not None and not isinstance(domain, str):
            return self.fail(400, "Invalid domain")
        return self._new_address(prefix, domain)

    def _address_or_error(self, request: web.Request) -> str | web.Response:
        address = request.query.get("email", "").strip().lower()
        if "@" not in address:
            return self.fail(400, "Email address required")
        if address.rpartition("@")[2] not in self.domains:
            return self.fail(400, "Unsupported domain")
        return address

    async def list_emails(self, request: web.Request) -> web.Response:
        address = self._address_or_error(request)
        if isinstance(address, web.Response):
            return address
        with self._lock:
            mails = [m for m in self.mails.values() if m.email_address == address]
        mails.sort(key=lambda m: m.received, reverse=True)
        return self.ok({"emails": [m.summary() for m in mails], "count": len(mails)})

    async def clear(self, request: web.Request) -> web.Response:
        address = self._address_or_error(request)
        if isinstance(address, web.Response):
            return address
        with self._lock:
            doomed = [i for i, m in self.mails.items() if m.email_address == address]
            for mail_id in doomed:
                del self.mails[mail_id]
        return self.ok({"message": f"Deleted {len(doomed)} emails", "count": len(doomed)})

    async def get_email(self, request: web.Request) -> web.Response:
        mail_id = request.match_info["id"]
        with self._lock:
            mail = self.mails.get(mail_id)
        if mail is None:
            return self.fail(404, "Email not found")
        return self.ok(mail.detail())

    async def delete_email(self, request: web.Request) -> web.Response:
        with self._lock:
            found = self.mails.pop(request.match_info["id"], None)
        if found is None:
            return self.fail(404, "Email not found")
        return self.ok({"message": "Email deleted"})

    # -- statistics -------------------------------------------------------

    def _recent(self) -> list[StoredMail]:
        since = self.clock() - timedelta(hours=24)
        with self._lock:
            return [m for m in self.mails.values() if m.received >= since]

    async def stats(self, request: web.Request) -> web.Response:
        now = self.clock().astimezone(UTC)
        recent = self._recent()
        with self._lock:
            today = sum(1 for m in self.mails.values() if m.received.date() == now.date())
            data = {
                "total_emails": self.total_ever,
                "today_emails": today,
                "emails_24h": len(recent),
                "unique_subjects": len({m.subject for m in recent}),
                "active_domains": len(self.domains),
                "domain_count": len(self.domains) + len(self.inactive_domains),
            }
        return self.ok(data)

    async def hourly(self, request: web.Request) -> web.Response:
        hours = Counter(m.received.strftime("%Y-%m-%d %H:00:00") for m in self._recent())
        return self.ok([{"hour": hour, "count": count} for hour, count in sorted(hours.items())])

    @staticmethod
    def _top(counter: Counter, field_name: str, mask: Callable[[str], str]) -> web.Response:
        rows = [{field_name: mask(value), "count": count} for value, count in counter.most_common(10)]
        return GptMailFake.ok(rows)

    async def top_subjects(self, request: web.Request) -> web.Response:
        return self._top(Counter(m.subject for m in self._recent()), "subject", mask_word)

    async def top_domains(self, request: web.Request) -> web.Response:
        counter = Counter(m.email_address.rpartition("@")[2] for m in self._recent())
        return self._top(counter, "domain", mask_domain)

    async def top_senders(self, request: web.Request) -> web.Response:
        counter = Counter(_bare_address(m.from_address) for m in self._recent())
        return self._top(counter, "sender", mask_sender)

    async def request_domain(self, request: web.Request) -> web.Response:
        try:
            body = json.loads(await request.read() or b"{}")
        except ValueError:
            return self.fail(400, "Invalid JSON body")
        domain = body.get("domain") if isinstance(body, dict) else None
        if not isinstance(domain, str) or not DOMAIN_RE.match(domain.strip().lower()):
            return self.fail(400, "Invalid domain format")
        domain = domain.strip().lower()
        with self._lock:
            if domain in self.domains or domain in self.inactive_domains or domain in self.requested_domains:
                return self.fail(400, "Domain already exists")
            if domain not in self.mx_ready:
                return self.fail(400, "MX record does not point to the expected host")
            self.requested_domains.append(domain)
        return self.ok({"domain": domain})


def _bare_address(value: str) -> str:
    found = re.search(r"<([^<>]+)>", value)
    return (found.group(1) if found else value).strip().lower()
