"""The window by keyboard alone, in the real app: Tab walks the panes in
order, j/k and Up/Down move through mail, Delete deletes after asking,
Ctrl+N, F5 and Ctrl+Shift+C do what they say, and Help → Keyboard shortcuts
lists exactly the keys the actions answer to."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget
from shiboken6 import isValid

from tempmail_desktop.ui import dialogs, keyboard
from tests.ui.conftest_async import qloop  # noqa: F401 - fixture
from tests.ui.test_main_window import answers, deliver, desktop, fakes  # noqa: F401 - fixtures


def active(app, qtbot) -> None:
    window = app.window
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def within(widget: QWidget, other: QWidget | None) -> bool:
    while other is not None:
        if other is widget:
            return True
        other = other.parentWidget()
    return False


@pytest.fixture
def three_mails(desktop):  # noqa: F811
    app = desktop()
    mailbox = app.new_address("worker")
    for n, subject in enumerate(("First", "Second", "Third")):
        deliver(app.fakes, mailbox, subject=subject, text=f"Your code is {314150 + n}")
    app.fetch("First", "Second", "Third")
    return app


def selected_subject(app) -> str | None:
    index = app.window.message_view.currentIndex()
    if not index.isValid():
        return None
    return app.window.message_model.message_at(app.window.message_proxy.mapToSource(index).row()).subject


def test_tab_walks_mailboxes_filter_messages_reader(three_mails, qtbot):
    app = three_mails
    active(app, qtbot)
    app.open("Second")
    window = app.window
    window.mailbox_view.setFocus()
    qtbot.waitUntil(lambda: focused() is window.mailbox_view, timeout=2000)
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.filter_edit
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is window.message_view
    QTest.keyClick(focused(), Qt.Key.Key_Tab)
    assert within(window.reader, focused()), f"Tab from the list went to {focused()!r}, not the reader"
    QTest.keyClick(focused(), Qt.Key.Key_Backtab)
    assert focused() is window.message_view


def test_j_k_and_up_down_move_through_the_mail(three_mails, qtbot):
    app = three_mails
    active(app, qtbot)
    view = app.window.message_view
    view.setFocus()
    order = [app.listed_subjects()[row] for row in range(3)]
    view.setCurrentIndex(view.model().index(0, 0))
    assert selected_subject(app) == order[0]

    QTest.keyClick(view, Qt.Key.Key_J)
    assert selected_subject(app) == order[1]
    app.wait(lambda: app.window.reader.current_message() is not None
             and app.window.reader.current_message().subject == order[1], "the next mail to open")
    QTest.keyClick(view, Qt.Key.Key_J)
    QTest.keyClick(view, Qt.Key.Key_J)  # at the end it stays
    assert selected_subject(app) == order[2]
    QTest.keyClick(view, Qt.Key.Key_K)
    assert selected_subject(app) == order[1]
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert selected_subject(app) == order[0]
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert selected_subject(app) == order[1]


def test_j_in_the_filter_types_a_j(three_mails, qtbot):
    app = three_mails
    active(app, qtbot)
    app.window.filter_edit.setFocus()
    QTest.keyClick(app.window.filter_edit, Qt.Key.Key_J, Qt.KeyboardModifier.NoModifier)
    assert app.window.filter_edit.text() == "j"


def test_delete_asks_first_then_deletes(three_mails, answers, qtbot):  # noqa: F811
    app = three_mails
    active(app, qtbot)
    app.open("Second")
    app.window.message_view.setFocus()

    answers.queue = [False]
    QTest.keyClick(app.window.message_view, Qt.Key.Key_Delete)
    assert answers.asked == [("Delete message", "Delete “Second” on the service and here?")]
    app.pause(0.3)
    assert "Second" in app.listed_subjects()

    answers.queue = [True]
    QTest.keyClick(app.window.message_view, Qt.Key.Key_Delete)
    app.wait(lambda: "Second" not in app.listed_subjects(), "the mail to leave the list")


def test_delete_in_the_filter_edits_the_text(three_mails, answers, qtbot):  # noqa: F811
    app = three_mails
    active(app, qtbot)
    app.open("Second")
    edit = app.window.filter_edit
    edit.setFocus()
    edit.setText("ab")
    edit.setCursorPosition(0)
    QTest.keyClick(edit, Qt.Key.Key_Delete)
    assert edit.text() == "b"
    assert answers.asked == []


def test_ctrl_n_f5_and_ctrl_shift_c(three_mails, qtbot):
    app = three_mails
    active(app, qtbot)
    window = app.window
    window.message_view.setFocus()
    board = QGuiApplication.clipboard()
    board.setText("")
    QTest.keyClick(window.message_view, Qt.Key.Key_C,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert board.text() in {"314150", "314151", "314152"}

    checks = app.controller.watchers[(window.current_mailbox().provider, window.current_mailbox().address)].checks
    QTest.keyClick(window.message_view, Qt.Key.Key_F5)
    assert window.statusBar().currentMessage() == "Checking…"
    watcher = app.controller.watchers[(window.current_mailbox().provider, window.current_mailbox().address)]
    app.wait(lambda: watcher.checks > checks, "F5 to check the mailbox")

    QTest.keyClick(window.message_view, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = next((d for d in window.findChildren(dialogs.NewAddressDialog) if d.isVisible()), None)
    assert dialog is not None, "Ctrl+N opened no New address dialog"
    dialog.reject()
    app.wait(lambda: not isValid(dialog) or not dialog.isVisible(), "the dialog to close")


def test_the_shortcuts_window_lists_what_the_keys_do(desktop, qtbot):  # noqa: F811
    app = desktop()
    active(app, qtbot)
    window = app.window
    QTest.keyClick(window, Qt.Key.Key_F1)
    shown = getattr(window, "shortcuts_window", None)
    assert shown is not None and shown.isVisible(), "F1 opened no shortcuts window"
    rows = dict(shown.rows())
    native = QKeySequence.SequenceFormat.NativeText
    for action in (window.act_new, window.act_check, window.act_copy_code, window.act_delete, window.act_filter,
                   window.act_quit, window.act_shortcuts):
        name = keyboard._plain(action.text())
        assert rows[name] == ", ".join(s.toString(native) for s in action.shortcuts()), name
    assert rows["New address"].startswith("Ctrl+N")
    assert rows["Check now"] == "F5"
    assert rows["Copy code"] == "Ctrl+Shift+C"
    assert rows["Delete message"] == "Del"
    assert rows["Next message"] == "J, Down"
    assert rows["Previous message"] == "K, Up"
    assert "Help" in [a.text().replace("&", "") for a in window.menuBar().actions()]
    assert window.act_shortcuts in window.help_menu.actions()
    # Nothing cut: the table asks for room for every row and both columns.
    table = shown.table
    assert table.horizontalScrollBar().isHidden() or not table.horizontalScrollBar().isVisible()
    assert table.viewport().width() >= table.columnWidth(0) + table.fontMetrics().horizontalAdvance(
        max((keys for _n, keys in shown.rows()), key=len))
    shown.close()


def test_every_tab_stop_shows_its_focus(three_mails, qtbot):
    """Tab once round the window with a mail open: each stop looks different
    while it has the focus (a ring, a frame, a highlighted row)."""
    app = three_mails
    active(app, qtbot)
    app.open("Second")
    window = app.window
    window.mailbox_view.setFocus()
    qtbot.waitUntil(lambda: focused() is window.mailbox_view, timeout=2000)

    def around(widget: QWidget):
        top_left = widget.mapTo(window, widget.rect().topLeft())
        area = widget.rect().translated(top_left).adjusted(-4, -4, 4, 4)
        return window.grab(area).toImage()

    stops, unseen = [], []
    current = focused()
    while current not in stops and len(stops) < 40:
        stops.append(current)
        QApplication.processEvents()
        with_focus = around(current)
        QTest.keyClick(current, Qt.Key.Key_Tab)
        QApplication.processEvents()
        if focused() is current:  # took the Tab itself (a text pane's link walk): leave by Ctrl+Tab
            QTest.keyClick(current, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
        QApplication.processEvents()
        if around(current) == with_focus:
            unseen.append(f"{type(current).__name__}({current.objectName() or current.accessibleName()})")
        current = focused()
    assert any(isinstance(stop, (QTextEdit, QPlainTextEdit)) and within(window.reader, stop) for stop in stops), \
        "Tab never reached the mail itself"
    assert unseen == [], f"no visible focus on: {unseen}"
