"""The lists as a user reads them in the real window: the mailbox pane shows
every row whole (address, service, unread count, expiry, live/polling) at the
window's default size, with the normal font and at 150 %, with no sideways
scroll bar; message rows carry a preview line and an attachment glyph; the
toolbar and menus have icons. Sizes follow the font, never fixed pixels."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QStyleOptionViewItem

from tempmail_desktop.core.models import Attachment, Mailbox, Message
from tempmail_desktop.core.timeutil import utcnow
from tempmail_desktop.ui.delegates import TYPICAL_ADDRESS, MailboxDelegate, message_row_height
from tempmail_desktop.ui.models import MailboxRow, MessageListModel
from tests.ui.conftest_async import qloop  # noqa: F401  (fixture)
from tests.ui.test_main_window import desktop, fakes  # noqa: F401  (fixtures)

# As long as the addresses the services hand out (GPTMail's and the worker's are shorter).
ADDRESSES = [
    ("gptmail", "GPTMail", "k3x9q2mf7a8p@mail-domain.test", 7, "polling"),
    ("worker", "TempMail (worker)", "olivia41284@mail.example.com", 123, "polling"),
    ("catmails", "Cat Mails", "tmp4aab2fac@temp.mails.cat", 0, "live"),
]


@pytest.fixture(params=[1.0, 1.5], ids=["default-font", "font-150"])
def font_scale(request, qapp):
    saved = QFont(qapp.font())
    scaled = QFont(saved)
    scaled.setPointSizeF(saved.pointSizeF() * request.param)
    qapp.setFont(scaled)
    yield request.param
    qapp.setFont(saved)


def _option(view, index: QModelIndex) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.initFrom(view.viewport())
    option.font = view.font()
    option.fontMetrics = QFontMetrics(view.font())
    option.rect = view.visualRect(index)
    option.widget = view
    return option


def _fill_mailboxes(window) -> None:
    soon = utcnow() + timedelta(hours=2, minutes=55)
    for provider, name, address, unread, watch in ADDRESSES:
        row = MailboxRow(Mailbox(provider, address, created_at=utcnow(), expires_at=soon), name, unread)
        window.mailbox_model.add_or_update(row)
        window.mailbox_model.set_watch(provider, address, watch)


def test_mailbox_rows_fit_the_default_pane_whole(desktop, qtbot, font_scale):
    app = desktop()
    window = app.window
    _fill_mailboxes(window)
    window.show()
    qtbot.waitExposed(window)
    qtbot.wait(50)
    view = window.mailbox_view
    viewport = view.viewport().rect()

    assert not view.horizontalScrollBar().isVisible()
    assert view.horizontalScrollBar().maximum() == 0
    delegate = view.itemDelegate()
    assert isinstance(delegate, MailboxDelegate)
    model = window.mailbox_model
    for r in range(model.rowCount()):
        index = model.index(r, 0)
        option = _option(view, index)
        assert delegate.sizeHint(option, index).width() <= viewport.width()
        parts = delegate.layout(option, index)
        unread = model.row_at(r).unread
        if unread:
            # The count is drawn whole, inside the pane, never cut.
            bold = QFont(view.font())
            bold.setBold(True)
            assert viewport.contains(parts.badge)
            assert parts.badge.width() >= QFontMetrics(bold).horizontalAdvance(str(unread))
        address = model.row_at(r).mailbox.address
        font = QFont(view.font())
        font.setBold(bool(unread))
        # The live/polling word goes first when the pane is narrow (its glyph stays).
        details = model.data(index, model.BriefDetailsRole)
        if font_scale == 1.0:
            # At the default size the address and the details line show whole.
            assert QFontMetrics(font).horizontalAdvance(address) <= parts.address.width(), address
            small = MailboxDelegate.small(view.font())
            assert QFontMetrics(small).horizontalAdvance(details) <= parts.details.width(), details
        else:
            # At 150 % a 1200-pixel window cannot show three panes whole: the
            # address is elided in its middle (its start and end stay), never cut.
            shown = QFontMetrics(font).elidedText(address, Qt.TextElideMode.ElideMiddle, parts.address.width())
            assert shown == address or (shown[:4] == address[:4] and shown[-4:] == address[-4:] and "…" in shown)
        assert parts.details.right() <= viewport.right()


def test_the_mailbox_pane_grows_with_the_font(desktop, qapp):
    base = desktop().window.mailbox_pane_width()
    font = QFont(qapp.font())
    width = MailboxDelegate.preferred_width(font)
    font.setPointSizeF(font.pointSizeF() * 1.5)
    assert MailboxDelegate.preferred_width(font) > width * 1.3
    assert base >= QFontMetrics(qapp.font()).horizontalAdvance(TYPICAL_ADDRESS)


def test_a_narrowed_pane_elides_the_address_and_keeps_the_count(desktop, qtbot):
    app = desktop()
    window = app.window
    _fill_mailboxes(window)
    window.show()
    qtbot.waitExposed(window)
    sizes = window.splitter.sizes()
    window.splitter.setSizes([MailboxDelegate.minimum_width(window.font()) + 30, sizes[1], sizes[2] + sizes[0]])
    qtbot.wait(50)
    view = window.mailbox_view
    assert not view.horizontalScrollBar().isVisible()
    index = window.mailbox_model.index(1, 0)  # 123 unread
    parts = view.itemDelegate().layout(_option(view, index), index)
    assert view.viewport().rect().contains(parts.badge)
    assert parts.address.width() > 0


def test_message_rows_have_a_preview_line_and_an_attachment_glyph(desktop, qtbot, font_scale):
    app = desktop()
    window = app.window
    mail = Message(id="1", provider="gptmail", mailbox="me@x.test", from_addr="a@b.test", from_name="Ann",
                   subject="Your order", received_at=utcnow(), text="Parcel 7 is on its way.",
                   attachments=[Attachment("invoice.pdf", 1200)])
    window.message_model.set_messages([mail])
    window.show()
    qtbot.waitExposed(window)
    view = window.message_view
    # Two lines of the current font a row: the subject over its preview.
    height = view.rowHeight(0)
    assert height == message_row_height(window.font())
    assert height >= 2 * QFontMetrics(window.font()).height()
    model = window.message_proxy
    subject = model.index(0, MessageListModel.COLUMN_SUBJECT)
    assert model.data(subject, MessageListModel.PreviewRole) == "Parcel 7 is on its way."
    marks = model.index(0, MessageListModel.COLUMN_MARKS)
    assert not model.data(marks, Qt.ItemDataRole.DecorationRole).isNull()
    # The marks column holds the dot and the glyph side by side.
    assert view.columnWidth(MessageListModel.COLUMN_MARKS) >= 2 * QFontMetrics(window.font()).height()


def test_toolbar_and_menu_actions_have_icons(desktop):
    window = desktop().window
    for action in window.toolbar.actions():
        if not action.isSeparator():
            assert not action.icon().isNull(), action.text()
            assert not action.icon().pixmap(16, 16).toImage().isNull()
    for menu in (window.file_menu, window.box_menu, window.msg_menu):
        for action in menu.actions():
            if not action.isSeparator():
                assert not action.icon().isNull(), action.text()

