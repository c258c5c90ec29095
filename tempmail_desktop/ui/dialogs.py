"""Dialogs: new address, open an existing one, rename, confirmations, crash.

Dialogs are non-blocking (``open()``) and start their work through the
controller, so no modal loop ever runs inside a coroutine.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ..core.models import Capability, Mailbox
from .controller import AppController, log_folder, prefix_problem, provider_info, providers
from .fit import fit_to_contents
from .plain import bounded, message_box, plain_label


def confirm(parent: QWidget, title: str, text: str) -> bool:
    """Ask before anything destroys data or opens what a mail offers. Called
    from plain slots, never from a coroutine. ``text`` often quotes a mail
    (a subject, an attachment name, a link's text): it is shown as text."""
    Button = QMessageBox.StandardButton
    box = message_box(parent, QMessageBox.Icon.Question, title, text, Button.Yes | Button.Cancel, Button.Cancel)
    try:
        box.exec()
        clicked = box.clickedButton()
        return clicked is not None and box.standardButton(clicked) == Button.Yes
    finally:
        box.deleteLater()


# Mail text quoted in the link question is cut here, so a long text cannot push
# the real target out of the dialog.
LINK_TEXT_SHOWN_CHARS = 200
LINK_ADDRESS_SHOWN_CHARS = 300


def confirm_link(parent: QWidget, shown: str, host: str, address: str) -> bool:
    """Ask before opening a link whose text names another site than it opens.

    Every part but the wording comes from the mail, so the box is plain text
    (a rich-text guess would load ``<img src=...>`` from the link text); the
    host it really opens stands on a line of its own. Yes opens, Cancel and
    Escape do not.
    """
    import re

    def cut(text: str, limit: int) -> str:
        text = " ".join(text.split())
        return text if len(text) <= limit else text[: limit - 1] + "…"

    mail = address[:7].lower() == "mailto:"
    template = (
        QApplication.translate("LinkDialog", "This link does not lead where its text says.\n\nIt shows:\n%1\n\n"
                               "It writes a mail to:\n    %2\n\nFull address:\n%3\n\nOpen it anyway?")
        if mail else
        QApplication.translate("LinkDialog", "This link does not lead where its text says.\n\nIt shows:\n%1\n\n"
                               "It opens a page on:\n    %2\n\nFull address:\n%3\n\nOpen it anyway?")
    )
    values = {"%1": cut(shown, LINK_TEXT_SHOWN_CHARS) or "—", "%2": cut(host, LINK_TEXT_SHOWN_CHARS) or "—",
              "%3": cut(address, LINK_ADDRESS_SHOWN_CHARS)}
    # One pass, so a "%2" in the mail's text is not replaced in turn.
    text = "".join(values.get(part, part) for part in re.split(r"(%[1-3])", template))
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.translate("LinkDialog", "Open link?"), "",
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(text)
    box.button(QMessageBox.StandardButton.Yes).setText(QApplication.translate("LinkDialog", "Open anyway"))
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setEscapeButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def show_crash_dialog(kind: str, text: str) -> None:
    if QApplication.instance() is None:
        return
    # The error's text may quote a mail or a service: plain text, and short.
    box = message_box(None, QMessageBox.Icon.Critical, QApplication.translate("Crash", "Unexpected error"),
                      QApplication.translate("Crash", "Something went wrong: %1\n\nThe app keeps running. "
                                             "Details are in the log file in %2.")
                      .replace("%1", bounded(f"{kind}: {text}", 500, lines=8)).replace("%2", str(log_folder())))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()


class _JobDialog(QDialog):
    """A dialog that starts controller jobs and shows their errors inline
    (its own jobs' errors only: they are given ``self.job_failed``)."""

    def __init__(self, controller: AppController, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.error_label = plain_label(QLabel(self))  # a service's words
        self.error_label.setObjectName("inlineError")
        self.error_label.setStyleSheet("color:#b00020;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.rejected.connect(self.reject)
        self.buttons.accepted.connect(lambda: self.start())  # each dialog defines start()
        self._pending = False
        # Never smaller than its contents (a long domain, a wrapped hint, 150 % font).
        fit_to_contents(self)

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def job_failed(self, who: str, text: str) -> None:
        """Where this dialog's jobs report: in place, and the Ok button comes back."""
        self._pending = False
        self.buttons.setEnabled(True)
        self.show_error(f"{who}: {text}" if who else text)

    def said_in_place(self, who: str, text: str) -> None:
        """A side question failed (a list of domains): said here, the form stays usable."""
        self.show_error(f"{who}: {text}" if who else text)

    def begin(self) -> None:
        self._pending = True
        self.show_error("")
        self.buttons.setEnabled(False)

    def finish(self, _result=None) -> None:
        self._pending = False
        self.accept()



def _provider_combo(parent: QWidget, wanted: Capability | None = None) -> QComboBox:
    combo = QComboBox(parent)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    for info in providers(wanted):
        combo.addItem(info.name, info.id)
    return combo


class NewAddressDialog(_JobDialog):
    """Provider, then random or chosen prefix/domain. Create is the second click."""

    created = Signal(object)

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setWindowTitle(self.tr("New address"))
        self.provider_combo = _provider_combo(self, Capability.RANDOM_ADDRESS)
        self.provider_combo.setAccessibleName(self.tr("Service"))
        default = controller.default_provider_id()
        self.provider_combo.setCurrentIndex(max(0, self.provider_combo.findData(default)))
        self.random_radio = QRadioButton(self.tr("Random address"), self)
        self.choose_radio = QRadioButton(self.tr("Choose the name"), self)
        group = QButtonGroup(self)
        group.addButton(self.random_radio)
        group.addButton(self.choose_radio)
        self.random_radio.setChecked(True)
        self.prefix_edit = QLineEdit(self)
        self.prefix_edit.setPlaceholderText(self.tr("name"))
        self.prefix_edit.setAccessibleName(self.tr("Name before the @"))
        self.prefix_edit.setMinimumWidth(self.prefix_edit.fontMetrics().averageCharWidth() * 14)
        self.domain_combo = QComboBox(self)
        self.domain_combo.setEditable(True)
        self.domain_combo.setAccessibleName(self.tr("Domain"))
        self.domain_combo.lineEdit().setAccessibleName(self.tr("Domain"))  # the part that takes the focus
        # As wide as its longest domain once the service has listed them: never "tmg-fre… (free)".
        self.domain_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        self.hint_label.setStyleSheet("color:palette(mid);")
        choose_row = QHBoxLayout()
        choose_row.addWidget(self.prefix_edit, 1)
        choose_row.addWidget(QLabel("@", self))
        choose_row.addWidget(self.domain_combo, 1)
        form = QFormLayout()
        form.addRow(self.tr("Service:"), self.provider_combo)
        form.addRow(self.random_radio)
        form.addRow(self.choose_radio)
        form.addRow(choose_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Create"))
        self.provider_combo.currentIndexChanged.connect(self._on_provider)
        self.choose_radio.toggled.connect(self._update_enabled)
        self.prefix_edit.textChanged.connect(self._validate)
        # A missing name is said only once the user typed one or pressed Create.
        self._prefix_typed = False
        self.prefix_edit.textEdited.connect(self._typed)
        self._domain_job = None
        self._on_provider()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setFocus()

    def provider_id(self) -> str:
        return self.provider_combo.currentData()

    def _on_provider(self) -> None:
        pid = self.provider_id()
        info = provider_info(pid)
        can_choose = Capability.CHOSEN_PREFIX in info.capabilities
        self.choose_radio.setEnabled(can_choose)
        if not can_choose:
            self.random_radio.setChecked(True)
        hints = []
        if info.retention is not None:
            minutes = int(info.retention.total_seconds() // 60)
            hints.append(self.tr("This service deletes mail after %s; the app keeps a copy.")
                         % (self.tr("%s minutes") % minutes if minutes < 120 else self.tr("%s hours") % (minutes // 60)))
        if not can_choose:
            hints.append(self.tr("This service only gives random addresses."))
        self.hint_label.setText(" ".join(hints))
        self.domain_combo.clear()
        self.domain_combo.setMinimumWidth(0)
        if Capability.DOMAIN_LIST in info.capabilities:
            def fill(domains) -> None:
                if self.provider_id() == pid and domains:
                    self.domain_combo.clear()
                    for d in domains:
                        kind = self.domain_kind(d.kind)
                        self.domain_combo.addItem(f"{d.name} ({kind})" if kind else d.name, d.name)
                    # An editable combo's minimum ignores its items: make it the longest one's width.
                    self.domain_combo.setMinimumWidth(self.domain_combo.sizeHint().width())

            # Switching service replaces the question (same job name): no stale list or error.
            self._domain_job = self.controller.run("new-address-domains", lambda: self.controller.domains(pid), fill,
                                                   on_error=self.said_in_place)
        self._update_enabled()

    def domain_kind(self, kind: str | None) -> str:
        """A domain's plan as the user reads it ("free", "premium"); other words as the service wrote them."""
        words = {"free": self.tr("free"), "premium": self.tr("premium")}
        return words.get((kind or "").strip().lower(), (kind or "").strip())

    def _typed(self) -> None:
        self._prefix_typed = True

    def _update_enabled(self) -> None:
        choose = self.choose_radio.isChecked()
        self.prefix_edit.setEnabled(choose)
        self.domain_combo.setEnabled(choose and Capability.CHOSEN_DOMAIN in provider_info(self.provider_id()).capabilities)
        self._validate()

    def _validate(self) -> bool:
        if not self.choose_radio.isChecked():
            self.show_error("")
            return True
        prefix = self.prefix_edit.text().strip()
        if not prefix:
            self.show_error(self.tr("Type the name you want before the @, or choose a random address.")
                            if self._prefix_typed else "")
            return False
        problem = prefix_problem(self.provider_id(), prefix)
        if problem is not None:
            self.show_error(problem)
            return False
        self.show_error("")
        return True

    def start(self) -> None:
        self._prefix_typed = True  # Create pressed: a missing name is worth saying now
        if not self._validate():
            return
        prefix = domain = None
        if self.choose_radio.isChecked():
            prefix = self.prefix_edit.text().strip()
            domain = self.domain_combo.currentData() or self.domain_combo.currentText().strip() or None
        self.begin()

        def done(mailbox: Mailbox | None) -> None:
            if mailbox is not None:
                self.created.emit(mailbox)
                self.finish()

        self.controller.create_mailbox(self.provider_id(), prefix, domain, on_done=done, on_error=self.job_failed)


class OpenAddressDialog(_JobDialog):
    """Watch an address made elsewhere: any address (GPTMail, Worker), the key's own (Cat Mails)."""

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setWindowTitle(self.tr("Open existing address"))
        self.provider_combo = QComboBox(self)
        for info in providers():
            caps = info.capabilities
            if Capability.OPEN_ANY_ADDRESS in caps or Capability.KEY_MAILBOXES in caps or Capability.RENAME in caps:
                self.provider_combo.addItem(info.name, info.id)
        self.provider_combo.setAccessibleName(self.tr("Service"))
        self.address_combo = QComboBox(self)
        self.address_combo.setEditable(True)
        self.address_combo.setAccessibleName(self.tr("Address"))
        self.address_combo.lineEdit().setAccessibleName(self.tr("Address"))  # the part that takes the focus
        self.address_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.address_combo.lineEdit().setPlaceholderText("name@example.com")
        self.hint_label = QLabel(self)
        self.hint_label.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Service:"), self.provider_combo)
        form.addRow(self.tr("Address:"), self.address_combo)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Open"))
        self.provider_combo.currentIndexChanged.connect(self._on_provider)
        self._on_provider()

    def _on_provider(self) -> None:
        pid = self.provider_combo.currentData()
        caps = provider_info(pid).capabilities
        self.address_combo.clear()
        if Capability.KEY_MAILBOXES in caps:
            self.hint_label.setText(self.tr("Pick one of the mailboxes your key may read."))

            def fill(boxes) -> None:
                if self.provider_combo.currentData() == pid:
                    for mb in boxes or []:
                        self.address_combo.addItem(mb.address)

            self.controller.run("open-address-mailboxes", lambda: self.controller.key_mailboxes(pid), fill,
                                on_error=self.job_failed)
        elif Capability.OPEN_ANY_ADDRESS in caps:
            self.hint_label.setText(self.tr("This service reads any address on its domains."))
        else:
            self.hint_label.setText(self.tr("Only addresses your key owns can be read."))

    def start(self) -> None:
        address = self.address_combo.currentText().strip()
        if "@" not in address:
            self.show_error(self.tr("Type a full address, like name@example.com."))
            return
        self.begin()
        self.controller.add_existing(self.provider_combo.currentData(), address,
                                     on_done=lambda mb: self.finish() if mb is not None else None,
                                     on_error=self.job_failed)


class RenameDialog(_JobDialog):
    def __init__(self, controller: AppController, mailbox: Mailbox, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.mailbox = mailbox
        self.setWindowTitle(self.tr("Rename address"))
        local, _, domain = mailbox.address.partition("@")
        self.prefix_edit = QLineEdit(local, self)
        self.prefix_edit.setAccessibleName(self.tr("New name before the @"))
        self.domain_combo = QComboBox(self)
        self.domain_combo.setEditable(True)
        self.domain_combo.addItem(domain, domain)
        self.domain_combo.setAccessibleName(self.tr("Domain"))
        self.domain_combo.lineEdit().setAccessibleName(self.tr("Domain"))  # the part that takes the focus
        self.domain_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        form = QFormLayout()
        form.addRow(self.tr("Name:"), self.prefix_edit)
        form.addRow(self.tr("Domain:"), self.domain_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("The address changes on the service; its mail stays here."), self))
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Rename"))

        def fill(domains) -> None:
            for d in domains or []:
                if self.domain_combo.findData(d.name) < 0:
                    self.domain_combo.addItem(d.name, d.name)
            # An editable combo's minimum ignores its items: make it the longest one's width.
            self.domain_combo.setMinimumWidth(self.domain_combo.sizeHint().width())

        controller.run("rename-domains", lambda: controller.domains(mailbox.provider), fill,
                       on_error=self.said_in_place)

    def start(self) -> None:
        prefix = self.prefix_edit.text().strip()
        problem = prefix_problem(self.mailbox.provider, prefix)
        if problem is not None:
            self.show_error(problem)
            return
        domain = self.domain_combo.currentData() or self.domain_combo.currentText().strip() or None
        self.begin()
        self.controller.rename_mailbox(self.mailbox, prefix, domain, on_done=self.finish, on_error=self.job_failed)
