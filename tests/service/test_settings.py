"""Settings: declared once, validated, saved atomically, never lost silently."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tempmail_desktop.service import paths
from tempmail_desktop.service import settings as settings_module
from tempmail_desktop.service.settings import (
    PROVIDER_IDS,
    SETTINGS,
    Settings,
    base_url,
    poll_factor,
    ws_url,
)


def test_every_setting_is_declared_once_with_a_valid_default():
    keys = [s.key for s in SETTINGS]
    assert len(keys) == len(set(keys))
    for spec in SETTINGS:
        assert type(spec.default) is spec.kind, spec.key
        assert spec.description, spec.key
        if spec.choices:
            assert spec.default in spec.choices, spec.key
    for pid in PROVIDER_IDS:
        assert f"providers.{pid}.base_url" in keys and f"providers.{pid}.poll" in keys


def test_the_provider_ids_match_the_registry():
    # settings spell the ids out so as not to import the providers package;
    # this catches the two lists drifting apart.
    registry = pytest.importorskip("tempmail_desktop.providers.registry")

    assert set(PROVIDER_IDS) == set(registry.PROVIDERS)
    assert Settings.load().get("default_provider") == registry.DEFAULT_PROVIDER


def test_loading_settings_does_not_import_the_providers():
    script = (
        "import sys; import tempmail_desktop.service.settings as s; s.Settings.load(); "
        "print(sorted(m for m in sys.modules if m.startswith('tempmail_desktop.providers')))"
    )
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).resolve().parents[2]))
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            env=env, check=True)
    assert result.stdout.strip() == "[]"


def test_defaults_without_a_file(isolated_env):
    loaded = Settings.load()

    assert loaded.path == paths.settings_path()
    assert loaded.get("default_provider") == "gptmail"
    assert loaded.get("poll.hot_minutes") == 15
    assert loaded.get("notifications.enabled") is True
    assert loaded.get("ui.remote_images") == "ask"


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("providers.worker.base_url", "https://my-worker.example.workers.dev"),
        ("providers.gptmail.base_url", "http://127.0.0.1:8080/"),
        ("providers.gptmail.base_url", ""),
        ("providers.catmails.ws_url", "wss://push.example/"),
        ("providers.tempmailg.poll", "fast"),
        ("poll.hot_minutes", 0),
        ("notifications.paused", True),
        ("clipboard.auto_copy_code", True),
        ("ui.language", "zh_CN"),
        ("ui.theme", "dark"),
        ("ui.remote_images", "never"),
        ("ui.window_state", "AdnQywADAAAAAAAA"),
        ("default_provider", "catmails"),
    ],
)
def test_valid_values_are_kept_across_save_and_load(tmp_path, key, value):
    path = tmp_path / "settings.json"
    first = Settings.load(path)
    first.set(key, value)
    first.save()

    assert Settings.load(path).get(key) == value


@pytest.mark.parametrize(
    ("key", "value", "says"),
    [
        ("providers.worker.base_url", "ftp://files.example", "http:// or https://"),
        ("providers.worker.base_url", "example.com", "http:// or https://"),
        ("providers.catmails.ws_url", "https://push.example", "ws:// or wss://"),
        ("providers.gptmail.poll", "turbo", "fast, normal, slow"),
        ("poll.hot_minutes", -5, "negative"),
        ("poll.hot_minutes", "15", "whole number"),
        ("poll.hot_minutes", True, "whole number"),
        ("notifications.enabled", 1, "true or false"),
        ("notifications.enabled", "yes", "true or false"),
        ("ui.language", "fr", "system, en, zh_CN"),
        ("ui.theme", None, "text"),
        ("default_provider", "mailinator", "gptmail, tempmailg, catmails, worker"),
    ],
)
def test_invalid_values_are_refused_with_a_sentence(key, value, says):
    loaded = Settings.load()
    before = loaded.get(key)

    with pytest.raises(ValueError, match=key.replace(".", r"\.")) as raised:
        loaded.set(key, value)

    assert says in str(raised.value)
    assert loaded.get(key) == before


def test_a_key_in_a_url_does_not_reach_the_error_text():
    with pytest.raises(ValueError) as raised:
        Settings.load().set("providers.catmails.ws_url", "https://push.example/?key=SECRET-123")
    assert "SECRET-123" not in str(raised.value)


@pytest.mark.parametrize("action", ["get", "set", "reset"])
def test_unknown_keys_are_key_errors(action):
    loaded = Settings.load()
    with pytest.raises(KeyError):
        if action == "set":
            loaded.set("ui.colour", "red")
        else:
            getattr(loaded, action)("ui.colour")


def test_reset_goes_back_to_the_default_and_the_file_keeps_only_changes(tmp_path):
    path = tmp_path / "settings.json"
    loaded = Settings.load(path)
    loaded.set("ui.theme", "dark")
    loaded.set("tray.close_to_tray", True)
    loaded.reset("ui.theme")
    loaded.save()

    assert loaded.get("ui.theme") == "system" and loaded.is_default("ui.theme")
    assert json.loads(path.read_text("utf-8")) == {"tray.close_to_tray": True}


def test_keys_from_a_newer_version_survive_a_save(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"ui.theme": "dark", "ui.future_thing": [1, 2]}), "utf-8")

    loaded = Settings.load(path)
    loaded.set("ui.language", "en")
    loaded.save()

    assert json.loads(path.read_text("utf-8")) == {
        "ui.theme": "dark", "ui.language": "en", "ui.future_thing": [1, 2]}


def test_a_file_from_before_the_hot_window_loads_quietly_and_keeps_its_old_key(tmp_path, caplog):
    """poll.active_window_seconds (3 minutes after a selection) gave way to
    poll.hot_minutes: an old file still loads, without a warning, and going
    back to the old version finds its value again."""
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"poll.active_window_seconds": 300}), "utf-8")

    with caplog.at_level(logging.WARNING, logger="tempmail.settings"):
        loaded = Settings.load(path)
    loaded.set("ui.theme", "dark")
    loaded.save()

    assert not caplog.records
    assert loaded.get("poll.hot_minutes") == 15
    assert json.loads(path.read_text("utf-8")) == {"poll.active_window_seconds": 300, "ui.theme": "dark"}


@pytest.mark.log_warnings_expected
def test_a_bad_value_in_the_file_falls_back_to_its_default_with_a_warning(tmp_path, caplog):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"ui.theme": "purple", "tray.start_hidden": True}), "utf-8")

    with caplog.at_level(logging.WARNING, logger="tempmail.settings"):
        loaded = Settings.load(path)

    assert loaded.get("ui.theme") == "system"
    assert loaded.get("tray.start_hidden") is True
    assert any("ui.theme" in r.getMessage() for r in caplog.records)


@pytest.mark.log_warnings_expected
@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[1, 2, 3]", b"\xff\xfe\x00garbage", b""],
    ids=["broken json", "not an object", "not utf-8", "empty"],
)
def test_a_corrupt_file_is_kept_aside_and_defaults_are_used(tmp_path, caplog, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)

    with caplog.at_level(logging.WARNING, logger="tempmail.settings"):
        loaded = Settings.load(path)

    (aside,) = tmp_path.glob("settings.json.bad-*")
    assert aside.read_bytes() == content
    assert loaded.get("ui.theme") == "system"
    assert [r.name for r in caplog.records] == ["tempmail.settings"]
    assert str(aside) in caplog.records[0].getMessage()


@pytest.mark.log_warnings_expected
def test_two_corrupt_loads_in_one_second_keep_both_copies(tmp_path):
    path = tmp_path / "settings.json"
    for content in (b"{first", b"{second"):
        path.write_bytes(content)
        Settings.load(path)

    assert sorted(p.read_bytes() for p in tmp_path.glob("settings.json.bad-*")) == [
        b"{first", b"{second"]


def test_save_is_atomic_and_private(tmp_path, monkeypatch):
    path = tmp_path / "settings.json"
    loaded = Settings.load(path)
    loaded.set("ui.theme", "dark")
    loaded.save()
    if os.name == "posix":
        assert path.stat().st_mode & 0o777 == 0o600

    def crash(*_args):
        raise OSError("disk full")

    loaded.set("ui.theme", "light")
    monkeypatch.setattr(settings_module.os, "replace", crash)
    with pytest.raises(OSError, match="disk full"):
        loaded.save()

    assert json.loads(path.read_text("utf-8")) == {"ui.theme": "dark"}
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]  # no temp file left


# --- effective values ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "setting", "expected"),
    [
        (None, "", "https://default.example"),
        (None, "https://mine.example/", "https://mine.example"),
        ("http://127.0.0.1:9000/", "https://mine.example", "http://127.0.0.1:9000"),
        ("  ", "https://mine.example", "https://mine.example"),  # blank env is unset
    ],
)
def test_base_url_precedence(monkeypatch, env, setting, expected):
    loaded = Settings.load()
    loaded.set("providers.worker.base_url", setting)
    if env is not None:
        monkeypatch.setenv("TEMPMAIL_WORKER_URL", env)

    assert base_url(loaded, "worker", "https://default.example/") == expected


@pytest.mark.parametrize(
    ("env", "default", "names"),
    [
        ("ftp://x.example", "https://default.example", "TEMPMAIL_GPTMAIL_URL"),
        ("mail.example", "https://default.example", "TEMPMAIL_GPTMAIL_URL"),
        (None, "file:///etc/passwd", "default address of gptmail"),
    ],
)
def test_base_url_rejects_what_is_not_http(monkeypatch, env, default, names):
    if env is not None:
        monkeypatch.setenv("TEMPMAIL_GPTMAIL_URL", env)

    with pytest.raises(ValueError, match=names):
        base_url(Settings.load(), "gptmail", default)


def test_other_providers_env_does_not_leak(monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_URL", "http://127.0.0.1:1")

    assert base_url(Settings.load(), "gptmail", "https://mail.chatgpt.org.uk") == (
        "https://mail.chatgpt.org.uk")


@pytest.mark.parametrize(
    ("env", "setting", "expected"),
    [
        (None, "", "wss://websocket.mails.cat/"),
        (None, "ws://127.0.0.1:9001/", "ws://127.0.0.1:9001/"),
        ("ws://127.0.0.1:9002/ws", "ws://127.0.0.1:9001/", "ws://127.0.0.1:9002/ws"),
    ],
)
def test_ws_url_precedence(monkeypatch, env, setting, expected):
    loaded = Settings.load()
    loaded.set("providers.catmails.ws_url", setting)
    if env is not None:
        monkeypatch.setenv("TEMPMAIL_CATMAILS_WS_URL", env)

    assert ws_url(loaded, "wss://websocket.mails.cat/") == expected


def test_ws_url_must_be_a_websocket(monkeypatch):
    monkeypatch.setenv("TEMPMAIL_CATMAILS_WS_URL", "https://websocket.mails.cat/")
    with pytest.raises(ValueError, match="TEMPMAIL_CATMAILS_WS_URL"):
        ws_url(Settings.load(), "wss://websocket.mails.cat/")


@pytest.mark.parametrize(("speed", "factor"), [("fast", 0.5), ("normal", 1.0), ("slow", 2.0)])
def test_poll_factor(speed, factor):
    loaded = Settings.load()
    loaded.set("providers.catmails.poll", speed)

    assert poll_factor(loaded, "catmails") == factor
    assert poll_factor(loaded, "worker") == 1.0
