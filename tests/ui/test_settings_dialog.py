"""The settings dialog as a user meets it: keys never shown, saved to the
keyring (or, only when asked once for every service, for this session),
addresses checked before anything is written, and OK/Cancel meaning what
they say."""

from __future__ import annotations

import json

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QMessageBox

from tempmail_desktop.service.secrets import SERVICE_NAME, KeySource
from tempmail_desktop.ui import keyring_panel, settings_dialog
from tempmail_desktop.ui.keyring_panel import KeyringPanel
from tempmail_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest_async import app_controller, dialogs, qloop, run, run_until  # noqa: F401

STORED_KEY = "stored-secret-4f9a"


class NoKeyring(KeyringBackend):
    """What keyring reports when no Secret Service runs."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def set_password(self, service, username, password):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")

    def delete_password(self, service, username):
        raise keyring.errors.NoKeyringError("No recommended backend was available.")


@pytest.fixture
def controller(app_controller, gptmail_fake):
    return app_controller(**{"providers.gptmail.base_url": gptmail_fake.url})


@pytest.fixture
def resumed(controller, monkeypatch):
    """Provider ids passed to controller.resume_provider, which still does its work."""
    calls: list[str] = []
    original = controller.resume_provider

    def spy(provider_id: str) -> None:
        calls.append(provider_id)
        original(provider_id)

    monkeypatch.setattr(controller, "resume_provider", spy)
    return calls


def open_dialog(controller, qloop, dialogs) -> SettingsDialog:  # noqa: F811
    dialog = SettingsDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    run_until(qloop, lambda: all(s.lookup is not None for s in dialog.sections.values()),
              what="the key status of every service")
    return dialog


def saved(controller) -> dict:
    """The settings file, less the fake's address that every test here sets up."""
    written = json.loads(controller.service.settings.path.read_text())
    written.pop("providers.gptmail.base_url", None)
    return written


def kept_for_the_session(controller, qloop, provider_id: str) -> bool:  # noqa: F811
    """Whether the key the app would use now is one kept in memory for this session."""
    return run(qloop, controller.service.secrets.get(provider_id)).source is KeySource.SESSION


def last_key_sent(fake) -> str | None:
    return fake.requests[-1].headers.get("X-API-Key")


# -- keys ----------------------------------------------------------------------------


def test_a_stored_key_is_never_put_in_a_field(controller, qloop, dialogs, memory_keyring):
    memory_keyring.items[(SERVICE_NAME, "gptmail")] = STORED_KEY
    dialog = open_dialog(controller, qloop, dialogs)
    section = dialog.sections["gptmail"]

    assert section.key_edit.text() == ""
    assert section.key_edit.echoMode() == QLineEdit.EchoMode.Password
    assert section.key_status.text().startswith("A key is stored in OS keyring")
    shown = [w.text() for w in dialog.findChildren(QLineEdit)] + [w.text() for w in dialog.findChildren(QLabel)]
    assert not [text for text in shown if STORED_KEY in text]


@pytest.mark.parametrize(
    ("provider_id", "env", "stored", "status", "editable"),
    [
        ("gptmail", None, None, "Using the public test key.", True),
        ("tempmailg", None, None, "No key set. This service needs one.", True),
        ("worker", None, "tmp_abc", "A key is stored in OS keyring", True),
        ("catmails", "mk_from_env", None, "Set by TEMPMAIL_CATMAILS_KEY (read-only here).", False),
        # The environment wins over a stored key, and the dialog says which one is used.
        ("gptmail", "env-key", "stored-key", "Set by TEMPMAIL_GPTMAIL_KEY (read-only here).", False),
    ],
)
def test_the_key_status_says_where_the_key_comes_from(controller, qloop, dialogs, memory_keyring, monkeypatch,
                                                      provider_id, env, stored, status, editable):
    if env:
        monkeypatch.setenv(f"TEMPMAIL_{provider_id.upper()}_KEY", env)
    if stored:
        memory_keyring.items[(SERVICE_NAME, provider_id)] = stored
    section = open_dialog(controller, qloop, dialogs).sections[provider_id]

    assert section.key_status.text().startswith(status)
    assert section.key_edit.isEnabled() is editable
    assert section.key_edit.text() == ""
    section.key_edit.setText("something new")
    assert section.save_key_button.isEnabled() is editable
    assert section.remove_key_button.isEnabled() is (editable and stored is not None)


def test_show_toggles_whether_the_typed_key_is_readable(controller, qloop, dialogs, qtbot):
    section = open_dialog(controller, qloop, dialogs).sections["tempmailg"]
    section.key_edit.setText("typed-key")

    qtbot.mouseClick(section.show_key, Qt.MouseButton.LeftButton)
    assert section.key_edit.echoMode() == QLineEdit.EchoMode.Normal
    qtbot.mouseClick(section.show_key, Qt.MouseButton.LeftButton)
    assert section.key_edit.echoMode() == QLineEdit.EchoMode.Password


def test_saving_a_key_stores_it_and_the_service_uses_it_at_once(controller, qloop, dialogs, qtbot, memory_keyring,
                                                                gptmail_fake, resumed):
    gptmail_fake.keys.add("my-own-key")
    service = controller.service
    run(qloop, run(qloop, service.provider("gptmail")).stats())  # a client built with the test key
    assert last_key_sent(gptmail_fake) == "gpt-test"
    section = open_dialog(controller, qloop, dialogs).sections["gptmail"]

    qtbot.keyClicks(section.key_edit, "my-own-key")
    qtbot.mouseClick(section.save_key_button, Qt.MouseButton.LeftButton)
    run_until(qloop, lambda: section.key_note.text() == "Key saved.", what="the key to be saved")

    assert memory_keyring.items[(SERVICE_NAME, "gptmail")] == "my-own-key"
    assert resumed == ["gptmail"]
    assert section.key_edit.text() == ""
    assert section.key_status.text().startswith("A key is stored in OS keyring")
    run(qloop, run(qloop, service.provider("gptmail")).stats())
    assert last_key_sent(gptmail_fake) == "my-own-key"


def test_removing_the_key_goes_back_to_the_test_key(controller, qloop, dialogs, qtbot, memory_keyring, resumed):
    memory_keyring.items[(SERVICE_NAME, "gptmail")] = STORED_KEY
    section = open_dialog(controller, qloop, dialogs).sections["gptmail"]

    qtbot.mouseClick(section.remove_key_button, Qt.MouseButton.LeftButton)
    run_until(qloop, lambda: section.key_status.text() == "Using the public test key.", what="the key removal")

    assert (SERVICE_NAME, "gptmail") not in memory_keyring.items
    assert resumed == ["gptmail"]
    assert section.key_note.text() == "Key removed."
    assert not section.remove_key_button.isEnabled()


class LockedKeyring(KeyringBackend):
    """A keyring that exists but stays locked."""

    priority = 1  # type: ignore[assignment]

    def get_password(self, service, username):
        raise keyring.errors.KeyringLocked("the collection is locked")

    set_password = delete_password = get_password


def panels_shown(dialog) -> list:
    return [p for p in dialog.findChildren(KeyringPanel) if p.isVisibleTo(dialog)]


def texts_shown(dialog) -> list[str]:
    return [label.text() for label in dialog.findChildren(QLabel) if label.isVisibleTo(dialog) and label.text()]


def tick(qtbot, box) -> None:
    """Click a check box where its mark is drawn (its middle may be empty space)."""
    middle = box.height() // 2
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(middle, middle))


def wait_for_the_panel(qloop, dialog) -> None:  # noqa: F811
    run_until(qloop, lambda: panels_shown(dialog), what="the keyring panel")


@pytest.mark.log_warnings_expected
def test_without_a_keyring_one_panel_says_so_for_every_service(controller, qloop, dialogs):
    keyring.set_keyring(NoKeyring())  # the autouse memory_keyring fixture puts the old one back
    dialog = open_dialog(controller, qloop, dialogs)
    wait_for_the_panel(qloop, dialog)

    assert len(panels_shown(dialog)) == 1
    panel = panels_shown(dialog)[0]
    assert panel.title.text() == "There is no keyring on this computer"
    assert "gnome-keyring" in panel.how.text() and "KWallet" in panel.how.text()
    assert not panel.session_only.isChecked()  # an opt-in, never on by itself
    # Said once: no service page repeats the keyring's story.
    for page in range(dialog.pages.count()):
        dialog.page_list.setCurrentRow(page)
        said = " ".join(texts_shown(dialog))
        assert said.count("Secret Service") == 1
        assert "could not be read" not in said
    assert dialog.sections["gptmail"].key_status.text() == "Using the public test key."
    assert dialog.sections["tempmailg"].key_status.text() == "No key set. This service needs one."


@pytest.mark.log_warnings_expected
def test_without_the_opt_in_a_key_is_not_kept_and_the_panel_is_the_way_out(controller, qloop, dialogs, qtbot,
                                                                            resumed):
    keyring.set_keyring(NoKeyring())
    dialog = open_dialog(controller, qloop, dialogs)
    section = dialog.sections["gptmail"]

    qtbot.keyClicks(section.key_edit, "typed-key")
    qtbot.mouseClick(section.save_key_button, Qt.MouseButton.LeftButton)
    run_until(qloop, lambda: section.key_problem.isVisibleTo(section), what="the save to fail")

    assert section.key_problem.text() == "Not saved: the keyring cannot be used (see the note at the top)."
    assert len(panels_shown(dialog)) == 1
    assert not kept_for_the_session(controller, qloop, "gptmail")
    assert resumed == []
    assert section.key_edit.text() == "typed-key"  # still there to save once the user chose


@pytest.mark.log_warnings_expected
def test_after_opting_in_once_keys_on_two_services_are_kept_without_asking(controller, qloop, dialogs, qtbot,
                                                                           gptmail_fake, resumed, monkeypatch):
    keyring.set_keyring(NoKeyring())
    gptmail_fake.keys.add("session-key")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or 0)
    dialog = open_dialog(controller, qloop, dialogs)
    wait_for_the_panel(qloop, dialog)
    tick(qtbot, dialog.keyring_panel.session_only)
    assert dialog.keyring_panel.session_only.isChecked()

    for pid, key in (("gptmail", "session-key"), ("tempmailg", "tmg-session-key")):
        dialog.show_page(dialog.sections[pid])
        section = dialog.sections[pid]
        qtbot.keyClicks(section.key_edit, key)
        qtbot.mouseClick(section.save_key_button, Qt.MouseButton.LeftButton)
        run_until(qloop, lambda s=section: s.key_note.text() == "Key kept for this session only.",
                  what=f"the {pid} key to be kept")
        assert section.key_problem.isHidden()
        assert section.key_edit.text() == ""
        run_until(qloop, lambda s=section: "session only" in s.key_status.text(), what="the status to follow")
        assert kept_for_the_session(controller, qloop, pid)

    assert asked == []
    assert sorted(resumed) == ["gptmail", "tempmailg"]
    run(qloop, run(qloop, controller.service.provider("gptmail")).stats())
    assert last_key_sent(gptmail_fake) == "session-key"


@pytest.mark.log_warnings_expected
def test_the_choice_holds_for_the_next_settings_window_and_can_be_taken_back(controller, qloop, dialogs, qtbot):
    keyring.set_keyring(NoKeyring())
    first = open_dialog(controller, qloop, dialogs)
    wait_for_the_panel(qloop, first)
    tick(qtbot, first.keyring_panel.session_only)
    first.close()

    again = open_dialog(controller, qloop, dialogs)
    wait_for_the_panel(qloop, again)
    assert again.keyring_panel.session_only.isChecked()
    tick(qtbot, again.keyring_panel.session_only)  # taken back
    section = again.sections["worker"]
    qtbot.keyClicks(section.key_edit, "tmp_key")
    qtbot.mouseClick(section.save_key_button, Qt.MouseButton.LeftButton)
    run_until(qloop, lambda: section.key_problem.isVisibleTo(section), what="the save to fail")
    assert not kept_for_the_session(controller, qloop, "worker")


def test_with_a_keyring_there_is_no_panel(controller, qloop, dialogs, qtbot, memory_keyring):
    dialog = open_dialog(controller, qloop, dialogs)
    run_until(qloop, lambda: dialog.keyring_panel.state is not None, what="the keyring's answer")
    assert panels_shown(dialog) == []
    section = dialog.sections["worker"]
    qtbot.keyClicks(section.key_edit, "tmp_key")
    qtbot.mouseClick(section.save_key_button, Qt.MouseButton.LeftButton)
    run_until(qloop, lambda: section.key_note.text() == "Key saved.", what="the key to be saved")
    assert memory_keyring.items[(SERVICE_NAME, "worker")] == "tmp_key"
    assert panels_shown(dialog) == []


@pytest.mark.log_warnings_expected
def test_a_locked_keyring_is_named_in_its_own_words(controller, qloop, dialogs):
    keyring.set_keyring(LockedKeyring())
    dialog = open_dialog(controller, qloop, dialogs)
    wait_for_the_panel(qloop, dialog)
    panel = dialog.keyring_panel
    assert panel.title.text() == "The keyring cannot be used now"
    assert panel.detail.text().startswith("The keyring is locked.")
    assert not panel.how.isVisibleTo(panel)  # no "install one" for a keyring that is there


@pytest.mark.log_warnings_expected
@pytest.mark.parametrize(("platform", "words"), [("linux", "GNOME Keyring"), ("darwin", "Keychain Access"),
                                                 ("win32", "Credential Manager")])
def test_the_panel_says_how_to_get_a_keyring_on_this_platform(controller, qloop, dialogs, monkeypatch,
                                                              platform, words):
    monkeypatch.setattr(keyring_panel, "platform_name", lambda: platform)
    keyring.set_keyring(NoKeyring())
    dialog = open_dialog(controller, qloop, dialogs)
    wait_for_the_panel(qloop, dialog)
    assert words in dialog.keyring_panel.how.text()


def test_a_key_with_a_line_break_is_refused_in_place_without_echo(controller, qloop, dialogs, qtbot, memory_keyring):
    section = open_dialog(controller, qloop, dialogs).sections["gptmail"]
    section.key_edit.setText("secret-part\nsecond-line")  # as a paste of two lines leaves it
    qtbot.mouseClick(section.save_key_button, Qt.MouseButton.LeftButton)

    assert "cannot be used" in section.key_problem.text()
    assert "line break" in section.key_problem.text()
    assert "secret-part" not in section.key_problem.text()
    assert (SERVICE_NAME, "gptmail") not in memory_keyring.items
    assert section.save_key_button.isEnabled(), "the dialog was left busy"
    assert not kept_for_the_session(controller, qloop, "gptmail")


def test_a_key_no_service_could_take_is_said_as_it_is_typed(controller, qloop, dialogs, qtbot):
    section = open_dialog(controller, qloop, dialogs).sections["tempmailg"]
    qtbot.keyClicks(section.key_edit, "good-part")
    assert section.key_problem.isHidden()  # nothing said before there is something wrong

    # Pasted from a web page that wrote the key with a typographic dash.
    QApplication.clipboard().setText("\u2013rest")
    qtbot.keyClick(section.key_edit, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
    assert section.key_edit.text() == "good-part\u2013rest"
    assert section.key_problem.isVisibleTo(section)
    assert "cannot be used" in section.key_problem.text()
    qtbot.keyClick(section.key_edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(section.key_edit, "typed-again")  # replaces the bad paste
    assert section.key_edit.text() == "typed-again"
    assert section.key_problem.isHidden()


def test_an_unusable_stored_key_is_named_and_can_be_replaced(controller, qloop, dialogs, qtbot, memory_keyring):
    memory_keyring.items[(SERVICE_NAME, "gptmail")] = "zq-7-secret\r\nkey"
    section = open_dialog(controller, qloop, dialogs).sections["gptmail"]
    run_until(qloop, lambda: "line break" in section.key_status.text(), what="the stored key's status")

    assert "zq-7-secret" not in section.key_status.text()
    assert section.remove_key_button.isEnabled()
    qtbot.keyClicks(section.key_edit, "a-good-key")
    assert section.save_key_button.isEnabled()
    qtbot.mouseClick(section.save_key_button, Qt.MouseButton.LeftButton)
    run_until(qloop, lambda: section.key_note.text() == "Key saved.", what="the new key to be saved")
    assert memory_keyring.items[(SERVICE_NAME, "gptmail")] == "a-good-key"


# -- addresses -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("provider_id", "field", "value"),
    [
        ("gptmail", "url", "ftp://mail.example.org"),
        ("worker", "url", "mail.example.org"),
        ("tempmailg", "url", "ws://mail.example.org"),
        ("catmails", "url", "https://"),
        ("catmails", "ws", "https://websocket.example.org"),
        ("catmails", "ws", "websocket.example.org"),
    ],
)
def test_a_bad_address_is_marked_and_nothing_is_saved(controller, qloop, dialogs, qtbot, resumed,
                                                      provider_id, field, value):
    dialog = open_dialog(controller, qloop, dialogs)
    section = dialog.sections[provider_id]
    edit, error = (section.url_edit, section.url_error) if field == "url" else (section.ws_edit, section.ws_error)
    dialog.notify_paused.setChecked(True)  # a valid change that must not be written either
    dialog.show_page(section)
    assert not error.isVisibleTo(dialog)  # nothing said before the user typed

    edit.setText(value)
    assert error.isVisibleTo(dialog)
    assert error.text().startswith("Use a")
    dialog.page_list.setCurrentRow(dialog.page_list.count() - 1)  # on another page when pressing OK
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert dialog.isVisible()
    assert dialog.pages.currentWidget() is section  # taken back to the field in red
    assert error.isVisibleTo(dialog)
    assert dialog.error_label.text() == "Correct the address marked in red first."
    settings = controller.service.settings
    assert not settings.path.exists()
    assert settings.get("notifications.paused") is False
    assert resumed == []

    edit.clear()  # blank means the service's own address again
    assert not error.isVisibleTo(dialog)


def test_a_changed_address_is_saved_and_the_service_resumed(controller, qloop, dialogs, qtbot, resumed):
    dialog = open_dialog(controller, qloop, dialogs)
    dialog.sections["worker"].url_edit.setText(" https://mail.example.org/ ")
    dialog.sections["catmails"].ws_edit.setText("wss://push.example.org/")

    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)

    assert not dialog.isVisible()
    assert saved(controller) == {"providers.worker.base_url": "https://mail.example.org/",
                       "providers.catmails.ws_url": "wss://push.example.org/"}
    assert sorted(resumed) == ["catmails", "worker"]


def test_the_base_url_placeholder_is_the_default(controller, qloop, dialogs):
    section = open_dialog(controller, qloop, dialogs).sections["gptmail"]
    assert section.url_edit.placeholderText() == "https://mail.chatgpt.org.uk"


def test_poll_speed_reaches_running_watchers(controller, qloop, dialogs, qtbot):
    class Watcher:
        poll_factor = 1.0

    watched = Watcher()
    controller.watchers[("gptmail", "a@chatgpt.org.uk")] = watched
    try:
        dialog = open_dialog(controller, qloop, dialogs)
        combo = dialog.sections["gptmail"].poll_combo
        combo.setCurrentIndex(combo.findData("slow"))
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    finally:
        controller.watchers.clear()
    assert controller.service.settings.get("providers.gptmail.poll") == "slow"
    assert watched.poll_factor == 2.0


# -- the other pages, OK and Cancel ---------------------------------------------------


@pytest.mark.parametrize(
    ("combo", "value", "signal"),
    [
        ("language_combo", "zh_CN", "languageChanged"),
        ("language_combo", "en", "languageChanged"),
        ("theme_combo", "dark", "themeChanged"),
        ("theme_combo", "light", "themeChanged"),
    ],
)
def test_language_and_theme_changes_are_announced_on_ok(controller, qloop, dialogs, qtbot, combo, value, signal):
    dialog = open_dialog(controller, qloop, dialogs)
    box = getattr(dialog, combo)
    box.setCurrentIndex(box.findData(value))
    other = {"languageChanged": "themeChanged", "themeChanged": "languageChanged"}[signal]

    with qtbot.waitSignal(getattr(dialog, signal), timeout=1000) as emitted, \
            qtbot.assertNotEmitted(getattr(dialog, other)), qtbot.assertNotEmitted(dialog.trayBehaviourChanged):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert emitted.args == [value]


def test_ok_without_changes_announces_nothing_and_writes_nothing(controller, qloop, dialogs, qtbot):
    dialog = open_dialog(controller, qloop, dialogs)
    with qtbot.assertNotEmitted(dialog.languageChanged), qtbot.assertNotEmitted(dialog.themeChanged), \
            qtbot.assertNotEmitted(dialog.trayBehaviourChanged):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert saved(controller) == {}


def test_ok_saves_every_page(controller, qloop, dialogs, qtbot, monkeypatch):
    monkeypatch.setattr(settings_dialog, "tray_available", lambda: True)
    dialog = open_dialog(controller, qloop, dialogs)
    dialog.notify_show_code.setChecked(False)
    dialog.auto_copy_code.setChecked(True)
    dialog.remote_images_combo.setCurrentIndex(dialog.remote_images_combo.findData("never"))
    dialog.close_to_tray.setChecked(False)  # on by default

    with qtbot.waitSignal(dialog.trayBehaviourChanged, timeout=1000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert saved(controller) == {
        "notifications.show_code": False,
        "clipboard.auto_copy_code": True,
        "ui.remote_images": "never",
        "tray.close_to_tray": False,
    }


def test_going_back_to_a_default_drops_it_from_the_file(app_controller, qloop, dialogs, qtbot):
    controller = app_controller(**{"ui.theme": "dark", "notifications.paused": True})
    controller.service.settings.save()
    dialog = open_dialog(controller, qloop, dialogs)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("system"))
    dialog.notify_paused.setChecked(False)

    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert saved(controller) == {}


def test_cancel_discards_the_changes(controller, qloop, dialogs, qtbot):
    dialog = open_dialog(controller, qloop, dialogs)
    dialog.notify_enabled.setChecked(False)
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("zh_CN"))
    dialog.sections["worker"].url_edit.setText("https://mail.example.org")

    with qtbot.assertNotEmitted(dialog.languageChanged):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Cancel), Qt.MouseButton.LeftButton)
    settings = controller.service.settings
    assert not settings.path.exists()
    assert settings.get("notifications.enabled") is True
    assert settings.get("ui.language") == "system"
    assert settings.get("providers.worker.base_url") == ""


@pytest.mark.log_warnings_expected
def test_a_failed_write_is_shown_and_leaves_the_settings_as_they_were(controller, qloop, dialogs, qtbot):
    settings = controller.service.settings
    settings.path.mkdir(parents=True)  # a folder where the file should go: the write fails
    dialog = open_dialog(controller, qloop, dialogs)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("dark"))

    with qtbot.assertNotEmitted(dialog.themeChanged):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert dialog.error_label.text().startswith("The settings could not be saved:")
    assert settings.get("ui.theme") == "system"


def test_notification_details_follow_the_main_switch(controller, qloop, dialogs):
    dialog = open_dialog(controller, qloop, dialogs)
    dialog.notify_enabled.setChecked(False)
    assert not dialog.notify_show_code.isEnabled()
    assert not dialog.notify_paused.isEnabled()
    assert dialog.auto_copy_code.isEnabled()  # copying does not need a notification
    dialog.notify_enabled.setChecked(True)
    assert dialog.notify_show_code.isEnabled()


@pytest.mark.parametrize("available", [True, False])
def test_tray_options_depend_on_a_system_tray(controller, qloop, dialogs, monkeypatch, available):
    monkeypatch.setattr(settings_dialog, "tray_available", lambda: available)
    dialog = open_dialog(controller, qloop, dialogs)
    assert dialog.close_to_tray.isEnabled() is available
    assert dialog.start_hidden.isEnabled() is available
    assert dialog.tray_note.isHidden() is available
    if not available:
        assert "No system tray" in dialog.tray_note.text()


def test_language_choices_name_each_language_in_itself(controller, qloop, dialogs):
    dialog = open_dialog(controller, qloop, dialogs)
    combo = dialog.language_combo
    assert [(combo.itemText(i), combo.itemData(i)) for i in range(combo.count())] == [
        ("System language", "system"), ("English", "en"), ("简体中文", "zh_CN")]


def test_every_control_has_an_accessible_name(controller, qloop, dialogs):
    from PySide6.QtWidgets import QAbstractButton, QComboBox

    dialog = open_dialog(controller, qloop, dialogs)
    # The tab bar's own scroll arrows are Qt's business.
    controls = [w for kind in (QLineEdit, QComboBox, QAbstractButton) for w in dialog.findChildren(kind)
                if not w.parent().inherits("QTabBar")]
    unnamed = [w for w in controls if not w.accessibleName() and not (hasattr(w, "text") and w.text())]
    assert unnamed == []
