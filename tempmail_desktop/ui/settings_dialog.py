"""Settings: one page per service (what it can do, its key, its address,
its check speed, each said once), then notifications and appearance.

Keys are acted on at once with their own buttons (the keyring is the store,
not the settings file); everything else is collected and written by OK, and
Cancel leaves the settings as they were. The stored key is never read back
into a field: the dialog says where it lives, nothing more. When the OS
keyring cannot keep keys, one panel above the pages says so for every
service, with the one session-only choice (ui/keyring_panel.py).
"""

from __future__ import annotations

import asyncio
import logging
import os
import re
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QSystemTrayIcon,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ..core import log_names
from ..core.errors import InvalidKeyError, SecretsUnavailableError
from ..core.keys import KeyLookup, KeyringState, KeySource, env_var_name, key_problem
from ..core.models import Capability, ProviderInfo
from .controller import AppController, providers, setting_accepts, setting_default
from .error_words import problem_words, translated
from .fit import fit_to_contents
from .i18n import LANGUAGES
from .keyring_panel import KeyringPanel
from .plain import plain_label

log = logging.getLogger(log_names.UI_SETTINGS)

_T = TypeVar("_T")
_ERROR_STYLE = "color:#b00020;"
_NOTE_STYLE = "color:palette(mid);"


def tray_available() -> bool:
    """Whether a system tray host runs now (a module function so tests can stand in for it)."""
    return QSystemTrayIcon.isSystemTrayAvailable()


def fill(template: str, *values: str) -> str:
    """Qt-style ``%1 %2`` placeholders, replaced in one pass (a value holding
    "%2" is never replaced again)."""
    def value(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return values[index] if 0 <= index < len(values) else match.group(0)

    return re.sub(r"%(\d)", value, template)


async def _outcome(work: Callable[[], Awaitable[_T]]) -> _T | SecretsUnavailableError:
    """A keyring failure as a value: the dialog answers it in place (with the
    session-only offer) instead of the app-wide error bar.

    Takes a function, not a coroutine: a job cancelled before it starts must
    not leave an inner coroutine that was never awaited.
    """
    try:
        return await work()
    except SecretsUnavailableError as error:
        return error


def _chain_tab_order(widgets: list[QWidget]) -> None:
    for first, second in zip(widgets, widgets[1:]):
        QWidget.setTabOrder(first, second)


def _inline_label(parent: QWidget, style: str, name: str) -> QLabel:
    # Problems and notes quote keyrings and services: their words, never markup.
    label = plain_label(QLabel(parent))
    label.setWordWrap(True)
    label.setStyleSheet(style)
    label.setObjectName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


class ProviderSection(QWidget):
    """One service's page: what it can do, its key (acted on at once), address
    and poll speed, each said once."""

    # The keyring failed under this page (a lookup or a save): the dialog's
    # one panel says what that means, for every service.
    keyringTrouble = Signal()

    def __init__(self, controller: AppController, info: ProviderInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.info = info
        self.pid = info.id
        self.lookup: KeyLookup | None = None
        self._busy = False
        self._status_job: asyncio.Task | None = None
        settings = controller.settings
        self.setAccessibleName(info.name)

        self.heading = QLabel(info.name, self)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.about_label = QLabel(self.describe(info), self)
        self.about_label.setWordWrap(True)
        self.about_label.setStyleSheet(_NOTE_STYLE)

        self.key_label = QLabel(self.tr("API key:"), self)
        self.key_status = plain_label(QLabel(self))  # names the keyring, quotes its errors
        self.key_status.setText(self.tr("Checking where the key is kept…"))
        self.key_status.setWordWrap(True)
        self.key_status.setObjectName("keyStatus")
        self.key_edit = QLineEdit(self)
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.key_edit.setPlaceholderText(self.tr("Paste a new key"))
        self.key_edit.setAccessibleName(fill(self.tr("New API key for %1"), info.name))
        self.key_edit.setToolTip(translated(info.key_help))
        # Room for its placeholder (the longer of the two it shows), in the font it is drawn with.
        metrics = self.key_edit.fontMetrics()
        self.key_edit.setMinimumWidth(
            max(metrics.horizontalAdvance(self.tr("Paste a new key")),
                metrics.horizontalAdvance(self.tr("Set by the environment"))) + 4 * metrics.averageCharWidth())
        self.show_key = QToolButton(self)
        self.show_key.setCheckable(True)
        self.show_key.setText(self.tr("Show"))
        self.show_key.setAccessibleName(self.tr("Show the key as you type it"))
        self.save_key_button = QPushButton(self.tr("Save key"), self)
        self.save_key_button.setAccessibleName(fill(self.tr("Save the %1 key"), info.name))
        self.remove_key_button = QPushButton(self.tr("Remove key"), self)
        self.remove_key_button.setAccessibleName(fill(self.tr("Remove the stored %1 key"), info.name))
        self.key_problem = _inline_label(self, _ERROR_STYLE, "keyProblem")
        self.key_note = _inline_label(self, _NOTE_STYLE, "keyNote")

        self.url_key = f"providers.{self.pid}.base_url"
        self.url_label = QLabel(self.tr("Service address:"), self)
        self.url_edit = QLineEdit(settings.get(self.url_key), self)
        self.url_edit.setPlaceholderText(info.default_base_url)
        self.url_edit.setAccessibleName(fill(self.tr("Address of the %1 service"), info.name))
        self.url_edit.setToolTip(self.tr("Leave empty for the service's own address."))
        self.url_error = _inline_label(self, _ERROR_STYLE, "urlError")
        self.url_env_note = self._env_note(f"{info.env_prefix}_URL")

        # Only services with a push channel (Cat Mails) have a WebSocket address.
        self.ws_key: str | None = None
        self.ws_edit: QLineEdit | None = None
        self.ws_error: QLabel | None = None
        self.ws_env_note: QLabel | None = None
        if info.default_ws_url:
            self.ws_key = f"providers.{self.pid}.ws_url"
            self.ws_edit = QLineEdit(settings.get(self.ws_key), self)
            self.ws_edit.setPlaceholderText(info.default_ws_url)
            self.ws_edit.setAccessibleName(fill(self.tr("WebSocket address of %1"), info.name))
            self.ws_error = _inline_label(self, _ERROR_STYLE, "wsError")
            self.ws_env_note = self._env_note(f"{info.env_prefix}_WS_URL")

        self.poll_combo = QComboBox(self)
        self.poll_combo.setAccessibleName(fill(self.tr("How often %1 mailboxes are checked"), info.name))
        for speed, label in (("fast", self.tr("Fast (twice as often)")),
                             ("normal", self.tr("Normal")),
                             ("slow", self.tr("Slow (half as often, saves quota)"))):
            self.poll_combo.addItem(label, speed)
        self.poll_combo.setCurrentIndex(max(0, self.poll_combo.findData(settings.get(f"providers.{self.pid}.poll"))))
        self.poll_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)

        key_row = QHBoxLayout()
        key_row.addWidget(self.key_edit, 1)
        key_row.addWidget(self.show_key)
        key_row.addWidget(self.save_key_button)
        key_row.addWidget(self.remove_key_button)
        # A grid, not a form: its wrapped labels get the height their width needs.
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        top = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop
        rows: list[tuple[QLabel | None, Any]] = [
            (self.key_label, self.key_status), (None, key_row), (None, self.key_problem), (None, self.key_note),
            (self.url_label, self.url_edit), (None, self.url_error), (None, self.url_env_note)]
        if self.ws_edit is not None:
            self.ws_label = QLabel(self.tr("WebSocket address:"), self)
            rows += [(self.ws_label, self.ws_edit), (None, self.ws_error), (None, self.ws_env_note)]
        self.poll_label = QLabel(self.tr("Check for mail:"), self)
        rows.append((self.poll_label, self.poll_combo))
        for row, (label, field) in enumerate(rows):
            if label is not None:
                label.setBuddy(field if isinstance(field, QWidget) and not isinstance(field, QLabel) else self.key_edit)
                grid.addWidget(label, row, 0, top)
            if isinstance(field, QLayout):
                grid.addLayout(field, row, 1)
            elif field is self.poll_combo:
                grid.addWidget(field, row, 1, top)
            else:
                grid.addWidget(field, row, 1)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.about_label)
        column.addLayout(grid)
        column.addStretch(1)
        _chain_tab_order([w for w in (self.key_edit, self.show_key, self.save_key_button, self.remove_key_button,
                                      self.url_edit, self.ws_edit, self.poll_combo)
                          if w is not None])

        self.show_key.toggled.connect(self._toggle_key_visible)
        self.key_edit.textChanged.connect(self._update_key_buttons)
        self.key_edit.textEdited.connect(self._check_typed_key)
        self.key_edit.returnPressed.connect(self.save_key)
        self.save_key_button.clicked.connect(self.save_key)
        self.remove_key_button.clicked.connect(self.remove_key)
        self.url_edit.textChanged.connect(self.validate_urls)
        if self.ws_edit is not None:
            self.ws_edit.textChanged.connect(self.validate_urls)
        self._update_key_buttons()
        self.refresh_key_status()

    # -- what the service is ------------------------------------------------

    def describe(self, info: ProviderInfo) -> str:
        words = {
            Capability.RANDOM_ADDRESS: self.tr("random addresses"),
            Capability.CHOSEN_PREFIX: self.tr("a name you choose"),
            Capability.CHOSEN_DOMAIN: self.tr("a domain you choose"),
            Capability.DOMAIN_LIST: self.tr("lists its domains"),
            Capability.OPEN_ANY_ADDRESS: self.tr("reads any address on its domains"),
            Capability.RENAME: self.tr("renames addresses"),
            Capability.DELETE_MAILBOX: self.tr("deletes addresses"),
            Capability.KEY_MAILBOXES: self.tr("lists your key's mailboxes"),
            Capability.CLEAR: self.tr("empties a mailbox"),
            Capability.DELETE_MESSAGE: self.tr("deletes single mails"),
            Capability.MESSAGE_DETAIL: self.tr("full messages"),
            Capability.RAW_SOURCE: self.tr("raw source"),
            Capability.HEADERS: self.tr("headers"),
            Capability.ATTACHMENTS: self.tr("attachments"),
            Capability.PUSH: self.tr("instant delivery (push)"),
            Capability.SERVER_OTP: self.tr("finds verification codes"),
            Capability.STATISTICS: self.tr("service statistics"),
            Capability.DOMAIN_REQUEST: self.tr("accepts your own domain"),
        }
        can = [words[c] for c in Capability if c in info.capabilities and c in words]
        parts = [fill(self.tr("Can do: %1."), ", ".join(can))]
        if info.daily_quota:
            parts.append(fill(self.tr("About %1 calls a day per key."), f"{info.daily_quota:,}"))
        if info.retention is not None:
            minutes = int(info.retention.total_seconds() // 60)
            span = (fill(self.tr("%1 minutes"), str(minutes)) if minutes < 120
                    else fill(self.tr("%1 hours"), str(minutes // 60)))
            parts.append(fill(self.tr("Keeps mail for %1."), span))
        if info.key_help:
            parts.append(translated(info.key_help))
        return " ".join(parts)

    def _env_note(self, variable: str) -> QLabel:
        label = _inline_label(self, _NOTE_STYLE, "envNote")
        if os.environ.get(variable, "").strip():
            label.setText(fill(self.tr("%1 is set in the environment and wins over this field."), variable))
            label.show()
        return label

    # -- the key ------------------------------------------------------------

    def refresh_key_status(self) -> None:
        pid, controller = self.pid, self.controller

        async def lookup() -> KeyLookup:
            try:
                return await controller.key_lookup(pid)
            except InvalidKeyError as error:
                # A stored key that can never be sent: say so here, and let the
                # user replace or remove it (it is in the keyring, not the env).
                return KeyLookup(None, KeySource.KEYRING, "", keyring_problem=problem_words(error))

        def show(found: KeyLookup) -> None:
            if isValid(self):
                self.show_lookup(found)

        self._status_job = controller.run(f"key-status:{pid}", lookup, show, on_error=self._job_failed)

    def show_lookup(self, lookup: KeyLookup) -> None:
        self.lookup = lookup
        env_set = lookup.source == KeySource.ENV
        if env_set:
            text = fill(self.tr("Set by %1 (read-only here)."), env_var_name(self.pid))
        elif lookup.source == KeySource.KEYRING and lookup.key is None:
            text = translated(lookup.keyring_problem or "")  # says which character and what to do
        elif lookup.source == KeySource.KEYRING:
            text = fill(self.tr("A key is stored in %1."), translated(lookup.detail))
        elif lookup.source == KeySource.SESSION:
            text = self.tr("A key is kept for this session only; it is forgotten when the app quits.")
        elif lookup.source == KeySource.DEFAULT:
            text = self.tr("Using the public test key.")
        elif self.info.key_required:
            text = self.tr("No key set. This service needs one.")
        else:
            text = self.tr("No key set.")
        unusable_stored_key = lookup.source == KeySource.KEYRING and lookup.key is None
        self.key_status.setText(text)
        if lookup.keyring_problem and not env_set and not unusable_stored_key:
            # Said once for every service, in the dialog's keyring panel.
            self.keyringTrouble.emit()
        self.key_edit.setEnabled(not env_set)
        self.key_edit.setPlaceholderText(self.tr("Set by the environment") if env_set else self.tr("Paste a new key"))
        self._update_key_buttons()

    def _toggle_key_visible(self, visible: bool) -> None:
        self.key_edit.setEchoMode(QLineEdit.EchoMode.Normal if visible else QLineEdit.EchoMode.Password)
        self.show_key.setText(self.tr("Hide") if visible else self.tr("Show"))

    def _update_key_buttons(self) -> None:
        source = self.lookup.source if self.lookup is not None else None
        editable = source is not None and source != KeySource.ENV and not self._busy
        self.save_key_button.setEnabled(editable and bool(self.key_edit.text().strip()))
        # A keyring we could not read may still hold a key: removing is worth a try.
        removable = (source in (KeySource.KEYRING, KeySource.SESSION)
                     or bool(self.lookup is not None and self.lookup.keyring_problem))
        self.remove_key_button.setEnabled(editable and removable)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_key_buttons()

    def _begin_key_job(self) -> None:
        """A key is being saved or removed: buttons off, last answer gone."""
        self._set_busy(True)
        self._show_problem("")
        self._show_note("")

    def _job_failed(self, _who: str, text: str) -> None:
        """This section's key jobs report here, beside the key (the section names the service)."""
        if isValid(self):
            self._set_busy(False)
            self._show_problem(text)

    def _show_problem(self, text: str) -> None:
        self.key_problem.setText(text)
        self.key_problem.setVisible(bool(text))

    def _show_note(self, text: str) -> None:
        self.key_note.setText(text)
        self.key_note.setVisible(bool(text))

    def _refuse_unsendable(self, key: str) -> bool:
        """True (and said in place) when ``key`` holds a character no service can be sent."""
        problem = key_problem(key)
        if problem is None:
            return False
        self._show_note("")
        self._show_problem(fill(self.tr("This key cannot be used: it contains %1. Paste it again without it."), translated(problem)))
        return True

    def _check_typed_key(self, text: str) -> None:
        """As the user types or pastes: a key no service could be sent is said at once."""
        key = text.strip()
        if not key or not self._refuse_unsendable(key):
            self._show_problem("")

    def save_key(self) -> None:
        key = self.key_edit.text().strip()
        if not key or not self.save_key_button.isEnabled() or self._refuse_unsendable(key):
            return
        pid, controller = self.pid, self.controller
        self._begin_key_job()

        def done(outcome: KeyLookup | SecretsUnavailableError) -> None:
            if isinstance(outcome, KeyLookup):
                # Watchers must use the new key even if the dialog is gone by now.
                controller.resume_provider(pid)
            if not isValid(self):
                return
            self._set_busy(False)
            if isinstance(outcome, SecretsUnavailableError):
                # What it means and the one way out are in the keyring panel, said once.
                self._show_problem(self.tr("Not saved: the keyring cannot be used (see the note at the top)."))
                self.keyringTrouble.emit()
                return
            self.key_edit.clear()
            self.show_lookup(outcome)
            if outcome.source == KeySource.SESSION:
                self._show_note(self.tr("Key kept for this session only."))
            else:
                self._show_note(self.tr("Key saved."))

        controller.run(f"key-save:{pid}", lambda: _outcome(lambda: controller.save_key(pid, key)), done,
                       on_error=self._job_failed)

    def remove_key(self) -> None:
        pid, controller = self.pid, self.controller
        self._begin_key_job()

        def done(outcome: bool | SecretsUnavailableError) -> None:
            if not isinstance(outcome, SecretsUnavailableError):
                controller.resume_provider(pid)
            if not isValid(self):
                return
            self._set_busy(False)
            if isinstance(outcome, SecretsUnavailableError):
                self._show_problem(problem_words(outcome))
                self.keyringTrouble.emit()
                return
            self._show_note(self.tr("Key removed.") if outcome else self.tr("There was no stored key to remove."))
            self.refresh_key_status()

        controller.run(f"key-remove:{pid}", lambda: _outcome(lambda: controller.remove_key(pid)), done,
                       on_error=self._job_failed)

    # -- address and poll speed ----------------------------------------------

    def validate_urls(self) -> bool:
        url_ok = setting_accepts(self.url_key, self.url_edit.text())
        self.url_error.setText("" if url_ok else fill(
            self.tr("Use an http:// or https:// address, like %1, or leave it empty."), self.info.default_base_url))
        self.url_error.setVisible(not url_ok)
        ws_ok = True
        if self.ws_edit is not None and self.ws_error is not None and self.ws_key is not None:
            ws_ok = setting_accepts(self.ws_key, self.ws_edit.text())
            self.ws_error.setText("" if ws_ok else fill(
                self.tr("Use a ws:// or wss:// address, like %1, or leave it empty."), self.info.default_ws_url or ""))
            self.ws_error.setVisible(not ws_ok)
        return url_ok and ws_ok

    def first_invalid_field(self) -> QLineEdit | None:
        if self.url_error.isVisibleTo(self):
            return self.url_edit
        if self.ws_error is not None and self.ws_error.isVisibleTo(self):
            return self.ws_edit
        return None

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {self.url_key: self.url_edit.text().strip(),
                                  f"providers.{self.pid}.poll": self.poll_combo.currentData()}
        if self.ws_edit is not None and self.ws_key is not None:
            values[self.ws_key] = self.ws_edit.text().strip()
        return values

    def cancel_jobs(self) -> None:
        # Only the status lookup: a key being saved or removed finishes anyway.
        if self._status_job is not None and not self._status_job.done():
            self._status_job.cancel()


class _Pages(QStackedWidget):
    """The pages, never narrower than a readable line of their wrapped texts
    (as a minimum hint, so a page that needs more still gets it)."""

    def minimumSizeHint(self) -> QSize:
        return super().minimumSizeHint().expandedTo(QSize(self.fontMetrics().averageCharWidth() * 64, 0))


class SettingsDialog(QDialog):
    languageChanged = Signal(str)
    themeChanged = Signal(str)
    trayBehaviourChanged = Signal()
    remoteImagesChanged = Signal(bool)  # True: may be loaded when asked

    def __init__(self, controller: AppController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.controller = controller
        self.settings = controller.settings
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._keyring_job: asyncio.Task | None = None

        self.keyring_panel = KeyringPanel(self)
        self.keyring_panel.sessionOnlyChanged.connect(self._keep_keys_for_session)

        # A list of pages on the left: one per service, then the app's own.
        self.page_list = QListWidget(self)
        self.page_list.setAccessibleName(self.tr("Settings pages"))
        self.pages = _Pages(self)
        self.sections: dict[str, ProviderSection] = {}
        for info in providers():
            section = ProviderSection(self.controller, info, self.pages)
            section.keyringTrouble.connect(self.refresh_keyring_state)
            self.sections[info.id] = section
            self._add_page(section, info.name)
        self._add_page(self._notifications_page(), self.tr("Notifications"))
        self._add_page(self._appearance_page(), self.tr("Appearance"))
        self.page_list.currentRowChanged.connect(self.pages.setCurrentIndex)
        self.page_list.setCurrentRow(0)
        # As wide as its longest name, in the font it is drawn with.
        self.page_list.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        self.page_list.setFixedWidth(self.page_list.sizeHintForColumn(0) + 2 * self.page_list.frameWidth()
                                     + 2 * self.fontMetrics().averageCharWidth())

        self.intro = QLabel(self.tr("Keys are saved at once with their own button. "
                                    "Everything else is saved with OK."), self)
        self.intro.setWordWrap(True)
        self.intro.setStyleSheet(_NOTE_STYLE)
        self.error_label = _inline_label(self, _ERROR_STYLE, "inlineError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                        self)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        body = QHBoxLayout()
        body.addWidget(self.page_list)
        body.addWidget(self.pages, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.keyring_panel)
        layout.addLayout(body, 1)
        layout.addWidget(self.intro)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        # Never smaller than its contents need, in any language or font size.
        fit_to_contents(self)
        QWidget.setTabOrder(self.page_list, self.pages)
        self.refresh_keyring_state()

    def _add_page(self, page: QWidget, title: str) -> None:
        self.pages.addWidget(page)
        self.page_list.addItem(title)

    def show_page(self, page: QWidget) -> None:
        self.page_list.setCurrentRow(self.pages.indexOf(page))

    # -- the keyring, once for every service ------------------------------------

    def refresh_keyring_state(self) -> None:
        """Ask whether the keyring can keep keys; the panel follows the answer."""
        if self._keyring_job is not None and not self._keyring_job.done():
            return
        controller = self.controller

        def show(state: KeyringState) -> None:
            if isValid(self):
                self.keyring_panel.show_state(state)

        self._keyring_job = controller.run("keyring-state", controller.keyring_state, show,
                                           on_error=lambda _who, text: log.warning("keyring state: %s", text))

    def _keep_keys_for_session(self, enabled: bool) -> None:
        self.controller.keep_keys_for_session(enabled)

    # -- pages ----------------------------------------------------------------

    def _check(self, parent: QWidget, text: str, key: str, accessible: str) -> QCheckBox:
        box = QCheckBox(text, parent)
        box.setChecked(bool(self.settings.get(key)))
        box.setAccessibleName(accessible)
        return box

    def _notifications_page(self) -> QWidget:
        page = QWidget()
        self.notify_enabled = self._check(page, self.tr("Show a notification for new mail"), "notifications.enabled",
                                          self.tr("Notifications for new mail"))
        self.notify_show_code = self._check(page, self.tr("Show the verification code in the notification"),
                                            "notifications.show_code", self.tr("Verification code in notifications"))
        self.notify_paused = self._check(page, self.tr("Pause notifications (do not disturb)"), "notifications.paused",
                                         self.tr("Pause notifications"))
        self.auto_copy_code = self._check(page,
                                          self.tr("Copy a verification code to the clipboard when its mail arrives"),
                                          "clipboard.auto_copy_code", self.tr("Copy verification codes automatically"))
        column = QVBoxLayout(page)
        for box in (self.notify_enabled, self.notify_show_code, self.notify_paused, self.auto_copy_code):
            column.addWidget(box)
        column.addStretch(1)
        self.notify_enabled.toggled.connect(self._update_notification_boxes)
        self._update_notification_boxes()
        _chain_tab_order([self.notify_enabled, self.notify_show_code, self.notify_paused, self.auto_copy_code])
        return page

    def _update_notification_boxes(self) -> None:
        enabled = self.notify_enabled.isChecked()
        self.notify_show_code.setEnabled(enabled)
        self.notify_paused.setEnabled(enabled)

    def _combo(self, parent: QWidget, items: list[tuple[str, str]], key: str, accessible: str) -> QComboBox:
        combo = QComboBox(parent)
        for label, value in items:
            combo.addItem(label, value)
        combo.setCurrentIndex(max(0, combo.findData(self.settings.get(key))))
        combo.setAccessibleName(accessible)
        return combo

    def _appearance_page(self) -> QWidget:
        page = QWidget()
        # Language names stay in their own language: a user who cannot read
        # the current one must still find theirs.
        self.language_combo = self._combo(
            page, [(self.tr("System language"), "system"), *((name, code) for code, name in LANGUAGES.items())],
            "ui.language", self.tr("Language"))
        self.theme_combo = self._combo(
            page, [(self.tr("Follow system"), "system"), (self.tr("Light"), "light"), (self.tr("Dark"), "dark")],
            "ui.theme", self.tr("Theme"))
        self.remote_images_combo = self._combo(
            page, [(self.tr("Ask each time"), "ask"), (self.tr("Never load"), "never")],
            "ui.remote_images", self.tr("Pictures from the internet in mail"))
        self.close_to_tray = self._check(page, self.tr("Closing the window keeps the app in the system tray"),
                                         "tray.close_to_tray", self.tr("Close to tray"))
        self.start_hidden = self._check(page, self.tr("Start in the system tray without a window"),
                                        "tray.start_hidden", self.tr("Start hidden in the tray"))
        self.tray_note = _inline_label(page, _NOTE_STYLE, "trayNote")
        if not tray_available():
            self.close_to_tray.setEnabled(False)
            self.start_hidden.setEnabled(False)
            self.tray_note.setText(self.tr("No system tray was found on this desktop, so the app cannot live "
                                           "there; these options apply once a tray is available."))
            self.tray_note.show()
        form = QFormLayout(page)
        form.addRow(self.tr("Language:"), self.language_combo)
        form.addRow(self.tr("Theme:"), self.theme_combo)
        form.addRow(self.tr("Pictures in mail:"), self.remote_images_combo)
        form.addRow(self.close_to_tray)
        form.addRow(self.start_hidden)
        form.addRow(self.tray_note)
        _chain_tab_order([self.language_combo, self.theme_combo, self.remote_images_combo,
                          self.close_to_tray, self.start_hidden])
        return page

    # -- saving ---------------------------------------------------------------

    def collected(self) -> dict[str, Any]:
        """Every setting this dialog shows, as the user left it."""
        values: dict[str, Any] = {}
        for section in self.sections.values():
            values.update(section.values())
        values.update({
            "notifications.enabled": self.notify_enabled.isChecked(),
            "notifications.show_code": self.notify_show_code.isChecked(),
            "notifications.paused": self.notify_paused.isChecked(),
            "clipboard.auto_copy_code": self.auto_copy_code.isChecked(),
            "ui.language": self.language_combo.currentData(),
            "ui.theme": self.theme_combo.currentData(),
            "ui.remote_images": self.remote_images_combo.currentData(),
            "tray.close_to_tray": self.close_to_tray.isChecked(),
            "tray.start_hidden": self.start_hidden.isChecked(),
        })
        return values

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setVisible(bool(text))

    def apply(self) -> bool:
        """Write the changed settings; False (and an inline error) if nothing could be saved."""
        invalid = [s for s in self.sections.values() if not s.validate_urls()]
        if invalid:
            self.show_page(invalid[0])
            field = invalid[0].first_invalid_field()
            if field is not None:
                field.setFocus()
            self.show_error(self.tr("Correct the address marked in red first."))
            return False
        settings = self.settings
        wanted = self.collected()
        changed = [key for key, value in wanted.items() if value != settings.get(key)]
        before = {key: (settings.get(key), settings.is_default(key)) for key in changed}
        try:
            for key in changed:
                # Back at the default: drop it from the file, so a better default can reach the user later.
                if wanted[key] == setting_default(key):
                    settings.reset(key)
                else:
                    settings.set(key, wanted[key])
            settings.save()
        except (ValueError, OSError) as error:
            for key, (value, was_default) in before.items():
                if was_default:
                    settings.reset(key)
                else:
                    settings.set(key, value)
            log.warning("settings not saved: %s", error)
            self.show_error(fill(self.tr("The settings could not be saved: %1"), problem_words(error)))
            return False
        self.show_error("")
        self._announce(changed)
        return True

    def _announce(self, changed: list[str]) -> None:
        for pid in self.sections:
            if {f"providers.{pid}.base_url", f"providers.{pid}.ws_url"} & set(changed):
                self.controller.resume_provider(pid)
            if f"providers.{pid}.poll" in changed:
                self.controller.apply_poll_speed(pid)
        if "ui.language" in changed:
            self.languageChanged.emit(self.settings.get("ui.language"))
        if "ui.theme" in changed:
            self.themeChanged.emit(self.settings.get("ui.theme"))
        if {"tray.close_to_tray", "tray.start_hidden"} & set(changed):
            self.trayBehaviourChanged.emit()
        if "ui.remote_images" in changed:
            self.remoteImagesChanged.emit(self.settings.get("ui.remote_images") != "never")

    def accept(self) -> None:
        if self.apply():
            super().accept()

    def done(self, result: int) -> None:
        for section in self.sections.values():
            section.cancel_jobs()
        if self._keyring_job is not None and not self._keyring_job.done():
            self._keyring_job.cancel()
        super().done(result)

