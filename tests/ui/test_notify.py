"""New-mail notifications as a user meets them: one per mail, one for a
bunch that arrives together, the code in it (or kept out of it), a click
that opens the mail, silence when paused, and the code on the clipboard
when asked. Each way of showing them is tried for real: the in-window
banner, the tray's balloon (trayer), and a notification service on a
private D-Bus session (a strict fake in its own process)."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QObject, Qt
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStatusBar, QWidget

from tempmail_desktop import APP_DISPLAY_NAME, APP_ID
from tempmail_desktop.core.facts import facts_of
from tempmail_desktop.core.models import Mailbox, Message
from tempmail_desktop.service.settings import Settings
from tempmail_desktop.ui.icons import ICON_SVG
from tempmail_desktop.ui.message_bar import MessageBar
from tempmail_desktop.ui.notify import NOTIFICATIONS_INTERFACE, NOTIFICATIONS_PATH, Notifier
from tempmail_desktop.ui.tray import TrayIcon
from tests.ui.conftest import service_registered

ADDRESS = "a@b.c"
OTHER_ADDRESS = "x@y.z"
T0 = datetime(2025, 3, 5, 12, 0, tzinfo=timezone.utc)
QUICK_MS = 50  # grouping window for tests that are not about grouping


class StubWindow(QObject):
    """What the notifier uses of the main window: its message bar, its status bar, opening a mail."""

    def __init__(self) -> None:
        super().__init__()
        self.message_bar = MessageBar()
        self.status_bar = QStatusBar()
        self.opened: list[tuple[str, str, str]] = []

    def statusBar(self) -> QStatusBar:  # noqa: N802 - QMainWindow's name
        return self.status_bar

    def open_message(self, provider: str, address: str, message_id: str) -> None:
        self.opened.append((provider, address, message_id))


def mailbox(address: str = ADDRESS, provider: str = "gptmail") -> Mailbox:
    return Mailbox(provider=provider, address=address)


def mail(message_id: str, subject: str = "Hello", text: str = "Just saying hi.", *,
         address: str = ADDRESS, from_name: str | None = "Ann", from_addr: str = "ann@example.com",
         minutes: int = 0, html: str | None = None) -> Message:
    """A mail as the store hands it to the notifier: its code worked out."""
    facts = facts_of(subject, text, html)
    return Message(id=message_id, provider="gptmail", mailbox=address, from_addr=from_addr,
                   from_name=from_name, subject=subject, text=text, html=html,
                   received_at=T0 + timedelta(minutes=minutes), code=facts.code, link=facts.link)


def github_mail(message_id: str = "m-1", **kw) -> Message:
    return mail(message_id, "GitHub login", "Your verification code is 482913. It expires in 10 minutes.",
                from_name="GitHub", from_addr="noreply@github.com", **kw)


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def window(qtbot) -> StubWindow:
    stub = StubWindow()
    qtbot.addWidget(stub.message_bar)
    qtbot.addWidget(stub.status_bar)
    return stub


@pytest.fixture
def no_bus() -> QDBusConnection:
    """A session bus connection that never connected: no D-Bus at all."""
    return QDBusConnection("tempmail-tests-no-bus")


@pytest.fixture
def make_notifier(settings, window, no_bus):
    made: list[Notifier] = []

    def make(*, tray: TrayIcon | None = None, bus: QDBusConnection | None = None,
             group_window_ms: int = QUICK_MS) -> Notifier:
        notifier = Notifier(settings, window, tray, session_bus=bus if bus is not None else no_bus,
                            group_window_ms=group_window_ms)
        made.append(notifier)
        return notifier

    yield make
    for notifier in made:
        notifier.close()
        notifier.deleteLater()


def wait_for_notifications(qtbot, notifier: Notifier, count: int = 1) -> list[dict]:
    qtbot.waitUntil(lambda: len(notifier.history) >= count, timeout=5000)
    return notifier.history


def settle(qtbot, ms: int = QUICK_MS * 4) -> None:
    """Give a grouping window the time to close, for tests expecting silence."""
    qtbot.wait(ms)


# -- what a notification says ------------------------------------------------


@pytest.mark.parametrize(("message", "show_code", "title", "body_has", "body_lacks"), [
    pytest.param(github_mail(), True, "Code 482913 - GitHub login",
                 ["From GitHub to a@b.c", "Your verification code is 482913"], [], id="code-shown"),
    pytest.param(github_mail(), False, "GitHub login",
                 ["From GitHub to a@b.c", "Your verification code is ••••••"], ["482913"], id="code-hidden"),
    pytest.param(mail("m-1", "[Slack] 734-219 is your code", "Enter it in the app.", from_name="Slack"), False,
                 "[Slack] ••••••• is your code", ["From Slack to a@b.c"], ["734", "219"], id="separated-code-hidden"),
    pytest.param(mail("m-1", "Lunch on Friday?", "Are you free at noon?"), True, "Lunch on Friday?",
                 ["From Ann to a@b.c", "Are you free at noon?"], ["Code"], id="no-code"),
    pytest.param(mail("m-1", "", "Body only.", from_name=None, from_addr="bob@example.com"), True, "(no subject)",
                 ["From bob@example.com to a@b.c", "Body only."], [], id="no-subject-no-name"),
])
def test_one_notification_per_mail(make_notifier, settings, qtbot, message, show_code, title, body_has, body_lacks):
    settings.set("notifications.show_code", show_code)
    notifier = make_notifier()
    notifier.notify_new_mail(mailbox(), [message])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["backend"] == "banner"
    assert shown["title"] == title
    for part in body_has:
        assert part in shown["body"]
    for part in body_lacks:
        assert part not in shown["title"] and part not in shown["body"]
    assert shown["target"] == ("gptmail", ADDRESS, "m-1")


def test_mail_after_the_window_gets_its_own_notification(make_notifier, qtbot):
    notifier = make_notifier()
    notifier.notify_new_mail(mailbox(), [mail("m-1", "First")])
    wait_for_notifications(qtbot, notifier, 1)
    notifier.notify_new_mail(mailbox(), [mail("m-2", "Second", minutes=1)])
    history = wait_for_notifications(qtbot, notifier, 2)
    assert [h["title"] for h in history] == ["First", "Second"]


# -- grouping ----------------------------------------------------------------


def test_three_mails_within_the_window_make_one_notification(make_notifier, qtbot):
    window_ms = 1500  # long enough to space three arrivals inside it
    notifier = make_notifier(group_window_ms=window_ms)
    started = time.monotonic()
    notifier.notify_new_mail(mailbox(), [mail("m-1", "Welcome", minutes=1)])
    qtbot.wait(300)
    notifier.notify_new_mail(mailbox(), [github_mail("m-3", minutes=3)])
    qtbot.wait(300)
    notifier.notify_new_mail(mailbox(), [mail("m-2", "Your receipt", minutes=2)])
    qtbot.wait(window_ms - 600 - 300)
    assert notifier.history == [], "shown before the grouping window closed"

    [shown] = wait_for_notifications(qtbot, notifier)
    waited = time.monotonic() - started
    # Qt's (coarse) timers may fire up to 5 % early.
    assert window_ms / 1000 * 0.94 <= waited < window_ms / 1000 + 1.0
    assert shown["title"] == "3 new messages in a@b.c"
    # Newest first; the code of the one that has it leads.
    assert shown["body"].split("\n") == [
        "Code 482913 - GitHub login",
        "GitHub: GitHub login",
        "Ann: Your receipt",
        "Ann: Welcome",
    ]
    assert shown["target"] == ("gptmail", ADDRESS, "m-3")  # a click opens the newest
    settle(qtbot, window_ms + 200)
    assert len(notifier.history) == 1


@pytest.mark.parametrize(("arrivals", "title", "last_line", "target"), [
    pytest.param([(ADDRESS, [f"m-{i}" for i in range(5)])], "5 new messages in a@b.c", "and 2 more", "m-4",
                 id="five-in-one-mailbox"),
    pytest.param([(ADDRESS, ["m-0", "m-1"]), (OTHER_ADDRESS, ["m-2"])], "3 new messages in 2 addresses",
                 "Ann: Subject m-0", "m-2", id="two-mailboxes"),
    pytest.param([(ADDRESS, ["m-0", "m-1"]), (ADDRESS, ["m-1", "m-0"])], "2 new messages in a@b.c",
                 "Ann: Subject m-0", "m-1", id="reported-twice"),
])
def test_grouped_wording(make_notifier, qtbot, arrivals, title, last_line, target):
    notifier = make_notifier()
    for address, ids in arrivals:
        notifier.notify_new_mail(mailbox(address), [
            mail(i, f"Subject {i}", address=address, minutes=int(i.split("-")[1])) for i in ids])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["title"] == title
    assert shown["body"].split("\n")[-1] == last_line
    assert shown["target"][2] == target


# -- settings ----------------------------------------------------------------


@pytest.mark.parametrize("changes", [
    {"notifications.enabled": False},
    {"notifications.paused": True},
    {"notifications.enabled": False, "clipboard.auto_copy_code": True},
], ids=["disabled", "paused", "disabled-but-copying"])
def test_no_notification_when_off_or_paused(make_notifier, settings, window, qtbot, changes):
    for key, value in changes.items():
        settings.set(key, value)
    notifier = make_notifier()
    notifier.notify_new_mail(mailbox(), [github_mail()])
    settle(qtbot)
    assert notifier.history == []
    assert not window.message_bar.isVisible()


def test_pausing_during_the_window_silences_it(make_notifier, settings, window, qtbot):
    notifier = make_notifier(group_window_ms=300)
    notifier.notify_new_mail(mailbox(), [github_mail()])
    settings.set("notifications.paused", True)  # as the tray's menu does
    settle(qtbot, 600)
    assert notifier.history == []
    assert not window.message_bar.isVisible()


@pytest.mark.parametrize(("show_code", "paused", "first_line"), [
    (True, False, "Code 482913 (copied) - GitHub login"),
    (False, False, "A verification code was copied to the clipboard."),
    (True, True, None),  # copying is its own setting: only the popup is held back
], ids=["shown", "hidden", "paused"])
def test_auto_copy_puts_the_code_on_the_clipboard(make_notifier, settings, qtbot, show_code, paused, first_line):
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("something the user copied before")
    settings.set("clipboard.auto_copy_code", True)
    settings.set("notifications.show_code", show_code)
    settings.set("notifications.paused", paused)
    notifier = make_notifier()
    notifier.notify_new_mail(mailbox(), [mail("m-0", "Welcome"), github_mail("m-1", minutes=-5)])
    qtbot.waitUntil(lambda: clipboard.text() == "482913", timeout=3000)
    if first_line is None:
        settle(qtbot)
        assert notifier.history == []
        return
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["title"] == "2 new messages in a@b.c"
    assert shown["body"].split("\n")[0] == first_line
    assert ("482913" in shown["body"]) is show_code


def test_single_mail_copied_code_in_the_title(make_notifier, settings, qtbot):
    QGuiApplication.clipboard().setText("before")
    settings.set("clipboard.auto_copy_code", True)
    notifier = make_notifier()
    notifier.notify_new_mail(mailbox(), [github_mail()])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["title"] == "Code 482913 (copied) - GitHub login"
    assert QGuiApplication.clipboard().text() == "482913"


def test_without_auto_copy_the_clipboard_is_left_alone(make_notifier, qtbot):
    QGuiApplication.clipboard().setText("mine")
    notifier = make_notifier()
    notifier.notify_new_mail(mailbox(), [github_mail()])
    wait_for_notifications(qtbot, notifier)
    assert QGuiApplication.clipboard().text() == "mine"


# -- the banner ----------------------------------------------------------------


def test_without_tray_or_notification_service_the_banner_is_used(make_notifier, window, qtbot):
    notifier = make_notifier()
    assert notifier.backend == "banner"
    notifier.notify_new_mail(mailbox(), [github_mail()])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["backend"] == "banner"
    bar = window.message_bar
    assert bar.isVisible()
    assert bar.text() == "Code 482913 - GitHub login — From GitHub to a@b.c"
    assert bar.action_button.isVisible() and bar.action_button.text() == "Open"


def test_a_session_bus_without_the_service_means_banner(make_notifier, session_bus):
    if service_registered(session_bus):
        pytest.skip("a notification service runs on this session bus")
    assert make_notifier(bus=session_bus).backend == "banner"


def test_the_banners_open_button_opens_the_newest_mail(make_notifier, window, qtbot):
    notifier = make_notifier()
    notifier.notify_new_mail(mailbox(), [mail("m-1", "Older", minutes=1), mail("m-2", "Newer", minutes=2)])
    wait_for_notifications(qtbot, notifier)
    assert window.opened == []
    qtbot.mouseClick(window.message_bar.action_button, Qt.MouseButton.LeftButton)
    assert window.opened == [("gptmail", ADDRESS, "m-2")]
    assert not window.message_bar.isVisible()


# -- the desktop's notification service (D-Bus) ----------------------------------


def test_with_a_notification_service_it_is_used(make_notifier, notification_daemon, session_bus, qtbot):
    daemon = notification_daemon()
    notifier = make_notifier(bus=session_bus)
    assert notifier.backend == "freedesktop"
    notifier.notify_new_mail(mailbox(), [github_mail()])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["backend"] == "freedesktop"
    [call] = daemon.calls()
    # The service accepted Notify, so the signature was exactly susssasa{sv}i.
    assert call["summary"] == "Code 482913 - GitHub login"
    assert call["body"] == shown["body"]
    assert call["body"].startswith("From GitHub to a@b.c\n")
    assert call["app_name"] == APP_DISPLAY_NAME
    assert call["replaces_id"] == 0
    assert call["app_icon"] == ICON_SVG.as_uri()
    assert call["actions"] == ["default", "Open", "copy-code", "Copy code"]  # the mail has a code
    assert call["hints"] == {"desktop-entry": APP_ID, "category": "email.arrived"}
    assert call["expire_timeout"] == -1


@pytest.mark.parametrize(("capabilities", "expected_body"), [
    (("actions", "body"), "From Shop <deals> & more to a@b.c"),
    (("actions", "body", "body-markup"), "From Shop &lt;deals&gt; &amp; more to a@b.c"),
])
def test_body_text_is_escaped_where_the_service_reads_markup(make_notifier, notification_daemon, session_bus,
                                                           qtbot, capabilities, expected_body):
    daemon = notification_daemon(capabilities=capabilities)
    notifier = make_notifier(bus=session_bus)
    notifier.notify_new_mail(mailbox(), [mail("m-1", "<b>50% off</b>", "", from_name="Shop <deals> & more")])
    wait_for_notifications(qtbot, notifier)
    [call] = daemon.calls()
    assert call["summary"] == "<b>50% off</b>"  # the summary is never markup
    assert call["body"] == expected_body


@pytest.mark.parametrize("action", ["default", "Open"])
def test_clicking_a_desktop_notification_opens_the_mail(make_notifier, notification_daemon, session_bus,
                                                        window, qtbot, action):
    daemon = notification_daemon()
    notifier = make_notifier(bus=session_bus)
    notifier.notify_new_mail(mailbox(), [mail("m-1", "First", minutes=1)])
    wait_for_notifications(qtbot, notifier, 1)
    notifier.notify_new_mail(mailbox(OTHER_ADDRESS, "catmails"), [
        mail("m-7", "Second", address=OTHER_ADDRESS, minutes=2), mail("m-8", "Third", address=OTHER_ADDRESS, minutes=3)])
    wait_for_notifications(qtbot, notifier, 2)
    first, group = daemon.calls()
    daemon.click(group["id"], action)
    qtbot.waitUntil(lambda: window.opened == [("catmails", OTHER_ADDRESS, "m-8")], timeout=3000)
    daemon.click(first["id"], action)
    qtbot.waitUntil(lambda: len(window.opened) == 2, timeout=3000)
    assert window.opened[1] == ("gptmail", ADDRESS, "m-1")


def test_a_dismissed_or_foreign_notification_opens_nothing(make_notifier, notification_daemon, session_bus,
                                                          window, qtbot):
    daemon = notification_daemon()
    notifier = make_notifier(bus=session_bus)
    notifier.notify_new_mail(mailbox(), [mail("m-1", "First")])
    wait_for_notifications(qtbot, notifier)
    [call] = daemon.calls()
    daemon.click(call["id"] + 100)  # another app's notification
    daemon.dismiss(call["id"])
    daemon.click(call["id"])  # a late click on one the user closed
    settle(qtbot, 300)
    assert window.opened == []


def test_only_the_notification_service_can_click(make_notifier, notification_daemon, session_bus, window, qtbot):
    daemon = notification_daemon()
    notifier = make_notifier(bus=session_bus)
    notifier.notify_new_mail(mailbox(), [mail("m-1", "First")])
    wait_for_notifications(qtbot, notifier)
    [call] = daemon.calls()
    # Another program addresses a click straight to the notifier's connection
    # (broadcasts from it never arrive: the bus filters them by sender).
    forged = QDBusMessage.createTargetedSignal(notifier.desktop_notifications.unique_name, NOTIFICATIONS_PATH,
                                               NOTIFICATIONS_INTERFACE, "ActionInvoked")
    forged.setArguments([call["id"], "default"])
    assert session_bus.send(forged)
    settle(qtbot, 300)
    assert window.opened == []
    daemon.click(call["id"])  # the real one still works
    qtbot.waitUntil(lambda: window.opened == [("gptmail", ADDRESS, "m-1")], timeout=3000)


@pytest.mark.log_warnings_expected
def test_a_broken_service_falls_back_to_the_banner(make_notifier, notification_daemon, session_bus, window, qtbot):
    notification_daemon(broken=True)
    notifier = make_notifier(bus=session_bus)
    assert notifier.backend == "freedesktop"  # the name is owned...
    notifier.notify_new_mail(mailbox(), [github_mail()])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["backend"] == "banner"  # ...but the call failed, and the user still hears of the mail
    assert window.message_bar.isVisible()
    assert notifier.backend == "banner"  # and the next mails do not wait on it again


# -- the tray's balloon ----------------------------------------------------------


@pytest.fixture
def tray(tray_host, settings, qtbot):
    icon = TrayIcon(settings)
    icon.show()
    qtbot.waitUntil(lambda: not icon.geometry().isEmpty(), timeout=5000)
    yield icon
    for balloon in balloons():
        balloon.hide()
    icon.hide()
    icon.deleteLater()


def balloons() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if w.metaObject().className() == "QBalloonTip" and w.isVisible()]


@pytest.mark.tray
def test_the_tray_balloon_comes_first_and_its_click_opens_the_mail(make_notifier, notification_daemon,
                                                                  session_bus, tray, window, qtbot):
    daemon = notification_daemon()
    notifier = make_notifier(tray=tray, bus=session_bus)
    assert notifier.backend == "tray"
    notifier.notify_new_mail(mailbox(), [mail("m-1", "Older", minutes=1), github_mail("m-2", minutes=2)])
    [shown] = wait_for_notifications(qtbot, notifier)
    assert shown["backend"] == "tray"
    assert daemon.calls() == []
    qtbot.waitUntil(lambda: len(balloons()) == 1, timeout=3000)
    QTest.mouseClick(balloons()[0], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.opened == [("gptmail", ADDRESS, "m-2")], timeout=3000)


@pytest.mark.tray
def test_a_hidden_tray_icon_is_skipped(make_notifier, tray, window, qtbot):
    tray.hide()
    notifier = make_notifier(tray=tray)
    assert notifier.backend == "banner"


@pytest.mark.tray
def test_the_unread_total_reaches_the_tray(make_notifier, tray):
    notifier = make_notifier(tray=tray)
    notifier.set_unread_total(12)
    assert tray.unread == 12
    assert tray.tooltip() == "Tempmail Desktop - 12 unread"
    notifier.set_unread_total(-3)  # a count gone wrong upstream must not show a badge
    assert tray.unread == 0
