"""The tray's "Copy latest code": the newest code in any mailbox, from the store."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication

from tests.ui.conftest_async import qloop  # noqa: F401 - fixture
from tests.ui.test_main_window import deliver, desktop, fakes  # noqa: F401 - fixtures


def test_copy_latest_code_takes_the_newest_code_of_any_mailbox(desktop):
    app = desktop()
    first = app.new_address("gptmail")
    deliver(app.fakes, first, subject="Your code", text="Your verification code is 314159")
    app.fetch("Your code")
    second = app.new_address("worker")
    deliver(app.fakes, second, subject="Sign-in code", text="Your login code is 271828")
    app.fetch("Sign-in code")
    app.click_mailbox(first)  # looking at the older one

    QGuiApplication.clipboard().setText("something else")
    app.window.copy_latest_code()

    assert QGuiApplication.clipboard().text() == "271828"
    assert "271828" in app.window.statusBar().currentMessage()


def test_with_no_code_anywhere_it_says_so(desktop):
    app = desktop()
    app.new_address("gptmail")
    QGuiApplication.clipboard().setText("kept")
    app.window.copy_latest_code()
    assert QGuiApplication.clipboard().text() == "kept"
    assert "No mail with a verification code" in app.window.statusBar().currentMessage()
