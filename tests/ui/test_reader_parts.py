"""The pieces around the reader (header, code/link bar, remote-images bar,
large-mail bar, attachments strip): they speak the reader's language after
moving out of it, and each does what its buttons say."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtGui import QGuiApplication

from tempmail_desktop.core.models import Attachment, Message
from tempmail_desktop.ui import i18n
from tempmail_desktop.ui.reader_bars import CodeBar, LargeMailBar, RemoteImagesBar
from tests.ui.test_message_view import mail, view  # noqa: F401 - view: the reader fixture

CJK = re.compile(r"[\u3400-\u9fff]")


def coded_mail(**changes) -> Message:
    """A mail with everything the pieces show: a code and link, a remote image, an attachment."""
    fields = dict(
        html='<p>Your code is 482913 <img src="https://tracker.example/p.png"></p>',
        code="482913", link="https://shop.example/verify?t=1", deleted_upstream=True,
        attachments=[Attachment(name="invoice.pdf", content_type="application/pdf", size=2048, data=b"%PDF")],
    )
    fields.update(changes)
    return mail(**fields)


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    i18n.install_translators(qapp, "zh_CN")
    yield
    i18n.install_translators(qapp, "en")


def test_a_chinese_user_reads_the_moved_pieces_in_chinese(chinese, view):
    # The strings kept the context "MessageView" when they moved, so the catalogue still finds them.
    view.set_message(coded_mail())
    view.remote_bar.set_allowed(False)
    assert view.remote_bar.isVisible() and view.code_bar.isVisible() and view.attachment_strip.isVisible()
    shown = {
        "header note": view.deleted_note.text(),
        "copy code": view.copy_code_button.text(),
        "open link": view.open_link_button.text(),
        "remote images": view.remote_label.text(),
        "save all": view.save_all_button.text(),
        "code bar name": view.code_bar.accessibleName(),
    }
    view.set_message(coded_mail(id="m2", from_name="", from_addr="", attachments=[Attachment(name="a.bin", size=-1)]))
    shown["unknown sender"] = view.from_label.text()
    shown["unknown size"] = view.attachment_list.item(0).text()
    large = LargeMailBar()
    large.show_simplified(cut=True, has_text=False)
    shown["large mail"] = large.large_label.text()
    english = [what for what, text in shown.items() if not CJK.search(text)]
    assert not english, f"shown in English: {english} ({shown})"


@pytest.mark.parametrize(("name", "address", "shown"), [
    ("Shop", "news@shop.example", "Shop <news@shop.example>"),
    ("Shop", "", "Shop"),
    ("", "news@shop.example", "news@shop.example"),
    ("", "", "(unknown sender)"),
])
def test_the_header_names_the_sender_as_far_as_it_is_known(view, name, address, shown):
    view.set_message(coded_mail(from_name=name, from_addr=address))
    assert view.from_label.text() == shown


def test_the_code_bar_copies_what_it_shows_and_opens_only_web_links(qtbot):
    bar = CodeBar()
    qtbot.addWidget(bar)
    bar.show()
    bar.set_facts("482913", "mailto:help@shop.example")
    assert not bar.open_link_button.isVisibleTo(bar)  # a mailto link is copied, not opened
    with qtbot.waitSignal(bar.copied) as copied:
        bar.copy_code_button.click()
    assert copied.args == ["482913"] and QGuiApplication.clipboard().text() == "482913"
    bar.set_facts(None, "https://shop.example/verify")
    assert not bar.copy_code_button.isVisibleTo(bar) and bar.open_link_button.isVisibleTo(bar)
    with qtbot.waitSignal(bar.openRequested) as opened:
        bar.open_link_button.click()
    assert opened.args[1] == "https://shop.example/verify"
    bar.set_facts(None, None)
    assert bar.isHidden()


def test_the_remote_images_bar_says_when_it_is_loading_and_when_settings_forbid(qtbot):
    bar = RemoteImagesBar()
    qtbot.addWidget(bar)
    bar.show()
    with qtbot.waitSignal(bar.loadRequested):
        bar.load_images_button.click()
    bar.set_loading(True)
    assert not bar.load_images_button.isEnabled() and bar.load_images_button.text() == "Loading images…"
    bar.set_loading(False)
    assert bar.load_images_button.isEnabled() and bar.load_images_button.text() == "Load images"
    bar.set_allowed(False)
    assert not bar.load_images_button.isVisibleTo(bar) and "never" in bar.remote_label.text()
