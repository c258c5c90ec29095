"""A loopback Cat Mails, following catmails.txt, with its WebSocket push.

Everything goes through ``/api``: GET ``?type=getmails&mail=&key=``, or POST
with ``Authorization: Bearer`` and form ``mail=``; POST ``?action=mailboxes``,
``create_temp_mailbox`` and ``delete_temp_mailbox``. Answers are
``{"success": true, ...}`` or ``{"success": false, "error": <documented words>}``.
Each key reads a set of mailboxes (main, aliases, temp ones it created).
Push lives on the same server at ``/ws/`` (``?key=&mail=a,b``).
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime

from aiohttp import WSMsgType, web

from tempmail_desktop.core.timeutil import UTC, utcnow
from tests.fakes.server import FakeService

DEMO_KEY = "mk_demo_7f3a9c21d4e8b6"
DEMO_MAIN = "demo@mails.cat"
DEMO_ALIAS = "hello@mails.cat"
OTHER_KEY = "mk_other_0b5e2f8a91c3"
OTHER_MAIN = "other@mails.cat"
TEMP_DOMAIN = "temp.mails.cat"

MISSING_KEY = "Missing key"
INVALID_KEY = "Invalid key"
INVALID_API_KEY = "Invalid API key"  # the words the WebSocket example uses
MISSING_MAIL = "Missing mail"
SCOPE_INVALID = "Mailbox scope is invalid"
DELETE_REFUSED = "Cannot delete main mailbox or alias mailbox (only temp mailbox allowed)"

# HTTP statuses the fake pairs with each error word when ``errors_with_status``
# is on; off, every error is HTTP 200 with ``success: false`` (the document
# shows only bodies, so the client must read the words either way).
ERROR_STATUS = {
    MISSING_KEY: 401,
    INVALID_KEY: 401,
    SCOPE_INVALID: 403,
    MISSING_MAIL: 400,
    DELETE_REFUSED: 400,
}


def service_time(moment: datetime) -> str:
    """The service's zone-less UTC time: ``2026-03-18 12:10:00``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")


@dataclass
class StoredMail:
    id: int
    mail_to: str
    mail_from: str
    subject: str
    content: str
    received_at: str

    def row(self) -> dict:
        return {
            "id": self.id,
            "mail_from": self.mail_from,
            "mail_to": self.mail_to,
            "subject": self.subject,
            "content": self.content,
            "received_at": self.received_at,
        }

    def pushed(self) -> dict:
        return {
            "from": self.mail_from,
            "to": self.mail_to,
            "subject": self.subject,
            "content": self.content,
            "received_at": self.received_at,
        }


@dataclass(eq=False)
class Subscriber:
    socket: web.WebSocketResponse
    request: web.Request
    key: str
    mailboxes: frozenset[str]  # lower-cased


class CatMailsFake(FakeService):
    name = "catmails"

    def __init__(self, *, keys: dict[str, set[str]] | None = None) -> None:
        super().__init__()
        if keys is None:
            keys = {DEMO_KEY: {DEMO_MAIN, DEMO_ALIAS}, OTHER_KEY: {OTHER_MAIN}}
        self.keys: dict[str, set[str]] = {key: set(boxes) for key, boxes in keys.items()}
        self.temp_mailboxes: set[str] = set()
        self.mails: list[StoredMail] = []
        self.next_id = 128
        self.errors_with_status = True
        self.push_enabled = True
        # When set, ``?action=mailboxes`` answers this string verbatim (spacing,
        # duplicates and empty items as a real server might join them).
        self.mailboxes_answer: str | None = None
        self.subscribers: list[Subscriber] = []

    def setup_routes(self, app: web.Application) -> None:
        app.router.add_get("/api", self.handle_get)
        app.router.add_post("/api", self.handle_post)
        app.router.add_get("/ws/", self.handle_socket)

    # -- test API ---------------------------------------------------------

    def deliver(
        self,
        address: str,
        *,
        sender: str,
        subject: str,
        content: str,
        received_at: datetime | str | None = None,
    ) -> str:
        """Store a mail for ``address`` and push it to its subscribers; returns its id."""
        if received_at is None:
            received_at = utcnow()
        when = received_at if isinstance(received_at, str) else service_time(received_at)
        with self._lock:
            mail = StoredMail(self.next_id, address, sender, subject, content, when)
            self.next_id += 1
            self.mails.append(mail)
            targets = [s for s in self.subscribers if address.lower() in s.mailboxes]
            push = self.push_enabled and self._loop is not None
        if push and targets:
            self.call(lambda: self._send_all(targets, mail.pushed()))
        return str(mail.id)

    def drop_sockets(self) -> None:
        """Cut every WebSocket without a close frame, as a network failure would."""
        with self._lock:
            targets, self.subscribers = self.subscribers, []

        def cut() -> None:
            for subscriber in targets:
                if subscriber.request.transport is not None:
                    subscriber.request.transport.abort()

        if targets:
            self.call(cut)

    def sockets_open(self) -> int:
        with self._lock:
            return len(self.subscribers)

    def key_mailboxes(self, key: str) -> set[str]:
        with self._lock:
            return set(self.keys.get(key, ()))

    # -- helpers ----------------------------------------------------------

    def error(self, words: str) -> web.Response:
        status = ERROR_STATUS.get(words, 400) if self.errors_with_status else 200
        return self.json({"success": False, "error": words}, status=status)

    def in_scope(self, key: str, address: str) -> bool:
        with self._lock:
            return address.lower() in {m.lower() for m in self.keys.get(key, ())}

    def mail_list(self, address: str) -> web.Response:
        with self._lock:
            rows = [m.row() for m in reversed(self.mails) if m.mail_to.lower() == address.lower()]
        return self.json({"success": True, "count": len(rows), "data": rows})

    @staticmethod
    def bearer(request: web.Request) -> str | None:
        header = request.headers.get("Authorization", "")
        if header.lower().startswith("bearer "):
            return header[7:].strip() or None
        return None

    # -- HTTP -------------------------------------------------------------

    async def handle_get(self, request: web.Request) -> web.Response:
        if request.query.get("type") != "getmails":
            return self.json({"success": False, "error": "Invalid type"}, status=400)
        key = request.query.get("key", "").strip()
        if not key:
            return self.error(MISSING_KEY)
        if key not in self.keys:
            return self.error(INVALID_KEY)
        mail = request.query.get("mail", "").strip()
        if not mail:
            return self.error(MISSING_MAIL)
        if not self.in_scope(key, mail):
            return self.error(SCOPE_INVALID)
        return self.mail_list(mail)

    async def handle_post(self, request: web.Request) -> web.Response:
        key = self.bearer(request)
        if not key:
            return self.error(MISSING_KEY)
        if key not in self.keys:
            return self.error(INVALID_KEY)
        form = await request.post()
        mail = str(form.get("mail", "")).strip()
        action = request.query.get("action")
        if action is None:
            if not mail:
                return self.error(MISSING_MAIL)
            if not self.in_scope(key, mail):
                return self.error(SCOPE_INVALID)
            return self.mail_list(mail)
        if action == "mailboxes":
            with self._lock:
                answer = self.mailboxes_answer
                if answer is None:
                    answer = ",".join(sorted(self.keys[key]))
            return self.json({"success": True, "address": answer})
        if action == "create_temp_mailbox":
            address = f"tmp{secrets.token_hex(4)}@{TEMP_DOMAIN}"
            with self._lock:
                self.keys[key].add(address)
                self.temp_mailboxes.add(address)
            return self.json({"success": True, "mail": address})
        if action == "delete_temp_mailbox":
            if not mail:
                return self.error(MISSING_MAIL)
            if not self.in_scope(key, mail):
                return self.error(SCOPE_INVALID)
            with self._lock:
                temp = next((t for t in self.temp_mailboxes if t.lower() == mail.lower()), None)
                if temp is None:
                    return self.error(DELETE_REFUSED)
                self.temp_mailboxes.discard(temp)
                self.keys[key].discard(temp)
            return self.json({"success": True, "message": "Temp mailbox deleted"})
        return self.json({"success": False, "error": "Unknown action"}, status=400)

    # -- WebSocket --------------------------------------------------------

    async def handle_socket(self, request: web.Request) -> web.StreamResponse:
        if not self.push_enabled:
            return self.json({"success": False, "error": "Push unavailable"}, status=503)
        socket = web.WebSocketResponse()
        await socket.prepare(request)
        key = request.query.get("key", "").strip()
        words = None
        if not key:
            words = MISSING_KEY
        elif key not in self.keys:
            words = INVALID_API_KEY
        wanted = [m.strip() for m in request.query.get("mail", "").split(",") if m.strip()]
        if words is None and any(not self.in_scope(key, m) for m in wanted):
            words = SCOPE_INVALID
        if words is not None:
            await socket.send_json({"success": False, "error": words})
            await socket.close()
            return socket
        subscriber = Subscriber(
            socket,
            request,
            key,
            frozenset(m.lower() for m in (wanted or self.key_mailboxes(key))),
        )
        with self._lock:
            self.subscribers.append(subscriber)
        try:
            await socket.send_json({"success": True})
            async for frame in socket:
                if frame.type in (WSMsgType.ERROR, WSMsgType.CLOSE):
                    break
        finally:
            with self._lock:
                if subscriber in self.subscribers:
                    self.subscribers.remove(subscriber)
        return socket

    async def _send_all(self, targets: list[Subscriber], payload: dict) -> None:
        for subscriber in targets:
            if not subscriber.socket.closed:
                try:
                    await subscriber.socket.send_json(payload)
                except ConnectionError:
                    pass  # a socket dying as we push is what drop tests are about
