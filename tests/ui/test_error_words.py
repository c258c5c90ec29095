"""The window's words for the services' errors: in the user's language
(the catalog of core/texts.py, translated under "Errors"), with the
window's own way out (Settings), never the command's; every 429 is a quota
or rate limit whatever the service said; the status bar's details are
translated too; what a service said stays one bounded line."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import pytest

from tempmail_desktop.core import texts
from tempmail_desktop.core.errors import AuthError, TempmailError
from tempmail_desktop.core.texts import WayOut
from tempmail_desktop.service.secrets import NoKeyringError
from tempmail_desktop.service.watcher import WatchState, WatchStatus
from tempmail_desktop.ui import i18n
from tempmail_desktop.ui.error_words import ARGUMENT_CHARS, in_window_words, way_out_words
from tempmail_desktop.ui.watch_status import describe_state
from tests.cli.conftest import KEYS
from tests.cli.test_error_words import PROVIDERS, SAID_WITH_429
from tests.fakes.limited import LimitedService
from tests.ui.conftest_async import app_controller, qloop, run_until  # noqa: F401

CJK = re.compile(r"[\u3400-\u9fff]")
COMMAND_ONLY = ("tempmail key set", "tempmail ", "TEMPMAIL_")


@pytest.fixture
def language(qapp) -> Iterator[Callable[[str], str]]:
    yield lambda choice: i18n.install_translators(qapp, choice)
    i18n.install_translators(qapp, "en")


def window_error(controller, qloop, provider_id: str) -> str:  # noqa: F811
    """What the window says when making an address on ``provider_id`` fails."""
    said: list[str] = []
    controller.create_mailbox(provider_id, None, None, on_error=lambda _who, text: said.append(text))
    run_until(qloop, lambda: bool(said), what="the error")
    return said[0]


def assert_window_words(text: str) -> None:
    for words in COMMAND_ONLY:
        assert words not in text, text


@pytest.mark.parametrize(("key", "chinese"), [
    ("my-own-gptmail-key-42", "Invalid API key。请打开“设置”并填写密钥。"),  # the service's words, then ours
    ("gpt-test", "Invalid API key（公共测试密钥被拒绝）。请打开“设置”并填写密钥。"),
], ids=["own key", "public test key"])
def test_a_gptmail_401_is_chinese_and_points_to_settings(app_controller, qloop, gptmail_fake, language,  # noqa: F811
                                                         monkeypatch, key, chinese):
    if key != "gpt-test":  # none set: the built-in public test key is used
        monkeypatch.setenv("TEMPMAIL_GPTMAIL_KEY", key)
    gptmail_fake.keys.add(key)
    controller = app_controller(**{"providers.gptmail.base_url": gptmail_fake.url})
    assert language("zh_CN") == "zh_CN"
    gptmail_fake.fail_next("401")

    said = window_error(controller, qloop, "gptmail")

    assert said == chinese
    assert_window_words(said)


def test_a_missing_key_is_chinese_and_points_to_settings(app_controller, qloop, language):  # noqa: F811
    controller = app_controller()
    assert language("zh_CN") == "zh_CN"

    said = window_error(controller, qloop, "worker")

    assert said == "没有 TempMail (worker) 的 API 密钥。请打开“设置”并填写密钥。"
    assert_window_words(said)


@pytest.mark.parametrize("choice, limit_words", [("en", ("quota", "rate limit")), ("zh_CN", ("配额",))])
@pytest.mark.parametrize("said", SAID_WITH_429, ids=lambda said: said or "no body")
@pytest.mark.parametrize("pid", PROVIDERS)
def test_every_429_is_a_quota_or_rate_limit(app_controller, qloop, language, monkeypatch,  # noqa: F811
                                            pid, said, choice, limit_words):
    monkeypatch.setenv(f"TEMPMAIL_{pid.upper()}_KEY", KEYS[pid])
    with LimitedService(said) as service:
        controller = app_controller(**{f"providers.{pid}.base_url": service.url})
        assert language(choice) == choice

        text = window_error(controller, qloop, pid)

    assert any(words in text.lower() for words in limit_words), text
    assert "Settings" not in text and "设置" not in text, text  # no key to fix
    if said:
        assert said in text
    assert_window_words(text)


def test_the_status_bar_says_a_key_problem_in_chinese(qapp, language):
    error = AuthError(texts.NO_KEY(service="Cat Mails"), provider="catmails")
    state = WatchState("catmails", "a@mails.cat", WatchStatus.KEY_PROBLEM, detail=str(error), error=error)
    assert language("zh_CN") == "zh_CN"

    assert describe_state(state) == "密钥有问题：没有 Cat Mails 的 API 密钥"


def test_the_status_bar_says_an_unreachable_service_in_chinese(qapp, language):
    error = TempmailError(texts.CANNOT_REACH(reason=texts.NO_NETWORK()), provider="gptmail")
    state = WatchState("gptmail", "a@example.com", WatchStatus.OFFLINE, detail=str(error), error=error)
    assert language("zh_CN") == "zh_CN"

    assert describe_state(state) == "离线：无法连接到服务（连接被拒绝或没有网络）"


def test_what_a_service_said_stays_one_bounded_line(qapp):
    error = AuthError(texts.CATMAILS_KEY_REFUSED(said="Invalid key\n<b>" + "x" * 5000), provider="catmails")

    said = in_window_words(error)

    assert "\n" not in said and "<b>" in said  # plain text: shown as it is, never as markup
    assert len(said) < ARGUMENT_CHARS + 200


def test_no_keyring_offers_the_session_key_in_the_window_only(qapp):
    error = NoKeyringError(texts.NO_KEYRING(variable="TEMPMAIL_WORKER_KEY"), nothing_stored=True)

    assert "session only" in in_window_words(error)
    assert "TEMPMAIL_WORKER_KEY" in in_window_words(error)  # the variable works for the app too


@pytest.mark.parametrize("choice", ["en", "zh_CN"])
@pytest.mark.parametrize("way_out", list(WayOut))
def test_no_window_way_out_names_the_command(qapp, language, way_out, choice):
    language(choice)
    error = TempmailError("x", way_out=way_out)

    words = way_out_words(error)

    assert words, f"the window has no words for {way_out}"
    assert_window_words(words)
    if choice == "zh_CN":
        assert CJK.search(words), words
