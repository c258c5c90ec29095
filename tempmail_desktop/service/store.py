"""The local mail store: remembered mailboxes and every mail once fetched.

One SQLite file shared by the GUI and the CLI, which may run at the same time
in two processes. WAL lets readers and one writer proceed together; every
write is one short ``BEGIN IMMEDIATE`` transaction, so a read-modify-write
never has to upgrade a read lock (the cause of "database is locked" errors
that a busy timeout cannot cure), and the 5 s busy timeout covers the wait
for the other process's write.

Mail stays readable after the service forgets it (the worker keeps mail for
6 hours, TempMailG for 10 minutes): a full listing that no longer has a mail
only flags it ``deleted_upstream``.

The store takes any text a service sends. SQLite stores only valid UTF-8,
and a service's JSON can carry a lone surrogate (``"\\ud800"`` decodes to
one): every text is stored with those replaced by U+FFFD, so such a mail can
still be kept, listed and read.
"""

from __future__ import annotations

import json
import logging
import os
import re
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from ..core import log_names
from ..core.errors import NotFoundError, TempmailError, UsageError
from ..core.facts import mail_facts
from ..core.models import PUSHED_ID_PREFIX, Attachment, Mailbox, Message
from ..core.timeutil import UTC, utcnow
from . import paths

log = logging.getLogger(log_names.STORE)

BUSY_TIMEOUT_MS = 5000
# ``summaries`` carries this much of each body: enough for a preview line,
# little enough that 10,000 rows load quickly.
SUMMARY_TEXT_CHARS = 1000


class SchemaTooNewError(TempmailError):
    """The store was written by a newer version of the app (the user downgraded)."""

    kind = "store"


# --- schema --------------------------------------------------------------------
#
# Each migration takes the schema from version N to N+1 and runs inside the
# transaction that also bumps PRAGMA user_version. Append new steps; never edit
# a step that has shipped, a user's file may already be past it.


def _migrate_to_v1(db: sqlite3.Connection) -> None:
    """The tables."""
    db.execute(
        """
        CREATE TABLE mailboxes (
            provider        TEXT NOT NULL,
            address         TEXT NOT NULL COLLATE NOCASE,
            created_at      TEXT,
            expires_at      TEXT,
            remote_id       TEXT,
            token           TEXT,
            added_at        TEXT NOT NULL,
            position        INTEGER NOT NULL,
            last_checked_at TEXT,
            PRIMARY KEY (provider, address)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE messages (
            provider         TEXT NOT NULL,
            mailbox          TEXT NOT NULL COLLATE NOCASE,
            id               TEXT NOT NULL,
            from_addr        TEXT NOT NULL DEFAULT '',
            from_name        TEXT,
            subject          TEXT NOT NULL DEFAULT '',
            received_at      TEXT,
            has_html         INTEGER NOT NULL DEFAULT 0,
            raw_truncated    INTEGER NOT NULL DEFAULT 0,
            complete         INTEGER NOT NULL DEFAULT 0,
            seen             INTEGER NOT NULL DEFAULT 0,
            deleted_upstream INTEGER NOT NULL DEFAULT 0,
            fingerprint      TEXT NOT NULL,
            fetched_at       TEXT NOT NULL,
            -- Big columns last: SQLite reads a row's columns in order, so
            -- flags and summaries never walk the overflow pages of a body.
            attachments_json TEXT NOT NULL DEFAULT '[]',
            headers_json     TEXT NOT NULL DEFAULT '{}',
            text             TEXT NOT NULL DEFAULT '',
            html             TEXT,
            raw              TEXT,
            PRIMARY KEY (provider, mailbox, id),
            FOREIGN KEY (provider, mailbox) REFERENCES mailboxes (provider, address)
                ON DELETE CASCADE ON UPDATE CASCADE
        )
        """
    )


def _migrate_to_v2(db: sqlite3.Connection) -> None:
    """Indexes for newest-first listing and for flagging mail gone upstream, and the
    record of mail the user deleted here, so that a service which still lists
    it neither brings it back nor announces it again."""
    db.execute(
        """
        CREATE INDEX messages_newest_first
            ON messages (provider, mailbox, COALESCE(received_at, fetched_at))
        """
    )
    # The mail a service still lists: what a full listing may have to flag.
    db.execute(
        "CREATE INDEX messages_live ON messages (provider, mailbox, id) WHERE deleted_upstream = 0"
    )
    db.execute(
        """
        CREATE TABLE deleted_messages (
            provider   TEXT NOT NULL,
            mailbox    TEXT NOT NULL COLLATE NOCASE,
            id         TEXT NOT NULL,
            deleted_at TEXT NOT NULL,
            PRIMARY KEY (provider, mailbox, id),
            FOREIGN KEY (provider, mailbox) REFERENCES mailboxes (provider, address)
                ON DELETE CASCADE ON UPDATE CASCADE
        )
        """
    )


_MIGRATED_FACTS_PER_MAILBOX = 50


def _migrate_to_v3(db: sqlite3.Connection) -> None:
    """Each mail's code and verification link, worked out once when it is stored
    (core/facts.py), so that every surface shows the same ones.

    Worked out here only for the newest mail of each mailbox (about 1 ms a
    mail: 10,000 would hold up the start for 13 s); a code in older temporary
    mail has long expired."""
    db.execute("ALTER TABLE messages ADD COLUMN code TEXT")
    db.execute("ALTER TABLE messages ADD COLUMN link TEXT")
    rows = db.execute(
        f"""
        SELECT rowid, subject, text, html FROM (
            SELECT rowid, subject, text, html, ROW_NUMBER() OVER (
                PARTITION BY provider, mailbox ORDER BY COALESCE(received_at, fetched_at) DESC
            ) AS newness FROM messages
        ) WHERE newness <= {_MIGRATED_FACTS_PER_MAILBOX}
        """
    ).fetchall()
    updates = []
    for rowid, subject, text, html in rows:
        facts = mail_facts(Message(id="", provider="", mailbox="", subject=subject, text=text, html=html))
        if facts.code or facts.link:
            updates.append((facts.code, facts.link, rowid))
    db.executemany("UPDATE messages SET code = ?, link = ? WHERE rowid = ?", updates)


def _migrate_to_v4(db: sqlite3.Connection) -> None:
    """The `tempmail wait`s running on this store, so that the open window
    checks their mailboxes quickly while they wait (see Store.begin_wait)."""
    db.execute(
        """
        CREATE TABLE waits (
            id         INTEGER PRIMARY KEY,
            provider   TEXT NOT NULL,
            mailbox    TEXT NOT NULL COLLATE NOCASE,
            pid        INTEGER NOT NULL,
            started_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _migrate_to_v1, _migrate_to_v2, _migrate_to_v3, _migrate_to_v4
)
SCHEMA_VERSION = len(MIGRATIONS)

# Pushed-only ids as a range on the primary key: "push-" <= id < "push.".
_PUSHED_ONLY = (
    f"(id >= '{PUSHED_ID_PREFIX}' "
    f"AND id < '{PUSHED_ID_PREFIX[:-1]}{chr(ord(PUSHED_ID_PREFIX[-1]) + 1)}')"
)

# The sort key of a listing; the expression must match the index's exactly.
# Walking that index backwards gives the order, rowid (fetch order) included.
_NEWEST_FIRST = "COALESCE(received_at, fetched_at) DESC, rowid DESC"

# One upsert for both a listing and a detail. ``seen`` is local state: only
# mark_seen changes it on a stored row. The body follows one rule: a complete
# incoming body wins; a stored complete body is never replaced by an
# incomplete one; between two incomplete bodies the incoming one wins but its
# blanks are filled from what we had.
_UPSERT = """
INSERT INTO messages (
    provider, mailbox, id, from_addr, from_name, subject, received_at, text, html,
    has_html, attachments_json, headers_json, raw, raw_truncated, complete, seen,
    deleted_upstream, fingerprint, fetched_at, code, link
) VALUES (
    :provider, :mailbox, :id, :from_addr, :from_name, :subject, :received_at, :text, :html,
    :has_html, :attachments_json, :headers_json, :raw, :raw_truncated, :complete, :seen,
    :deleted_upstream, :fingerprint, :fetched_at, :code, :link
)
ON CONFLICT (provider, mailbox, id) DO UPDATE SET
    from_addr = CASE
        WHEN excluded.from_addr = '' THEN messages.from_addr ELSE excluded.from_addr END,
    from_name = COALESCE(excluded.from_name, messages.from_name),
    subject = CASE WHEN excluded.subject = '' THEN messages.subject ELSE excluded.subject END,
    received_at = COALESCE(excluded.received_at, messages.received_at),
    text = CASE
        WHEN excluded.complete THEN excluded.text
        WHEN messages.complete OR excluded.text = '' THEN messages.text
        ELSE excluded.text END,
    html = CASE
        WHEN excluded.complete THEN excluded.html
        WHEN messages.complete THEN messages.html
        ELSE COALESCE(excluded.html, messages.html) END,
    has_html = CASE
        WHEN excluded.complete THEN excluded.has_html
        WHEN messages.complete THEN messages.has_html
        ELSE MAX(excluded.has_html, messages.has_html) END,
    attachments_json = CASE
        WHEN excluded.complete THEN excluded.attachments_json
        WHEN messages.complete OR excluded.attachments_json = '[]' THEN messages.attachments_json
        ELSE excluded.attachments_json END,
    headers_json = CASE
        WHEN excluded.complete THEN excluded.headers_json
        WHEN messages.complete OR excluded.headers_json = '{}' THEN messages.headers_json
        ELSE excluded.headers_json END,
    raw_truncated = CASE
        WHEN excluded.complete THEN excluded.raw_truncated
        WHEN messages.complete OR excluded.raw IS NULL THEN messages.raw_truncated
        ELSE excluded.raw_truncated END,
    raw = CASE
        WHEN excluded.complete THEN excluded.raw
        WHEN messages.complete THEN messages.raw
        ELSE COALESCE(excluded.raw, messages.raw) END,
    complete = MAX(messages.complete, excluded.complete),
    deleted_upstream = excluded.deleted_upstream,
    fingerprint = CASE
        WHEN messages.complete AND NOT excluded.complete THEN messages.fingerprint
        ELSE excluded.fingerprint END,
    -- Worked out from the incoming body (:facts), following the body's rule;
    -- a repeated listing of a stored mail keeps what was worked out.
    code = CASE
        WHEN NOT :facts THEN messages.code
        WHEN excluded.complete THEN excluded.code
        WHEN messages.complete THEN messages.code
        ELSE COALESCE(excluded.code, messages.code) END,
    link = CASE
        WHEN NOT :facts THEN messages.link
        WHEN excluded.complete THEN excluded.link
        WHEN messages.complete THEN messages.link
        ELSE COALESCE(excluded.link, messages.link) END
"""

_SUMMARY_COLUMNS = (
    "provider, mailbox, id, from_addr, from_name, subject, received_at, "
    f"substr(text, 1, {SUMMARY_TEXT_CHARS}) AS text, NULL AS html, "
    "(has_html OR html IS NOT NULL) AS has_html, attachments_json, '{}' AS headers_json, "
    "NULL AS raw, raw_truncated, 0 AS complete, seen, deleted_upstream, code, link"
)
_FULL_COLUMNS = (
    "provider, mailbox, id, from_addr, from_name, subject, received_at, text, html, "
    "has_html, attachments_json, headers_json, raw, raw_truncated, complete, seen, "
    "deleted_upstream, code, link"
)


# --- value conversion ------------------------------------------------------------

_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_lone_surrogate(value: str) -> bool:
    # isascii() is a flag Python keeps on the string: most mail is decided
    # at no cost, the rest by one pass of C.
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _valid_text(value: str) -> str:
    """``value`` with lone surrogates (which UTF-8 cannot encode, so SQLite
    refuses the whole row) replaced by U+FFFD."""
    return _LONE_SURROGATE.sub("\ufffd", value) if _has_lone_surrogate(value) else value


def _valid_or_none(value: str | None) -> str | None:
    return None if value is None else _valid_text(value)


def _valid_params(params: Iterable | dict) -> Iterable | dict:
    if isinstance(params, dict):
        return {k: _valid_text(v) if isinstance(v, str) else v for k, v in params.items()}
    return [_valid_text(v) if isinstance(v, str) else v for v in params]


def _valid_message(msg: Message) -> Message:
    """``msg`` with every text field fit for SQLite (see :func:`_valid_text`);
    the same object when it already is (nearly always). Done before the
    fingerprint is taken, so a mail and its later listings agree on it."""
    texts = (msg.id, msg.provider, msg.mailbox, msg.from_addr, msg.from_name, msg.subject,
             msg.text, msg.html, msg.raw)
    attachment_texts = [(a.name, a.content_type, a.url, a.content_id) for a in msg.attachments]
    header_texts = [text for item in msg.headers.items() for text in item]
    if not any(
        isinstance(t, str) and _has_lone_surrogate(t)
        for t in (*texts, *header_texts, *(t for group in attachment_texts for t in group))
    ):
        return msg
    return msg.with_changes(
        id=_valid_text(msg.id),
        provider=_valid_text(msg.provider),
        mailbox=_valid_text(msg.mailbox),
        from_addr=_valid_text(msg.from_addr or ""),
        from_name=_valid_or_none(msg.from_name),
        subject=_valid_text(msg.subject or ""),
        text=_valid_text(msg.text or ""),
        html=_valid_or_none(msg.html),
        raw=_valid_or_none(msg.raw),
        headers={_valid_text(str(k)): _valid_text(str(v)) for k, v in msg.headers.items()},
        attachments=[
            replace(a, name=_valid_text(a.name or ""), content_type=_valid_or_none(a.content_type),
                    url=_valid_or_none(a.url), content_id=_valid_or_none(a.content_id))
            for a in msg.attachments
        ],
    )


def _valid_mailbox(mb: Mailbox) -> Mailbox:
    return replace(mb, provider=_valid_text(mb.provider), address=_valid_text(mb.address),
                   remote_id=_valid_or_none(mb.remote_id), token=_valid_or_none(mb.token))


def _time_to_db(value: datetime | None) -> str | None:
    """Fixed-width ISO UTC with microseconds: sorts as text, round-trips exactly."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat(timespec="microseconds").replace("+00:00", "Z")


def _time_from_db(value: str | None) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(value).astimezone(UTC)


def _attachments_to_db(attachments: Iterable[Attachment]) -> str:
    # The bytes stay out: they are re-read from the raw source or the service.
    return json.dumps(
        [
            {
                "name": a.name,
                "size": a.size,
                "content_type": a.content_type,
                "url": a.url,
                "content_id": a.content_id,
                "inline": a.inline,
            }
            for a in attachments
        ],
        ensure_ascii=False,
    )


def _attachments_from_db(value: str) -> list[Attachment]:
    if value == "[]":  # most mail; skipping the parse matters for 10,000-row lists
        return []
    return [
        Attachment(
            name=item.get("name", ""),
            size=item.get("size"),
            content_type=item.get("content_type"),
            url=item.get("url"),
            content_id=item.get("content_id"),
            inline=bool(item.get("inline", False)),
        )
        for item in json.loads(value)
    ]


def _message_row(
    msg: Message, provider: str, mailbox: str, fetched_at: str, *, facts: bool = True
) -> dict:
    """The row for ``msg``; with ``facts`` its code and link are worked out from
    its body (without, a stored row keeps the ones it has: see ``_UPSERT``)."""
    found = mail_facts(msg) if facts else None
    row_message = msg if (msg.provider, msg.mailbox) == (provider, mailbox) else msg.with_changes(
        provider=provider, mailbox=mailbox
    )
    return {
        "provider": provider,
        "mailbox": mailbox,
        "id": msg.id,
        "from_addr": msg.from_addr or "",
        "from_name": msg.from_name,
        "subject": msg.subject or "",
        "received_at": _time_to_db(msg.received_at),
        "text": msg.text or "",
        "html": msg.html,
        "has_html": int(bool(msg.has_html or msg.html)),
        "attachments_json": _attachments_to_db(msg.attachments),
        "headers_json": json.dumps(dict(msg.headers), ensure_ascii=False),
        "raw": msg.raw,
        "raw_truncated": int(msg.raw_truncated),
        "complete": int(msg.complete),
        "seen": int(msg.seen),
        "deleted_upstream": int(msg.deleted_upstream),
        "fingerprint": row_message.fingerprint(),
        "fetched_at": fetched_at,
        "code": found.code if found else msg.code,
        "link": found.link if found else msg.link,
        "facts": int(facts),
    }


def _message_from_row(row: tuple) -> Message:
    """A row of ``_FULL_COLUMNS`` or ``_SUMMARY_COLUMNS`` (same order; plain
    tuples because name lookups dominate loading 10,000 summaries)."""
    (provider, mailbox, message_id, from_addr, from_name, subject, received_at, text, html,
     has_html, attachments_json, headers_json, raw, raw_truncated, complete, seen,
     deleted_upstream, code, link) = row
    return Message(
        id=message_id,
        provider=provider,
        mailbox=mailbox,
        from_addr=from_addr,
        from_name=from_name,
        subject=subject,
        received_at=_time_from_db(received_at),
        text=text,
        html=html,
        has_html=bool(has_html),
        attachments=_attachments_from_db(attachments_json),
        headers=json.loads(headers_json) if headers_json != "{}" else {},
        raw=raw,
        raw_truncated=bool(raw_truncated),
        complete=bool(complete),
        seen=bool(seen),
        deleted_upstream=bool(deleted_upstream),
        code=code,
        link=link,
    )


_MAILBOX_COLUMNS = "provider, address, created_at, expires_at, remote_id, token"


def _mailbox_from_row(row: tuple) -> Mailbox:
    provider, address, created_at, expires_at, remote_id, token = row
    return Mailbox(
        provider=provider,
        address=address,
        created_at=_time_from_db(created_at),
        expires_at=_time_from_db(expires_at),
        remote_id=remote_id,
        token=token,
    )


def _is_pushed_only(message_id: str) -> bool:
    return message_id.startswith(PUSHED_ID_PREFIX)


def _like_pattern(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


class _Connection:
    """The SQLite connection, with every text parameter of ``execute`` made
    valid (a lookup by an id holding a lone surrogate finds the stored
    mail instead of failing). ``executemany`` rows are built from messages
    already made valid, or read from the store, and pass as they are: they
    can be 10,000 bodies long."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db

    def execute(self, sql: str, params: Iterable | dict = ()) -> sqlite3.Cursor:
        return self._db.execute(sql, _valid_params(params))

    def executemany(self, sql: str, rows: Iterable) -> sqlite3.Cursor:
        return self._db.executemany(sql, rows)


# --- the store -----------------------------------------------------------------------


class Store:
    """Mailboxes and messages in one SQLite file (see the module docstring).

    Each call is one short transaction. A Store may be shared between threads
    (calls are serialised by a lock); another process or another Store on the
    same file is safe too.

    Addresses match case-insensitively (ASCII, as mail domains and the
    services' local parts are); the spelling first remembered is kept.
    """

    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = Path(path) if path is not None else paths.database_path()
        self._lock = threading.RLock()
        self._prepare_file()
        self._db = sqlite3.connect(
            self.path,
            timeout=BUSY_TIMEOUT_MS / 1000,
            isolation_level=None,  # we open every transaction ourselves
            check_same_thread=False,  # guarded by self._lock
        )
        try:
            self._db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            self._refuse_newer_schema()
            self._db.execute("PRAGMA journal_mode = WAL")
            self._db.execute("PRAGMA synchronous = NORMAL")  # durable enough in WAL, much faster
            self._db.execute("PRAGMA foreign_keys = ON")
            self._migrate()
        except BaseException:
            self._db.close()
            raise

    # -- lifecycle -------------------------------------------------------------

    def close(self) -> None:
        with self._lock:
            if self._db is not None:
                self._db.close()
                self._db = None  # type: ignore[assignment]

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _prepare_file(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Create the file ourselves so it is private from the first byte;
        # SQLite gives its -wal and -shm files the same mode.
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        os.close(fd)
        try:
            os.chmod(self.path, 0o600)
        except OSError:  # a filesystem without modes (e.g. FAT)
            pass

    def _schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def _refuse_newer_schema(self) -> None:
        version = self._schema_version()
        if version > SCHEMA_VERSION:
            raise SchemaTooNewError(
                f"The mail store {self.path} was written by a newer version of tempmail-desktop "
                f"(store version {version}; this version knows up to {SCHEMA_VERSION}). "
                "Install the newer version again; the store was left untouched."
            )

    def _migrate(self) -> None:
        if self._schema_version() == SCHEMA_VERSION:
            return
        with self._write():
            # Read again under the write lock: the other process may have
            # migrated while we waited.
            version = self._schema_version()
            if version > SCHEMA_VERSION:
                self._refuse_newer_schema()
            if version == 0:
                log.info("creating the mail store %s", self.path)
            else:
                log.info("upgrading the mail store %s from version %d to %d",
                         self.path, version, SCHEMA_VERSION)
            for step in range(version, SCHEMA_VERSION):
                MIGRATIONS[step](self._db)
                self._db.execute(f"PRAGMA user_version = {step + 1}")

    @property
    def schema_version(self) -> int:
        with self._lock:
            return self._schema_version()

    @contextmanager
    def _write(self) -> Iterator[_Connection]:
        """One short write transaction, taken at once (BEGIN IMMEDIATE)."""
        with self._lock:
            db = self._connection()
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    def _connection(self) -> _Connection:
        if self._db is None:
            raise RuntimeError("the mail store is closed")
        return _Connection(self._db)

    def _read(self, sql: str, params: Iterable | dict = ()) -> list[tuple]:
        with self._lock:
            return self._connection().execute(sql, params).fetchall()

    # -- mailboxes -------------------------------------------------------------

    def add_mailbox(self, mb: Mailbox) -> Mailbox:
        """Remember a mailbox, or refresh a remembered one.

        A refresh keeps the mailbox's place in the list and its handles
        (token, remote id, times) where ``mb`` does not carry them, so opening
        a known address by name cannot wipe what its service gave us.
        Returns the mailbox as stored.
        """
        mb = _valid_mailbox(mb)
        now = _time_to_db(utcnow())
        with self._write() as db:
            db.execute(
                """
                INSERT INTO mailboxes (provider, address, created_at, expires_at, remote_id,
                                       token, added_at, position)
                VALUES (?, ?, ?, ?, ?, ?, ?,
                        (SELECT COALESCE(MAX(position), 0) + 1 FROM mailboxes))
                ON CONFLICT (provider, address) DO UPDATE SET
                    created_at = COALESCE(excluded.created_at, mailboxes.created_at),
                    expires_at = COALESCE(excluded.expires_at, mailboxes.expires_at),
                    remote_id = COALESCE(excluded.remote_id, mailboxes.remote_id),
                    token = COALESCE(excluded.token, mailboxes.token)
                """,
                (
                    mb.provider,
                    mb.address,
                    _time_to_db(mb.created_at),
                    _time_to_db(mb.expires_at),
                    mb.remote_id,
                    mb.token,
                    now,
                ),
            )
            row = db.execute(
                f"SELECT {_MAILBOX_COLUMNS} FROM mailboxes WHERE provider = ? AND address = ?",
                (mb.provider, mb.address),
            ).fetchone()
        return _mailbox_from_row(row)

    def mailboxes(self) -> list[Mailbox]:
        """Every remembered mailbox, in the order they were added."""
        rows = self._read(f"SELECT {_MAILBOX_COLUMNS} FROM mailboxes ORDER BY position")
        return [_mailbox_from_row(r) for r in rows]

    def find_mailbox(self, address: str, provider: str | None = None) -> Mailbox | None:
        """The remembered mailbox with this address (any case).

        Without ``provider``, an address remembered under two services gives
        the one added last.
        """
        if provider is None:
            rows = self._read(
                f"SELECT {_MAILBOX_COLUMNS} FROM mailboxes WHERE address = ? "
                "ORDER BY position DESC LIMIT 1",
                (address,),
            )
        else:
            rows = self._read(
                f"SELECT {_MAILBOX_COLUMNS} FROM mailboxes WHERE provider = ? AND address = ?",
                (provider, address),
            )
        return _mailbox_from_row(rows[0]) if rows else None

    def rename_mailbox(self, provider: str, old_address: str, new_mailbox: Mailbox) -> Mailbox:
        """The service renamed a mailbox: move it and its messages to the new
        address, keeping its place in the list. Returns the mailbox as stored."""
        new_mailbox = _valid_mailbox(new_mailbox)
        if new_mailbox.provider != provider:
            raise ValueError(
                f"a mailbox cannot move between services ({provider} -> {new_mailbox.provider})"
            )
        with self._write() as db:
            old = db.execute(
                "SELECT address FROM mailboxes WHERE provider = ? AND address = ?",
                (provider, old_address),
            ).fetchone()
            if old is None:
                raise self._unknown_mailbox(provider, old_address)
            if new_mailbox.address.lower() != old[0].lower():
                taken = db.execute(
                    "SELECT 1 FROM mailboxes WHERE provider = ? AND address = ?",
                    (provider, new_mailbox.address),
                ).fetchone()
                if taken:
                    raise UsageError(
                        f"{new_mailbox.address} is already in the list; remove it before "
                        f"renaming {old_address} to it.",
                        provider=provider,
                    )
            # ON UPDATE CASCADE moves the messages with the mailbox.
            db.execute(
                """
                UPDATE mailboxes SET address = ?, created_at = ?, expires_at = ?,
                                     remote_id = ?, token = ?
                WHERE provider = ? AND address = ?
                """,
                (
                    new_mailbox.address,
                    _time_to_db(new_mailbox.created_at),
                    _time_to_db(new_mailbox.expires_at),
                    new_mailbox.remote_id,
                    new_mailbox.token,
                    provider,
                    old_address,
                ),
            )
            # A fingerprint includes the mailbox; keep them matching what a
            # listing of the new address will compute.
            rows = db.execute(
                f"SELECT {_FULL_COLUMNS} FROM messages WHERE provider = ? AND mailbox = ?",
                (provider, new_mailbox.address),
            ).fetchall()
            db.executemany(
                "UPDATE messages SET fingerprint = ? WHERE provider = ? AND mailbox = ? AND id = ?",
                [
                    (message.fingerprint(), provider, message.mailbox, message.id)
                    for message in map(_message_from_row, rows)
                ],
            )
            row = db.execute(
                f"SELECT {_MAILBOX_COLUMNS} FROM mailboxes WHERE provider = ? AND address = ?",
                (provider, new_mailbox.address),
            ).fetchone()
        return _mailbox_from_row(row)

    def remove_mailbox(self, provider: str, address: str) -> bool:
        """Forget a mailbox and all its mail. False if it was not remembered."""
        with self._write() as db:
            cursor = db.execute(
                "DELETE FROM mailboxes WHERE provider = ? AND address = ?", (provider, address)
            )
            return cursor.rowcount > 0

    def touch_checked(self, provider: str, address: str, when: datetime | None = None) -> None:
        """Note when the mailbox was last listed successfully."""
        with self._write() as db:
            db.execute(
                "UPDATE mailboxes SET last_checked_at = ? WHERE provider = ? AND address = ?",
                (_time_to_db(when or utcnow()), provider, address),
            )

    @staticmethod
    def _unknown_mailbox(provider: str, address: str) -> NotFoundError:
        return NotFoundError(f"{address} is not in the list of mailboxes.", provider=provider)

    @staticmethod
    def _stored_address(db: _Connection, provider: str, address: str) -> str | None:
        row = db.execute(
            "SELECT address FROM mailboxes WHERE provider = ? AND address = ?", (provider, address)
        ).fetchone()
        return row[0] if row else None

    # -- messages: writing ---------------------------------------------------------

    def merge_listing(
        self,
        provider: str,
        address: str,
        messages: list[Message],
        *,
        full_listing: bool = True,
    ) -> list[Message]:
        """Take in what the service listed; return the mail that is new to us.

        New means: an id never stored for this mailbox and not deleted here
        by the user. (A listed mail that was first known from push has been
        given its real id before, by MailService: see
        :meth:`replace_message_id`.) With ``full_listing`` the listing is the service's whole mailbox: stored
        mail missing from it is flagged ``deleted_upstream`` (it stays
        readable), and mail that comes back is un-flagged.

        A mailbox that is not remembered (removed while its listing was on
        the way) takes nothing: the mail of a forgotten mailbox must not come
        back.
        """
        messages = [_valid_message(msg) for msg in messages]
        fetched_at = _time_to_db(utcnow())
        with self._write() as db:
            mailbox = self._stored_address(db, provider, address)
            if mailbox is None:
                log.debug("listing for %s at %s dropped: mailbox no longer remembered",
                          address, provider)
                return []
            # Ids alone come from the primary-key index without touching the rows.
            stored = {
                row[0]
                for row in db.execute(
                    "SELECT id FROM messages WHERE provider = ? AND mailbox = ?",
                    (provider, mailbox),
                )
            }
            deleted_here = {
                row[0]
                for row in db.execute(
                    "SELECT id FROM deleted_messages WHERE provider = ? AND mailbox = ?",
                    (provider, mailbox),
                )
            }

            listed: dict[str, Message] = {}
            for msg in messages:
                listed.setdefault(msg.id, msg)  # a service repeating an id lists one mail

            new: list[Message] = []
            rows: list[dict] = []
            for message_id, msg in listed.items():
                if message_id in deleted_here:
                    continue
                # The body of a mail listed again is the one worked out before.
                row = _message_row(
                    msg.with_changes(deleted_upstream=False), provider, mailbox, fetched_at,
                    facts=message_id not in stored,
                )
                if message_id not in stored:
                    new.append(msg.with_changes(provider=provider, mailbox=mailbox,
                                                deleted_upstream=False,
                                                code=row["code"], link=row["link"]))
                rows.append(row)
            db.executemany(_UPSERT, rows)

            if full_listing:
                listed_ids = json.dumps(list(listed))
                # Pushed-only mail is not flagged: the listing may not show it yet.
                db.execute(
                    f"""
                    UPDATE messages SET deleted_upstream = 1
                    WHERE provider = ? AND mailbox = ? AND deleted_upstream = 0
                      AND NOT {_PUSHED_ONLY}
                      AND id NOT IN (SELECT value FROM json_each(?))
                    """,
                    (provider, mailbox, listed_ids),
                )
                # Once the service forgets a mail deleted here it cannot come
                # back, so its record can go.
                db.executemany(
                    "DELETE FROM deleted_messages WHERE provider = ? AND mailbox = ? AND id = ?",
                    [(provider, mailbox, i) for i in deleted_here if i not in listed],
                )
        return new

    def save_message(self, msg: Message) -> bool:
        """Store one mail with everything known about it (a detail, a push).

        The body rule of :meth:`merge_listing` applies: a complete stored body
        is never replaced by an incomplete one. Saving a mail the user deleted
        here brings it back (they opened it again). Returns False, storing
        nothing, when its mailbox is not remembered.
        """
        msg = _valid_message(msg)
        fetched_at = _time_to_db(utcnow())
        with self._write() as db:
            mailbox = self._stored_address(db, msg.provider, msg.mailbox)
            if mailbox is None:
                log.debug("mail %s for %s at %s dropped: mailbox no longer remembered",
                          msg.id, msg.mailbox, msg.provider)
                return False
            db.execute(_UPSERT, _message_row(msg, msg.provider, mailbox, fetched_at))
            db.execute(
                "DELETE FROM deleted_messages WHERE provider = ? AND mailbox = ? AND id = ?",
                (msg.provider, mailbox, msg.id),
            )
        return True

    def replace_message_id(self, provider: str, address: str, old_id: str, new_id: str) -> bool:
        """The mail stored as ``old_id`` is the one stored or listed as ``new_id``
        (a pushed mail the service now lists): it goes on as ``new_id`` with its
        ``seen``, code and link. When ``new_id`` is stored too, the two become
        that row, read if either was, with the code and link it has, else those
        of ``old_id``. Returns False, changing nothing, when there is no
        ``old_id`` (another process took it over first)."""
        with self._write() as db:
            mailbox = self._stored_address(db, provider, address)
            if mailbox is None:
                return False
            where = "WHERE provider = ? AND mailbox = ? AND id = ?"
            old = db.execute(
                f"SELECT seen, code, link FROM messages {where}", (provider, mailbox, old_id)
            ).fetchone()
            if old is None or old_id == new_id:
                return old is not None
            if db.execute(f"SELECT 1 FROM messages {where}", (provider, mailbox, new_id)).fetchone():
                db.execute(
                    "UPDATE messages SET seen = MAX(seen, ?), code = COALESCE(code, ?), "
                    f"link = COALESCE(link, ?) {where}",
                    (*old, provider, mailbox, new_id),
                )
                db.execute(f"DELETE FROM messages {where}", (provider, mailbox, old_id))
            else:
                db.execute(f"UPDATE messages SET id = ? {where}", (new_id, provider, mailbox, old_id))
            return True

    def delete_message(self, provider: str, address: str, message_id: str) -> bool:
        """Delete one mail here. A service that still lists it will not bring
        it back. False if there was no such mail."""
        with self._write() as db:
            mailbox = self._stored_address(db, provider, address)
            if mailbox is None:
                return False
            cursor = db.execute(
                "DELETE FROM messages WHERE provider = ? AND mailbox = ? AND id = ?",
                (provider, mailbox, message_id),
            )
            if cursor.rowcount and not _is_pushed_only(message_id):
                db.execute(
                    "INSERT OR REPLACE INTO deleted_messages VALUES (?, ?, ?, ?)",
                    (provider, mailbox, message_id, _time_to_db(utcnow())),
                )
            return cursor.rowcount > 0

    def clear_messages(self, provider: str, address: str) -> int:
        """Delete every mail of a mailbox here (as :meth:`delete_message` does
        one); returns how many."""
        with self._write() as db:
            mailbox = self._stored_address(db, provider, address)
            if mailbox is None:
                return 0
            now = _time_to_db(utcnow())
            db.execute(
                f"""
                INSERT OR REPLACE INTO deleted_messages
                SELECT provider, mailbox, id, ? FROM messages
                WHERE provider = ? AND mailbox = ? AND NOT {_PUSHED_ONLY}
                """,
                (now, provider, mailbox),
            )
            cursor = db.execute(
                "DELETE FROM messages WHERE provider = ? AND mailbox = ?", (provider, mailbox)
            )
            return cursor.rowcount

    def mark_seen(self, provider: str, address: str, message_id: str, seen: bool = True) -> bool:
        with self._write() as db:
            cursor = db.execute(
                "UPDATE messages SET seen = ? WHERE provider = ? AND mailbox = ? AND id = ?",
                (int(seen), provider, address, message_id),
            )
            return cursor.rowcount > 0

    def mark_deleted_upstream(self, provider: str, address: str, message_id: str) -> bool:
        """The service said this mail is gone (e.g. a 404 on its detail); keep
        it readable, flagged. The next listing that has it un-flags it."""
        with self._write() as db:
            cursor = db.execute(
                "UPDATE messages SET deleted_upstream = 1 "
                "WHERE provider = ? AND mailbox = ? AND id = ?",
                (provider, address, message_id),
            )
            return cursor.rowcount > 0

    # -- messages: reading -------------------------------------------------------------

    def message(self, provider: str, address: str, message_id: str) -> Message | None:
        rows = self._read(
            f"SELECT {_FULL_COLUMNS} FROM messages WHERE provider = ? AND mailbox = ? AND id = ?",
            (provider, address, message_id),
        )
        return _message_from_row(rows[0]) if rows else None

    def messages(self, provider: str, address: str, *, limit: int | None = None) -> list[Message]:
        """Every stored mail of a mailbox with its whole body, newest first."""
        return self._listing(_FULL_COLUMNS, provider, address, limit)

    def pushed_only(self, provider: str, address: str) -> list[Message]:
        """The mail of a mailbox known only from push (``push-`` ids), in full,
        in the order it came."""
        rows = self._read(
            f"SELECT {_FULL_COLUMNS} FROM messages "
            f"WHERE provider = ? AND mailbox = ? AND {_PUSHED_ONLY} ORDER BY rowid",
            (provider, address),
        )
        return [_message_from_row(r) for r in rows]

    def latest_code(self) -> str | None:
        """The code of the newest mail that has one, in any mailbox (the tray's "Copy latest code")."""
        rows = self._read(
            f"SELECT code FROM messages WHERE code IS NOT NULL AND code != '' ORDER BY {_NEWEST_FIRST} LIMIT 1", ())
        return rows[0][0] if rows else None

    def summaries(self, provider: str, address: str, *, limit: int | None = None) -> list[Message]:
        """Like :meth:`messages` without html, raw and headers and with only the
        first ``SUMMARY_TEXT_CHARS`` of text: for lists and previews. They
        come with ``complete=False``; read the mail with :meth:`message`."""
        return self._listing(_SUMMARY_COLUMNS, provider, address, limit)

    def _listing(
        self, columns: str, provider: str, address: str, limit: int | None
    ) -> list[Message]:
        rows = self._read(
            f"SELECT {columns} FROM messages WHERE provider = ? AND mailbox = ? "
            f"ORDER BY {_NEWEST_FIRST} LIMIT ?",
            (provider, address, -1 if limit is None else limit),
        )
        return [_message_from_row(r) for r in rows]

    def unread_after(self, provider: str, address: str, rowid: int) -> list[Message]:
        """Unread summaries of a mailbox stored after row ``rowid`` (the newest
        row of :meth:`message_stamps`): what another process listed first."""
        rows = self._read(
            f"SELECT {_SUMMARY_COLUMNS} FROM messages "
            "WHERE provider = ? AND mailbox = ? AND rowid > ? AND seen = 0 "
            f"ORDER BY {_NEWEST_FIRST}",
            (provider, address, rowid),
        )
        return [_message_from_row(r) for r in rows]

    def search(self, provider: str, address: str, text: str) -> list[Message]:
        """Summaries of the mail whose sender, subject or text contains ``text``
        (case-insensitive for ASCII), newest first."""
        rows = self._read(
            f"SELECT {_SUMMARY_COLUMNS} FROM messages "
            "WHERE provider = :provider AND mailbox = :mailbox AND ("
            "   subject LIKE :pattern ESCAPE '\\' OR from_addr LIKE :pattern ESCAPE '\\'"
            "   OR from_name LIKE :pattern ESCAPE '\\' OR text LIKE :pattern ESCAPE '\\') "
            f"ORDER BY {_NEWEST_FIRST}",
            {"provider": provider, "mailbox": address, "pattern": _like_pattern(text)},
        )
        return [_message_from_row(r) for r in rows]

    def unread_count(self, provider: str, address: str) -> int:
        rows = self._read(
            "SELECT COUNT(*) FROM messages WHERE provider = ? AND mailbox = ? AND seen = 0",
            (provider, address),
        )
        return rows[0][0]

    def data_version(self) -> int:
        """A number that changes when another connection (the CLI, another
        process) commits to the file; this Store's own writes leave it alone.
        One cheap pragma: the window asks it every second."""
        with self._lock:
            return self._connection().execute("PRAGMA data_version").fetchone()[0]

    def message_stamps(self) -> dict[tuple[str, str], tuple[int, int, int, int]]:
        """Per remembered mailbox (keyed as :meth:`unread_counts`): how many
        mails, how many unread, how many complete, and the newest row; a new
        mail, a read, a delete or a fetched detail changes it."""
        rows = self._read(
            """
            SELECT b.provider, b.address, COUNT(m.id), COALESCE(SUM(m.seen = 0), 0),
                   COALESCE(SUM(m.complete), 0), COALESCE(MAX(m.rowid), 0)
            FROM mailboxes b
            LEFT JOIN messages m ON m.provider = b.provider AND m.mailbox = b.address
            GROUP BY b.provider, b.address
            """
        )
        return {(r[0], r[1]): (r[2], r[3], r[4], r[5]) for r in rows}

    def unread_counts(self) -> dict[tuple[str, str], int]:
        """Unread mail per remembered mailbox (0 included), keyed by
        (provider, address as remembered)."""
        rows = self._read(
            """
            SELECT b.provider, b.address, COUNT(m.id)
            FROM mailboxes b
            LEFT JOIN messages m
                ON m.provider = b.provider AND m.mailbox = b.address AND m.seen = 0
            GROUP BY b.provider, b.address
            """
        )
        return {(r[0], r[1]): r[2] for r in rows}

    def known_ids(self, provider: str, address: str) -> set[str]:
        """Every id this store knows for the mailbox: stored mail and mail the
        user deleted here (neither counts as new when listed again)."""
        rows = self._read(
            "SELECT id FROM messages WHERE provider = :p AND mailbox = :a "
            "UNION SELECT id FROM deleted_messages WHERE provider = :p AND mailbox = :a",
            {"p": provider, "a": address},
        )
        return {r[0] for r in rows}

    # -- running `tempmail wait`s ----------------------------------------------------

    def begin_wait(self, provider: str, address: str, *, timeout: float, pid: int | None = None) -> int:
        """Note that a `tempmail wait` (process ``pid``, this one by default)
        waits on the mailbox for up to ``timeout`` seconds; the open window
        checks that mailbox quickly while it is listed. Returns the wait's id
        for :meth:`end_wait`."""
        started = utcnow()
        expires = started + timedelta(seconds=_wait_span(timeout))
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO waits (provider, mailbox, pid, started_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                (provider, address, os.getpid() if pid is None else pid,
                 _time_to_db(started), _time_to_db(expires)),
            )
            return int(cursor.lastrowid)

    def end_wait(self, wait_id: int) -> None:
        with self._write() as db:
            db.execute("DELETE FROM waits WHERE id = ?", (wait_id,))

    @contextmanager
    def waiting(self, provider: str, address: str, *, timeout: float) -> Iterator[None]:
        """:meth:`begin_wait` before the body, :meth:`end_wait` however it ends.

        Best effort: the table only asks the window to check sooner, so a
        store too busy to note the wait must not fail the wait itself."""
        try:
            wait_id: int | None = self.begin_wait(provider, address, timeout=timeout)
        except sqlite3.Error as exc:
            log.info("could not note the wait on %s: %s", address, exc)
            wait_id = None
        try:
            yield
        finally:
            if wait_id is not None:
                try:
                    self.end_wait(wait_id)
                except (sqlite3.Error, RuntimeError) as exc:  # its expiry drops it instead
                    log.info("could not note the end of the wait on %s: %s", address, exc)

    def live_waits(self) -> set[tuple[str, str]]:
        """(provider, address) of every mailbox a `tempmail wait` waits on now.

        A wait whose process is gone (killed, so it could not end its wait)
        or whose time is up is dropped here. One small read when nothing
        waits: the window asks every second."""
        rows = self._read("SELECT id, provider, mailbox, pid, expires_at FROM waits")
        if not rows:
            return set()
        now = _time_to_db(utcnow())
        over = {wait_id for wait_id, _p, _a, pid, expires in rows if expires <= now or not _process_running(pid)}
        if over:
            with self._write() as db:
                db.executemany("DELETE FROM waits WHERE id = ?", [(wait_id,) for wait_id in over])
        return {(provider, address) for wait_id, provider, address, _pid, _e in rows if wait_id not in over}


# A wait's row outlives its timeout by this much: its first listing (with
# retries) comes before its own clock starts.
WAIT_GRACE_S = 60.0
# A wait's row lasts at most this long, whatever its timeout: if its process
# was killed and its id reused, the mailbox stops being hot after a day.
MAX_WAIT_SPAN_S = 24 * 3600.0


def _wait_span(timeout: float) -> float:
    """Seconds a wait of ``timeout`` stays listed (NaN and infinity included)."""
    if 0 <= timeout <= MAX_WAIT_SPAN_S:
        return min(timeout + WAIT_GRACE_S, MAX_WAIT_SPAN_S)
    return WAIT_GRACE_S if timeout < 0 else MAX_WAIT_SPAN_S


def _process_running(pid: int) -> bool:
    """Whether process ``pid`` still runs, on this computer."""
    if pid <= 0:
        return False
    if os.name == "nt":
        return _windows_process_running(pid)
    try:
        os.kill(pid, 0)  # signal 0: asks only whether the process is there
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process: it is there
        return True
    except OSError:
        return False
    return True


def _windows_process_running(pid: int) -> bool:
    # Not os.kill: on Windows it terminates the process whatever the signal.
    import ctypes

    kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
    query_limited_information, still_active, access_denied = 0x1000, 259, 5
    handle = kernel32.OpenProcess(query_limited_information, False, pid)
    if not handle:
        return kernel32.GetLastError() == access_denied
    try:
        code = ctypes.c_ulong()
        if not kernel32.GetExitCodeProcess(handle, ctypes.byref(code)):
            return True
        return code.value == still_active
    finally:
        kernel32.CloseHandle(handle)
