"""The local mail store: what it keeps, what it announces as new, and that the
GUI and the CLI can write to it at once."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
import threading
from contextlib import closing
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tempmail_desktop.core.errors import NotFoundError, UsageError
from tempmail_desktop.core.facts import mail_facts
from tempmail_desktop.core.models import PUSHED_ID_PREFIX, Attachment, Mailbox, Message
from tempmail_desktop.core.timeutil import UTC
from tempmail_desktop.service import paths
from tempmail_desktop.service.store import (
    SCHEMA_VERSION,
    SUMMARY_TEXT_CHARS,
    SchemaTooNewError,
    Store,
)

REPO_ROOT = Path(__file__).resolve().parents[2]
PROVIDER = "worker"
ADDRESS = "box@example.com"
T0 = datetime(2024, 5, 1, 12, 0, 0, tzinfo=UTC)


def mail(message_id: str, **fields) -> Message:
    fields.setdefault("from_addr", "sender@example.org")
    fields.setdefault("subject", f"subject {message_id}")
    fields.setdefault("received_at", T0)
    fields.setdefault("text", f"body of {message_id}")
    return Message(id=message_id, provider=PROVIDER, mailbox=ADDRESS, **fields)


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "store.sqlite3") as opened:
        opened.add_mailbox(Mailbox(PROVIDER, ADDRESS))
        yield opened


# --- round trips -------------------------------------------------------------------


ROUND_TRIP_CASES = {
    "every field": mail(
        "m-1",
        from_addr="alice@example.org",
        from_name="Alice Liddell",
        subject="Your code is 123456",
        received_at=datetime(2024, 5, 1, 20, 30, 15, 123456, tzinfo=timezone(timedelta(hours=8))),
        text="Hello\nYour code is 123456",
        html="<p>Hello</p><img src='cid:logo'>",
        has_html=True,
        attachments=[
            Attachment("report.pdf", size=1234, content_type="application/pdf",
                       url="https://files.example/1"),
            Attachment("logo.png", size=10, content_type="image/png", content_id="logo",
                       inline=True),
        ],
        headers={"Message-ID": "<abc@example.org>", "X-Spam": "no"},
        raw="From: alice@example.org\r\n\r\nHello",
        raw_truncated=True,
        complete=True,
        seen=True,
        deleted_upstream=True,
    ),
    "bare": Message(id="m-2", provider=PROVIDER, mailbox=ADDRESS),
    "unicode": mail(
        "m-3",
        from_name="王小明",
        subject="验证码 ✉️ Ünïcödé",
        text="您的验证码是 654321 🎉",
        html="<p>Привет</p>",
        has_html=True,
        headers={"Subject": "=?UTF-8?B?6aqM6K+B56CB?=", "X-Emoji": "😀"},
        attachments=[Attachment("文件.txt", size=None, content_type=None)],
    ),
}


@pytest.mark.parametrize("original", ROUND_TRIP_CASES.values(), ids=ROUND_TRIP_CASES.keys())
def test_a_saved_message_comes_back_field_for_field(store, original):
    assert store.save_message(original)

    loaded = store.message(PROVIDER, ADDRESS, original.id)

    # The code and link are worked out from the body when it is stored.
    facts = mail_facts(original)
    assert loaded == original.with_changes(code=facts.code, link=facts.link)
    if original.received_at is not None:
        assert loaded.received_at.tzinfo == UTC
        assert loaded.received_at.utcoffset() == timedelta(0)


# What json.loads gives for a service's "\ud800": a lone surrogate, which UTF-8
# (and so SQLite) cannot hold.
LONE = "\ud800"
SHOWN = "\ufffd"


def with_lone_surrogates(message_id: str) -> Message:
    return mail(
        message_id,
        from_addr=f"eve{LONE}@example.org",
        from_name=f"Eve {LONE}\udfff",
        subject=f"Caf{LONE} menu",
        text=f"Today: caf{LONE} au lait, code 482913",
        html=f"<p>caf{LONE}</p>",
        raw=f"Subject: caf{LONE}\r\n\r\nbody",
        headers={f"X-Odd{LONE}": f"value{LONE}"},
        attachments=[Attachment(f"menu{LONE}.pdf", size=3, content_type="application/pdf")],
        complete=True,
    )


def test_a_mail_with_lone_surrogates_is_kept_listed_and_read(store):
    listed = with_lone_surrogates(f"id-{LONE}")

    (new,) = store.merge_listing(PROVIDER, ADDRESS, [listed])
    (summary,) = store.summaries(PROVIDER, ADDRESS)
    read = store.message(PROVIDER, ADDRESS, listed.id)  # by the id as the service gave it

    assert new.id == summary.id == read.id == f"id-{SHOWN}"
    assert summary.subject == read.subject == f"Caf{SHOWN} menu"
    assert read.from_addr == f"eve{SHOWN}@example.org" and read.from_name == f"Eve {SHOWN}{SHOWN}"
    assert read.text == f"Today: caf{SHOWN} au lait, code 482913"
    assert (read.html, read.raw) == (f"<p>caf{SHOWN}</p>", f"Subject: caf{SHOWN}\r\n\r\nbody")
    assert read.headers == {f"X-Odd{SHOWN}": f"value{SHOWN}"}
    assert [a.name for a in read.attachments] == [f"menu{SHOWN}.pdf"]
    assert store.mark_seen(PROVIDER, ADDRESS, listed.id)
    assert store.search(PROVIDER, ADDRESS, f"caf{LONE}")[0].id == read.id
    # The service lists it again, with its surrogates: still one mail, not new.
    assert store.merge_listing(PROVIDER, ADDRESS, [with_lone_surrogates(f"id-{LONE}")]) == []
    assert store.known_ids(PROVIDER, ADDRESS) == {f"id-{SHOWN}"}


def test_a_detail_and_a_mailbox_with_lone_surrogates_are_kept(store):
    box = store.add_mailbox(Mailbox(PROVIDER, f"odd{LONE}@example.com", token=f"t{LONE}"))
    assert box.address == f"odd{SHOWN}@example.com" and box.token == f"t{SHOWN}"

    assert store.save_message(with_lone_surrogates("d-1").with_changes(mailbox=f"odd{LONE}@example.com"))

    (kept,) = store.messages(PROVIDER, f"odd{LONE}@example.com")
    assert kept.mailbox == box.address and kept.subject == f"Caf{SHOWN} menu"


def test_attachment_bytes_are_not_stored(store):
    store.save_message(mail("m-1", attachments=[Attachment("a.bin", size=3, data=b"abc")]))

    (attachment,) = store.message(PROVIDER, ADDRESS, "m-1").attachments

    assert attachment.name == "a.bin" and attachment.size == 3
    assert attachment.data is None


def test_mailbox_round_trip_and_order_added(store):
    created = datetime(2024, 5, 1, 10, 0, 0, 500, tzinfo=UTC)
    second = Mailbox("tempmailg", "second@tmg.example", created_at=created,
                     expires_at=created + timedelta(minutes=10), remote_id="42", token="tok-xyz")
    third = Mailbox("catmails", "third@cat.example")
    store.add_mailbox(second)
    store.add_mailbox(third)

    assert store.mailboxes() == [Mailbox(PROVIDER, ADDRESS), second, third]


def test_adding_a_known_mailbox_again_keeps_its_place_and_its_token(store):
    store.add_mailbox(Mailbox("tempmailg", "t@tmg.example", remote_id="7", token="secret-token"))
    store.add_mailbox(Mailbox("catmails", "c@cat.example"))

    refreshed = store.add_mailbox(Mailbox("tempmailg", "T@TMG.example"))

    assert [m.address for m in store.mailboxes()] == [ADDRESS, "t@tmg.example", "c@cat.example"]
    assert (refreshed.remote_id, refreshed.token) == ("7", "secret-token")


@pytest.mark.parametrize(
    ("query", "provider", "expected"),
    [
        ("box@example.com", None, ("catmails", "Box@Example.com")),  # added last wins
        ("BOX@EXAMPLE.COM", "worker", ("worker", ADDRESS)),
        ("box@example.com", "catmails", ("catmails", "Box@Example.com")),
        ("box@example.com", "gptmail", None),
        ("nobody@example.com", None, None),
    ],
)
def test_find_mailbox_ignores_case_and_prefers_the_latest(store, query, provider, expected):
    store.add_mailbox(Mailbox("catmails", "Box@Example.com"))

    found = store.find_mailbox(query, provider)

    if expected is None:
        assert found is None
    else:
        assert (found.provider, found.address) == expected


def test_rename_moves_the_messages_and_keeps_the_place(store):
    store.add_mailbox(Mailbox("gptmail", "other@example.com"))
    store.save_message(mail("m-1"))
    store.mark_seen(PROVIDER, ADDRESS, "m-1")

    renamed = store.rename_mailbox(PROVIDER, ADDRESS, Mailbox(PROVIDER, "new@example.com",
                                                             token="t2"))

    assert renamed.token == "t2"
    assert [m.address for m in store.mailboxes()] == ["new@example.com", "other@example.com"]
    assert store.messages(PROVIDER, ADDRESS) == []
    moved = store.message(PROVIDER, "new@example.com", "m-1")
    assert moved.mailbox == "new@example.com" and moved.seen


def test_rename_onto_a_remembered_address_is_refused(store):
    store.add_mailbox(Mailbox(PROVIDER, "taken@example.com"))

    with pytest.raises(UsageError):
        store.rename_mailbox(PROVIDER, ADDRESS, Mailbox(PROVIDER, "Taken@example.com"))
    with pytest.raises(NotFoundError):
        store.rename_mailbox(PROVIDER, "ghost@example.com", Mailbox(PROVIDER, "x@example.com"))


def test_remove_mailbox_forgets_its_mail_and_a_late_listing_cannot_bring_it_back(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("m-1")])

    assert store.remove_mailbox(PROVIDER, ADDRESS.upper())
    assert not store.remove_mailbox(PROVIDER, ADDRESS)

    assert store.merge_listing(PROVIDER, ADDRESS, [mail("m-2")]) == []
    assert store.save_message(mail("m-3")) is False
    assert store.find_mailbox(ADDRESS) is None
    assert store.messages(PROVIDER, ADDRESS) == []


# --- listings ------------------------------------------------------------------------


def test_merge_listing_returns_only_mail_new_to_us(store):
    first = store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b")])
    second = store.merge_listing(PROVIDER, ADDRESS, [mail("c"), mail("a"), mail("b"), mail("c")])

    assert [m.id for m in first] == ["a", "b"]
    assert [m.id for m in second] == ["c"]
    assert store.known_ids(PROVIDER, ADDRESS) == {"a", "b", "c"}


def test_mail_gone_upstream_stays_readable_and_is_unflagged_when_it_returns(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b")])

    store.merge_listing(PROVIDER, ADDRESS, [mail("b")])
    gone = store.message(PROVIDER, ADDRESS, "a")
    assert gone.deleted_upstream and gone.text == "body of a"
    assert not store.message(PROVIDER, ADDRESS, "b").deleted_upstream

    assert store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b")]) == []
    assert not store.message(PROVIDER, ADDRESS, "a").deleted_upstream


def test_a_partial_listing_flags_nothing(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b")])

    store.merge_listing(PROVIDER, ADDRESS, [mail("b")], full_listing=False)

    assert not store.message(PROVIDER, ADDRESS, "a").deleted_upstream


def test_mark_deleted_upstream(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a")])

    assert store.mark_deleted_upstream(PROVIDER, ADDRESS, "a")

    assert store.message(PROVIDER, ADDRESS, "a").deleted_upstream


def test_local_seen_survives_listings(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a")])
    store.mark_seen(PROVIDER, ADDRESS, "a")

    store.merge_listing(PROVIDER, ADDRESS, [mail("a", seen=False)])
    store.save_message(mail("a", seen=False, complete=True))

    assert store.message(PROVIDER, ADDRESS, "a").seen


def test_a_pushed_mail_given_its_real_id_keeps_its_state_and_is_not_new_when_listed(store):
    pushed = mail(PUSHED_ID_PREFIX + "abc", text="Your code is 778899", html="<b>778899</b>")
    store.merge_listing(PROVIDER, ADDRESS, [pushed], full_listing=False)
    store.mark_seen(PROVIDER, ADDRESS, pushed.id)

    assert store.replace_message_id(PROVIDER, ADDRESS.upper(), pushed.id, "srv-17")
    listed_twin = pushed.with_changes(id="srv-17", html=None)
    stranger = mail("srv-18", subject="something else")
    new = store.merge_listing(PROVIDER, ADDRESS, [listed_twin, stranger])

    assert [m.id for m in new] == ["srv-18"]
    assert store.message(PROVIDER, ADDRESS, pushed.id) is None
    twin = store.message(PROVIDER, ADDRESS, "srv-17")
    assert twin.seen and twin.html == "<b>778899</b>" and twin.code == "778899"
    assert store.known_ids(PROVIDER, ADDRESS) == {"srv-17", "srv-18"}


def test_a_pushed_mail_whose_real_id_is_stored_too_becomes_that_one_row(store):
    pushed = mail(PUSHED_ID_PREFIX + "abc", text="Your code is 778899")
    store.merge_listing(PROVIDER, ADDRESS, [pushed], full_listing=False)
    store.mark_seen(PROVIDER, ADDRESS, pushed.id)
    store.merge_listing(PROVIDER, ADDRESS, [pushed.with_changes(id="srv-17")])

    assert store.replace_message_id(PROVIDER, ADDRESS, pushed.id, "srv-17")

    [only] = store.messages(PROVIDER, ADDRESS)
    assert (only.id, only.seen, only.code) == ("srv-17", True, "778899")


def test_replacing_the_id_of_a_mail_not_stored_changes_nothing(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("srv-17")])

    assert not store.replace_message_id(PROVIDER, ADDRESS, PUSHED_ID_PREFIX + "gone", "srv-17")
    assert not store.replace_message_id(PROVIDER, "nobody@example.com", "srv-17", "srv-18")

    assert [m.id for m in store.messages(PROVIDER, ADDRESS)] == ["srv-17"]


def test_pushed_only_lists_the_mail_known_only_from_push_in_the_order_it_came(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("srv-1")])
    for name in ("b", "a"):
        store.save_message(mail(PUSHED_ID_PREFIX + name, html="<p>x</p>"))

    pushed = store.pushed_only(PROVIDER, ADDRESS)

    assert [m.id for m in pushed] == [PUSHED_ID_PREFIX + "b", PUSHED_ID_PREFIX + "a"]
    assert pushed[0].html == "<p>x</p>"  # in full: pairing compares the HTML too


def test_pushed_only_mail_is_not_flagged_before_the_listing_shows_it(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail(PUSHED_ID_PREFIX + "x")], full_listing=False)

    store.merge_listing(PROVIDER, ADDRESS, [])

    assert not store.message(PROVIDER, ADDRESS, PUSHED_ID_PREFIX + "x").deleted_upstream


FULL = dict(
    text="the whole text",
    html="<p>the whole text</p>",
    has_html=True,
    raw="From: x\r\n\r\nthe whole text",
    headers={"From": "x"},
    attachments=[Attachment("a.pdf", size=5, url="https://files.example/a")],
    complete=True,
)
LISTED = dict(text="the whole t", complete=False)


@pytest.mark.parametrize(
    ("stored", "incoming", "expected"),
    [
        pytest.param(FULL, LISTED, FULL, id="complete body never downgraded"),
        pytest.param(LISTED, FULL, FULL, id="complete body replaces a listing"),
        pytest.param(
            dict(text="old preview", html="<p>old</p>", has_html=True, complete=False),
            dict(text="newer preview", complete=False),
            dict(text="newer preview", html="<p>old</p>", has_html=True, complete=False),
            id="incomplete bodies: incoming wins, blanks filled",
        ),
        pytest.param(
            FULL,
            dict(FULL, text="corrected", html=None, has_html=False, attachments=[]),
            dict(FULL, text="corrected", html=None, has_html=False, attachments=[]),
            id="a complete detail replaces a complete one",
        ),
    ],
)
@pytest.mark.parametrize("write", ["merge_listing", "save_message"])
def test_body_rule(store, stored, incoming, expected, write):
    store.save_message(mail("a", **stored))

    if write == "merge_listing":
        store.merge_listing(PROVIDER, ADDRESS, [mail("a", **incoming)])
    else:
        store.save_message(mail("a", **incoming))

    loaded = store.message(PROVIDER, ADDRESS, "a")
    want = mail("a", **expected)
    for name in ("text", "html", "has_html", "raw", "headers", "attachments", "complete"):
        assert getattr(loaded, name) == getattr(want, name), name


def test_listing_envelope_fills_but_never_blanks(store):
    store.save_message(mail("a", from_name="Alice", subject="Hi", complete=True))

    store.merge_listing(PROVIDER, ADDRESS, [mail("a", from_addr="", from_name=None, subject="",
                                                received_at=None)])

    loaded = store.message(PROVIDER, ADDRESS, "a")
    assert (loaded.from_addr, loaded.from_name, loaded.subject, loaded.received_at) == (
        "sender@example.org", "Alice", "Hi", T0)


# --- local deletes -----------------------------------------------------------------------


def test_mail_deleted_here_is_not_brought_back_nor_announced(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b")])

    assert store.delete_message(PROVIDER, ADDRESS, "a")
    assert not store.delete_message(PROVIDER, ADDRESS, "a")

    assert store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b")]) == []
    assert [m.id for m in store.messages(PROVIDER, ADDRESS)] == ["b"]
    assert "a" in store.known_ids(PROVIDER, ADDRESS)


def test_a_deleted_mail_is_forgotten_once_the_service_forgets_it(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a")])
    store.delete_message(PROVIDER, ADDRESS, "a")

    store.merge_listing(PROVIDER, ADDRESS, [])

    assert store.known_ids(PROVIDER, ADDRESS) == set()


def test_saving_a_deleted_mail_again_restores_it(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a")])
    store.delete_message(PROVIDER, ADDRESS, "a")

    store.save_message(mail("a", complete=True))

    assert store.message(PROVIDER, ADDRESS, "a") is not None
    assert [m.id for m in store.merge_listing(PROVIDER, ADDRESS, [mail("a")])] == []
    assert store.message(PROVIDER, ADDRESS, "a") is not None


def test_clear_messages(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b")])
    store.save_message(mail(PUSHED_ID_PREFIX + "p"))

    assert store.clear_messages(PROVIDER, ADDRESS) == 3

    assert store.messages(PROVIDER, ADDRESS) == []
    assert store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("c")]) == [mail("c")]


# --- reading ----------------------------------------------------------------------------


def test_messages_are_newest_first_then_latest_fetched(store):
    store.merge_listing(PROVIDER, ADDRESS, [
        mail("old", received_at=T0 - timedelta(hours=1)),
        mail("tie-1", received_at=T0),
        mail("newest", received_at=T0 + timedelta(hours=1)),
    ])
    store.merge_listing(PROVIDER, ADDRESS, [mail("tie-2", received_at=T0)], full_listing=False)

    assert [m.id for m in store.messages(PROVIDER, ADDRESS)] == ["newest", "tie-2", "tie-1", "old"]
    assert [m.id for m in store.messages(PROVIDER, ADDRESS, limit=2)] == ["newest", "tie-2"]
    assert [m.id for m in store.summaries(PROVIDER, ADDRESS)] == ["newest", "tie-2", "tie-1", "old"]


def test_an_undated_mail_sorts_by_when_it_was_fetched(store):
    store.merge_listing(PROVIDER, ADDRESS, [mail("dated", received_at=T0)])
    store.merge_listing(PROVIDER, ADDRESS, [mail("undated", received_at=None)], full_listing=False)

    assert [m.id for m in store.messages(PROVIDER, ADDRESS)] == ["undated", "dated"]


def test_summaries_leave_the_heavy_parts_out(store):
    store.save_message(mail("a", text="x" * (SUMMARY_TEXT_CHARS + 500), html="<p>x</p>",
                            raw="R" * 10_000, headers={"A": "b"}, complete=True,
                            attachments=[Attachment("f.txt", size=1)]))

    (summary,) = store.summaries(PROVIDER, ADDRESS)

    assert (summary.html, summary.raw, summary.headers) == (None, None, {})
    assert summary.has_html and len(summary.text) == SUMMARY_TEXT_CHARS
    assert summary.attachments == [Attachment("f.txt", size=1)]
    assert not summary.complete


def test_unread_counts_and_marking(store):
    store.add_mailbox(Mailbox("gptmail", "empty@example.com"))
    store.merge_listing(PROVIDER, ADDRESS, [mail("a"), mail("b"), mail("c")])

    assert store.mark_seen(PROVIDER, ADDRESS.upper(), "a")
    assert store.unread_count(PROVIDER, ADDRESS) == 2
    assert store.mark_seen(PROVIDER, ADDRESS, "a", seen=False)
    assert not store.mark_seen(PROVIDER, ADDRESS, "missing")
    assert store.unread_counts() == {(PROVIDER, ADDRESS): 3, ("gptmail", "empty@example.com"): 0}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("invoice", ["b"]),
        ("ALICE", ["a"]),
        ("100%", ["c"]),
        ("a_b", []),  # "_" is literal, not a wildcard
        ("验证", ["d"]),
    ],
)
def test_search(store, query, expected):
    store.merge_listing(PROVIDER, ADDRESS, [
        mail("a", from_name="Alice", received_at=T0 + timedelta(minutes=4)),
        mail("b", subject="Your Invoice", received_at=T0 + timedelta(minutes=3)),
        mail("c", text="100% free", received_at=T0 + timedelta(minutes=2)),
        mail("d", text="验证码 1234", received_at=T0 + timedelta(minutes=1)),
        mail("e", text="axb", received_at=T0),
    ])

    assert [m.id for m in store.search(PROVIDER, ADDRESS, query)] == expected


# --- the file ---------------------------------------------------------------------------


def test_default_path_is_in_the_data_folder_and_private(isolated_env):
    with Store() as opened:
        opened.add_mailbox(Mailbox(PROVIDER, ADDRESS))
        assert opened.path == paths.database_path()
        assert opened.path.is_relative_to(isolated_env)
        if os.name == "posix":
            for file in opened.path.parent.glob(opened.path.name + "*"):
                assert file.stat().st_mode & 0o777 == 0o600, file


def test_the_store_uses_wal_and_a_busy_timeout(store):
    with closing(sqlite3.connect(store.path)) as other:
        assert other.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] == 5000
    assert store._db.execute("PRAGMA foreign_keys").fetchone()[0] == 1


V1_SCHEMA = """
CREATE TABLE mailboxes (
    provider TEXT NOT NULL, address TEXT NOT NULL COLLATE NOCASE, created_at TEXT,
    expires_at TEXT, remote_id TEXT, token TEXT, added_at TEXT NOT NULL,
    position INTEGER NOT NULL, last_checked_at TEXT, PRIMARY KEY (provider, address)
);
CREATE TABLE messages (
    provider TEXT NOT NULL, mailbox TEXT NOT NULL COLLATE NOCASE, id TEXT NOT NULL,
    from_addr TEXT NOT NULL DEFAULT '', from_name TEXT, subject TEXT NOT NULL DEFAULT '',
    received_at TEXT, has_html INTEGER NOT NULL DEFAULT 0,
    raw_truncated INTEGER NOT NULL DEFAULT 0, complete INTEGER NOT NULL DEFAULT 0,
    seen INTEGER NOT NULL DEFAULT 0, deleted_upstream INTEGER NOT NULL DEFAULT 0,
    fingerprint TEXT NOT NULL, fetched_at TEXT NOT NULL,
    attachments_json TEXT NOT NULL DEFAULT '[]', headers_json TEXT NOT NULL DEFAULT '{}',
    text TEXT NOT NULL DEFAULT '', html TEXT, raw TEXT,
    PRIMARY KEY (provider, mailbox, id),
    FOREIGN KEY (provider, mailbox) REFERENCES mailboxes (provider, address)
        ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO mailboxes VALUES ('worker', 'box@example.com', NULL, NULL, NULL, NULL,
                              '2024-05-01T00:00:00.000000Z', 1, NULL);
INSERT INTO messages (provider, mailbox, id, subject, received_at, seen, fingerprint,
                      fetched_at, text)
VALUES ('worker', 'box@example.com', 'old-1', 'kept across the upgrade',
        '2024-05-01T12:00:00.000000Z', 1, 'f', '2024-05-01T12:00:01.000000Z', 'hello');
PRAGMA user_version = 1;
"""


def test_a_version_1_store_is_migrated_without_losing_mail(tmp_path):
    path = tmp_path / "v1.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.executescript(V1_SCHEMA)

    with Store(path) as migrated:
        assert migrated.schema_version == SCHEMA_VERSION
        old = migrated.message(PROVIDER, ADDRESS, "old-1")
        assert (old.subject, old.text, old.seen, old.received_at) == (
            "kept across the upgrade", "hello", True, T0)
        # What version 2 added works on the migrated file.
        migrated.delete_message(PROVIDER, ADDRESS, "old-1")
        assert migrated.merge_listing(PROVIDER, ADDRESS, [mail("old-1"), mail("new-1")]) == [
            mail("new-1")]

    with Store(path) as reopened:  # a second open finds nothing left to do
        assert reopened.schema_version == SCHEMA_VERSION


def test_a_newer_store_is_refused_and_left_untouched(tmp_path):
    path = tmp_path / "future.sqlite3"
    with closing(sqlite3.connect(path)) as db:
        db.execute("CREATE TABLE future_things (x TEXT)")
        db.execute("INSERT INTO future_things VALUES ('precious')")
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
        db.commit()
    before = hashlib.sha256(path.read_bytes()).hexdigest()

    with pytest.raises(SchemaTooNewError, match="newer version of tempmail-desktop"):
        Store(path)

    assert hashlib.sha256(path.read_bytes()).hexdigest() == before
    assert not Path(str(path) + "-wal").exists()


# --- two writers -------------------------------------------------------------------------


WRITES = 150


def _write_many(path: Path, tag: str, errors: list, start: threading.Event) -> None:
    try:
        with Store(path) as own:
            start.wait()
            for i in range(WRITES):
                own.save_message(mail(f"{tag}-{i}"))
                # A read-modify-write transaction, as a poll does.
                own.merge_listing(PROVIDER, ADDRESS, [mail(f"{tag}-listed-{i}")],
                                  full_listing=False)
                own.mark_seen(PROVIDER, ADDRESS, f"{tag}-{i}")
    except Exception as error:  # reported by the test below
        errors.append(error)


def test_two_stores_in_two_threads_write_at_once(store):
    errors: list = []
    start = threading.Event()
    threads = [threading.Thread(target=_write_many, args=(store.path, tag, errors, start))
               for tag in ("gui", "cli")]
    for thread in threads:
        thread.start()
    start.set()
    for thread in threads:
        thread.join()

    assert errors == []
    assert len(store.known_ids(PROVIDER, ADDRESS)) == 4 * WRITES
    assert store.unread_count(PROVIDER, ADDRESS) == 2 * WRITES


def test_another_process_writes_while_we_do(store):
    script = textwrap.dedent(
        f"""
        import sys
        from tempmail_desktop.core.models import Message
        from tempmail_desktop.service.store import Store
        with Store(sys.argv[1]) as own:
            print("ready", flush=True)
            sys.stdin.readline()
            for i in range({WRITES}):
                own.save_message(Message(id=f"proc-{{i}}", provider={PROVIDER!r},
                                         mailbox={ADDRESS!r}, text="from the other process"))
                own.mark_seen({PROVIDER!r}, {ADDRESS!r}, f"proc-{{i}}")
        """
    )
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", script, str(store.path)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        child.stdin.write("go\n")
        child.stdin.flush()
        for i in range(WRITES):
            store.merge_listing(PROVIDER, ADDRESS, [mail(f"here-{i}")], full_listing=False)
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()

    assert child.returncode == 0, stderr
    ids = store.known_ids(PROVIDER, ADDRESS)
    assert len(ids) == 2 * WRITES
    assert store.unread_count(PROVIDER, ADDRESS) == WRITES  # the other process's are seen


# --- size -------------------------------------------------------------------------------


def test_ten_thousand_mails_merge_and_list_whole(store):
    body = "Lorem ipsum dolor sit amet. " * 40
    many = [
        mail(f"m-{i}", received_at=T0 + timedelta(seconds=i), text=body, html=f"<p>{body}</p>",
             raw=body * 4, complete=True)
        for i in range(10_000)
    ]
    store.merge_listing(PROVIDER, ADDRESS, many)
    store.merge_listing(PROVIDER, ADDRESS, many[-50:])  # the first flagging of 9,950 is a one-off
    latest = many[-50:] + [mail("fresh", received_at=T0 + timedelta(days=1))]

    new = store.merge_listing(PROVIDER, ADDRESS, latest)
    summaries = store.summaries(PROVIDER, ADDRESS)

    assert [m.id for m in new] == ["fresh"]
    assert len(summaries) == 10_001 and summaries[0].id == "fresh"
    # Speed is measured in benchmarks/ (lists), not asserted here.
