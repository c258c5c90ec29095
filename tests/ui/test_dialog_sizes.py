"""Dialogs that fit: nothing in the new-address, settings or about dialogs is
cut off, at the default font, at 150 % font, and with texts 40 % longer than
the English ones (as other languages' are), with the longest domain names a
service lists."""

from __future__ import annotations

from collections.abc import Iterator

import keyring
import pytest
from PySide6.QtCore import Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QLineEdit, QWidget

from tempmail_desktop.ui.about_dialog import AboutDialog
from tempmail_desktop.ui.dialogs import NewAddressDialog, RenameDialog
from tempmail_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest_async import app_controller, dialogs, qloop, run_until  # noqa: F401
from tests.ui.test_main_window import desktop, fakes  # noqa: F401
from tests.ui.test_settings_dialog import NoKeyring

LONG_DOMAIN = "a-rather-long-temporary-domain.example.test"


class LongerTexts(QTranslator):
    """Every text of the app's own 40 % longer, as a stand-in for languages
    whose words run longer than English (no catalogue is needed)."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002
        if not source or context.startswith("Q"):  # Qt's own texts stay as Qt has them
            return None
        return source + " " + "w" * max(2, len(source) * 2 // 5)

    def isEmpty(self) -> bool:
        return False


@pytest.fixture(params=["default", "150%", "150% and longer texts"])
def look(request, qapp) -> Iterator[str]:
    font = qapp.font()
    translator = None
    if request.param != "default":
        bigger = qapp.font()
        bigger.setPointSizeF(font.pointSizeF() * 1.5)
        qapp.setFont(bigger)
    if request.param.endswith("longer texts"):
        translator = LongerTexts(qapp)
        qapp.installTranslator(translator)
    yield request.param
    if translator is not None:
        qapp.removeTranslator(translator)
    qapp.setFont(font)


def cut_off(window: QWidget) -> list[str]:
    """What the user sees only part of in ``window`` as shown now."""
    found: list[str] = []
    for label in window.findChildren(QLabel):
        if not label.isVisibleTo(window) or not label.text():
            continue
        size = label.size()
        if label.wordWrap():
            fits = (label.heightForWidth(size.width()) <= size.height()
                    and label.minimumSizeHint().width() <= size.width())
        else:
            hint = label.sizeHint()
            fits = hint.width() <= size.width() and hint.height() <= size.height()
        if not fits:
            found.append(f"label {label.text()[:40]!r} in {type(label.parent()).__name__}: "
                         f"{size.width()}x{size.height()}, needs {label.minimumSizeHint().width()}x"
                         f"{label.heightForWidth(size.width())}")
    for combo in window.findChildren(QComboBox):
        if not combo.isVisibleTo(window):
            continue
        metrics = combo.fontMetrics()
        widest = max((metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0)
        # The text area is the combo less its frame and arrow, which sizeHint accounts for.
        if combo.width() < combo.sizeHint().width() or combo.width() < widest:
            found.append(f"combo {combo.currentText()!r}: {combo.width()} < {combo.sizeHint().width()}")
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.text() and not button.parent().inherits("QTabBar"):
            hint = button.sizeHint()
            if button.width() < hint.width() or button.height() < hint.height():
                found.append(f"button {button.text()!r}: {button.width()}x{button.height()}, needs "
                             f"{hint.width()}x{hint.height()}")
    for edit in window.findChildren(QLineEdit):
        if edit.isVisibleTo(window) and edit.placeholderText() and not edit.parent().inherits("QComboBox"):
            if edit.width() < edit.fontMetrics().horizontalAdvance(edit.placeholderText()):
                found.append(f"field {edit.placeholderText()!r}: {edit.width()}")
    return found


def settle(qloop, window: QWidget) -> None:  # noqa: F811
    """Let posted layout requests and resizes happen, as they would before the user looks."""
    deadline = qloop.time() + 0.2
    run_until(qloop, lambda: qloop.time() > deadline, what="the layout to settle")


@pytest.fixture
def controller(app_controller, gptmail_fake, tempmailg_fake, monkeypatch):  # noqa: F811
    tempmailg_fake.domains.append((LONG_DOMAIN, "Free", False))
    monkeypatch.setenv("TEMPMAIL_TEMPMAILG_KEY", "tmg-test-key")
    return app_controller(**{"providers.gptmail.base_url": gptmail_fake.url,
                             "providers.tempmailg.base_url": tempmailg_fake.url})


def test_the_new_address_dialog_shows_whole_domain_names(controller, qloop, dialogs, look):  # noqa: F811
    dialog = NewAddressDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("tempmailg"))
    run_until(qloop, lambda: dialog.domain_combo.findData(LONG_DOMAIN) >= 0, what="the domain list")
    dialog.choose_radio.setChecked(True)
    dialog.domain_combo.setCurrentIndex(dialog.domain_combo.findData(LONG_DOMAIN))
    settle(qloop, dialog)

    assert dialog.domain_combo.currentText() == f"{LONG_DOMAIN} (free)" or look.endswith("texts")
    assert cut_off(dialog) == []


def test_the_rename_dialog_shows_whole_domain_names(controller, qloop, dialogs, look):  # noqa: F811
    from tempmail_desktop.core.models import Mailbox

    dialog = RenameDialog(controller, Mailbox("tempmailg", "someone@tmgbox.test"), None)
    dialogs.append(dialog)
    dialog.open()
    run_until(qloop, lambda: dialog.domain_combo.findData(LONG_DOMAIN) >= 0, what="the domain list")
    dialog.domain_combo.setCurrentIndex(dialog.domain_combo.findData(LONG_DOMAIN))
    settle(qloop, dialog)
    assert cut_off(dialog) == []


def test_a_missing_name_is_said_only_after_the_user_typed_or_pressed_create(controller, qloop, dialogs, qtbot):
    dialog = NewAddressDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("tempmailg"))
    dialog.choose_radio.setChecked(True)
    assert not dialog.error_label.isVisibleTo(dialog)  # chosen, not yet typed: nothing to correct

    qtbot.keyClicks(dialog.prefix_edit, "ab")
    qtbot.keyClick(dialog.prefix_edit, "\b")
    qtbot.keyClick(dialog.prefix_edit, "\b")
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.error_label.text().startswith("Type the name you want")


def test_create_without_a_name_says_what_is_missing(controller, qloop, dialogs):
    dialog = NewAddressDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    dialog.provider_combo.setCurrentIndex(dialog.provider_combo.findData("tempmailg"))
    dialog.choose_radio.setChecked(True)
    dialog.start()  # what Create does
    assert dialog.error_label.isVisibleTo(dialog)
    assert dialog.isVisible()


@pytest.mark.parametrize("keyring_works", [True, False], ids=["keyring", "no keyring"])
@pytest.mark.log_warnings_expected
def test_no_settings_page_cuts_anything_off(controller, qloop, dialogs, look, keyring_works):  # noqa: F811
    if not keyring_works:
        keyring.set_keyring(NoKeyring())  # the autouse memory_keyring fixture puts the old one back
    dialog = SettingsDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    run_until(qloop, lambda: all(s.lookup is not None for s in dialog.sections.values())
              and dialog.keyring_panel.state is not None, what="every key's status")
    if not keyring_works:
        assert dialog.keyring_panel.isVisibleTo(dialog)
    for page in range(dialog.pages.count()):
        dialog.page_list.setCurrentRow(page)
        settle(qloop, dialog)
        assert cut_off(dialog) == [], dialog.page_list.item(page).text()
    # The list of pages shows every name whole.
    names = dialog.page_list
    widest = max(names.visualItemRect(names.item(i)).width() for i in range(names.count()))
    assert widest <= names.viewport().width()
    assert max(names.fontMetrics().horizontalAdvance(names.item(i).text()) for i in range(names.count())) \
        <= names.viewport().width()


def test_a_long_error_grows_the_settings_window_instead_of_being_cut(controller, qloop, dialogs, look):  # noqa: F811
    dialog = SettingsDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    settle(qloop, dialog)
    before = dialog.height()
    dialog.show_error("A long problem the service described at length. " * 8)
    settle(qloop, dialog)
    assert dialog.height() > before
    assert cut_off(dialog) == []


def test_the_about_dialog_fits_and_says_what_the_app_is(qapp, qloop, dialogs, look):  # noqa: F811
    from tempmail_desktop import __version__

    dialog = AboutDialog(None)
    dialogs.append(dialog)
    dialog.open()
    settle(qloop, dialog)
    shown = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert "Tempmail Desktop" in shown and __version__ in shown
    assert "GPTMail" in shown and "Cat Mails" in shown
    assert cut_off(dialog) == []


def test_help_about_opens_the_about_window(desktop, qtbot):  # noqa: F811
    app = desktop()
    app.window.show()
    app.window.act_about.trigger()
    shown = [d for d in app.window.findChildren(AboutDialog) if d.isVisible()]
    assert len(shown) == 1
    qtbot.mouseClick(shown[0].buttons.buttons()[0], Qt.MouseButton.LeftButton)  # Close
    qtbot.waitUntil(lambda: not [d for d in app.window.findChildren(AboutDialog) if d.isVisible()])
