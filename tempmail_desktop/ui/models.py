"""Item models behind the mailbox list and the message list.

The window hands these models objects from ``core.models`` and never asks a
provider anything through them. Everything a view paints is derived here:
the expiry countdown, local receive times, the verification code column,
bold unread rows and the grey "kept locally" rows.

Two things are kept cheap on purpose because an inbox can hold 10,000 mails:

* per-message work (the OTP scan, the lowercase search text) runs lazily on
  first use and is cached, so ``set_messages`` only stores the list;
* sorting happens inside ``MessageListModel`` with Python's ``sorted``;
  ``QSortFilterProxyModel``'s own sort calls back into Python ``data()``
  twice per comparison, which takes about a second for 10,000 rows.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QDate,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    QTime,
    QTimeZone,
)
from PySide6.QtGui import QBrush, QFont, QFontMetrics, QGuiApplication, QPalette

from ..core.extract import preview_text
from ..core.invisible import DROP_ZERO_WIDTH
from ..core.models import Mailbox, Message
from ..core.timeutil import utcnow
from .glyphs import glyph, service_glyph
from .plain import bounded, plain_tooltip

Clock = Callable[[], datetime]
_AnyIndex = QModelIndex | QPersistentModelIndex

_SORT_DESCENDING = Qt.SortOrder.DescendingOrder

# Rows are selectable, read-only and flat. Saying "never has children" lets a
# QTreeView skip asking hasChildren() for every row when it lays out.
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren


def _to_local(moment: datetime, zone: tzinfo | None) -> datetime:
    """``moment`` in the given zone, or the system's local zone when None."""
    return moment.astimezone(zone) if zone is not None else moment.astimezone()


def _qdatetime(local: datetime) -> QDateTime:
    """Wall-clock fields only: the datetime is already in the zone to show.

    Marked UTC so Qt does not shift times that fall into a DST gap of the
    machine's own zone; the formats used here print no zone.
    """
    return QDateTime(
        QDate(local.year, local.month, local.day),
        QTime(local.hour, local.minute, local.second),
        QTimeZone.utc(),
    )


def _format_moment(moment: datetime | None, locale: QLocale, zone: tzinfo | None) -> str:
    """A full, locale-formatted local date and time (for tooltips)."""
    if moment is None:
        return ""
    local = _to_local(moment, zone)
    return locale.toString(_qdatetime(local), QLocale.FormatType.ShortFormat)


def _with_font(bold: bool, italic: bool) -> QFont | None:
    if not (bold or italic):
        return None
    font = QFont()
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _muted_brush() -> QBrush:
    """The palette's placeholder grey, so dark themes stay readable."""
    return QBrush(QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText))


# ---------------------------------------------------------------------------
# Mailboxes
# ---------------------------------------------------------------------------


@dataclass
class MailboxRow:
    """One line of the mailbox list."""

    mailbox: Mailbox
    provider_name: str
    unread: int = 0
    # What the watcher last said about this mailbox's service, e.g.
    # "quota reached until 14:00" or "offline"; empty when all is well.
    status: str = ""
    # How mail reaches it: "live" (push connected), "polling", or "" not yet known.
    watch: str = ""


def _mailbox_key(provider: str, address: str) -> tuple[str, str]:
    # Services treat addresses case-insensitively; so does the list.
    return provider, address.strip().lower()


class MailboxListModel(QAbstractListModel):
    """Mailboxes with their provider, unread count, expiry, watch and status.

    The display text reads on its own in a plain ``QListView``: the address
    with its unread count, and under it the provider, the countdown and how
    mail arrives, or a problem, e.g. ``"a@x.test (3)\nGPTMail · expires in
    8 min · live"``. ``ui/delegates.MailboxDelegate`` paints the same from
    the roles below: the service's mark, the address (elided, never the
    count), a count badge and the details line with a live/polling mark.
    Use ``mailbox_at()``, not the text, to know the mailbox.
    """

    AddressRole = Qt.ItemDataRole.UserRole + 1
    UnreadRole = Qt.ItemDataRole.UserRole + 2
    DetailsRole = Qt.ItemDataRole.UserRole + 3  # "GPTMail · expires in 8 min · live"
    WatchRole = Qt.ItemDataRole.UserRole + 4  # "live", "polling", "problem" or ""
    # The details without the live/polling word, for a narrow pane (the glyph still says it).
    BriefDetailsRole = Qt.ItemDataRole.UserRole + 5

    # What tick() may change: only the countdown texts.
    _TICK_ROLES = [
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.UserRole + 3,  # DetailsRole
        Qt.ItemDataRole.UserRole + 5,  # BriefDetailsRole
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.AccessibleTextRole,
    ]

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Clock = utcnow,
        locale: QLocale | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._rows: list[MailboxRow] = []
        self._index: dict[tuple[str, str], int] = {}
        self._clock = clock
        self._locale = locale if locale is not None else QLocale()
        self._zone = zone

    # -- Qt model interface -------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self._rows) or index.column() != 0:
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._summary(row)
        if role == self.AddressRole:
            return row.mailbox.address
        if role == self.UnreadRole:
            return row.unread
        if role == self.DetailsRole:
            return self._details(row)
        if role == self.WatchRole:
            return "problem" if row.status else row.watch
        if role == self.BriefDetailsRole:
            return self._details(row, brief=True)
        if role == Qt.ItemDataRole.DecorationRole:
            return service_glyph(row.mailbox.provider)
        if role == Qt.ItemDataRole.FontRole:
            return _with_font(bold=row.unread > 0, italic=False)
        if role == Qt.ItemDataRole.ToolTipRole:
            # Addresses and a service's status words are shown, never read as markup.
            return plain_tooltip(self._tooltip(row))
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(row)
        return None

    # -- public API ---------------------------------------------------------

    def set_mailboxes(self, rows: Iterable[MailboxRow]) -> None:
        """Replace the whole list (the first load, or a full refresh)."""
        # A duplicate would make row_for() ambiguous; the later one wins,
        # in the place of the first.
        unique: dict[tuple[str, str], MailboxRow] = {}
        for row in rows:
            unique[_mailbox_key(row.mailbox.provider, row.mailbox.address)] = row
        self.beginResetModel()
        self._rows = list(unique.values())
        self._rebuild_index()
        self.endResetModel()

    def add_or_update(self, row: MailboxRow) -> int:
        """Insert a new mailbox at the end, or refresh the one already listed.

        Returns the row it ended up in.
        """
        existing = self.row_for(row.mailbox.provider, row.mailbox.address)
        if existing >= 0:
            self._rows[existing] = row
            self._emit_row_changed(existing)
            return existing
        position = len(self._rows)
        self.beginInsertRows(QModelIndex(), position, position)
        self._rows.append(row)
        self._index[_mailbox_key(row.mailbox.provider, row.mailbox.address)] = position
        self.endInsertRows()
        return position

    def remove(self, provider: str, address: str) -> bool:
        position = self.row_for(provider, address)
        if position < 0:
            return False
        self.beginRemoveRows(QModelIndex(), position, position)
        del self._rows[position]
        self._rebuild_index()
        self.endRemoveRows()
        return True

    def set_unread(self, provider: str, address: str, count: int) -> bool:
        position = self.row_for(provider, address)
        if position < 0:
            return False
        count = max(0, int(count))
        row = self._rows[position]
        if row.unread != count:
            row.unread = count
            self._emit_row_changed(position)
        return True

    def set_status(self, provider: str, address: str, text: str | None) -> bool:
        position = self.row_for(provider, address)
        if position < 0:
            return False
        text = text or ""
        row = self._rows[position]
        if row.status != text:
            row.status = text
            self._emit_row_changed(position)
        return True

    def set_watch(self, provider: str, address: str, watch: str | None) -> bool:
        """How mail reaches a mailbox now: "live", "polling" or ""."""
        position = self.row_for(provider, address)
        if position < 0:
            return False
        watch = watch if watch in ("live", "polling") else ""
        row = self._rows[position]
        if row.watch != watch:
            row.watch = watch
            self._emit_row_changed(position)
        return True

    def row_for(self, provider: str, address: str) -> int:
        """The row of a mailbox, or -1 when it is not listed."""
        return self._index.get(_mailbox_key(provider, address), -1)

    def mailbox_at(self, row: int) -> Mailbox | None:
        return self._rows[row].mailbox if 0 <= row < len(self._rows) else None

    def row_at(self, row: int) -> MailboxRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def tick(self) -> None:
        """Refresh the countdowns; the window calls this every 30 seconds.

        Only rows that have an expiry change, so only they are announced,
        in contiguous runs to keep the number of signals small.
        """
        run_start: int | None = None
        for position, row in enumerate([*self._rows, None]):
            has_expiry = row is not None and row.mailbox.expires_at is not None
            if has_expiry and run_start is None:
                run_start = position
            elif not has_expiry and run_start is not None:
                self.dataChanged.emit(self.index(run_start), self.index(position - 1), self._TICK_ROLES)
                run_start = None

    def seconds_left(self, mailbox: Mailbox) -> int | None:
        """Whole seconds until the mailbox expires (0 once it has), or None."""
        if mailbox.expires_at is None:
            return None
        remaining = (mailbox.expires_at - self._clock()).total_seconds()
        return max(0, math.floor(remaining))

    def time_left_text(self, mailbox: Mailbox) -> str:
        """ "expires in 8 min", "expires in 2 h 5 min", "expired", or ""."""
        seconds = self.seconds_left(mailbox)
        if seconds is None:
            return ""
        if seconds <= 0:
            return self.tr("expired")
        # Round up: with 20 s left the mailbox has not expired, so never
        # say "0 min".
        minutes = math.ceil(seconds / 60)
        if minutes < 60:
            return self.tr("expires in %n min", "", minutes)
        if minutes < 24 * 60:
            hours, rest = divmod(minutes, 60)
            if rest == 0:
                return self.tr("expires in %n h", "", hours)
            return self.tr("expires in %1 h %2 min").replace("%1", str(hours)).replace("%2", str(rest))
        days = minutes // (24 * 60)
        # English needs its singular spelled out: no .qm ships for it.
        return self.tr("expires in 1 day") if days == 1 else self.tr("expires in %n days", "", days)

    # -- helpers ------------------------------------------------------------

    def _summary(self, row: MailboxRow) -> str:
        title = row.mailbox.address
        if row.unread:
            title = self.tr("%1 (%2)", "address and unread count").replace("%1", title).replace(
                "%2", str(row.unread)
            )
        return "\n".join((title, self._details(row)))

    def watch_text(self, row: MailboxRow) -> str:
        """ "live" or "polling": how mail reaches the mailbox (a problem says more)."""
        if row.status:
            return row.status
        if row.watch == "live":
            return self.tr("live", "mail pushed as it arrives")
        if row.watch == "polling":
            return self.tr("polling", "mail checked at intervals")
        return ""

    def _details(self, row: MailboxRow, brief: bool = False) -> str:
        watch = row.status if brief else self.watch_text(row)
        details = [row.provider_name, self.time_left_text(row.mailbox), watch]
        return " · ".join(part for part in details if part)

    def _tooltip(self, row: MailboxRow) -> str:
        mailbox = row.mailbox
        lines = [mailbox.address, self.tr("Provider: %1").replace("%1", row.provider_name)]
        if mailbox.created_at is not None:
            created = _format_moment(mailbox.created_at, self._locale, self._zone)
            lines.append(self.tr("Created: %1").replace("%1", created))
        if mailbox.expires_at is not None:
            expires = _format_moment(mailbox.expires_at, self._locale, self._zone)
            lines.append(
                self.tr("Expires: %1 (%2)")
                .replace("%1", expires)
                .replace("%2", self.time_left_text(mailbox))
            )
        if row.unread:
            lines.append(self._unread_text(row.unread))
        if row.status:
            lines.append(self.tr("Status: %1").replace("%1", row.status))
        return "\n".join(lines)

    def _accessible_text(self, row: MailboxRow) -> str:
        # A screen reader gets the whole line in one go, since the unread
        # count is otherwise only conveyed by a bold font.
        parts = [row.mailbox.address, row.provider_name]
        if row.unread:
            parts.append(self._unread_text(row.unread))
        expiry = self.time_left_text(row.mailbox)
        if expiry:
            parts.append(expiry)
        watch = self.watch_text(row)
        if watch:
            parts.append(watch)
        return ", ".join(parts)

    def _unread_text(self, count: int) -> str:
        return self.tr("1 unread message") if count == 1 else self.tr("%n unread messages", "", count)

    def _emit_row_changed(self, position: int) -> None:
        self.dataChanged.emit(self.index(position), self.index(position))

    def _rebuild_index(self) -> None:
        self._index = {
            _mailbox_key(row.mailbox.provider, row.mailbox.address): position
            for position, row in enumerate(self._rows)
        }


# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------

MessageKey = tuple[str, str, str]


def _message_key(message: Message) -> MessageKey:
    return message.provider, message.mailbox, message.id


def _received_timestamp(message: Message) -> float:
    # Undated mail sorts as the oldest rather than failing the sort.
    return message.received_at.timestamp() if message.received_at is not None else 0.0


def _search_inputs(message: Message) -> tuple:
    return message.from_addr, message.from_name, message.subject, message.text, message.html


# How much of the body the filter searches: a little more than the preview
# line shows (160 characters), and cheap to take.
_SEARCH_BODY_CHARS = 600
# Characters that split words invisibly (soft hyphen, zero-width joiners);
# mailers sprinkle them into bodies, and the preview line drops them too.
_INVISIBLE = DROP_ZERO_WIDTH


def _body_for_search(message: Message) -> str:
    """The start of the body as the preview line shows it.

    ``Message.preview`` collapses whitespace over the whole body (about
    10-20 us a mail, 0.3 ms when it has to read HTML); searching whole words
    needs none of that, so a text body is cut, not normalised. Only an
    HTML-only mail pays for the real preview.
    """
    text = message.text
    if text and not text.isspace():
        excerpt = text.lstrip()[:_SEARCH_BODY_CHARS]
        return excerpt if excerpt.isascii() else excerpt.translate(_INVISIBLE)
    return message.preview if message.html else ""


def _visible_attachments(message: Message) -> int:
    return sum(1 for attachment in message.attachments if not attachment.inline)


class MessageListModel(QAbstractTableModel):
    """One mailbox's messages (summaries), newest first by default.

    Message ids are unique within a mailbox, so the id is the row's handle
    in the public API. The model keeps its own order; use
    ``MessageFilterProxy`` on top, which hands sorting down to this model.
    """

    COLUMN_MARKS = 0  # unread dot and attachment clip
    COLUMN_FROM = 1
    COLUMN_SUBJECT = 2
    COLUMN_CODE = 3
    COLUMN_RECEIVED = 4
    COLUMN_COUNT = 5

    UNREAD_MARK = "\u25cf"  # ●, in every UI font; the attachment mark is a glyph (ui/glyphs.py)

    # The subject cell's second line: the start of the body, plain and short.
    PreviewRole = Qt.ItemDataRole.UserRole + 1
    PREVIEW_CHARS = 160

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        clock: Clock = utcnow,
        locale: QLocale | None = None,
        zone: tzinfo | None = None,
    ) -> None:
        super().__init__(parent)
        self._messages: list[Message] = []
        self._rows_by_id: dict[str, int] = {}
        self._index_stale = False
        # Cached per message key together with the inputs they came from, so
        # a refreshed body (summary -> complete) is read again.
        self._search_texts: dict[MessageKey, tuple[tuple, str]] = {}
        # The search text of every row, in row order, once the filter has
        # asked for it: the proxy then reads a list instead of a dict.
        self._search_column: list[str] | None = None
        # Preview lines, made when a row is first painted.
        self._previews: dict[MessageKey, tuple[tuple, str]] = {}
        self._clock = clock
        self._locale = locale if locale is not None else QLocale()
        self._zone = zone
        self._sort_column = self.COLUMN_RECEIVED
        self._sort_order = _SORT_DESCENDING

    # -- Qt model interface -------------------------------------------------

    def rowCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._messages)

    def columnCount(self, parent: _AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def index(self, row: int, column: int, parent: _AnyIndex = QModelIndex()) -> QModelIndex:
        # The inherited index() checks bounds through rowCount() and
        # columnCount(), two calls into Python for every index a proxy or
        # view asks for; one call here is half the cost at 10,000 rows.
        if parent.isValid() or not (0 <= row < len(self._messages) and 0 <= column < self.COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
    ):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                "",  # the marks column is too narrow for a title
                self.tr("From"),
                self.tr("Subject"),
                self.tr("Code"),
                self.tr("Received"),
            )[section]
        if role in (Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole):
            if section == self.COLUMN_MARKS:
                return self.tr("Unread and attachments")
            return self.headerData(section, orientation, Qt.ItemDataRole.DisplayRole)
        return None

    def data(self, index: _AnyIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._messages) or not 0 <= column < self.COLUMN_COUNT:
            return None
        message = self._messages[row]

        # Views ask for these on every paint, so they come first.
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(message, column)
        if role == Qt.ItemDataRole.FontRole:
            return _with_font(bold=not message.seen, italic=message.deleted_upstream)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _muted_brush() if message.deleted_upstream else None
        if role == Qt.ItemDataRole.ToolTipRole:
            # A subject or sender is text: "<img src=/dev/zero>" must not make Qt read that file.
            return plain_tooltip(self._tooltip(message, column)) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible_text(message, column)
        if role == self.PreviewRole and column == self.COLUMN_SUBJECT:
            return self.preview_of(message)
        if role == Qt.ItemDataRole.DecorationRole and column == self.COLUMN_MARKS:
            return glyph("attachment") if _visible_attachments(message) else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.COLUMN_MARKS:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def preview_of(self, message: Message) -> str:
        """One plain line from the start of the stored body (cached per mail)."""
        key = _message_key(message)
        inputs = (message.text, message.html)
        cached = self._previews.get(key)
        if cached is not None and cached[0][0] is inputs[0] and cached[0][1] is inputs[1]:
            return cached[1]
        text = message.text
        if text and not text.isspace():
            # The start is all the line shows: no need to normalise a long body.
            line = preview_text(text.lstrip()[: self.PREVIEW_CHARS * 4], None, self.PREVIEW_CHARS)
        else:
            line = preview_text("", message.html, self.PREVIEW_CHARS) if message.html else ""
        line = bounded(line, self.PREVIEW_CHARS)
        self._previews[key] = (inputs, line)
        return line

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Reorder the rows by a column (Received sorts by time, not text)."""
        if not 0 <= column < self.COLUMN_COUNT:
            return
        self._sort_column, self._sort_order = column, order
        self._apply_sort()

    # -- public API ---------------------------------------------------------

    def set_messages(self, messages: Iterable[Message]) -> None:
        """Replace the list. Nothing per message is computed here."""
        self.beginResetModel()
        unique: dict[str, Message] = {}
        for message in messages:
            unique.setdefault(message.id, message)
        self._messages = list(unique.values())
        if (self._sort_column, self._sort_order) != (self.COLUMN_RECEIVED, _SORT_DESCENDING):
            self._messages.sort(key=self._sort_key_function(), reverse=self._descending)
        elif not self._is_newest_first(self._messages):
            # The store already gives newest first; sort only if it did not.
            self._messages.sort(key=_received_timestamp, reverse=True)
        self._keep_caches_for(self._messages)
        self._search_column = None
        self._index_stale = True
        self.endResetModel()

    def mark_seen(self, message_id: str, seen: bool = True) -> bool:
        row = self.row_of(message_id)
        if row < 0:
            return False
        message = self._messages[row]
        if message.seen != seen:
            # A copy, so the caller's object (the store's) is not changed
            # behind its back.
            self._messages[row] = message.with_changes(seen=seen)
            self._emit_row_changed(row)
            self._restore_order_around(row)
        return True

    def message_at(self, row: int) -> Message | None:
        return self._messages[row] if 0 <= row < len(self._messages) else None

    def row_of(self, message_id: str) -> int:
        """The row of a message id, or -1 when it is not listed."""
        return self._id_index().get(message_id, -1)

    def messages(self) -> list[Message]:
        """The listed messages in display order (a copy)."""
        return list(self._messages)

    def search_texts(self) -> list[str]:
        """Every row's sender, name, subject and preview, case-folded, in row
        order, for the filter (built on first use)."""
        if self._search_column is None:
            self._search_column = [self._search_text(m) for m in self._messages]
        return self._search_column

    def _search_text(self, message: Message) -> str:
        key = _message_key(message)
        inputs = _search_inputs(message)
        cached = self._search_texts.get(key)
        if cached is not None and cached[0] == inputs:
            return cached[1]
        # Newlines keep a filter word from matching across two fields.
        text = "\n".join(
            (message.from_addr, message.from_name or "", message.subject, _body_for_search(message))
        ).casefold()
        self._search_texts[key] = (inputs, text)
        return text

    def received_text(self, message: Message) -> str:
        """Grouped by day: "14:02" today, "Yesterday", else the date (the
        tooltip has the full date and time)."""
        if message.received_at is None:
            return ""
        local = _to_local(message.received_at, self._zone)
        today = _to_local(self._clock(), self._zone).date()
        day = local.date()
        time_text = self._locale.toString(
            QTime(local.hour, local.minute), QLocale.FormatType.ShortFormat
        )
        if day == today:
            return time_text
        if day == today - timedelta(days=1):
            return self.tr("Yesterday", "received")
        return self._locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.ShortFormat)

    def received_width(self, font: QFont) -> int:
        """Room for the widest received text (a time, "Yesterday" or a date)
        in the bold of an unread row, with a little padding."""
        bold = QFont(font)
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        time_text = self._locale.toString(QTime(12, 58), QLocale.FormatType.ShortFormat)
        samples = (
            time_text,
            self.tr("Yesterday", "received"),
            self._locale.toString(QDate(2028, 12, 28), QLocale.FormatType.ShortFormat),
        )
        return max(metrics.horizontalAdvance(text) for text in samples) + 2 * metrics.horizontalAdvance("x")

    # -- display helpers ----------------------------------------------------

    def _display(self, message: Message, column: int) -> str:
        if column == self.COLUMN_FROM:
            return message.from_name or message.from_addr
        if column == self.COLUMN_SUBJECT:
            return message.subject or self.tr("(no subject)")
        if column == self.COLUMN_CODE:
            return message.code or ""  # the store's (core/facts.py); the list never works one out
        if column == self.COLUMN_RECEIVED:
            return self.received_text(message)
        # The attachment mark is the DecorationRole glyph beside this.
        return "" if message.seen else self.UNREAD_MARK

    def _kept_locally_note(self) -> str:
        return self.tr("The service has deleted this mail; it is kept in your local store")

    def _tooltip(self, message: Message, column: int) -> str | None:
        if column == self.COLUMN_FROM:
            if message.from_name and message.from_addr:
                text = f"{message.from_name} <{message.from_addr}>"
            else:
                text = message.from_addr or message.from_name or ""
        elif column == self.COLUMN_RECEIVED:
            text = _format_moment(message.received_at, self._locale, self._zone)
        elif column == self.COLUMN_CODE:
            code = message.code
            text = self.tr("Verification code: %1").replace("%1", code) if code else ""
        elif column == self.COLUMN_MARKS:
            text = self._marks_description(message)
        else:
            text = message.subject
        if message.deleted_upstream:
            text = f"{text}\n{self._kept_locally_note()}" if text else self._kept_locally_note()
        return text or None

    def _marks_description(self, message: Message) -> str:
        parts = []
        if not message.seen:
            parts.append(self.tr("Unread"))
        attachments = _visible_attachments(message)
        if attachments:
            parts.append(
                self.tr("1 attachment") if attachments == 1 else self.tr("%n attachments", "", attachments)
            )
        if message.deleted_upstream:
            parts.append(self.tr("Kept locally"))
        return ", ".join(parts)

    def _accessible_text(self, message: Message, column: int) -> str:
        if column == self.COLUMN_MARKS:
            return self._marks_description(message)
        if column == self.COLUMN_FROM:
            return self._tooltip(message, column) or ""
        return self._display(message, column)

    # -- order and bookkeeping ----------------------------------------------

    @property
    def _descending(self) -> bool:
        return self._sort_order == _SORT_DESCENDING

    def _sort_key_function(self) -> Callable[[Message], tuple]:
        column = self._sort_column
        if column == self.COLUMN_FROM:
            return lambda m: ((m.from_name or m.from_addr).casefold(), _received_timestamp(m))
        if column == self.COLUMN_SUBJECT:
            return lambda m: (m.subject.casefold(), _received_timestamp(m))
        if column == self.COLUMN_CODE:
            return lambda m: (m.code or "", _received_timestamp(m))
        if column == self.COLUMN_MARKS:
            return lambda m: (not m.seen, _received_timestamp(m))
        return lambda m: (_received_timestamp(m),)

    @staticmethod
    def _is_newest_first(messages: list[Message]) -> bool:
        stamps = [_received_timestamp(m) for m in messages]
        return all(a >= b for a, b in zip(stamps, stamps[1:]))

    def _apply_sort(self) -> None:
        key = self._sort_key_function()
        # PySide6 exposes only the argument-less overload of the layout
        # signals; without a hint views simply assume any layout change.
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_ids = [self._messages[index.row()].id for index in old_persistent]
        messages = self._messages
        order = sorted(range(len(messages)), key=lambda row: key(messages[row]), reverse=self._descending)
        self._messages = [messages[row] for row in order]
        if self._search_column is not None:
            self._search_column = [self._search_column[row] for row in order]
        self._index_stale = True
        rows = self._id_index()
        new_persistent = [
            self.index(rows[message_id], old.column())
            for old, message_id in zip(old_persistent, old_ids)
        ]
        self.changePersistentIndexList(old_persistent, new_persistent)
        self.layoutChanged.emit()

    def _restore_order_around(self, row: int) -> None:
        """Re-sort if a changed row no longer fits between its neighbours
        (say, sorted by the marks column and a mail was just read)."""
        key = self._sort_key_function()
        mine = key(self._messages[row])
        before = key(self._messages[row - 1]) if row > 0 else None
        after = key(self._messages[row + 1]) if row + 1 < len(self._messages) else None
        if self._descending:
            fits = (before is None or before >= mine) and (after is None or mine >= after)
        else:
            fits = (before is None or before <= mine) and (after is None or mine <= after)
        if not fits:
            self._apply_sort()

    def _id_index(self) -> dict[str, int]:
        # Rebuilt lazily, on the first lookup after a reload or a sort.
        if self._index_stale:
            self._rows_by_id = {message.id: row for row, message in enumerate(self._messages)}
            self._index_stale = False
        return self._rows_by_id

    def _keep_caches_for(self, messages: list[Message]) -> None:
        """Drop cached search texts of mails no longer listed, so
        switching between mailboxes does not grow the caches forever."""
        if not self._search_texts and not self._previews:
            return
        keys = {_message_key(m) for m in messages}
        self._search_texts = {k: v for k, v in self._search_texts.items() if k in keys}
        self._previews = {k: v for k, v in self._previews.items() if k in keys}

    def _emit_row_changed(self, row: int) -> None:
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.COLUMN_COUNT - 1))


class MessageFilterProxy(QSortFilterProxyModel):
    """Filters a ``MessageListModel`` by words and by unread.

    Every word of the filter text must occur (in any order, ignoring case)
    in the sender, name, subject or preview. Sorting is handed down to the
    source model, which sorts in Python in milliseconds; the proxy itself
    keeps the source order.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._words: tuple[str, ...] = ()
        self._only_unread = False
        self._messages_model: MessageListModel | None = None

    def setSourceModel(self, model: MessageListModel | None) -> None:
        # The filter reads the model's lists directly (see filterAcceptsRow),
        # so only a MessageListModel will do.
        if model is not None and not isinstance(model, MessageListModel):
            raise TypeError(f"MessageFilterProxy filters a MessageListModel, not {type(model).__name__}")
        self._messages_model = model
        super().setSourceModel(model)

    def flags(self, index: _AnyIndex) -> Qt.ItemFlag:
        # The source's flags are the same for every row; answering here
        # saves a tree view two calls into Python per row on each layout
        # (mapToSource builds a source index, then the source answers).
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def set_filter_text(self, text: str) -> None:
        words = tuple(text.casefold().split())
        if words != self._words:
            self._words = words
            self._refilter()

    def set_only_unread(self, only_unread: bool) -> None:
        if only_unread != self._only_unread:
            self._only_unread = only_unread
            self._refilter()

    def filterAcceptsRow(self, source_row: int, source_parent: _AnyIndex) -> bool:
        words = self._words
        if not words and not self._only_unread:
            return True
        model = self._messages_model
        if model is None:
            return True
        # Run 10,000 times per keystroke: plain lists, no QModelIndex or
        # QVariant per row.
        if self._only_unread:
            message = model.message_at(source_row)
            if message is None or message.seen:
                return False
        haystack = model.search_texts()[source_row] if words else ""
        for word in words:  # a plain loop: cheaper here than all() on a generator
            if word not in haystack:
                return False
        return True

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort the source model; this proxy keeps whatever order it has.

        A view's header calls this, so ``view.sortByColumn(COLUMN_RECEIVED,
        DescendingOrder)`` with sorting enabled works as usual.
        """
        if self._messages_model is not None:
            self._messages_model.sort(column, order)

    def _refilter(self) -> None:
        # A full re-layout rather than begin/endFilterChange(): the latter
        # announces every removed run separately, and a tree view handling
        # a few thousand scattered removals takes 100-300 ms at 10,000
        # rows, against tens of milliseconds for one layout change.
        # Selections of rows that stay visible survive either way.
        self.invalidate()
