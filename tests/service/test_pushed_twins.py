"""A pushed Cat Mails mail and its listed twin are one mail.

Cat Mails pushes new mail over a WebSocket without an id; the listing brings
the same mail later with its real id. MailService pairs the two (and only
it): the user sees one row, keeps what they did with the pushed mail, and is
told once "this mail now has id X", so that a notification or a reader
holding the ``push-`` id finds the real mail. Each test runs a watcher as the
window does, against the Cat Mails fake over a real WebSocket on 127.0.0.1.
"""

from __future__ import annotations

import asyncio
import json

import pytest

from tempmail_desktop.core.models import PUSHED_ID_PREFIX, Mailbox, Message
from tempmail_desktop.core.timeutil import utcnow
from tempmail_desktop.core.watch_state import WatchStatus
from tempmail_desktop.providers.http import HttpClient
from tempmail_desktop.service.mail import MailService
from tempmail_desktop.service.secrets import Secrets
from tempmail_desktop.service.settings import Settings
from tempmail_desktop.service.store import Store
from tempmail_desktop.service.watcher import MailboxWatcher
from tests.fakes.catmails import DEMO_KEY, DEMO_MAIN, service_time

MAILBOX = Mailbox("catmails", DEMO_MAIN)
SENDER = "GitHub <noreply@github.com>"
GREETING = "Hello, thank you for signing in to Example with your account today. " * 4


@pytest.fixture
def make_service(tmp_path, catmails_fake, monkeypatch):
    """MailServices on one store file (a second one plays the command)."""
    monkeypatch.setenv("TEMPMAIL_CATMAILS_KEY", DEMO_KEY)
    monkeypatch.setenv("TEMPMAIL_CATMAILS_WS_URL", catmails_fake.url.replace("http", "ws") + "/ws/")
    made: list[MailService] = []

    def make() -> MailService:
        settings = Settings.load(tmp_path / "settings.json")
        settings.set("providers.catmails.base_url", catmails_fake.url)
        service = MailService(store=Store(tmp_path / "store.sqlite3"), settings=settings,
                              secrets=Secrets(), http=HttpClient())
        service.store.add_mailbox(MAILBOX)
        made.append(service)
        return service

    yield make
    for service in made:
        service.store.close()


class Window:
    """A watcher of MAILBOX as the window runs one: what it was told (new
    mail, "the list changed") and what MailService announced."""

    def __init__(self, service: MailService, fake, *, reads_at_once: bool = False) -> None:
        self.service = service
        self.fake = fake
        self.reads_at_once = reads_at_once
        self.new: list[Message] = []
        self.identified: list[tuple[str, str, str]] = []
        self.list_reloads = 0
        service.on_mail_identified(lambda mb, old, new: self.identified.append((mb.address, old, new)))
        self.watcher = MailboxWatcher(service, MAILBOX, on_new=self._on_new, on_changed=self._on_changed)

    def _on_new(self, _mailbox: Mailbox, messages: list[Message]) -> None:
        self.new.extend(messages)
        if self.reads_at_once:  # the user opens the mail the moment it shows
            for message in messages:
                self.service.store.mark_seen(MAILBOX.provider, MAILBOX.address, message.id)

    def _on_changed(self, _mailbox: Mailbox) -> None:
        self.list_reloads += 1

    async def __aenter__(self) -> "Window":
        self.watcher.start()
        await until(lambda: self.fake.sockets_open() >= 1, "the push connection")
        await until(self._listed_once, "the first listing")
        return self

    async def __aexit__(self, *_exc) -> None:
        await self.watcher.stop()
        await self.service.aclose()

    def _listed_once(self, after: int = 0) -> bool:
        return self.watcher.checks > after and self.watcher.state.status != WatchStatus.CHECKING

    async def press_f5(self) -> None:
        """Check now, and wait until that listing is done."""
        checks = self.watcher.checks
        self.watcher.poke()
        await until(lambda: self._listed_once(checks), "a listing")

    async def press_f5_until(self, condition, what: str) -> None:
        """Check now and again (a listing under way when the service recovered
        may still fail) until ``condition``; then wait out any listing under way."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + 30.0
        while not condition():
            assert loop.time() < deadline, f"timed out waiting for {what}"
            self.watcher.poke()
            await asyncio.sleep(0.3)
        await until(self._listed_once, "the listing to finish")


async def until(condition, what: str, timeout: float = 10.0) -> None:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not condition():
        if loop.time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


async def deliver(fake, **mail) -> str:
    mail.setdefault("sender", SENDER)
    return await asyncio.to_thread(fake.deliver, DEMO_MAIN, **mail)


def hold_listings(fake) -> None:
    fake.fail_next("503", times=10_000, path="/api")


def release_listings(fake) -> None:
    with fake._lock:
        fake.faults.clear()


def stored(service: MailService) -> list[Message]:
    return service.store.messages(MAILBOX.provider, MAILBOX.address)


def fake_mail(fake, mail_id: str):
    return next(m for m in fake.mails if str(m.id) == mail_id)


async def deliver_listed_only(window: "Window", **mail) -> str:
    """A mail the window lists before any push of it arrives."""
    window.fake.push_enabled = False
    mail_id = await deliver(window.fake, **mail)
    window.fake.push_enabled = True
    await window.press_f5()
    return mail_id


async def as_pushed(service: MailService, fake, mail_id: str) -> tuple[dict, Message]:
    """The frame Cat Mails pushes for a mail, and the mail our client makes of it."""
    frame = fake_mail(fake, mail_id).pushed()
    provider = await service.provider("catmails")
    return frame, provider.pushed_message(json.dumps(frame), {DEMO_MAIN.lower(): DEMO_MAIN})


@pytest.mark.asyncio
async def test_a_pushed_mail_then_its_listing_is_one_mail_announced_once(make_service, catmails_fake):
    service = make_service()
    async with Window(service, catmails_fake, reads_at_once=True) as window:
        real_id = await deliver(catmails_fake, subject="GitHub login code", content="Your code is 482913")
        await until(lambda: window.new, "the pushed mail")
        push_id = window.new[0].id
        assert push_id.startswith(PUSHED_ID_PREFIX)

        # The push asks for a listing at once; later ones change nothing.
        await until(lambda: window.identified, "the pushed mail to get its real id")
        await window.press_f5()
        await window.press_f5()

        assert window.identified == [(DEMO_MAIN, push_id, real_id)]
        assert window.list_reloads == 1
        assert [m.id for m in window.new] == [push_id]  # the listing did not announce it again
        [mail] = stored(service)
        assert (mail.id, mail.seen, mail.code) == (real_id, True, "482913")
        # A notification or reader holding the push id finds the mail.
        assert service.current_id(MAILBOX, push_id) == real_id
        assert (await service.open_message(MAILBOX, push_id)).id == real_id


@pytest.mark.asyncio
async def test_a_push_that_comes_after_the_listing_adds_nothing_and_is_not_announced(make_service, catmails_fake):
    """Decided: the late push is not kept and not announced (nothing ever
    showed its id, and the listing already announced the mail), yet its id
    still leads to the mail."""
    service = make_service()
    async with Window(service, catmails_fake) as window:
        real_id = await deliver_listed_only(window, subject="Welcome", content="Your code is 135790")
        assert [m.id for m in window.new] == [real_id]

        late, pushed = await as_pushed(service, catmails_fake, real_id)
        catmails_fake.call(lambda: catmails_fake._send_all(list(catmails_fake.subscribers), late))
        push_id = pushed.id
        await asyncio.sleep(0.5)  # a push is handled at once
        await window.press_f5()

        assert [m.id for m in window.new] == [real_id]
        assert window.identified == [] and window.list_reloads == 0
        assert [m.id for m in stored(service)] == [real_id]
        assert service.current_id(MAILBOX, push_id) == real_id


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "first, second",
    [
        (GREETING + "Your code is 111111", GREETING + "Your code is 222222"),
        ('<html><body><a href="https://example.com/s/AAAA">Sign in</a></body></html>',
         '<html><body><a href="https://example.com/s/BBBB">Sign in</a></body></html>'),
    ],
    ids=["a code late in a long body", "a link only in the HTML"],
)
async def test_two_mails_alike_pushed_together_stay_two(make_service, catmails_fake, first, second):
    """A resend: same sender, subject and second, bodies alike but for their
    ends. Each is its own row from its push on, keeps its own state, and is
    paired with its own listed mail."""
    service = make_service()
    when = service_time(utcnow())
    async with Window(service, catmails_fake) as window:
        hold_listings(catmails_fake)
        first_id = await deliver(catmails_fake, subject="Sign in to Example", content=first, received_at=when)
        second_id = await deliver(catmails_fake, subject="Sign in to Example", content=second, received_at=when)
        await until(lambda: len(window.new) == 2, "both pushed mails")
        first_push, second_push = (m.id for m in window.new)
        assert len(stored(service)) == 2
        service.store.mark_seen(MAILBOX.provider, MAILBOX.address, first_push)  # the user read the first

        release_listings(catmails_fake)
        await window.press_f5_until(lambda: len(window.identified) == 2, "both pushed mails to get their ids")

        assert sorted(window.identified) == sorted([(DEMO_MAIN, first_push, first_id),
                                                    (DEMO_MAIN, second_push, second_id)])
        by_id = {m.id: m for m in stored(service)}
        assert set(by_id) == {first_id, second_id}
        assert by_id[first_id].seen and not by_id[second_id].seen
        assert (by_id[first_id].html or by_id[first_id].text) == first
        assert (by_id[second_id].html or by_id[second_id].text) == second
        assert len(window.new) == 2  # neither is announced again by the listing


@pytest.mark.asyncio
async def test_a_push_another_process_kept_after_this_one_listed_the_mail_becomes_that_one_row(
    make_service, catmails_fake
):
    """`tempmail wait` (push) looked for the mail just before the window's
    listing stored it, and kept the push just after: the window's next
    listing leaves one row, read as the user left it."""
    service = make_service()
    async with Window(service, catmails_fake) as window:
        real_id = await deliver_listed_only(window, subject="Your code", content="Your code is 246810")
        service.store.mark_seen(MAILBOX.provider, MAILBOX.address, real_id)
        _frame, pushed = await as_pushed(service, catmails_fake, real_id)
        service.store.merge_listing(MAILBOX.provider, MAILBOX.address, [pushed], full_listing=False)
        assert len(stored(service)) == 2  # the command's write

        await window.press_f5()

        assert window.identified == [(DEMO_MAIN, pushed.id, real_id)]
        [mail] = stored(service)
        assert (mail.id, mail.seen, mail.code) == (real_id, True, "246810")


@pytest.mark.asyncio
async def test_a_push_id_paired_by_the_command_still_leads_to_the_mail(make_service, catmails_fake):
    """The window shows a pushed mail; `tempmail inbox` (another MailService on
    the same store) lists it first. The window's reader and notification
    still find it by its push id."""
    shown = make_service()
    command = make_service()
    async with Window(shown, catmails_fake) as window:
        hold_listings(catmails_fake)
        real_id = await deliver(catmails_fake, subject="Pushed to you", content="Straight from the socket.")
        await until(lambda: window.new, "the pushed mail")
        push_id = window.new[0].id
        release_listings(catmails_fake)

        assert await command.refresh(MAILBOX) == []  # the pushed mail, now listed, is not new

        assert shown.current_id(MAILBOX, push_id) == real_id
        assert [m.id for m in stored(shown)] == [real_id]
    await command.aclose()
