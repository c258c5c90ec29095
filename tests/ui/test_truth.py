"""The window tells the truth: what it shows follows what happened since.

The unread count the tray shows follows reads and deletes, a banner about a
fault goes when the fault does, and a notification's click opens its mail
even after the mail changed its id (a pushed Cat Mails mail gets its real id
from the listing that follows). Each runs the real app against the loopback
fakes, as in test_main_window.py.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tempmail_desktop.core.models import PUSHED_ID_PREFIX
from tests.ui.conftest_async import app_controller, qloop  # noqa: F401
from tests.ui.test_i18n import scene, use_language  # noqa: F401
from tests.ui.test_main_window import answers, deliver, desktop, fakes  # noqa: F401


def unread_shown(app) -> int:
    """The count the tray's badge and tooltip are given."""
    return app.notifier.unread_total


# -- the unread count -------------------------------------------------------------------


def test_the_unread_count_follows_reading_deleting_and_forgetting(desktop, answers):  # noqa: F811
    app = desktop()
    first = app.new_address("worker")
    deliver(app.fakes, first, subject="Read me", text="One.")
    deliver(app.fakes, first, subject="Delete me", text="Two.")
    deliver(app.fakes, first, subject="Leave me", text="Three.")
    app.fetch("Read me", "Delete me", "Leave me")
    app.wait(lambda: unread_shown(app) == 3, "three unread")

    app.open("Read me")
    app.wait(lambda: unread_shown(app) == 2, "the count to drop when a mail is read", timeout=5)

    app.click_message("Delete me")
    app.wait(lambda: app.window.reader.current_message() is not None
             and app.window.reader.current_message().subject == "Delete me", "the mail to open")
    answers.queue = [True]
    app.window.act_delete.trigger()
    app.wait(lambda: app.listed_subjects() == ["Read me", "Leave me"]
             or sorted(app.listed_subjects()) == ["Leave me", "Read me"], "the mail to leave the list")
    assert unread_shown(app) == 1  # "Delete me" was read when opened, then deleted

    second = app.new_address("gptmail")
    deliver(app.fakes, second, subject="Elsewhere", text="Four.")
    app.fetch("Elsewhere")
    app.wait(lambda: unread_shown(app) == 2, "the other mailbox's mail counted")

    answers.queue = [True]
    app.window.act_forget.trigger()  # forgets the selected one, with its unread mail
    app.wait(lambda: app.window.mailbox_model.rowCount() == 1, "the address to leave the list")
    app.wait(lambda: unread_shown(app) == 1, "the forgotten mailbox's mail to stop counting", timeout=5)


# -- banners about faults ---------------------------------------------------------------


@pytest.mark.log_warnings_expected
def test_a_quota_banner_goes_when_the_service_answers_again(desktop):  # noqa: F811
    app = desktop()
    mailbox = app.new_address("gptmail")
    app.first_listing(mailbox)
    # A short pause (longer than the client waits out by itself), then the service answers again.
    app.fakes["gptmail"].fail_next("429", retry_after="6")
    app.window.act_check.trigger()
    app.wait(lambda: "quota" in app.window.message_bar.text().lower(), "the quota banner")

    app.wait(lambda: app.window.state_label.text() == "Connected", "the service to answer again", timeout=30)
    assert app.window.message_bar.text() == ""


def test_a_banner_about_something_else_stays_when_a_service_recovers(desktop):  # noqa: F811
    app = desktop()
    mailbox = app.new_address("gptmail")
    app.first_listing(mailbox)
    app.window.message_bar.show_message("Saved: letter.pdf", kind="info")

    app.window.act_check.trigger()
    app.first_listing(mailbox)
    app.pause(0.3)
    assert app.window.message_bar.text() == "Saved: letter.pdf"


# -- clicks on notifications --------------------------------------------------------------


def test_the_notification_of_a_pushed_mail_opens_it_after_it_got_its_real_id(desktop):  # noqa: F811
    app = desktop()
    mailbox = app.new_address("catmails")
    app.wait(lambda: app.fakes["catmails"].sockets_open() >= 1, "the push connection")
    deliver(app.fakes, mailbox, subject="Pushed to you", text="Straight from the socket.")
    app.wait(lambda: app.notifier.history, "the notification")
    assert app.notifier.history[0]["target"][2].startswith(PUSHED_ID_PREFIX)
    # The listing that follows the push gives the mail its real id.
    app.wait(lambda: not any(m.id.startswith(PUSHED_ID_PREFIX)
                             for m in app.store.messages("catmails", mailbox.address)),
             "the listing after the push")
    app.wait_listed("Pushed to you")

    bar = app.window.message_bar
    assert bar.action_button.isVisible()
    app.qtbot.mouseClick(bar.action_button, Qt.MouseButton.LeftButton)
    app.wait(lambda: app.window.reader.current_message() is not None, "the pushed mail to open")
    assert app.window.reader.current_message().subject == "Pushed to you"
    assert app.window.reader.subject_label.text() == "Pushed to you"


# -- the way out an error names ---------------------------------------------------------


def test_a_missing_key_in_the_window_points_to_settings_not_the_command(desktop, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QDialogButtonBox

    from tempmail_desktop.ui import dialogs

    monkeypatch.delenv("TEMPMAIL_TEMPMAILG_KEY")
    app = desktop()
    window = app.window
    window.act_new.trigger()
    dialog = next(d for d in window.findChildren(dialogs.NewAddressDialog) if d.isVisible())
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("tempmailg"))
    app.qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    app.wait(lambda: dialog.error_label.isVisible(), "the error in the dialog")

    said = dialog.error_label.text()
    assert "no API key" in said
    assert "Settings" in said
    assert "tempmail key set" not in said and "TEMPMAIL_TEMPMAILG_KEY" not in said
    dialog.close()


# -- the sender's name ------------------------------------------------------------------


def test_the_senders_name_from_the_source_is_shown_where_the_listing_had_only_the_address(desktop):  # noqa: F811
    app = desktop()
    mailbox = app.new_address("gptmail")
    fake = app.fakes["gptmail"]
    mail_id = fake.deliver(mailbox.address, sender="team@shop.example", sender_name="Shop Team",
                           subject="Welcome aboard", text="Hello.")
    # The service lists the bare address; its headers and raw source keep "Shop Team <team@shop.example>".
    fake.mails[mail_id].from_address = "team@shop.example"
    app.fetch("Welcome aboard")
    model = app.window.message_model

    app.open("Welcome aboard")
    assert app.window.reader.from_label.text() == "Shop Team <team@shop.example>"
    row = next(r for r in range(model.rowCount()) if model.message_at(r).subject == "Welcome aboard")
    app.wait(lambda: model.data(model.index(row, model.COLUMN_FROM)) == "Shop Team", "the name in the list")
    assert app.store.message("gptmail", mailbox.address, mail_id).from_name == "Shop Team"

    app.window.act_check.trigger()  # a later listing, with the bare address again, keeps the name
    app.first_listing(mailbox)
    app.pause(0.3)
    assert app.store.message("gptmail", mailbox.address, mail_id).from_name == "Shop Team"


# -- a language change --------------------------------------------------------------------


def test_a_language_change_reaches_every_text_of_the_open_window(qapp, scene, use_language):  # noqa: F811
    from tests.ui.test_i18n import main_window, menu_titles

    window = main_window(scene)
    window.show()
    assert window.act_check.text() == "&Check now"

    use_language("zh_CN")
    qapp.processEvents()  # Qt tells the open widgets by a posted LanguageChange
    assert menu_titles(window) == "文件(&F) 邮箱(&M) 邮件(&E) 视图(&V) 工具(&T) 帮助(&H)"
    assert window.act_check.text() == "立即检查(&C)"
    assert window.empty_label.text() == "还没有地址。按 Ctrl+N（新建地址）即可一键获取。"
    toolbar_texts = [action.text() for action in window.toolbar.actions()]
    assert "立即检查(&C)" in toolbar_texts

    use_language("en")
    qapp.processEvents()
    assert menu_titles(window) == "&File &Mailbox M&essage &View &Tools &Help"
    assert window.act_check.text() == "&Check now"
    assert window.empty_label.text() == "No addresses yet. Press Ctrl+N (New address) to get one in a click."


def test_a_language_change_reaches_the_tray_menu_and_tooltip(qapp, tmp_path, use_language):  # noqa: F811
    from tempmail_desktop.service.settings import Settings
    from tempmail_desktop.ui.tray import TrayIcon

    tray = TrayIcon(Settings(tmp_path / "settings.json"))
    try:
        tray.set_unread(2)
        assert tray.act_quit.text() == "&Quit"

        use_language("zh_CN")
        qapp.processEvents()
        assert tray.act_quit.text() == "退出(&Q)"
        assert tray.act_show.text() == "显示 Tempmail Desktop(&S)"
        assert tray.tooltip() != "Tempmail Desktop - 2 unread"

        use_language("en")
        qapp.processEvents()
        assert tray.act_quit.text() == "&Quit"
        assert tray.tooltip() == "Tempmail Desktop - 2 unread"
    finally:
        tray.hide()
        tray.deleteLater()
