"""Tray-first, as a user meets it in the real app: with a tray host, closing
the window hides it to the tray and says so once (with "Don't show this
again"); without one, closing quits. The tray's menu makes an address at
once, lists the newest mailboxes and quits, as the File menu does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QSystemTrayIcon

from tempmail_desktop.service.settings import Settings
from tempmail_desktop.ui import bootstrap
from tests.ui.conftest_async import qloop  # noqa: F401 - fixture
from tests.ui.test_main_window import desktop, fakes  # noqa: F401 - fixtures


def notices() -> list[QMessageBox]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QMessageBox) and w.objectName() == "hiddenToTrayNotice" and w.isVisible()]


@pytest.fixture
def with_tray(tray_host, monkeypatch, fakes):  # noqa: F811
    """The real QSystemTrayIcon in bootstrap (test_main_window's fakes hide it)."""
    monkeypatch.setattr(bootstrap, "QSystemTrayIcon", QSystemTrayIcon)
    assert QSystemTrayIcon.isSystemTrayAvailable()


def close_window(app, qtbot) -> None:
    window = app.window
    window.show()
    qtbot.waitExposed(window)
    window.close()


@pytest.mark.tray
def test_with_a_tray_closing_hides_to_the_tray_and_says_so_once(with_tray, desktop, qtbot):
    app = desktop()
    assert app.parts.tray is not None
    quits = []
    app.window.quitRequested.connect(lambda: quits.append(True))

    close_window(app, qtbot)
    assert not app.window.isVisible()
    assert quits == [], "closing the window quit the app although a tray is there"
    qtbot.waitUntil(lambda: len(notices()) == 1, timeout=3000)
    [notice] = notices()
    assert "system tray" in notice.text() and "Quit" in notice.text()
    assert notice.checkBox().text() == "Don't show this again"
    notice.button(QMessageBox.StandardButton.Ok).click()  # not ticked: still on for the next run
    qtbot.waitUntil(lambda: not notices(), timeout=3000)
    assert Settings.load(app.controller.settings.path).get("tray.tell_hidden") is True

    close_window(app, qtbot)  # the second time in one run: hidden, nothing said
    assert not app.window.isVisible()
    app.pause(0.3)
    assert notices() == []
    assert quits == []


@pytest.mark.tray
def test_dont_show_again_is_remembered(with_tray, desktop, qtbot):
    app = desktop()
    close_window(app, qtbot)
    qtbot.waitUntil(lambda: len(notices()) == 1, timeout=3000)
    [notice] = notices()
    notice.checkBox().setChecked(True)
    notice.button(QMessageBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: not notices(), timeout=3000)
    assert Settings.load(app.controller.settings.path).get("tray.tell_hidden") is False

    app.window.setProperty("toldHiddenToTray", False)  # as after a restart
    close_window(app, qtbot)
    app.pause(0.3)
    assert not app.window.isVisible()
    assert notices() == []


def test_without_a_tray_closing_quits(desktop, qtbot):
    app = desktop()
    assert app.parts.tray is None
    quits = []
    app.window.quitRequested.connect(lambda: quits.append(True))
    close_window(app, qtbot)
    assert quits == [True]
    assert notices() == []


@pytest.mark.tray
def test_closing_quits_when_the_user_turned_close_to_tray_off(with_tray, desktop, qtbot):
    app = desktop()
    app.controller.settings.set("tray.close_to_tray", False)
    app.controller.settings.save()
    app.notifier.close()
    app = desktop()  # started again with the choice saved
    quits = []
    app.window.quitRequested.connect(lambda: quits.append(True))
    close_window(app, qtbot)
    assert quits == [True]


@pytest.mark.tray
def test_quit_is_in_the_tray_menu_and_the_file_menu(with_tray, desktop):
    app = desktop()
    tray_entries = [a.text().replace("&", "") for a in app.parts.tray.menu.actions() if a.isVisible()]
    file_entries = [a.text().replace("&", "") for a in app.window.file_menu.actions()]
    assert "Quit" in tray_entries and "Quit" in file_entries
    quits = []
    app.window.quitRequested.connect(lambda: quits.append("file"))
    app.window.act_quit.trigger()
    assert quits == ["file"]


@pytest.mark.tray
def test_new_address_in_the_tray_is_made_at_once_and_copied(with_tray, desktop, qtbot):
    app = desktop()
    app.window.hide()
    board = QGuiApplication.clipboard()
    board.setText("")
    said = []
    original_say = app.parts.tray.say
    app.parts.tray.say = lambda text: (said.append(text), original_say(text))

    app.parts.tray.act_new.trigger()
    app.wait(lambda: app.controller.mailboxes(), "the address to be made")
    [mailbox] = app.controller.mailboxes()
    assert mailbox.provider == "gptmail"  # the default service, no dialog
    app.wait(lambda: board.text() == mailbox.address, "the address on the clipboard")
    assert said == [f"Created {mailbox.address} (copied)"]
    assert not app.window.isVisible(), "the tray's New address pulled the window up"

    # The newest mailboxes are in the menu; picking one opens the window on it.
    second = app.new_address("worker")
    tray = app.parts.tray

    def listed() -> list[str]:
        return [a.text() for a in tray.recent_actions if a.isVisible()]

    assert listed() == [f"{second.address} (TempMail (worker))", f"{mailbox.address} (GPTMail)"]
    app.window.hide()
    [a for a in tray.recent_actions if a.isVisible()][1].trigger()
    qtbot.waitUntil(app.window.isVisible, timeout=3000)
    assert app.window.current_mailbox() == mailbox

    app.controller.drop_mailbox(second, upstream=False)  # forgotten: it leaves the menu too
    app.wait(lambda: listed() == [f"{mailbox.address} (GPTMail)"], "the forgotten mailbox to leave the tray menu")
