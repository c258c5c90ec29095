"""One code everywhere (issue 9, item 3): for a table of mails on each service,
the list's Code column, the reader's code bar, the notification, the clipboard
after Ctrl+Shift+C and the stored row all carry the same code.

The real app against the four loopback fakes, driven as a user does (see
tests/ui/test_main_window.py, whose Desktop helper this uses).
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QKeySequence

from tempmail_desktop.core.models import PUSHED_ID_PREFIX, Mailbox
from tempmail_desktop.ui.models import MessageListModel
from tests.one_code_mails import CASES, CODE_MAILS, CodeMail, send
from tests.ui.conftest_async import qloop, run, run_until  # noqa: F401
from tests.ui.test_main_window import Desktop, clipboard, desktop, fakes  # noqa: F401

def press_copy_code(app: Desktop) -> None:
    """Ctrl+Shift+C: the action bound to it (Xvfb has no window manager to make
    the window active, which Qt's shortcuts need)."""
    action = app.window.act_copy_code
    assert action.shortcut() == QKeySequence("Ctrl+Shift+C")
    assert action.isEnabled()
    action.trigger()


def listed_code(app: Desktop, subject: str) -> str:
    model = app.window.message_model
    row = next(r for r in range(model.rowCount()) if model.message_at(r).subject == subject)
    return model.data(model.index(row, MessageListModel.COLUMN_CODE))


def stored(app: Desktop, mailbox: Mailbox, subject: str):
    [message] = [m for m in app.store.messages(mailbox.provider, mailbox.address) if m.subject == subject]
    return message


def receive(app: Desktop, mailbox: Mailbox, mail: CodeMail) -> dict:
    """Send ``mail``, let the app find it (F5; Cat Mails pushes it), return its notification."""
    if mailbox.provider == "catmails":
        app.wait(lambda: app.fakes["catmails"].sockets_open() >= 1, "the push connection")
    send(app.fakes, mailbox.provider, mailbox.address, mail)
    if mailbox.provider != "catmails":
        app.window.act_check.trigger()
    app.wait(lambda: app.notifier.history, "the notification")
    app.wait_listed(mail.subject)
    return app.notifier.history[-1]


@pytest.mark.parametrize(("provider_id", "kind"), CASES)
def test_every_surface_shows_the_one_code(desktop, clipboard, provider_id, kind):  # noqa: F811
    mail = CODE_MAILS[kind]
    app = desktop()
    mailbox = app.new_address(provider_id)

    note = receive(app, mailbox, mail)

    assert note["title"].startswith(f"Code {mail.code} - "), note
    assert mail.code in app.window.message_bar.text()  # the in-window banner
    assert stored(app, mailbox, mail.subject).code == mail.code
    assert listed_code(app, mail.subject) == mail.code

    # No mail open yet: the newest code in the selected mailbox.
    clipboard.setText("")
    press_copy_code(app)
    assert clipboard.text() == mail.code

    app.open(mail.subject)
    assert app.window.reader.code_label.text() == mail.code
    assert app.window.reader.code_bar.isVisible()
    clipboard.setText("")
    press_copy_code(app)
    assert clipboard.text() == mail.code
    assert app.window.statusBar().currentMessage() == f"Copied {mail.code}"


def test_a_pushed_cat_mails_mail_shows_its_code_before_any_listing(desktop, clipboard):  # noqa: F811
    app = desktop()
    mailbox = app.new_address("catmails")
    app.wait(lambda: app.fakes["catmails"].sockets_open() >= 1, "the push connection")
    # The listing would give the mail its real id; held back, the mail is known only from push.
    app.fakes["catmails"].fail_next("503", times=50, path="/api")
    mail = CODE_MAILS["code only in the HTML"]

    send(app.fakes, "catmails", mailbox.address, mail)
    app.wait(lambda: app.notifier.history, "the notification of the pushed mail")
    app.wait_listed(mail.subject)

    message = stored(app, mailbox, mail.subject)
    assert message.id.startswith(PUSHED_ID_PREFIX)
    assert message.code == mail.code
    assert app.notifier.history[-1]["title"].startswith(f"Code {mail.code} - ")
    assert listed_code(app, mail.subject) == mail.code
    app.open(mail.subject)
    assert app.window.reader.code_label.text() == mail.code
    clipboard.setText("")
    press_copy_code(app)
    assert clipboard.text() == mail.code


def test_copy_code_takes_the_newest_code_when_no_mail_is_open_and_says_when_there_is_none(
    desktop, clipboard  # noqa: F811
):
    app = desktop()
    mailbox = app.new_address("gptmail")
    send(app.fakes, "gptmail", mailbox.address, CodeMail("Weekly news", "Nothing to verify.", None, ""))
    app.window.act_check.trigger()
    app.wait_listed("Weekly news")

    clipboard.setText("untouched")
    press_copy_code(app)
    assert clipboard.text() == "untouched"
    assert app.window.statusBar().currentMessage() == "No verification code in the open message or this mailbox"

    older, newer = CODE_MAILS["letter-digit code"], CODE_MAILS["Chinese mail"]
    send(app.fakes, "gptmail", mailbox.address, older)
    app.window.act_check.trigger()
    app.wait_listed(older.subject)
    send(app.fakes, "gptmail", mailbox.address, newer)
    app.window.act_check.trigger()
    app.wait_listed(newer.subject)

    press_copy_code(app)
    assert clipboard.text() == newer.code
