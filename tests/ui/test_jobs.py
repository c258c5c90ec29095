"""The controller's jobs: named, a newer one replacing the older, and each
error shown once, to whoever asked (a dialog in place, else the window)."""

from __future__ import annotations

import asyncio

import pytest

from tempmail_desktop.core.errors import UnavailableError
from tempmail_desktop.ui.dialogs import NewAddressDialog
from tests.ui.conftest_async import app_controller, dialogs, qloop, run_until  # noqa: F401


@pytest.fixture
def controller(app_controller, gptmail_fake):  # noqa: F811
    return app_controller(**{"providers.gptmail.base_url": gptmail_fake.url})


@pytest.fixture
def window_errors(controller) -> list[tuple[str, str]]:
    """What the window's error bar would show (it listens to errorOccurred)."""
    said: list[tuple[str, str]] = []
    controller.errorOccurred.connect(lambda who, text: said.append((who, text)))
    return said


def create_in_dialog(controller, dialogs) -> NewAddressDialog:  # noqa: F811
    """The New address dialog, open, with Create pressed."""
    dialog = NewAddressDialog(controller, None)
    dialogs.append(dialog)
    dialog.open()
    dialog.start()
    return dialog


def test_a_newer_question_of_the_same_name_replaces_the_older(controller, qloop):
    answers: list[str] = []

    async def slow() -> str:
        await asyncio.sleep(5)
        return "old"

    async def quick() -> str:
        return "new"

    first = controller.run("domains", slow, answers.append)
    second = controller.run("domains", quick, answers.append)
    run_until(qloop, second.done, what="the newer job")
    run_until(qloop, first.done, what="the older job to be cancelled")

    assert first.cancelled()
    assert answers == ["new"]  # the older answer never overwrites the newer


def test_jobs_of_other_names_run_side_by_side(controller, qloop):
    answers: list[str] = []

    async def answer(text: str) -> str:
        await asyncio.sleep(0.05)
        return text

    jobs = [controller.run(name, lambda name=name: answer(name), answers.append) for name in ("a", "b")]
    run_until(qloop, lambda: all(job.done() for job in jobs), what="both jobs")
    assert sorted(answers) == ["a", "b"]


def test_a_job_cancelled_before_it_starts_leaves_nothing_unawaited(controller, qloop, recwarn):
    started: list[bool] = []

    async def work() -> None:
        started.append(True)

    task = controller.run("never", work)
    task.cancel()
    run_until(qloop, task.done, what="the cancelled job")
    import gc

    gc.collect()
    assert started == []
    assert not [w for w in recwarn if "never awaited" in str(w.message)]


def test_an_error_goes_to_who_asked_and_nowhere_else(controller, qloop, window_errors):
    heard: list[tuple[str, str]] = []

    async def failing() -> None:
        raise UnavailableError("the service cannot be reached", provider="gptmail")

    controller.run("mine", failing, on_error=lambda who, text: heard.append((who, text)))
    run_until(qloop, lambda: heard, what="the error to reach its asker")

    assert heard == [("GPTMail", "the service cannot be reached")]
    assert window_errors == []


def test_an_open_dialog_does_not_take_another_jobs_error_as_its_own(controller, qloop, dialogs, gptmail_fake,
                                                                    window_errors):
    gptmail_fake.fail_next("slow", path="/api/generate-email", delay=3.0)
    dialog = create_in_dialog(controller, dialogs)  # waits on the slow service, buttons off
    assert not dialog.buttons.isEnabled()

    async def someone_elses() -> None:
        raise UnavailableError("a mailbox check failed", provider="gptmail")

    controller.run("check:other@example.com", someone_elses)
    run_until(qloop, lambda: window_errors, what="the other job's error")

    assert window_errors == [("GPTMail", "a mailbox check failed")]  # shown once, by the window
    assert dialog.error_label.isHidden() and dialog.error_label.text() == ""
    assert not dialog.buttons.isEnabled()  # still waiting for its own answer


def test_a_dialogs_own_error_is_shown_in_it_not_in_the_window(controller, qloop, dialogs, gptmail_fake,
                                                              window_errors):
    gptmail_fake.fail_next("500", path="/api/generate-email", times=5)
    dialog = create_in_dialog(controller, dialogs)
    run_until(qloop, lambda: not dialog.error_label.isHidden(), timeout=20, what="the dialog's error")

    assert dialog.error_label.text().startswith("GPTMail: ")
    assert dialog.buttons.isEnabled()  # the user can try again
    assert window_errors == []


def test_a_refused_rename_leaves_the_old_address_watched(app_controller, qloop, monkeypatch, tempmailg_fake,  # noqa: F811
                                                         window_errors):
    monkeypatch.setenv("TEMPMAIL_TEMPMAILG_KEY", "tmg-test-key")
    controller = app_controller(**{"providers.tempmailg.base_url": tempmailg_fake.url})
    made: list = []
    controller.create_mailbox("tempmailg", None, None, on_done=made.append)
    run_until(qloop, lambda: made, timeout=20, what="a TempMailG address")
    [mailbox] = made
    tempmailg_fake.fail_next("500", path="/api/emails/", times=10)

    refused: list[tuple[str, str]] = []
    renamed: list = []
    task = controller.rename_mailbox(mailbox, "another-name", mailbox.address.partition("@")[2],
                                     on_done=renamed.append, on_error=lambda who, text: refused.append((who, text)))
    run_until(qloop, task.done, timeout=30, what="the rename to be refused")

    assert refused and not renamed and window_errors == []
    # Mail to the old address still arrives: its watcher runs again.
    assert (mailbox.provider, mailbox.address) in controller.watchers
