"""Copying the code a notification announces, without opening the window:
the notification's own "Copy code" button where the notification service has
buttons, and the tray menu's "Copy code 123456" (the tray's balloon has
none). Each copies exactly the stored code of the announced mail (the newest
mail with a code, in a group), says so, and the tray's entry goes once that
mail is deleted."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

from tempmail_desktop.service.store import Store
from tests.ui.test_notify import (  # noqa: F401 - fixtures
    ADDRESS,
    balloons,
    github_mail,
    mail,
    mailbox,
    make_notifier,
    no_bus,
    settings,
    tray,
    wait_for_notifications,
    window,
)


@pytest.fixture
def store(tmp_path, window):
    """A real store the notifier reads through the window, as it reads the main window's."""
    with Store(tmp_path / "tempmail.sqlite3") as opened:
        opened.add_mailbox(mailbox())
        window.store = opened
        yield opened


@pytest.fixture
def clipboard():
    board = QGuiApplication.clipboard()
    board.setText("what the user copied before")
    return board


def visible_menu_texts(tray_icon) -> list[str]:
    return [a.text().replace("&", "") for a in tray_icon.menu.actions() if not a.isSeparator() and a.isVisible()]


def open_menu(tray_icon) -> None:
    """What the tray host's click does before the menu shows: the menu reads what is current."""
    tray_icon.menu.aboutToShow.emit()


# -- the notification's button -------------------------------------------------


def test_the_copy_code_button_copies_the_code_without_opening_the_window(
        make_notifier, notification_daemon, session_bus, window, clipboard, qtbot):
    daemon = notification_daemon(capabilities=("actions", "body"))
    notifier = make_notifier(bus=session_bus)
    notifier.notify_new_mail(mailbox(), [github_mail()])
    wait_for_notifications(qtbot, notifier)
    [call] = daemon.calls()
    assert call["actions"] == ["default", "Open", "copy-code", "Copy code"]
    assert clipboard.text() == "what the user copied before"  # nothing copied until asked

    daemon.click(call["id"], "copy-code")
    qtbot.waitUntil(lambda: clipboard.text() == "482913", timeout=3000)
    assert window.opened == []
    assert window.status_bar.currentMessage() == "Copied 482913"
    # The pressed notification turns into a brief confirmation in place.
    qtbot.waitUntil(lambda: len(daemon.calls()) == 2, timeout=3000)
    confirmation = daemon.calls()[1]
    assert confirmation["replaces_id"] == call["id"]
    assert confirmation["summary"] == "Copied 482913"
    assert confirmation["actions"] == []
    assert 0 < confirmation["expire_timeout"] <= 5000


def test_a_group_copies_the_newest_mail_that_has_a_code(make_notifier, notification_daemon, session_bus,
                                                        window, clipboard, qtbot):
    daemon = notification_daemon()
    notifier = make_notifier(bus=session_bus)
    notifier.notify_new_mail(mailbox(), [
        mail("m-1", "Old login", "Your verification code is 111111", minutes=1),
        mail("m-2", "New login", "Your verification code is 222222", minutes=2),
        mail("m-3", "Newsletter", "Nothing to enter here.", minutes=3),
    ])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["target"] == ("gptmail", ADDRESS, "m-3")  # a click opens the newest...
    [call] = daemon.calls()
    daemon.click(call["id"], "copy-code")
    qtbot.waitUntil(lambda: clipboard.text() == "222222", timeout=3000)  # ...the button copies the newest code
    assert window.opened == []


@pytest.mark.parametrize(("capabilities", "message"), [
    pytest.param(("actions", "body"), mail("m-1", "Lunch?", "Free at noon?"), id="no-code"),
    pytest.param(("body",), github_mail(), id="no-buttons-on-this-desktop"),
])
def test_no_copy_button_without_a_code_or_without_buttons(make_notifier, notification_daemon, session_bus,
                                                         qtbot, capabilities, message):
    daemon = notification_daemon(capabilities=capabilities)
    notifier = make_notifier(bus=session_bus)
    notifier.notify_new_mail(mailbox(), [message])
    wait_for_notifications(qtbot, notifier)
    [call] = daemon.calls()
    assert "copy-code" not in call["actions"]


# -- the tray's entry ---------------------------------------------------------


def announce(notifier, store, qtbot, *messages) -> None:
    for message in messages:
        store.save_message(message)
    notifier.notify_new_mail(mailbox(), list(messages))
    wait_for_notifications(qtbot, notifier, len(notifier.history) + 1)


@pytest.mark.tray
def test_the_tray_offers_the_announced_code_and_copies_it(make_notifier, tray, store, window, clipboard, qtbot):
    notifier = make_notifier(tray=tray)
    open_menu(tray)
    assert visible_menu_texts(tray)[2] == "Copy latest code"  # nothing announced yet
    assert not tray.act_copy_announced.isVisible()

    announce(notifier, store, qtbot, github_mail())
    assert notifier.history[-1]["backend"] == "tray"
    open_menu(tray)
    # The announced mail is also the newest with a code: one entry, the one that names it.
    assert visible_menu_texts(tray) == [
        "Show Tempmail Desktop", "New address", "Copy code 482913", "Pause notifications", "Quit"]

    for balloon in balloons():
        balloon.hide()
    tray.act_copy_announced.trigger()
    assert clipboard.text() == "482913"
    assert window.opened == []
    assert window.status_bar.currentMessage() == "Copied 482913"
    qtbot.waitUntil(lambda: len(balloons()) == 1, timeout=3000)  # said where the user is looking


@pytest.mark.tray
def test_latest_code_stays_when_it_would_copy_another_code(make_notifier, tray, store, settings, clipboard, qtbot):
    notifier = make_notifier(tray=tray)
    announce(notifier, store, qtbot, github_mail("m-1", minutes=1))
    # A newer mail with a code that no notification announced (it came while paused).
    store.save_message(mail("m-2", "Sign-in", "Your login code is 271828", minutes=2))
    open_menu(tray)
    texts = visible_menu_texts(tray)
    assert texts[2:4] == ["Copy code 482913", "Copy latest code"]
    tray.act_copy_announced.trigger()
    assert clipboard.text() == "482913"


@pytest.mark.tray
def test_the_entry_goes_when_the_announced_mail_is_deleted(make_notifier, tray, store, window, clipboard, qtbot):
    notifier = make_notifier(tray=tray)
    announce(notifier, store, qtbot, github_mail("m-1"))
    open_menu(tray)
    assert tray.act_copy_announced.isVisible()

    store.delete_message("gptmail", ADDRESS, "m-1")
    open_menu(tray)
    assert not tray.act_copy_announced.isVisible()
    assert "Copy latest code" in visible_menu_texts(tray)
    # A click that raced the deletion copies nothing and says why.
    tray.act_copy_announced.trigger()
    assert clipboard.text() == "what the user copied before"
    assert window.status_bar.currentMessage() == "The mail with that code is gone"


@pytest.mark.tray
def test_a_later_mail_without_a_code_keeps_the_entry(make_notifier, tray, store, qtbot):
    notifier = make_notifier(tray=tray)
    announce(notifier, store, qtbot, github_mail("m-1", minutes=1))
    announce(notifier, store, qtbot, mail("m-2", "Lunch?", "Free at noon?", minutes=2))
    open_menu(tray)
    assert "Copy code 482913" in visible_menu_texts(tray)


@pytest.mark.tray
def test_with_codes_kept_out_of_notifications_the_entry_does_not_name_it(make_notifier, tray, store, settings,
                                                                       clipboard, qtbot):
    settings.set("notifications.show_code", False)
    notifier = make_notifier(tray=tray)
    announce(notifier, store, qtbot, github_mail())
    open_menu(tray)
    assert tray.act_copy_announced.text().replace("&", "") == "Copy the notified code"
    assert not any("482913" in text for text in visible_menu_texts(tray))
    tray.act_copy_announced.trigger()
    assert clipboard.text() == "482913"
