"""A hostile mail taken through every place outside the reader where mail text shows.

The mail's subject, sender name, attachment names, preview and link text
carry ``<img src=…>`` markup naming files in a honeypot folder (and, when
asked, ``/dev/zero``). :class:`Tour` drives the real window the way a user
does: the mail arrives (new-mail banner), the list's tooltips are hovered,
the mail is opened, its attachment and link are hovered, its attachments are
saved (the save bar), and the delete, open-attachment and link questions are
asked and cancelled. At every stop it calls ``look(stop)``.

Used two ways:

* tests/ui/test_plain_text_surfaces.py runs a Tour in the test's own app and,
  at every stop, checks with :func:`rich_text_offences` that no label or
  tooltip carrying mail text can be read as markup;
* run as a script, it builds the app itself (against a loopback TempMailG
  fake) and takes the same tour, so that the test can run it under
  ``strace`` at several ``QT_SCALE_FACTOR`` values (the factor is read when
  the QApplication is made, hence a process per factor) and see which files
  Qt touched. It prints one JSON line: the stops made and any offences.

    python -m tests.ui.hostile_surfaces_probe HONEYPOT_FOLDER [--dev-zero]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_API", "pyside6")  # qasync picks its binding from this

from PySide6.QtCore import QAbstractListModel, QEvent, QModelIndex, QObject, QPoint, QPointF, Qt, QTimer, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices, QHelpEvent, QMouseEvent, QTextCursor
from PySide6.QtGui import Qt as GuiQt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMessageBox,
    QToolTip,
    QWidget,
)

from tempmail_desktop.service.watcher import WatchStatus

MARK = "Hx0stile"  # in every hostile field, so a surface showing mail text can be told apart
STOP_TIMEOUT_S = 15.0


def hostile_mail(honeypot: Path, *, dev_zero: bool = False) -> dict:
    """What TempMailGFake.deliver takes: every field a user sees carries markup naming local files."""
    zero = ' <img src="/dev/zero">' if dev_zero else ""
    # The mark after the last "/", so the name the file is saved under keeps it.
    attachments = [(f'scan <img src="{honeypot}/attachment.png"> {MARK}.pdf', b"%PDF-1.4 hostile\n")]
    if dev_zero:
        # The case the issue saw abort the app: Qt reads /dev/zero until std::bad_alloc.
        attachments.append((f'scan <img src="/dev/zero"> {MARK}.pdf', b"%PDF-1.4 zero\n"))
    return {
        "sender_name": f'<img src="{honeypot}/sender.png"> <b>{MARK}</b> Shop{zero}',
        "sender_email": "shop@example.org",
        "subject": f'<b>{MARK} prize</b> <img src="{honeypot}/subject.png">{zero}',
        "html": True,
        "content": (
            f'<p>Dear {MARK} &lt;img src="{honeypot}/preview.png"&gt; customer,</p>'
            f'<p><a href="https://evil.example.net/{MARK}/login">'
            f'https://paypal.com/{MARK}&lt;img src="{honeypot}/link.png"&gt;</a></p>'
        ),
        "attachments": attachments,
    }


# -- what a surface may hold ------------------------------------------------------------

# plain_tooltip's form for text Qt would read as markup: the text escaped in a
# wrapper Qt reads as rich text, so its characters show as they are.
_LITERAL_RICH = re.compile(r'<qt><p style="white-space:pre-wrap">([^<]*)</p></qt>', re.DOTALL)


def shown_literally(text: str, text_format: Qt.TextFormat = Qt.TextFormat.AutoText) -> bool:
    """Whether Qt shows ``text`` as its characters: plain by format, plain by
    Qt's own guess, or escaped inside the one rich-text wrapper plain_tooltip makes."""
    if text_format == Qt.TextFormat.PlainText:
        return True
    if text_format == Qt.TextFormat.AutoText and not GuiQt.mightBeRichText(text):
        return True
    return _LITERAL_RICH.fullmatch(text) is not None


def _describe(widget: QObject) -> str:
    name = widget.objectName() or widget.metaObject().className()
    parent = widget.parent()
    return f"{name} in {parent.objectName() or parent.metaObject().className()}" if parent is not None else name


def _model_tooltips(view: QAbstractItemView) -> list[tuple[str, str]]:
    model = view.model()
    if model is None:
        return []
    found = []
    root = QModelIndex()
    # A list model's columnCount is private to Python; it has one column.
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)
    for row in range(min(model.rowCount(root), 200)):
        for column in range(columns):
            tip = model.data(model.index(row, column), Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str) and tip:
                found.append((f"tooltip of row {row} column {column} of {_describe(view)}", tip))
    return found


def mail_texts(window: QWidget) -> tuple[list[tuple[str, str, Qt.TextFormat]], int]:
    """Every label text and tooltip that carries mail text (the MARK), with
    where it is and how Qt is told to read it; and how many there are."""
    found: list[tuple[str, str, Qt.TextFormat]] = []
    models: set[int] = set()
    for widget in QApplication.allWidgets():
        if isinstance(widget, QLabel) and MARK in widget.text():
            found.append((f"label {_describe(widget)}", widget.text(), widget.textFormat()))
        if MARK in widget.toolTip():
            found.append((f"tooltip of {_describe(widget)}", widget.toolTip(), Qt.TextFormat.AutoText))
        # A table's header views share its model and show none of its cells' tooltips.
        if (isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView)
                and id(widget.model()) not in models):
            models.add(id(widget.model()))
            found += [(where, tip, Qt.TextFormat.AutoText) for where, tip in _model_tooltips(widget) if MARK in tip]
    for action in window.findChildren(QAction):
        if MARK in action.toolTip():
            found.append((f"tooltip of action {action.text()!r}", action.toolTip(), Qt.TextFormat.AutoText))
    return found, len(found)


def rich_text_offences(window: QWidget) -> list[str]:
    """Where mail text is shown in a form Qt reads as markup."""
    found, _count = mail_texts(window)
    return [f"{where}: {text_format.name} {text[:160]!r}"
            for where, text, text_format in found if not shown_literally(text, text_format)]


# -- the tour ---------------------------------------------------------------------------


class _OpenedUrls(QObject):
    """Takes the place of the browser and mail client while the tour runs."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url.toString())


class Tour:
    """One hostile mail through every surface; ``look(stop)`` at each stop."""

    def __init__(self, parts, fake, honeypot: Path, save_folder: Path, *,
                 wait: Callable[[Callable[[], object], str], None],
                 look: Callable[[str], None], dev_zero: bool = False) -> None:
        self.parts = parts
        self.window = parts.window
        self.fake = fake
        self.honeypot = honeypot
        self.save_folder = save_folder
        self.wait = wait
        self._look = look
        self.dev_zero = dev_zero
        self.stops: list[str] = []
        self.dialogs: dict[str, str] = {}  # stop -> the question's title
        self.opened = _OpenedUrls()

    def look(self, stop: str) -> None:
        QApplication.processEvents()
        self.stops.append(stop)
        self._look(stop)

    def run(self) -> None:
        for scheme in ("http", "https", "mailto"):
            QDesktopServices.setUrlHandler(scheme, self.opened, "open")
        original_chooser = QFileDialog.getExistingDirectory
        QFileDialog.getExistingDirectory = staticmethod(lambda *_args, **_kwargs: str(self.save_folder))
        try:
            self.arrive()
            self.hover_the_list()
            self.open_the_mail()
            self.hover_the_attachment()
            self.hover_the_link()
            self.save_the_attachments()
            self.ask_to_delete()
            self.ask_to_open_the_attachment()
            self.ask_to_follow_the_link()
        finally:
            QFileDialog.getExistingDirectory = original_chooser
            for scheme in ("http", "https", "mailto"):
                QDesktopServices.unsetUrlHandler(scheme)
            QToolTip.hideText()

    # -- stops ----------------------------------------------------------------------

    def arrive(self) -> None:
        window, controller = self.window, self.parts.controller
        created = []
        controller.create_mailbox("tempmailg", None, None, on_done=created.append)
        self.wait(lambda: created and window.current_mailbox() is not None, "a TempMailG address")
        self.mailbox = window.current_mailbox()
        key = (self.mailbox.provider, self.mailbox.address)

        def listed_once() -> bool:
            watcher = controller.watchers.get(key)
            return watcher is not None and watcher.checks >= 1 and watcher.state.status != WatchStatus.CHECKING

        # Mail found by the first listing of an address is not news; mail after it is.
        self.wait(listed_once, "the first listing of the address")
        self.fake.deliver(self.mailbox.address, **hostile_mail(self.honeypot, dev_zero=self.dev_zero))
        window.act_check.trigger()
        self.wait(lambda: window.message_model.rowCount() == 1, "the hostile mail in the list")
        self.wait(lambda: MARK in window.message_bar.text(), "the new-mail banner")
        self.look("new-mail banner")

    def _hover(self, view: QAbstractItemView, position: QPoint) -> None:
        viewport = view.viewport()
        QApplication.sendEvent(viewport, QHelpEvent(QEvent.Type.ToolTip, position, viewport.mapToGlobal(position)))

    def hover_the_list(self) -> None:
        view, model = self.window.message_view, self.window.message_model
        for column in (model.COLUMN_FROM, model.COLUMN_SUBJECT):
            index = self.window.message_proxy.index(0, column)
            view.scrollTo(index)
            self._hover(view, view.visualRect(index).center())
            self.wait(lambda: QToolTip.isVisible() and MARK in QToolTip.text(), "the list's tooltip")
            self.look(f"message list tooltip, column {column}")

    def open_the_mail(self) -> None:
        window, reader = self.window, self.window.reader
        view = window.message_view
        index = window.message_proxy.index(0, window.message_model.COLUMN_SUBJECT)
        press = view.visualRect(index).center()
        for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
            QApplication.sendEvent(view.viewport(), QMouseEvent(
                kind, QPointF(press), view.viewport().mapToGlobal(QPointF(press)), Qt.MouseButton.LeftButton,
                Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
                Qt.KeyboardModifier.NoModifier))
        self.wait(lambda: reader.current_message() is not None and not reader.is_loading()
                  and reader.attachment_list.count() > 0, "the mail to open")
        self.look("reader")

    def hover_the_attachment(self) -> None:
        attachments = self.window.reader.attachment_list
        for row in range(attachments.count()):
            self._hover(attachments, attachments.visualItemRect(attachments.item(row)).center())
            self.wait(lambda: QToolTip.isVisible() and MARK in QToolTip.text(), "the attachment's tooltip")
            self.look(f"attachment tooltip {row}")

    def hover_the_link(self) -> None:
        browser = self.window.reader.browser
        found = browser.document().find(f"paypal.com/{MARK}")
        if found.isNull():
            raise AssertionError("the link's text is not in the shown mail")
        cursor = QTextCursor(browser.document())
        cursor.setPosition(found.selectionStart() + 3)
        point = QPointF(browser.cursorRect(cursor).center())
        viewport = browser.viewport()
        QApplication.sendEvent(viewport, QMouseEvent(
            QEvent.Type.MouseMove, point, viewport.mapToGlobal(point), Qt.MouseButton.NoButton,
            Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier))
        self.look("link hovered")

    def save_the_attachments(self) -> None:
        window = self.window
        window.reader.save_all_button.click()
        self.look("save bar while saving")
        self.wait(lambda: window.message_bar.text().startswith("Saved:"), "the attachments to be saved")
        self.look("save bar when saved")

    def _answer_question(self, stop: str, ask: Callable[[], None]) -> None:
        """Run ``ask``, which opens a question; look at it and press Cancel."""

        def answer() -> None:
            box = next((w for w in QApplication.topLevelWidgets()
                        if isinstance(w, QMessageBox) and w.isVisible()), None)
            if box is None:
                poll.start()
                return
            self.dialogs[stop] = box.windowTitle()
            self.look(stop)
            cancel = box.button(QMessageBox.StandardButton.Cancel)
            if cancel is not None:
                cancel.click()
            else:
                box.reject()

        poll = QTimer(singleShot=True, interval=20, timeout=answer)
        poll.start()
        try:
            ask()
        finally:
            poll.stop()
        if stop not in self.dialogs:
            raise AssertionError(f"no question was asked for the {stop}")

    def ask_to_delete(self) -> None:
        self._answer_question("delete question", self.window.act_delete.trigger)

    def ask_to_open_the_attachment(self) -> None:
        reader = self.window.reader
        reader.attachment_list.setCurrentRow(0)
        self._answer_question("open-attachment question", reader.open_button.click)

    def ask_to_follow_the_link(self) -> None:
        browser = self.window.reader.browser
        found = browser.document().find(f"paypal.com/{MARK}")
        cursor = QTextCursor(browser.document())
        cursor.setPosition(found.selectionStart() + 3)
        point = QPointF(browser.cursorRect(cursor).center())
        viewport = browser.viewport()

        def click() -> None:
            for kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease):
                QApplication.sendEvent(viewport, QMouseEvent(
                    kind, point, viewport.mapToGlobal(point), Qt.MouseButton.LeftButton,
                    Qt.MouseButton.LeftButton if kind == QEvent.Type.MouseButtonPress else Qt.MouseButton.NoButton,
                    Qt.KeyboardModifier.NoModifier))

        self._answer_question("link question", click)
        if self.opened.urls:
            raise AssertionError(f"a cancelled link opened: {self.opened.urls}")


# -- as a script ------------------------------------------------------------------------


def _render(stop: str) -> None:
    """Paint everything shown, as the screen would: rich text loads its images when laid out and drawn."""
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.grab()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("honeypot", type=Path)
    parser.add_argument("--dev-zero", action="store_true")
    args = parser.parse_args(argv)

    import keyring
    import qasync

    from tests.fakes.keyring_backend import MemoryKeyring
    from tests.fakes.tempmailg import TempMailGFake

    keyring.set_keyring(MemoryKeyring())  # never the user's keyring
    work = Path(tempfile.mkdtemp(prefix="tempmail-probe-"))
    os.environ["TEMPMAIL_HOME"] = str(work / "home")
    fake = TempMailGFake().start()
    os.environ["TEMPMAIL_TEMPMAILG_URL"] = fake.url
    os.environ["TEMPMAIL_TEMPMAILG_KEY"] = "tmg-test-key"

    from tempmail_desktop.ui import bootstrap

    class NoTray:
        @staticmethod
        def isSystemTrayAvailable() -> bool:  # noqa: N802 - Qt's name
            return False

    bootstrap.QSystemTrayIcon = NoTray
    app = QApplication([sys.argv[0]])
    app.setQuitOnLastWindowClosed(False)
    class AlwaysRunningLoop(qasync.QEventLoop):
        """As in the app, whose loop runs for its whole life: Qt events
        handled between two waits (qasync's own last processEvents included)
        still find a running loop (see tests/ui/conftest_async.py)."""

        def run_forever(self):
            try:
                return super().run_forever()
            finally:
                asyncio.events._set_running_loop(self)

    loop = AlwaysRunningLoop(app)
    asyncio.set_event_loop(loop)
    asyncio.events._set_running_loop(loop)

    def wait(condition: Callable[[], object], what: str) -> None:
        async def until() -> None:
            deadline = time.monotonic() + STOP_TIMEOUT_S
            while not condition():
                if time.monotonic() > deadline:
                    raise AssertionError(f"timed out waiting for {what}; the window says: "
                                         f"{parts.window.message_bar.text()!r}")
                await asyncio.sleep(0.01)

        loop.run_until_complete(until())

    parts = loop.run_until_complete(bootstrap.build_application(app, request_quit=lambda: None))
    offences: list[str] = []

    def look(stop: str) -> None:
        _render(stop)
        offences.extend(f"{stop}: {o}" for o in rich_text_offences(parts.window))

    save_folder = work / "saved"
    save_folder.mkdir()
    tour = Tour(parts, fake, args.honeypot, save_folder, wait=wait, look=look, dev_zero=args.dev_zero)
    error = ""
    try:
        tour.run()
    except AssertionError as exc:
        error = str(exc)
    finally:
        parts.notifier.close()
        loop.run_until_complete(parts.shutdown())
        fake.stop()
    print(json.dumps({"stops": tour.stops, "dialogs": tour.dialogs, "offences": offences, "error": error}))
    return 1 if error else 0


if __name__ == "__main__":
    sys.exit(main())
