"""A loopback TempMailG user API that behaves as api-docs/tempmailg.txt says.

Bearer keys, each on a plan that allows some domain types; mailboxes owned by
the key that created them (403 for another key's, 404 for unknown or expired
ones) that expire 600 s after creation by an injectable clock; a message
detail call that marks the mail seen; attachments served as bytes; and
``X-RateLimit-*`` headers whose counter moves only after a 2xx answer.
"""

from __future__ import annotations

import mimetypes
import re
import secrets
import string
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import quote

from aiohttp import web

from tempmail_desktop.core.timeutil import utcnow

from .server import FakeService

MAILBOX_LIFETIME = timedelta(seconds=600)
PLAN_TYPES = {"free": ("free",), "premium": ("free", "premium")}
DEFAULT_DOMAINS = (
    ("tmgbox.test", "Free", False),
    ("quickinbox.test", "Free", False),
    ("vipmail.test", "Premium", False),
)
USERNAME_RE = re.compile(r"^[A-Za-z0-9._-]{1,64}$")
ID_ALPHABET = string.ascii_letters + string.digits
# The document's example reset time carries a +05:00 offset.
RESET_ZONE = timezone(timedelta(hours=5))


@dataclass
class FakeMailbox:
    id: int
    email: str
    domain: str
    owner: str
    created_at: datetime
    expire_at: datetime
    token: str


@dataclass
class FakeMail:
    id: str
    mailbox: str
    sender_name: str
    sender_email: str
    subject: str
    html: bool
    content: str
    received_at: datetime
    attachments: dict[str, bytes] = field(default_factory=dict)
    urls: dict[str, str] = field(default_factory=dict)
    seen: bool = False


def _error(message: str, status: int, field_name: str | None = None) -> web.Response:
    payload: dict = {"status": False, "message": message}
    if field_name:
        payload["errors"] = {field_name: [message]}
    return FakeService.json(payload, status=status)


def _iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).isoformat(timespec="seconds")


class TempMailGFake(FakeService):
    name = "tempmailg"

    def __init__(
        self,
        keys: Iterable[str] = ("tmg-test-key",),
        *,
        plan: str = "free",
        domains: Iterable[tuple[str, str, bool]] = DEFAULT_DOMAINS,
        quota_limit: int = 50000,
        clock: Callable[[], datetime] = utcnow,
    ) -> None:
        super().__init__()
        self.plans: dict[str, str] = {key: plan for key in keys}
        self.domains = list(domains)
        self.clock = clock
        self.quota_limit = quota_limit
        self.quota_used: dict[str, int] = {}
        self.quota_reset = (clock() + timedelta(days=1)).replace(microsecond=0)
        self.mailboxes: dict[str, FakeMailbox] = {}
        self.mails: dict[str, FakeMail] = {}
        self._next_id = 2301

    # -- test controls ----------------------------------------------------

    def add_key(self, key: str, plan: str = "free") -> None:
        with self._lock:
            self.plans[key] = plan

    def set_quota(
        self, *, limit: int | None = None, used: int | None = None, key: str = "tmg-test-key"
    ) -> None:
        with self._lock:
            if limit is not None:
                self.quota_limit = limit
            if used is not None:
                self.quota_used[key] = used

    def used(self, key: str = "tmg-test-key") -> int:
        with self._lock:
            return self.quota_used.get(key, 0)

    def deliver(
        self,
        address: str,
        *,
        sender_name: str = "Example Sender",
        sender_email: str = "hello@example.org",
        subject: str = "Welcome to Temp Mail",
        html: bool = True,
        content: str = "<p>Hello from the inbox.</p>",
        attachments: Iterable[tuple[str, bytes]] = (),
        received_at: datetime | None = None,
    ) -> str:
        """Put a mail into a live mailbox and return its id."""
        with self._lock:
            box = self._live_box(address)
            if box is None:
                raise KeyError(f"no live mailbox {address}")
            mail_id = "".join(secrets.choice(ID_ALPHABET) for _ in range(46))
            files = dict(attachments)
            self.mails[mail_id] = FakeMail(
                id=mail_id,
                mailbox=box.email,
                sender_name=sender_name,
                sender_email=sender_email,
                subject=subject,
                html=html,
                content=content,
                received_at=received_at or self.clock(),
                attachments=files,
                urls={
                    name: f"{self.url}/api/messages/{mail_id}/attachments/{quote(name, safe='')}"
                    for name in files
                },
            )
            return mail_id

    def set_attachment_url(self, mail_id: str, name: str, url: str) -> None:
        """Make a mail advertise another URL for an attachment (hostile mail)."""
        with self._lock:
            self.mails[mail_id].urls[name] = url

    def is_seen(self, mail_id: str) -> bool:
        with self._lock:
            return self.mails[mail_id].seen

    def has_mailbox(self, address: str) -> bool:
        with self._lock:
            return self._live_box(address) is not None

    def owner_of(self, address: str) -> str | None:
        with self._lock:
            box = self._live_box(address)
            return box.owner if box else None

    # -- state helpers (call with the lock held) -------------------------

    def _live_box(self, address: str) -> FakeMailbox | None:
        box = self.mailboxes.get(address.lower())
        if box is not None and self.clock() >= box.expire_at:
            self._drop_box(box)
            return None
        return box

    def _drop_box(self, box: FakeMailbox) -> None:
        self.mailboxes.pop(box.email, None)
        for mail_id in [m.id for m in self.mails.values() if m.mailbox == box.email]:
            del self.mails[mail_id]

    def _owned_box(self, address: str, key: str) -> FakeMailbox | web.Response:
        box = self._live_box(address)
        if box is None:
            return _error("Email not found.", 404)
        if box.owner != key:
            return _error("You do not have permission to access this email.", 403)
        return box

    def _owned_mail(self, mail_id: str, key: str) -> FakeMail | web.Response:
        mail = self.mails.get(mail_id)
        if mail is None or self._live_box(mail.mailbox) is None:
            return _error("Message not found.", 404)
        if self.mailboxes[mail.mailbox].owner != key:
            return _error("You do not have permission to access this message.", 403)
        return mail

    def _allowed_domains(self, key: str, kind: str | None = None) -> list[tuple[str, str, bool]]:
        allowed = PLAN_TYPES[self.plans[key]]
        return [
            d
            for d in self.domains
            if d[1].lower() in allowed and (kind is None or d[1].lower() == kind)
        ]

    def _new_box(self, email: str, domain: str, owner: str, created_at: datetime) -> FakeMailbox:
        box = FakeMailbox(
            id=self._next_id,
            email=email.lower(),
            domain=domain,
            owner=owner,
            created_at=created_at,
            expire_at=created_at + MAILBOX_LIFETIME,
            token=secrets.token_urlsafe(24),
        )
        self._next_id += 1
        self.mailboxes[box.email] = box
        return box

    @staticmethod
    def _box_json(box: FakeMailbox) -> dict:
        return {
            "id": box.id,
            "email": box.email,
            "domain": box.domain,
            "expire_at": _iso(box.expire_at),
            "expires_in_seconds": int(MAILBOX_LIFETIME.total_seconds()),
            "created_at": _iso(box.created_at),
            "email_token": box.token,
        }

    def _mail_json(self, mail: FakeMail) -> dict:
        return {
            "is_seen": mail.seen,
            "subject": mail.subject,
            "from": mail.sender_name,
            "from_email": mail.sender_email,
            "to": mail.mailbox,
            "receivedAt": mail.received_at.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S"),
            "id": mail.id,
            "html": mail.html,
            "content": mail.content,
            "attachments": [
                {
                    "name": name,
                    "extension": name.rsplit(".", 1)[1] if "." in name else "",
                    "size": len(data),
                    "url": mail.urls[name],
                }
                for name, data in mail.attachments.items()
            ],
        }

    # -- routes -----------------------------------------------------------

    def setup_routes(self, app: web.Application) -> None:
        app.router.add_get("/api/domains", self._guarded(self._domains))
        app.router.add_post("/api/emails", self._guarded(self._create))
        app.router.add_post("/api/emails/{email}/{username}/{domain}", self._guarded(self._switch))
        app.router.add_delete("/api/emails/{email}", self._guarded(self._delete_box))
        app.router.add_get("/api/messages", self._guarded(self._list))
        app.router.add_get("/api/messages/{id}", self._guarded(self._read))
        app.router.add_delete("/api/messages/{id}", self._guarded(self._delete_mail))
        app.router.add_get("/api/messages/{id}/attachments/{name}", self._guarded(self._attachment))

    def _guarded(self, handler: Callable[[web.Request, str], web.Response]):
        """Bearer check, quota check, then the handler; the counter moves on 2xx only."""

        async def route(request: web.Request) -> web.Response:
            auth = request.headers.get("Authorization", "")
            key = auth[len("Bearer "):] if auth.startswith("Bearer ") else ""
            with self._lock:
                if key not in self.plans:
                    return _error("Unauthenticated.", 401)
                used = self.quota_used.get(key, 0)
                if used >= self.quota_limit:
                    response = _error("Too Many Attempts.", 429)
                else:
                    response = handler(request, key)
                    if 200 <= response.status < 300:
                        used += 1
                        self.quota_used[key] = used
                response.headers.update(
                    {
                        "X-RateLimit-Limit": str(self.quota_limit),
                        "X-RateLimit-Used": str(used),
                        "X-RateLimit-Remaining": str(max(0, self.quota_limit - used)),
                        "X-RateLimit-Reset": self.quota_reset.astimezone(RESET_ZONE).isoformat(
                            timespec="seconds"
                        ),
                    }
                )
                return response

        return route

    def _domains(self, request: web.Request, key: str) -> web.Response:
        kind = request.query.get("type")
        if kind is not None and kind not in ("free", "premium"):
            return _error("The selected type is invalid.", 422, "type")
        return self.json(
            {
                "status": True,
                "data": {
                    "requested_type": kind,
                    "allowed_types": list(PLAN_TYPES[self.plans[key]]),
                    "domains": [
                        {"domain": name, "type": kind_label, "custom": custom}
                        for name, kind_label, custom in self._allowed_domains(key, kind)
                    ],
                },
            }
        )

    def _create(self, request: web.Request, key: str) -> web.Response:
        free = self._allowed_domains(key, "free")
        if not free:
            return _error("No domain is available for your plan.", 422)
        domain = secrets.choice(free)[0]
        while True:
            local = "".join(secrets.choice(string.ascii_lowercase + string.digits) for _ in range(10))
            if f"{local}@{domain}" not in self.mailboxes:
                break
        box = self._new_box(f"{local}@{domain}", domain, key, self.clock())
        return self.json({"status": True, "data": self._box_json(box)})

    def _switch(self, request: web.Request, key: str) -> web.Response:
        found = self._owned_box(request.match_info["email"], key)
        if isinstance(found, web.Response):
            return found
        username = request.match_info["username"]
        domain = request.match_info["domain"].lower()
        if not USERNAME_RE.match(username):
            return _error("The username format is invalid.", 422, "username")
        if domain not in {d[0] for d in self._allowed_domains(key)}:
            return _error("The selected domain is invalid.", 422, "domain")
        wanted = f"{username}@{domain}".lower()
        taken = self._live_box(wanted)
        if taken is not None and taken is not found:
            return _error("The email has already been taken.", 422, "username")
        # A switch is a new mailbox record (new id) that keeps the old lifetime.
        self._drop_box(found)
        box = self._new_box(wanted, domain, key, found.created_at)
        box.expire_at = found.expire_at
        return self.json({"status": True, "data": self._box_json(box)})

    def _delete_box(self, request: web.Request, key: str) -> web.Response:
        found = self._owned_box(request.match_info["email"], key)
        if isinstance(found, web.Response):
            return found
        self._drop_box(found)
        return self.json({"status": True, "message": "Email has been successfully deleted."})

    def _list(self, request: web.Request, key: str) -> web.Response:
        address = request.query.get("email")
        if not address:
            return _error("The email field is required.", 422, "email")
        found = self._owned_box(address, key)
        if isinstance(found, web.Response):
            return found
        mails = sorted(
            (m for m in self.mails.values() if m.mailbox == found.email),
            key=lambda m: m.received_at,
            reverse=True,
        )
        return self.json(
            {"status": True, "mailbox": found.email, "messages": [self._mail_json(m) for m in mails]}
        )

    def _read(self, request: web.Request, key: str) -> web.Response:
        found = self._owned_mail(request.match_info["id"], key)
        if isinstance(found, web.Response):
            return found
        found.seen = True  # as on the real service: reading a mail marks it seen
        return self.json({"status": True, "data": self._mail_json(found)})

    def _delete_mail(self, request: web.Request, key: str) -> web.Response:
        found = self._owned_mail(request.match_info["id"], key)
        if isinstance(found, web.Response):
            return found
        del self.mails[found.id]
        return self.json({"status": True, "message": "Message was deleted successfully."})

    def _attachment(self, request: web.Request, key: str) -> web.Response:
        found = self._owned_mail(request.match_info["id"], key)
        if isinstance(found, web.Response):
            return found
        name = request.match_info["name"]
        if name not in found.attachments:
            return _error("Attachment not found.", 404)
        return web.Response(
            body=found.attachments[name],
            content_type=mimetypes.guess_type(name)[0] or "application/octet-stream",
            headers={"Content-Disposition": f'attachment; filename="{name}"'},
        )
