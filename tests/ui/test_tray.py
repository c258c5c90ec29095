"""The tray icon as a user meets it, in a real system tray (trayer on the
test display): it shows up, its badge counts unread mail, its menu does what
it says, and a click on it shows or hides the window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget

from tempmail_desktop.service.settings import Settings
from tempmail_desktop.ui.icons import TRAY_ICON_SIZES, app_icon, badge_text, badged_pixmap
from tempmail_desktop.ui.tray import TrayIcon

pytestmark = pytest.mark.tray


@pytest.fixture
def settings(tmp_path) -> Settings:
    return Settings(tmp_path / "settings.json")


@pytest.fixture
def window(qtbot) -> QWidget:
    widget = QWidget()
    widget.setWindowTitle("Tempmail Desktop test window")
    widget.resize(300, 200)
    qtbot.addWidget(widget)
    return widget


@pytest.fixture
def tray(tray_host, settings, window, qtbot):
    icon = TrayIcon(settings, window)
    icon.show()
    qtbot.waitUntil(lambda: not icon.geometry().isEmpty(), timeout=5000)
    yield icon
    icon.hide()
    icon.deleteLater()


def embedded_icon_widget() -> QWidget:
    """The widget Qt embeds into the tray (XEmbed): what the tray host shows and clicks."""
    found = [w for w in QApplication.topLevelWidgets()
             if w.metaObject().className() == "QSystemTrayIconSys" and w.isVisible()]
    assert len(found) == 1, f"expected one embedded tray icon, found {len(found)}"
    return found[0]


def red_pixels(image: QImage, region: QRect | None = None) -> int:
    def is_badge_red(color: QColor) -> bool:
        return color.alpha() > 200 and color.red() > 170 and color.green() < 90 and color.blue() < 90

    area = region or image.rect()
    return sum(is_badge_red(image.pixelColor(x, y))
               for x in range(area.left(), area.right() + 1) for y in range(area.top(), area.bottom() + 1))


def test_the_icon_sits_in_the_tray(tray, tray_host):
    assert QSystemTrayIcon.isSystemTrayAvailable()
    assert tray.isVisible()
    geometry = tray.geometry()
    assert geometry.width() >= 16 and geometry.height() >= 16
    screen = QApplication.primaryScreen().geometry()
    assert screen.contains(geometry), "the tray host placed the icon off screen"
    assert tray.tooltip() == "Tempmail Desktop - 0 unread"


@pytest.mark.parametrize(("unread", "badge", "tooltip"), [
    (0, "", "Tempmail Desktop - 0 unread"),
    (1, "1", "Tempmail Desktop - 1 unread"),
    (42, "42", "Tempmail Desktop - 42 unread"),
    (99, "99", "Tempmail Desktop - 99 unread"),
    (100, "99+", "Tempmail Desktop - 100 unread"),
    (5000, "99+", "Tempmail Desktop - 5000 unread"),
])
def test_the_badge_counts_unread_mail(tray, qtbot, unread, badge, tooltip):
    assert badge_text(unread) == badge
    tray.set_unread(unread)
    assert tray.unread == unread
    assert tray.tooltip() == tooltip
    # What Qt paints into the tray's slot: red only when there is something to count.
    qtbot.waitUntil(lambda: (red_pixels(embedded_icon_widget().grab().toImage()) > 0) == bool(badge), timeout=3000)


def test_the_badge_changes_the_icon_and_goes_away_again(tray, qtbot):
    def painted() -> QImage:
        return embedded_icon_widget().grab().toImage()

    plain = painted()
    tray.set_unread(3)
    qtbot.waitUntil(lambda: painted() != plain, timeout=3000)
    three = painted()
    tray.set_unread(120)
    qtbot.waitUntil(lambda: painted() not in (plain, three), timeout=3000)
    tray.set_unread(0)
    qtbot.waitUntil(lambda: painted() == plain, timeout=3000)


@pytest.mark.parametrize("size", TRAY_ICON_SIZES)
def test_the_badge_is_drawn_at_every_tray_size(qapp, size):
    plain = badged_pixmap(size, 0).toImage()
    badged = badged_pixmap(size, 7).toImage()
    assert (badged.width(), badged.height()) == (size, size)
    assert red_pixels(plain) == 0
    # A sizeable badge in the top-right corner; the left and bottom strips
    # (where the envelope and the clock are read) stay clear.
    half, strip = size // 2, size * 35 // 100
    assert red_pixels(badged, QRect(half, 0, size - half, half)) > size * size // 10
    assert red_pixels(badged, QRect(0, 0, strip, size)) == 0
    assert red_pixels(badged, QRect(0, size - strip, size, strip)) == 0


def test_the_app_icon_renders_from_the_svg(qapp):
    icon = app_icon()
    assert not icon.isNull()
    image = icon.pixmap(64, 64).toImage()
    assert image.pixelColor(20, 30).name() == "#2563eb"  # the envelope
    assert image.pixelColor(2, 2).alpha() == 0  # a transparent corner, not a square tile


def visible_entries(tray) -> list[str]:
    return [a.text().replace("&&", "\0").replace("&", "").replace("\0", "&")
            for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()]


def test_the_menu_offers_show_new_copy_code_pause_and_quit(tray):
    actions = [a for a in tray.menu.actions() if not a.isSeparator() and a.isVisible()]
    assert visible_entries(tray) == [
        "Show Tempmail Desktop", "New address", "Copy latest code", "Pause notifications", "Quit"]
    assert [a.isCheckable() for a in actions] == [False, False, False, True, False]
    assert tray.icon.contextMenu() is tray.menu


def test_show_becomes_hide_while_the_window_is_shown(tray, window, qtbot):
    window.show()
    qtbot.waitExposed(window)
    tray.menu.aboutToShow.emit()  # what opening the menu does
    assert visible_entries(tray)[0] == "Hide Tempmail Desktop"
    with qtbot.assertNotEmitted(tray.showRequested):
        tray.act_show.trigger()
    assert not window.isVisible()

    tray.menu.aboutToShow.emit()
    assert visible_entries(tray)[0] == "Show Tempmail Desktop"
    with qtbot.waitSignal(tray.showRequested, timeout=1000):
        tray.act_show.trigger()


def test_the_menu_lists_the_five_newest_mailboxes_and_opens_one(tray, qtbot):
    entries = [("gptmail", f"box{n}@example.com", "GPTMail") for n in range(7)]
    entries.insert(1, ("worker", "R&D@example.org", "Worker"))
    tray.set_recent_mailboxes(entries)
    shown = visible_entries(tray)
    assert shown[3:8] == ["box0@example.com (GPTMail)", "R&D@example.org (Worker)", "box1@example.com (GPTMail)",
                          "box2@example.com (GPTMail)", "box3@example.com (GPTMail)"]
    assert "box4@example.com (GPTMail)" not in shown
    assert shown[-2:] == ["Pause notifications", "Quit"]

    with qtbot.waitSignal(tray.mailboxRequested, timeout=1000) as picked:
        tray.recent_actions[1].trigger()
    assert picked.args == ["worker", "R&D@example.org"]

    tray.set_recent_mailboxes([])
    assert visible_entries(tray) == [
        "Show Tempmail Desktop", "New address", "Copy latest code", "Pause notifications", "Quit"]


def test_a_long_address_is_cut_in_the_menu(tray):
    tray.set_recent_mailboxes([("worker", "x" * 500 + "@example.org", "Worker")])
    label = visible_entries(tray)[3]
    assert len(label) < 100 and label.endswith("(Worker)")


def test_a_click_on_the_trays_own_word_shows_the_window_not_a_mail(tray, qtbot):
    tray.say("Created box@example.com (copied)")

    def balloons() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets()
                if w.metaObject().className() == "QBalloonTip" and w.isVisible()]

    qtbot.waitUntil(lambda: len(balloons()) == 1, timeout=3000)
    with qtbot.assertNotEmitted(tray.messageClicked), qtbot.waitSignal(tray.showRequested, timeout=2000):
        QTest.mouseClick(balloons()[0], Qt.MouseButton.LeftButton)


@pytest.mark.parametrize(("action", "signal"), [
    ("trayShow", "showRequested"),
    ("trayNewAddress", "newAddressRequested"),
    ("trayCopyCode", "copyCodeRequested"),
    ("trayQuit", "quitRequested"),
])
def test_menu_items_ask_for_their_action(tray, qtbot, action, signal):
    item = tray.menu.findChild(type(tray.act_quit), action)
    with qtbot.waitSignal(getattr(tray, signal), timeout=1000):
        item.trigger()


def test_pause_is_a_saved_setting(tray, settings, qtbot):
    assert tray.act_pause.isChecked() is False
    with qtbot.waitSignal(tray.pausedChanged, timeout=1000) as paused:
        tray.act_pause.trigger()
    assert paused.args == [True]
    assert settings.get("notifications.paused") is True
    assert Settings.load(settings.path).get("notifications.paused") is True
    assert "Notifications paused" in tray.tooltip()

    with qtbot.waitSignal(tray.pausedChanged, timeout=1000) as resumed:
        tray.act_pause.trigger()
    assert resumed.args == [False]
    assert Settings.load(settings.path).get("notifications.paused") is False
    assert "paused" not in tray.tooltip()


def test_pause_starts_as_saved(tray_host, settings, qtbot):
    settings.set("notifications.paused", True)
    icon = TrayIcon(settings)
    try:
        assert icon.act_pause.isChecked()
        assert "Notifications paused" in icon.tooltip()
    finally:
        icon.deleteLater()


def test_clicking_the_icon_asks_to_show_a_hidden_window(tray, window, qtbot):
    assert not window.isVisible()
    with qtbot.waitSignal(tray.showRequested, timeout=2000):
        QTest.mouseClick(embedded_icon_widget(), Qt.MouseButton.LeftButton)


def test_clicking_the_icon_hides_the_window_in_front(tray, window, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.assertNotEmitted(tray.showRequested):
        QTest.mouseClick(embedded_icon_widget(), Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=2000)


def test_double_click_always_shows(tray, window, qtbot):
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=3000)
    with qtbot.waitSignal(tray.showRequested, timeout=2000):
        QTest.mouseDClick(embedded_icon_widget(), Qt.MouseButton.LeftButton)


def test_a_balloon_click_is_reported(tray, qtbot):
    tray.show_message("2 new messages in a@example.com", "GitHub: Your code", app_icon(), 5000)

    def balloons() -> list[QWidget]:
        return [w for w in QApplication.topLevelWidgets()
                if w.metaObject().className() == "QBalloonTip" and w.isVisible()]

    qtbot.waitUntil(lambda: len(balloons()) == 1, timeout=3000)
    with qtbot.waitSignal(tray.messageClicked, timeout=2000):
        QTest.mouseClick(balloons()[0], Qt.MouseButton.LeftButton)
