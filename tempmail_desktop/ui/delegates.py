"""How the mailbox list and the message list paint their rows.

Every size here comes from the view's font metrics and the style, so rows
grow with the font (125 %, 150 %) and with a language's longer words; the
mailbox row never lets its address push the unread count out of sight: the
address is elided in the middle, the count is drawn whole at the right.

Texts are mail-derived (addresses, subjects, previews) and are drawn with
``QPainter.drawText`` as plain text; nothing here reads markup.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QIcon, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from .glyphs import glyph
from .models import MailboxListModel, MessageListModel

_AnyIndex = QModelIndex | QPersistentModelIndex

# A typical address, for the mailbox pane's default width: long enough for
# "k3x9q2mf7a@domain.example" and the like without eliding.
TYPICAL_ADDRESS = "k3x9q2mf7a8p@mail-domain.test"
# The details line is this much of the list's font.
DETAILS_SCALE = 0.9
# The longest service name in the list.
TYPICAL_SERVICE = "TempMail (worker)"
# The widest count the badge shows without growing the row (99+ is the tray's limit too).
TYPICAL_COUNT = "999"


def _padding(metrics: QFontMetrics) -> int:
    """Room around a row's content: a third of a line."""
    return max(2, metrics.height() // 3)


def _gap(metrics: QFontMetrics) -> int:
    return max(2, metrics.horizontalAdvance(" "))


def _selected(option: QStyleOptionViewItem) -> bool:
    return bool(option.state & QStyle.StateFlag.State_Selected)


def _text_role(option: QStyleOptionViewItem) -> QPalette.ColorRole:
    return QPalette.ColorRole.HighlightedText if _selected(option) else QPalette.ColorRole.Text


def _muted_color(option: QStyleOptionViewItem):
    if _selected(option):
        return option.palette.color(QPalette.ColorRole.HighlightedText)
    return option.palette.color(QPalette.ColorRole.PlaceholderText)


def _draw_background(option: QStyleOptionViewItem, painter: QPainter, widget: QWidget | None) -> None:
    """The style's row background (selection, hover, focus), without text or icon."""
    background = QStyleOptionViewItem(option)
    background.text = ""
    background.icon = QIcon()
    background.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDisplay
    background.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDecoration
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, background, painter, widget)


def _icon_mode(option: QStyleOptionViewItem) -> QIcon.Mode:
    if not option.state & QStyle.StateFlag.State_Enabled:
        return QIcon.Mode.Disabled
    return QIcon.Mode.Selected if _selected(option) else QIcon.Mode.Normal


# ---------------------------------------------------------------------------
# Mailboxes
# ---------------------------------------------------------------------------


@dataclass
class MailboxRowLayout:
    """Where each part of a mailbox row goes, inside the row's rectangle."""

    service_icon: QRect
    address: QRect
    badge: QRect  # empty when there is no unread mail
    watch_icon: QRect  # empty when the watch state is not known
    details: QRect


class MailboxDelegate(QStyledItemDelegate):
    """Service mark | address ........ [unread] / (live) GPTMail · expires in 8 min · live."""

    @staticmethod
    def _bold(font: QFont) -> QFont:
        bold = QFont(font)
        bold.setBold(True)
        return bold

    @staticmethod
    def small(font: QFont) -> QFont:
        """The details line's font: a step smaller than the address, as mail apps do."""
        small = QFont(font)
        if font.pointSizeF() > 0:
            small.setPointSizeF(font.pointSizeF() * DETAILS_SCALE)
        else:
            small.setPixelSize(max(1, round(font.pixelSize() * DETAILS_SCALE)))
        return small

    @classmethod
    def badge_width(cls, font: QFont, count_text: str) -> int:
        metrics = QFontMetrics(cls._bold(font))
        return metrics.horizontalAdvance(count_text) + metrics.height()  # half a line of pill each side

    @classmethod
    def row_height(cls, font: QFont) -> int:
        metrics = QFontMetrics(font)
        bold = QFontMetrics(cls._bold(font))
        small = QFontMetrics(cls.small(font))
        return 2 * _padding(metrics) + bold.height() + small.height() + metrics.leading() + 2

    @classmethod
    def icon_side(cls, font: QFont) -> int:
        # The service's mark spans most of the two lines.
        return round(QFontMetrics(font).height() * 1.5)

    @classmethod
    def minimum_width(cls, font: QFont) -> int:
        """What a row needs at the least: the mark, a dozen characters and a badge."""
        metrics = QFontMetrics(font)
        return (2 * _padding(metrics) + cls.icon_side(font) + 2 * _gap(metrics)
                + metrics.horizontalAdvance("x" * 12) + cls.badge_width(font, TYPICAL_COUNT))

    @staticmethod
    def typical_details() -> str:
        """A long details line, in the language now installed."""
        # The longest forms of the model's words (its context, so the translations apply).
        expiry = (QCoreApplication.translate("MailboxListModel", "expires in %1 h %2 min")
                  .replace("%1", "22").replace("%2", "55"))
        # Without the live/polling word: a narrow pane drops it first (its glyph stays).
        return " · ".join((TYPICAL_SERVICE, expiry))

    @classmethod
    def preferred_width(cls, font: QFont) -> int:
        """A row showing a typical address and details line whole, with a
        three-digit badge."""
        metrics = QFontMetrics(font)
        bold = QFontMetrics(cls._bold(font))
        first = bold.horizontalAdvance(TYPICAL_ADDRESS) + _gap(metrics) + cls.badge_width(font, TYPICAL_COUNT)
        small = QFontMetrics(cls.small(font))
        second = small.height() + _gap(metrics) // 2 + small.horizontalAdvance(cls.typical_details())
        return 2 * _padding(metrics) + cls.icon_side(font) + _gap(metrics) + max(first, second) + 2

    def layout(self, option: QStyleOptionViewItem, index: _AnyIndex) -> MailboxRowLayout:
        font = option.font
        metrics = QFontMetrics(font)
        bold = QFontMetrics(self._bold(font))
        pad, gap = _padding(metrics), _gap(metrics)
        rect = option.rect.adjusted(pad, pad, -pad, -pad)
        side = min(self.icon_side(font), rect.height())
        service_icon = QRect(rect.left(), rect.top() + (rect.height() - side) // 2, side, side)
        left = service_icon.right() + 1 + gap
        first = QRect(left, rect.top(), max(0, rect.right() - left + 1), bold.height())
        unread = int(index.data(MailboxListModel.UnreadRole) or 0)
        if unread > 0:
            width = min(first.width(), self.badge_width(font, self._count_text(unread)))
            badge = QRect(first.right() + 1 - width, first.top(), width, first.height())
            address = QRect(first.left(), first.top(), max(0, badge.left() - gap - first.left()), first.height())
        else:
            badge = QRect()
            address = first
        small = QFontMetrics(self.small(font)).height()
        second = QRect(left, first.bottom() + 1 + metrics.leading() + 2, first.width(), small)
        watch = index.data(MailboxListModel.WatchRole) or ""
        if watch:
            watch_icon = QRect(second.left(), second.top(), small, small)
            details = second.adjusted(small + gap // 2, 0, 0, 0)
        else:
            watch_icon = QRect()
            details = second
        return MailboxRowLayout(service_icon, address, badge, watch_icon, details)

    @staticmethod
    def _count_text(unread: int) -> str:
        return str(unread) if unread <= 999 else "999+"

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:
        # The narrowest width that still shows the count: the address elides.
        # A wider hint would give the list a horizontal scroll bar.
        return QSize(self.minimum_width(option.font), self.row_height(option.font))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        painter.save()
        _draw_background(option, painter, widget)
        parts = self.layout(option, index)
        mode = _icon_mode(option)

        icon = index.data(Qt.ItemDataRole.DecorationRole)
        if isinstance(icon, QIcon):
            icon.paint(painter, parts.service_icon, Qt.AlignmentFlag.AlignCenter, mode)

        unread = int(index.data(MailboxListModel.UnreadRole) or 0)
        address_font = self._bold(option.font) if unread else QFont(option.font)
        painter.setFont(address_font)
        painter.setPen(option.palette.color(_text_role(option)))
        address = str(index.data(MailboxListModel.AddressRole) or "")
        shown = QFontMetrics(address_font).elidedText(address, Qt.TextElideMode.ElideMiddle, parts.address.width())
        painter.drawText(parts.address, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)

        if unread and not parts.badge.isEmpty():
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            fill = option.palette.color(QPalette.ColorRole.HighlightedText if _selected(option)
                                        else QPalette.ColorRole.Highlight)
            text = option.palette.color(QPalette.ColorRole.Highlight if _selected(option)
                                        else QPalette.ColorRole.HighlightedText)
            radius = parts.badge.height() / 2
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(parts.badge, radius, radius)
            painter.setPen(text)
            painter.setFont(self._bold(option.font))
            painter.drawText(parts.badge, Qt.AlignmentFlag.AlignCenter, self._count_text(unread))

        watch = index.data(MailboxListModel.WatchRole) or ""
        if watch and not parts.watch_icon.isEmpty():
            tone = "muted" if watch == "polling" else "accent"
            glyph(watch, tone).paint(painter, parts.watch_icon, Qt.AlignmentFlag.AlignCenter, mode)

        small = self.small(option.font)
        painter.setFont(small)
        painter.setPen(_muted_color(option))
        small_metrics = QFontMetrics(small)
        details = str(index.data(MailboxListModel.DetailsRole) or "")
        if small_metrics.horizontalAdvance(details) > parts.details.width():
            details = str(index.data(MailboxListModel.BriefDetailsRole) or "")
        shown = small_metrics.elidedText(details, Qt.TextElideMode.ElideRight, parts.details.width())
        painter.drawText(parts.details, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, shown)
        painter.restore()


# ---------------------------------------------------------------------------
# Messages
# ---------------------------------------------------------------------------


def message_row_height(font: QFont) -> int:
    """Two lines (subject and preview) and a little room."""
    metrics = QFontMetrics(font)
    bold = QFont(font)
    bold.setBold(True)
    return QFontMetrics(bold).height() + metrics.height() + 2 * _padding(metrics) // 2 + 2


def marks_column_width(font: QFont) -> int:
    """The unread dot and the attachment glyph side by side, with room."""
    metrics = QFontMetrics(font)
    return 2 * metrics.height() + 4 * _gap(metrics)


class MessageSubjectDelegate(QStyledItemDelegate):
    """The subject (bold while unread) over a grey one-line preview."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:
        hint = super().sizeHint(option, index)
        return QSize(hint.width(), max(hint.height(), message_row_height(option.font)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        self.initStyleOption(option, index)
        preview = str(index.data(MessageListModel.PreviewRole) or "")
        if not preview:
            super().paint(painter, option, index)
            return
        painter.save()
        _draw_background(option, painter, option.widget)
        metrics = option.fontMetrics
        gap = _gap(metrics)
        rect = option.rect.adjusted(gap, 0, -gap, 0)
        subject_metrics = QFontMetrics(option.font)
        preview_font = QFont(option.font)
        preview_font.setBold(False)
        preview_metrics = QFontMetrics(preview_font)
        total = subject_metrics.height() + preview_metrics.height()
        top = rect.top() + max(0, (rect.height() - total) // 2)
        first = QRect(rect.left(), top, rect.width(), subject_metrics.height())
        second = QRect(rect.left(), first.bottom() + 1, rect.width(), preview_metrics.height())

        foreground = option.palette.color(_text_role(option))
        brush = index.data(Qt.ItemDataRole.ForegroundRole)
        if brush is not None and not _selected(option):
            foreground = brush.color()
        painter.setFont(option.font)
        painter.setPen(foreground)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         subject_metrics.elidedText(option.text, Qt.TextElideMode.ElideRight, first.width()))
        painter.setFont(preview_font)
        painter.setPen(_muted_color(option))
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         preview_metrics.elidedText(preview, Qt.TextElideMode.ElideRight, second.width()))
        painter.restore()


class MessageMarksDelegate(QStyledItemDelegate):
    """The unread dot and the attachment glyph, centred in the marks column."""

    def sizeHint(self, option: QStyleOptionViewItem, index: _AnyIndex) -> QSize:
        return QSize(marks_column_width(option.font), QFontMetrics(option.font).height())

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _AnyIndex) -> None:
        self.initStyleOption(option, index)
        painter.save()
        _draw_background(option, painter, option.widget)
        metrics = QFontMetrics(option.font)
        side = metrics.height()
        gap = _gap(metrics)
        unread = bool(option.text)
        icon = index.data(Qt.ItemDataRole.DecorationRole)
        has_clip = isinstance(icon, QIcon)
        width = (side if unread else 0) + (side if has_clip else 0) + (gap if unread and has_clip else 0)
        left = option.rect.left() + max(0, (option.rect.width() - width) // 2)
        top = option.rect.top() + (option.rect.height() - side) // 2
        if unread:
            dot = max(4, side // 2)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(option.palette.color(QPalette.ColorRole.HighlightedText if _selected(option)
                                                  else QPalette.ColorRole.Highlight))
            painter.drawEllipse(left + (side - dot) // 2, top + (side - dot) // 2, dot, dot)
            left += side + gap
        if has_clip:
            icon.paint(painter, QRect(left, top, side, side), Qt.AlignmentFlag.AlignCenter, _icon_mode(option))
        painter.restore()
