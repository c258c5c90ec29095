"""The mailbox and message list models, as a view (and its user) sees them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QLocale, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QGuiApplication, QIcon, QPalette

from tempmail_desktop.core.facts import facts_of
from tempmail_desktop.core.models import Attachment, Mailbox, Message
from tempmail_desktop.ui.models import (
    MailboxListModel,
    MailboxRow,
    MessageFilterProxy,
    MessageListModel,
)

UTC = timezone.utc
# Wednesday 5 March 2025, 12:00 UTC = 14:00 in the test's local zone (UTC+2).
NOW = datetime(2025, 3, 5, 12, 0, tzinfo=UTC)
LOCAL = timezone(timedelta(hours=2))
LOCALE = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)

Display = Qt.ItemDataRole.DisplayRole
Font = Qt.ItemDataRole.FontRole
ToolTip = Qt.ItemDataRole.ToolTipRole


class FakeClock:
    def __init__(self, now: datetime = NOW) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


def mailbox(address: str, provider: str = "gptmail", expires_in: timedelta | None = None) -> Mailbox:
    return Mailbox(
        provider=provider,
        address=address,
        created_at=NOW - timedelta(minutes=5),
        expires_at=NOW + expires_in if expires_in is not None else None,
    )


def row(address: str, provider: str = "gptmail", *, unread: int = 0, status: str = "",
        expires_in: timedelta | None = None) -> MailboxRow:
    names = {"gptmail": "GPTMail", "tempmailg": "TempMailG", "catmails": "Cat Mails"}
    return MailboxRow(mailbox(address, provider, expires_in), names[provider], unread, status)


def message(
    message_id: str,
    minutes_ago: float = 0,
    *,
    subject: str = "Hello",
    text: str = "Just saying hi.",
    html: str | None = None,
    from_addr: str = "news@example.com",
    from_name: str | None = None,
    seen: bool = False,
    deleted_upstream: bool = False,
    attachments: list[Attachment] | None = None,
) -> Message:
    """A mail as the store hands it out: its code and link worked out."""
    facts = facts_of(subject, text, html)
    return Message(
        code=facts.code,
        link=facts.link,
        id=message_id,
        provider="gptmail",
        mailbox="me@example.com",
        from_addr=from_addr,
        from_name=from_name,
        subject=subject,
        received_at=NOW - timedelta(minutes=minutes_ago),
        text=text,
        html=html,
        seen=seen,
        deleted_upstream=deleted_upstream,
        attachments=attachments or [],
    )


def newest_first(count: int) -> list[Message]:
    return [message(str(i), minutes_ago=i) for i in range(count)]


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def mailboxes(qapp, clock) -> MailboxListModel:
    return MailboxListModel(clock=clock, locale=LOCALE, zone=LOCAL)


@pytest.fixture
def messages(qapp, clock) -> MessageListModel:
    return MessageListModel(clock=clock, locale=LOCALE, zone=LOCAL)


@pytest.fixture
def proxy(messages) -> MessageFilterProxy:
    proxy = MessageFilterProxy()
    proxy.setSourceModel(messages)
    return proxy


def cell(model, row: int, column: int, role=Display):
    return model.data(model.index(row, column), role)


def is_bold(font) -> bool:
    return isinstance(font, QFont) and font.bold()


def ids_in(model) -> list[str]:
    """The ids of the listed mails, in the order a view shows them."""
    if isinstance(model, MessageFilterProxy):
        source = model.sourceModel()
        return [source.message_at(model.mapToSource(model.index(r, 0)).row()).id for r in range(model.rowCount())]
    return [model.message_at(r).id for r in range(model.rowCount())]


# ---------------------------------------------------------------------------
# MailboxListModel
# ---------------------------------------------------------------------------


def test_mailbox_model_passes_model_tester_through_its_lifecycle(qtmodeltester, mailboxes):
    qtmodeltester.check(mailboxes)
    mailboxes.set_mailboxes([
        row("a@x.test", unread=2, expires_in=timedelta(minutes=8)),
        row("b@y.test", "tempmailg", status="offline"),
    ])
    qtmodeltester.check(mailboxes)
    mailboxes.add_or_update(row("c@z.test", "catmails"))
    mailboxes.add_or_update(row("a@x.test", unread=0))
    mailboxes.set_unread("tempmailg", "b@y.test", 4)
    mailboxes.set_status("gptmail", "a@x.test", "quota reached until 14:00")
    mailboxes.tick()
    mailboxes.remove("tempmailg", "b@y.test")
    qtmodeltester.check(mailboxes)
    mailboxes.set_mailboxes([])
    qtmodeltester.check(mailboxes)


def test_mailbox_row_shows_address_provider_unread_and_status(mailboxes):
    mailboxes.set_mailboxes([
        row("a@x.test", unread=3, status="quota reached until 14:00"),
        row("b@y.test", "tempmailg"),
    ])
    # A list view shows one line per mailbox, so it tells the whole story.
    assert cell(mailboxes, 0, 0) == "a@x.test (3)\nGPTMail · quota reached until 14:00"
    assert cell(mailboxes, 1, 0) == "b@y.test\nTempMailG"
    assert is_bold(cell(mailboxes, 0, 0, Font))
    assert not is_bold(cell(mailboxes, 1, 0, Font))
    assert cell(mailboxes, 0, 0, Qt.ItemDataRole.AccessibleTextRole) == (
        "a@x.test, GPTMail, 3 unread messages, quota reached until 14:00"
    )
    tooltip = cell(mailboxes, 0, 0, ToolTip)
    assert "Provider: GPTMail" in tooltip
    assert "Created: 05/03/2025 13:55" in tooltip  # 11:55 UTC in UTC+2
    assert "Status: quota reached until 14:00" in tooltip


def test_mailbox_row_says_how_mail_arrives_and_marks_its_service(mailboxes):
    mailboxes.set_mailboxes([row("a@x.test", "catmails", expires_in=timedelta(minutes=8)),
                             row("b@y.test", "gptmail")])
    assert mailboxes.set_watch("catmails", "a@x.test", "live")
    assert mailboxes.set_watch("gptmail", "b@y.test", "polling")
    assert not mailboxes.set_watch("gptmail", "nobody@y.test", "live")
    Details, Watch = MailboxListModel.DetailsRole, MailboxListModel.WatchRole
    assert cell(mailboxes, 0, 0) == "a@x.test\nCat Mails · expires in 8 min · live"
    assert cell(mailboxes, 0, 0, Details) == "Cat Mails · expires in 8 min · live"
    assert cell(mailboxes, 1, 0, Details) == "GPTMail · polling"
    assert cell(mailboxes, 0, 0, MailboxListModel.BriefDetailsRole) == "Cat Mails · expires in 8 min"
    assert [cell(mailboxes, r, 0, Watch) for r in range(2)] == ["live", "polling"]
    assert cell(mailboxes, 0, 0, Qt.ItemDataRole.AccessibleTextRole) == (
        "a@x.test, Cat Mails, expires in 8 min, live")
    # A problem says more than the watch word, and takes its place.
    mailboxes.set_status("gptmail", "b@y.test", "offline")
    assert cell(mailboxes, 1, 0, Details) == "GPTMail · offline"
    assert cell(mailboxes, 1, 0, Watch) == "problem"
    assert cell(mailboxes, 1, 0, MailboxListModel.BriefDetailsRole) == "GPTMail · offline"
    # One drawn mark per service (the name is in the text too).
    marks = [cell(mailboxes, r, 0, Qt.ItemDataRole.DecorationRole) for r in range(2)]
    assert all(isinstance(m, QIcon) and not m.pixmap(16, 16).isNull() for m in marks)
    images = [m.pixmap(32, 32).toImage() for m in marks]
    assert images[0] != images[1]


def test_preview_is_one_plain_bounded_line_from_the_stored_body(messages):
    long_body = "Hello   there,\n\nyour <b>order</b>\tshipped. " + "word " * 5000
    messages.set_messages([
        message("t", 1, text=long_body),
        message("h", 2, text="", html="<html><head><style>p{color:red}</style></head><body><p>Confirm &amp; go</p></body></html>"),
        message("e", 3, text="", html=None),
    ])
    Preview = MessageListModel.PreviewRole
    line = cell(messages, 0, MessageListModel.COLUMN_SUBJECT, Preview)
    assert line.startswith("Hello there, your <b>order</b> shipped. word")
    assert "\n" not in line and len(line) <= MessageListModel.PREVIEW_CHARS and line.endswith("…")
    assert cell(messages, 1, MessageListModel.COLUMN_SUBJECT, Preview) == "Confirm & go"
    assert cell(messages, 2, MessageListModel.COLUMN_SUBJECT, Preview) == ""
    assert cell(messages, 0, MessageListModel.COLUMN_FROM, Preview) is None


@pytest.mark.parametrize(
    ("left", "shown"),
    [
        (timedelta(minutes=8), "expires in 8 min"),
        (timedelta(minutes=7, seconds=30), "expires in 8 min"),
        (timedelta(seconds=20), "expires in 1 min"),  # never "0 min" before it expires
        (timedelta(0), "expired"),
        (timedelta(minutes=-3), "expired"),
        (timedelta(hours=3), "expires in 3 h"),
        (timedelta(hours=2, minutes=5), "expires in 2 h 5 min"),
        (timedelta(days=1), "expires in 1 day"),
        (timedelta(days=3, hours=4), "expires in 3 days"),
        (None, ""),
    ],
)
def test_expiry_text_against_the_clock(mailboxes, left, shown):
    mailboxes.set_mailboxes([row("a@x.test", expires_in=left)])
    summary = cell(mailboxes, 0, 0)
    assert summary == ("a@x.test\nGPTMail · " + shown if shown else "a@x.test\nGPTMail")


def test_tick_refreshes_only_rows_with_an_expiry(mailboxes, clock):
    mailboxes.set_mailboxes([
        row("a@x.test", expires_in=timedelta(minutes=1)),
        row("b@x.test"),
        row("c@x.test", expires_in=timedelta(minutes=30)),
        row("d@x.test", expires_in=timedelta(hours=1)),
    ])
    changed: list[tuple[int, int]] = []
    mailboxes.dataChanged.connect(lambda top, bottom, roles: changed.append((top.row(), bottom.row())))
    clock.advance(minutes=2)
    mailboxes.tick()
    assert changed == [(0, 0), (2, 3)]
    assert cell(mailboxes, 0, 0) == "a@x.test\nGPTMail · expired"
    assert cell(mailboxes, 2, 0) == "c@x.test\nGPTMail · expires in 28 min"


def test_tick_without_expiring_mailboxes_is_silent(mailboxes):
    mailboxes.set_mailboxes([row("a@x.test"), row("b@x.test")])
    changed = []
    mailboxes.dataChanged.connect(lambda *args: changed.append(args))
    mailboxes.tick()
    assert changed == []


def test_add_or_update_inserts_new_and_updates_known_mailboxes(mailboxes):
    mailboxes.set_mailboxes([row("a@x.test")])
    inserted, changed = [], []
    mailboxes.rowsInserted.connect(lambda parent, first, last: inserted.append((first, last)))
    mailboxes.dataChanged.connect(lambda top, bottom, roles: changed.append(top.row()))

    assert mailboxes.add_or_update(row("b@x.test", "tempmailg")) == 1
    assert mailboxes.add_or_update(row("A@X.test", unread=5)) == 0  # same box, other case

    assert inserted == [(1, 1)]
    assert changed == [0]
    assert mailboxes.rowCount() == 2
    assert mailboxes.row_at(0).unread == 5


def test_lookup_update_and_remove_by_provider_and_address(mailboxes):
    mailboxes.set_mailboxes([row("a@x.test"), row("a@x.test", "tempmailg"), row("c@x.test")])
    assert mailboxes.row_for("tempmailg", "A@x.test") == 1
    assert mailboxes.row_for("catmails", "a@x.test") == -1
    assert mailboxes.mailbox_at(2).address == "c@x.test"
    assert mailboxes.mailbox_at(3) is None
    assert mailboxes.mailbox_at(-1) is None

    assert mailboxes.set_unread("tempmailg", "a@x.test", 7)
    assert mailboxes.set_status("gptmail", "c@x.test", "offline")
    assert not mailboxes.set_unread("catmails", "nobody@x.test", 1)
    assert cell(mailboxes, 1, 0) == "a@x.test (7)\nTempMailG"
    assert cell(mailboxes, 2, 0) == "c@x.test\nGPTMail · offline"

    assert mailboxes.remove("gptmail", "a@x.test")
    assert not mailboxes.remove("gptmail", "a@x.test")
    assert [mailboxes.mailbox_at(r).provider for r in range(mailboxes.rowCount())] == ["tempmailg", "gptmail"]
    assert mailboxes.row_for("gptmail", "c@x.test") == 1  # the index followed the removal


def test_set_mailboxes_keeps_one_row_per_mailbox(mailboxes):
    mailboxes.set_mailboxes([row("a@x.test"), row("b@x.test"), row("A@x.test", unread=2)])
    assert mailboxes.rowCount() == 2
    assert mailboxes.row_at(0).unread == 2


# ---------------------------------------------------------------------------
# MessageListModel
# ---------------------------------------------------------------------------


def test_message_model_passes_model_tester_through_its_lifecycle(qtmodeltester, messages):
    qtmodeltester.check(messages)
    messages.set_messages(newest_first(20))
    qtmodeltester.check(messages)
    # New mail arrived, some went, one changed: the window reloads the list.
    kept = [m for m in newest_first(20) if m.id not in {"0", "5", "6", "7", "19"}]
    messages.set_messages([message("new", minutes_ago=-1), *kept, message("7", 7, subject="Your code is 482913")])
    messages.mark_seen("8")
    messages.sort(MessageListModel.COLUMN_FROM, Qt.SortOrder.AscendingOrder)
    qtmodeltester.check(messages)
    messages.set_messages([])
    qtmodeltester.check(messages)


def test_proxy_passes_model_tester_while_filtering(qtmodeltester, messages, proxy):
    messages.set_messages(newest_first(10) + [message("otp", 30, subject="Your code is 482913")])
    qtmodeltester.check(proxy)
    proxy.set_filter_text("code")
    proxy.set_only_unread(True)
    messages.mark_seen("otp")
    messages.set_messages([message("n", -1, subject="another code"), *messages.messages()])
    qtmodeltester.check(proxy)


def test_unread_rows_are_bold_and_marked(messages):
    messages.set_messages([
        message("u", 1, attachments=[Attachment("a.pdf"), Attachment("logo.png", inline=True)]),
        message("s", 2, seen=True),
    ])
    M = MessageListModel
    for column in range(M.COLUMN_COUNT):
        assert is_bold(cell(messages, 0, column, Font))
        assert not is_bold(cell(messages, 1, column, Font))
    assert cell(messages, 0, M.COLUMN_MARKS) == M.UNREAD_MARK
    assert cell(messages, 1, M.COLUMN_MARKS) == ""
    # The attachment mark is a drawn glyph, not the 📎 emoji (a box without an emoji font).
    clip = cell(messages, 0, M.COLUMN_MARKS, Qt.ItemDataRole.DecorationRole)
    assert isinstance(clip, QIcon) and not clip.pixmap(16, 16).isNull()
    assert cell(messages, 1, M.COLUMN_MARKS, Qt.ItemDataRole.DecorationRole) is None
    assert all(ord(ch) < 0x1F000 for r in range(2) for c in range(M.COLUMN_COUNT)
               for ch in (cell(messages, r, c) or ""))
    # The marks are a glyph for the eye and words for the ear; inline images
    # are part of the body, not attachments.
    assert cell(messages, 0, M.COLUMN_MARKS, Qt.ItemDataRole.AccessibleTextRole) == "Unread, 1 attachment"
    assert cell(messages, 0, M.COLUMN_MARKS, ToolTip) == "Unread, 1 attachment"


@pytest.mark.parametrize(
    ("name", "address", "shown", "tooltip"),
    [
        ("GitHub", "noreply@github.com", "GitHub", "GitHub <noreply@github.com>"),
        (None, "noreply@github.com", "noreply@github.com", "noreply@github.com"),
        ("", "x@y.test", "x@y.test", "x@y.test"),
    ],
)
def test_from_column_prefers_the_name_and_tooltips_the_address(messages, name, address, shown, tooltip):
    messages.set_messages([message("1", from_name=name, from_addr=address)])
    assert cell(messages, 0, MessageListModel.COLUMN_FROM) == shown
    assert cell(messages, 0, MessageListModel.COLUMN_FROM, ToolTip) == tooltip


def test_missing_subject_is_said_not_left_blank(messages):
    messages.set_messages([message("1", subject="")])
    assert cell(messages, 0, MessageListModel.COLUMN_SUBJECT) == "(no subject)"


@pytest.mark.parametrize(
    ("received", "shown"),
    [
        (datetime(2025, 3, 5, 11, 58, tzinfo=UTC), "13:58"),  # today
        (datetime(2025, 3, 4, 23, 30, tzinfo=UTC), "01:30"),  # yesterday in UTC, today locally
        (datetime(2025, 3, 4, 21, 59, tzinfo=UTC), "Yesterday"),
        (datetime(2025, 3, 3, 22, 1, tzinfo=UTC), "Yesterday"),
        (datetime(2025, 3, 3, 21, 59, tzinfo=UTC), "03/03/2025"),  # the day before: the date
        (datetime(2025, 2, 27, 8, 0, tzinfo=UTC), "27/02/2025"),
        (datetime(2024, 12, 24, 18, 0, tzinfo=UTC), "24/12/2024"),
        (datetime(2025, 3, 9, 8, 0, tzinfo=UTC), "09/03/2025"),  # from a clock in the future
    ],
)
def test_received_column_groups_today_yesterday_and_dates(messages, received, shown):
    mail = message("1")
    mail.received_at = received
    messages.set_messages([mail])
    assert cell(messages, 0, MessageListModel.COLUMN_RECEIVED) == shown


def test_received_tooltip_is_the_full_local_time(messages):
    messages.set_messages([message("1", minutes_ago=2)])
    assert cell(messages, 0, MessageListModel.COLUMN_RECEIVED, ToolTip) == "05/03/2025 13:58"


def test_undated_mail_shows_no_time_and_sorts_last(messages):
    undated = message("undated")
    undated.received_at = None
    messages.set_messages([undated, message("dated", 60)])
    assert ids_in(messages) == ["dated", "undated"]
    assert cell(messages, 1, MessageListModel.COLUMN_RECEIVED) == ""


@pytest.mark.parametrize(
    ("subject", "text", "html", "code"),
    [
        ("Your verification code", "Your code is 482913. It expires in 10 minutes.", None, "482913"),
        ("482913 is your login code", "", None, "482913"),
        ("Welcome", "", "<p>Use <b>482913</b> as your verification code.</p>", "482913"),
        ("Weekly digest", "Nothing to verify here.", None, None),
    ],
)
def test_code_column_shows_the_code_in_the_mail(messages, subject, text, html, code):
    messages.set_messages([message("1", subject=subject, text=text, html=html)])
    assert cell(messages, 0, MessageListModel.COLUMN_CODE) == (code or "")


def test_code_column_shows_the_stored_code_and_never_reads_the_body(messages, monkeypatch):
    from tempmail_desktop.core import extract

    def refuse(*_args):
        raise AssertionError("the list must show the stored code, not work out its own")

    monkeypatch.setattr(extract, "extract_otp", refuse)
    # The store worked out 530871 from the whole mail; the summary's cut text shows another number.
    summary = message("1", text="Your code is 482913").with_changes(code="530871")
    messages.set_messages([summary])
    assert cell(messages, 0, MessageListModel.COLUMN_CODE) == "530871"

    messages.set_messages([summary.with_changes(code="771204")])
    assert cell(messages, 0, MessageListModel.COLUMN_CODE) == "771204"


def test_mail_deleted_upstream_is_grey_italic_and_explained(messages, qapp):
    messages.set_messages([message("gone", deleted_upstream=True, seen=True), message("here", 1)])
    M = MessageListModel
    font = cell(messages, 0, M.COLUMN_SUBJECT, Font)
    assert font.italic() and not font.bold()
    assert not cell(messages, 1, M.COLUMN_SUBJECT, Font).italic()
    grey = QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
    assert cell(messages, 0, M.COLUMN_FROM, Qt.ItemDataRole.ForegroundRole).color() == grey
    assert cell(messages, 1, M.COLUMN_FROM, Qt.ItemDataRole.ForegroundRole) is None
    note = "The service has deleted this mail; it is kept in your local store"
    for column in range(M.COLUMN_COUNT):
        assert note in cell(messages, 0, column, ToolTip)
        assert note not in (cell(messages, 1, column, ToolTip) or "")
    assert cell(messages, 0, M.COLUMN_MARKS, Qt.ItemDataRole.AccessibleTextRole) == "Kept locally"


def test_set_messages_puts_newest_first_and_drops_duplicate_ids(messages):
    messages.set_messages([message("old", 30), message("new", 1), message("mid", 10), message("new", 50)])
    assert ids_in(messages) == ["new", "mid", "old"]
    assert messages.row_of("mid") == 1


def test_mark_seen_changes_the_row_and_not_the_callers_mail(messages):
    original = message("2", 2)
    messages.set_messages([message("0", 0), message("1", 1), original, message("3", 3), message("4", 4)])
    changed = []
    messages.dataChanged.connect(lambda top, bottom, roles: changed.append(top.row()))

    assert messages.mark_seen("2")
    assert not messages.mark_seen("missing")
    assert not is_bold(cell(messages, 2, 1, Font))
    assert original.seen is False  # the caller's object is not touched
    assert messages.mark_seen("2", seen=False)
    assert is_bold(cell(messages, 2, 1, Font))
    assert changed == [2, 2]

    assert [messages.row_of(i) for i in ("1", "4", "missing")] == [1, 4, -1]
    assert messages.message_at(4).id == "4"
    assert messages.message_at(5) is None


def test_sorting_by_a_column_and_back_keeps_selection_anchors(messages, proxy):
    messages.set_messages([
        message("1", 1, from_name="zed"),
        message("2", 2, from_name="Amy"),
        message("3", 3, from_name="bob"),
    ])
    anchor = QPersistentModelIndex(messages.index(0, 2))  # what a selection holds

    proxy.sort(MessageListModel.COLUMN_FROM, Qt.SortOrder.AscendingOrder)
    assert [cell(proxy, r, MessageListModel.COLUMN_FROM) for r in range(3)] == ["Amy", "bob", "zed"]
    assert (anchor.row(), anchor.column()) == (2, 2)

    proxy.sort(MessageListModel.COLUMN_RECEIVED, Qt.SortOrder.DescendingOrder)
    assert ids_in(proxy) == ["1", "2", "3"]
    assert anchor.row() == 0
    proxy.sort(MessageListModel.COLUMN_RECEIVED, Qt.SortOrder.AscendingOrder)
    assert ids_in(proxy) == ["3", "2", "1"]


def test_new_mail_respects_a_non_default_sort(messages):
    listed = [message("1", 1, from_name="bob"), message("2", 2, from_name="dan")]
    messages.set_messages(listed)
    messages.sort(MessageListModel.COLUMN_FROM, Qt.SortOrder.AscendingOrder)
    # The store hands out newest first; the reload keeps the user's sort.
    messages.set_messages([message("3", 0, from_name="carl"), message("4", 0, from_name="al"), *listed])
    assert [cell(messages, r, MessageListModel.COLUMN_FROM) for r in range(4)] == ["al", "bob", "carl", "dan"]


def test_reading_a_mail_resorts_when_sorted_by_unread(messages):
    messages.set_messages([message("1", 1, seen=True), message("2", 2), message("3", 3)])
    messages.sort(MessageListModel.COLUMN_MARKS, Qt.SortOrder.DescendingOrder)  # unread first
    assert ids_in(messages) == ["2", "3", "1"]
    messages.mark_seen("2")
    assert ids_in(messages) == ["3", "1", "2"]
    assert messages.row_of("2") == 2


# ---------------------------------------------------------------------------
# MessageFilterProxy
# ---------------------------------------------------------------------------

INBOX = [
    message("gh", 1, from_name="GitHub", from_addr="noreply@github.com",
            subject="[GitHub] Please verify your device", text="Verification code: 482913"),
    message("cn", 2, from_name="淘宝网", from_addr="service@taobao.example",
            subject="您的验证码是 735120", text="请勿泄露"),
    message("news", 3, from_name="Weekly", from_addr="digest@news.example",
            subject="This week in Python", text="Ten articles about GitHub Actions", seen=True),
    message("bank", 4, from_addr="alerts@bank.example", subject="Statement ready", seen=True),
    # Mailers hide soft hyphens and zero-width spaces in words.
    message("shop", 5, from_addr="deals@shop.example", subject="Spring sale",
            text="\n\n   Ex\u00adclu\u200bsive of\u00adfers inside", seen=True),
    message("htmlonly", 6, from_addr="team@app.example", subject="Welcome", text="", seen=True,
            html="<html><head><style>p {color: red}</style></head>"
                 "<body><p>Confirm your &amp; account</p></body></html>"),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", ["gh", "cn", "news", "bank", "shop", "htmlonly"]),
        ("github", ["gh", "news"]),  # name, subject, or preview
        ("device github", ["gh"]),  # every word, in any order
        ("GITHUB Device", ["gh"]),  # any case
        ("  verify   device  ", ["gh"]),  # stray spaces are not words
        ("验证码", ["cn"]),
        ("淘宝", ["cn"]),
        ("bank.example", ["bank"]),  # the address
        ("735120", ["cn"]),
        ("exclusive offers", ["shop"]),  # as the preview line reads
        ("confirm & account", ["htmlonly"]),  # an HTML-only body, entities decoded
        ("color", []),  # but not its stylesheet
        ("github nomatch", []),
        ("zzz", []),
    ],
)
def test_filter_matches_every_word_anywhere(messages, proxy, text, expected):
    messages.set_messages(INBOX)
    proxy.set_filter_text(text)
    assert ids_in(proxy) == expected


@pytest.mark.parametrize(
    ("text", "only_unread", "expected"),
    [
        ("", True, ["gh", "cn"]),
        ("github", True, ["gh"]),
        ("statement", True, []),
        ("statement", False, ["bank"]),
        ("", False, ["gh", "cn", "news", "bank", "shop", "htmlonly"]),
    ],
)
def test_only_unread_combines_with_the_text_filter(messages, proxy, text, only_unread, expected):
    messages.set_messages(INBOX)
    proxy.set_filter_text(text)
    proxy.set_only_unread(only_unread)
    assert ids_in(proxy) == expected


def test_filter_follows_model_changes(messages, proxy):
    messages.set_messages(INBOX)
    proxy.set_only_unread(True)
    messages.mark_seen("gh")
    assert ids_in(proxy) == ["cn"]
    messages.set_messages([message("fresh", 0, subject="New sign-in"), *messages.messages()])
    assert ids_in(proxy) == ["fresh", "cn"]
    proxy.set_only_unread(False)
    proxy.set_filter_text("sign-in")
    assert ids_in(proxy) == ["fresh"]
    messages.set_messages([message("fresh", 0, subject="Renamed"), *INBOX])
    assert ids_in(proxy) == []


def test_proxy_only_filters_a_message_list_model(qapp):
    with pytest.raises(TypeError):
        MessageFilterProxy().setSourceModel(MailboxListModel())


def test_proxy_keeps_newest_first_by_default(messages, proxy):
    messages.set_messages([message("b", 5), message("c", 1), message("a", 9)])
    assert ids_in(proxy) == ["c", "b", "a"]


def test_rows_are_selectable_but_not_editable(mailboxes, messages, proxy):
    mailboxes.set_mailboxes([row("a@x.test")])
    messages.set_messages([message("1")])
    for model, column in ((mailboxes, 0), (messages, 1), (proxy, 1)):
        flags = model.flags(model.index(0, column))
        assert flags & Qt.ItemFlag.ItemIsSelectable and flags & Qt.ItemFlag.ItemIsEnabled
        assert not flags & Qt.ItemFlag.ItemIsEditable
