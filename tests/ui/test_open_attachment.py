""""Open" on an attachment: the file is written into the app's own cache
folder (which the app empties when it quits, see test_app_lifecycle.py),
never into a temporary folder that nobody removes."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices

from tempmail_desktop.service import paths
from tempmail_desktop.ui import dialogs
from tests.ui.conftest_async import qloop  # noqa: F401 - the desktop fixture runs on it
from tests.ui.test_main_window import desktop, fakes  # noqa: F401


class SystemOpener(QObject):
    """Stands in for the program the system would start: records the file it is handed."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[Path] = []

    @Slot(QUrl)
    def open_url(self, url: QUrl) -> None:
        self.opened.append(Path(url.toLocalFile()))


@pytest.fixture
def system_opener(qapp) -> Iterator[SystemOpener]:
    opener = SystemOpener()
    QDesktopServices.setUrlHandler("file", opener, "open_url")  # PySide6 takes the name as str
    yield opener
    QDesktopServices.unsetUrlHandler("file")


def test_an_opened_attachment_is_written_into_the_app_cache(desktop, system_opener, monkeypatch):  # noqa: F811
    monkeypatch.setattr(dialogs, "confirm", lambda *_args: True)
    app = desktop()
    mailbox = app.new_address("tempmailg")
    data = os.urandom(2048)
    app.fakes["tempmailg"].deliver(mailbox.address, subject="Statement", content="<p>Attached.</p>",
                                   attachments=[("statement.pdf", data)])
    app.fetch("Statement")
    app.open("Statement")
    reader = app.window.reader
    reader.attachment_list.item(0).setSelected(True)

    app.qtbot.mouseClick(reader.open_button, Qt.MouseButton.LeftButton)
    app.wait(lambda: system_opener.opened, "the attachment to be handed to the system")

    [opened] = system_opener.opened
    assert opened.name == "statement.pdf" and opened.read_bytes() == data
    assert opened.parent.parent == paths.open_cache_dir()
