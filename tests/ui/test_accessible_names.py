"""Every control a keyboard or a screen reader reaches has a name.

The walk goes through the real app's main window with a mail open (its code,
a remote picture and an attachment showing their bars), the settings dialog
(every page) and the new-address dialog, and fails naming each visible
control that takes focus but that assistive technology would announce with
no name: no visible text of its own, no buddy label, no accessibleName.
What it reads is what a screen reader reads: the accessible interface's Name.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QDialog, QStackedWidget, QTabWidget, QWidget

from tempmail_desktop.ui import dialogs
from tempmail_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest_async import qloop  # noqa: F401 - fixture
from tests.ui.test_main_window import desktop, fakes  # noqa: F401 - fixtures


def describe(widget: QWidget) -> str:
    path = []
    while widget is not None:
        path.append(f"{type(widget).__name__}({widget.objectName() or '-'})")
        widget = widget.parentWidget()
    return " < ".join(path)


def unnamed_controls(root: QWidget) -> list[str]:
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if widget.focusPolicy() == Qt.FocusPolicy.NoFocus or not widget.isVisible():
            continue
        interface = QAccessible.queryAccessibleInterface(widget)
        name = interface.text(QAccessible.Text.Name).strip() if interface is not None else ""
        if not name:
            found.append(describe(widget))
    return found


def walk_every_page(root: QWidget) -> list[str]:
    """The controls of every tab too, not only the one in front; in a dialog,
    of every page of its stacks (a settings page per service)."""
    found = set(unnamed_controls(root))
    paged: list[QTabWidget | QStackedWidget] = [t for t in root.findChildren(QTabWidget) if t.isVisible()]
    if isinstance(root, QDialog):
        paged += [s for s in root.findChildren(QStackedWidget) if s.isVisible()]
    for pages in paged:
        before = pages.currentIndex()
        for page in range(pages.count()):
            pages.setCurrentIndex(page)
            found.update(unnamed_controls(root))
        pages.setCurrentIndex(before)
    return sorted(found)


@pytest.fixture
def app_with_mail(desktop):  # noqa: F811
    app = desktop()
    mailbox = app.new_address("gptmail")
    app.fakes["gptmail"].deliver(
        mailbox.address, sender="GitHub <noreply@github.com>", subject="Your code",
        text="Your verification code is 482913",
        html='<p>Your verification code is <b>482913</b></p><img src="https://images.example.org/x.png" alt="logo">',
        attachments=[("report.pdf", b"%PDF-1.4 test", "application/pdf")])
    app.fetch("Your code")
    app.open("Your code")
    app.window.show()
    app.qtbot.waitExposed(app.window)
    return app


def test_the_main_window_with_a_mail_open_names_every_control(app_with_mail):
    reader = app_with_mail.window.reader
    assert reader.current_message() is not None
    assert walk_every_page(app_with_mail.window) == []


def test_the_settings_dialog_names_every_control(app_with_mail):
    app = app_with_mail
    app.window.act_settings.trigger()
    dialog = next(d for d in app.window.findChildren(SettingsDialog) if d.isVisible())
    app.qtbot.waitExposed(dialog)
    try:
        assert walk_every_page(dialog) == []
    finally:
        dialog.reject()


def test_the_new_address_dialog_names_every_control(app_with_mail):
    app = app_with_mail
    app.window.act_new.trigger()
    dialog = next(d for d in app.window.findChildren(dialogs.NewAddressDialog) if d.isVisible())
    app.qtbot.waitExposed(dialog)
    try:
        for provider in range(dialog.provider_combo.count()):  # each service shows its own fields
            dialog.provider_combo.setCurrentIndex(provider)
            QApplication.processEvents()
            assert walk_every_page(dialog) == [], dialog.provider_combo.currentText()
    finally:
        dialog.reject()


def test_the_walk_finds_an_unnamed_control(qtbot):
    """The walk itself can fail: an icon-only button with no name is found, and named it passes."""
    from PySide6.QtWidgets import QToolButton, QVBoxLayout

    host = QWidget()
    qtbot.addWidget(host)
    button = QToolButton(host)
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    QVBoxLayout(host).addWidget(button)
    host.show()
    qtbot.waitExposed(host)
    assert unnamed_controls(host) == ["QToolButton(-) < QWidget(-)"]
    button.setAccessibleName("Copy")
    assert unnamed_controls(host) == []


def test_the_open_address_and_shortcuts_windows_name_every_control(app_with_mail):
    app = app_with_mail
    app.window.act_open.trigger()
    dialog = next(d for d in app.window.findChildren(dialogs.OpenAddressDialog) if d.isVisible())
    app.qtbot.waitExposed(dialog)
    try:
        for provider in range(dialog.provider_combo.count()):
            dialog.provider_combo.setCurrentIndex(provider)
            QApplication.processEvents()
            assert walk_every_page(dialog) == [], dialog.provider_combo.currentText()
    finally:
        dialog.reject()
    app.window.act_shortcuts.trigger()
    shortcuts = app.window.shortcuts_window
    app.qtbot.waitExposed(shortcuts)
    assert walk_every_page(shortcuts) == []
    shortcuts.close()
