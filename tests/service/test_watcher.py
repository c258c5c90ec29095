"""Watchers: polling cadence, quota pauses, push with its safety net, and a
simulated day of five GPTMail mailboxes against the documented 2,000 calls."""

from __future__ import annotations

import asyncio

import pytest

from tempmail_desktop.core.models import Mailbox
from tempmail_desktop.providers.http import HttpClient
from tempmail_desktop.service.mail import MailService
from tempmail_desktop.service.secrets import Secrets
from tempmail_desktop.service.settings import Settings
from tempmail_desktop.service.store import Store
from tempmail_desktop.service.watcher import MailboxWatcher, PollBudget, WatchStatus, wait_for_new_message
from tests.service.virtual_time import VirtualTime

DAY = 86400.0


@pytest.fixture
def make_service(tmp_path):
    made: list[MailService] = []

    def make(**urls: str) -> MailService:
        settings = Settings.load(tmp_path / "settings.json")
        for pid, url in urls.items():
            settings.set(f"providers.{pid}.base_url", url)
        service = MailService(store=Store(tmp_path / f"db{len(made)}.sqlite3"), settings=settings,
                              secrets=Secrets(), http=HttpClient())
        made.append(service)
        return service

    yield make
    for service in made:
        service.store.close()


@pytest.mark.asyncio
async def test_a_day_of_five_gptmail_mailboxes_stays_within_the_daily_quota(gptmail_fake, make_service):
    """Default settings, five watched mailboxes, the user looking in once an hour."""
    service = make_service(gptmail=gptmail_fake.url)
    vt = VirtualTime()
    budget = PollBudget(2000, clock=vt.clock)
    watchers = []
    for n in range(5):
        mailbox = Mailbox("gptmail", f"box{n}@example.com")
        service.store.add_mailbox(mailbox)
        watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, budget=budget,
                                 clock=vt.clock, sleep=vt.sleep)
        watcher.start()
        watchers.append(watcher)
    try:
        hour = 3600.0
        while vt.now < DAY:
            await vt.run_until(min(DAY, vt.now + hour), sleepers=len(watchers))
            watchers[int(vt.now // hour) % 5].poke()  # the user selects a mailbox
    finally:
        for watcher in watchers:
            await watcher.stop()
        await service.aclose()
    calls = len(gptmail_fake.seen("/api/emails"))
    assert calls <= 2000, calls
    assert all(w.state.status != WatchStatus.PAUSED for w in watchers)
    # ...and it still watches: every mailbox was checked many times a day.
    assert min(w.checks for w in watchers) >= 100, [w.checks for w in watchers]


@pytest.mark.asyncio
async def test_polling_is_quick_while_active_and_slow_when_idle(worker_fake, make_service, monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key")
    service = make_service(worker=worker_fake.url)
    vt = VirtualTime()
    mailbox = Mailbox("worker", "someone@mail.example.com")
    service.store.add_mailbox(mailbox)
    watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, active_window=60,
                             clock=vt.clock, sleep=vt.sleep)
    watcher.start()
    try:
        await vt.run_until(60, sleepers=1)
        quick = watcher.checks
        await vt.run_until(60 + 600, sleepers=1)
        slow = watcher.checks - quick
    finally:
        await watcher.stop()
        await service.aclose()
    assert quick >= 60 / 3.0  # poll_active is 3 s for the worker
    assert slow <= 600 / 60.0 + 1  # poll_idle is 60 s


@pytest.mark.asyncio
async def test_a_quota_error_pauses_until_it_lifts(worker_fake, make_service, monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key")
    service = make_service(worker=worker_fake.url)
    vt = VirtualTime()
    mailbox = Mailbox("worker", "someone@mail.example.com")
    service.store.add_mailbox(mailbox)
    states = []
    watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, on_state=states.append,
                             clock=vt.clock, sleep=vt.sleep)
    worker_fake.fail_next("429", retry_after="600")
    watcher.start()
    try:
        await vt.run_until(590, sleepers=1)
        assert watcher.checks == 1
        assert any(s.status == WatchStatus.PAUSED and "quota" in s.detail.lower() for s in states)
        watcher.poke()  # F5 during the pause does not hammer the service
        await vt.run_until(595, sleepers=1)
        assert watcher.checks == 1
        await vt.run_until(601.5, sleepers=1)
        assert watcher.checks == 2  # checked again as soon as the quota lifted
    finally:
        await watcher.stop()
        await service.aclose()


@pytest.mark.asyncio
async def test_new_mail_is_reported_once(worker_fake, make_service, monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key")
    service = make_service(worker=worker_fake.url)
    mailbox = Mailbox("worker", "someone@mail.example.com")
    service.store.add_mailbox(mailbox)
    seen: list[str] = []
    watcher = MailboxWatcher(service, mailbox, on_new=lambda _m, msgs: seen.extend(m.subject for m in msgs))
    worker_fake.deliver(mailbox.address, sender="a@b.c", subject="first", text="x")
    await watcher.check()
    await watcher.check()
    worker_fake.deliver(mailbox.address, sender="a@b.c", subject="second", text="y")
    await watcher.check()
    await service.aclose()
    assert seen == ["first", "second"]


@pytest.mark.asyncio
async def test_push_delivers_fast_and_polling_covers_a_dead_socket(catmails_fake, make_service, monkeypatch):
    from tests.fakes.catmails import DEMO_KEY, DEMO_MAIN

    monkeypatch.setenv("TEMPMAIL_CATMAILS_KEY", DEMO_KEY)
    monkeypatch.setenv("TEMPMAIL_CATMAILS_WS_URL", catmails_fake.url.replace("http", "ws") + "/ws/")
    service = make_service(catmails=catmails_fake.url)
    mailbox = Mailbox("catmails", DEMO_MAIN)
    service.store.add_mailbox(mailbox)
    arrived: asyncio.Queue = asyncio.Queue()
    watcher = MailboxWatcher(service, mailbox, on_new=lambda _m, msgs: [arrived.put_nowait(m) for m in msgs])
    watcher.start()
    loop = asyncio.get_running_loop()
    try:
        for _ in range(100):
            if catmails_fake.sockets_open():
                break
            await asyncio.sleep(0.05)
        start = loop.time()
        await asyncio.to_thread(catmails_fake.deliver, DEMO_MAIN, sender="a@b.c", subject="pushed", content="code 123456")
        message = await asyncio.wait_for(arrived.get(), 5)
        assert message.subject == "pushed"
        assert loop.time() - start < 1.0
        await asyncio.to_thread(catmails_fake.drop_sockets)
        catmails_fake.push_enabled = False  # reconnects find no push: polling must deliver
        await asyncio.to_thread(catmails_fake.deliver, DEMO_MAIN, sender="a@b.c", subject="polled", content="x")
        message = await asyncio.wait_for(arrived.get(), 15)
        assert message.subject == "polled"
        await asyncio.sleep(0.5)
        assert arrived.empty(), "a pushed mail must not be reported again when listed"
    finally:
        await watcher.stop()
        await service.aclose()


@pytest.mark.asyncio
async def test_wait_for_new_message_ignores_mail_already_there(worker_fake, make_service, monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key")
    service = make_service(worker=worker_fake.url)
    mailbox = Mailbox("worker", "someone@mail.example.com")
    service.store.add_mailbox(mailbox)
    worker_fake.deliver(mailbox.address, sender="a@b.c", subject="old", text="code 111111")

    async def later() -> None:
        await asyncio.sleep(0.5)
        await asyncio.to_thread(worker_fake.deliver, mailbox.address, sender="a@b.c", subject="new", text="code 222222")

    task = asyncio.create_task(later())
    message = await wait_for_new_message(service, mailbox, timeout=15)
    await task
    await service.aclose()
    assert message.subject == "new"


def test_budget_refills_at_its_share_of_the_quota():
    now = [0.0]
    budget = PollBudget(2000, clock=lambda: now[0], share=0.85, burst=10)
    for _ in range(10):
        assert budget.delay_until_token() == 0
        budget.take()
    assert budget.delay_until_token() == pytest.approx(86400 / 1700, rel=0.01)
    now[0] += 86400 / 1700
    assert budget.delay_until_token() == pytest.approx(0, abs=1e-6)


@pytest.mark.asyncio
async def test_an_expired_mailbox_is_not_polled_any_more(tempmailg_fake, make_service, monkeypatch):
    """TempMailG deletes mailboxes after 10 minutes: polling one after that only earns 404s."""
    from datetime import timedelta

    from tempmail_desktop.core.timeutil import utcnow

    monkeypatch.setenv("TEMPMAIL_TEMPMAILG_KEY", "tmg-test-key")
    service = make_service(tempmailg=tempmailg_fake.url)
    mailbox = await service.create_mailbox("tempmailg")
    states = []
    watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, on_state=states.append)
    await watcher.check()
    assert watcher.checks == 1
    mailbox.expires_at = utcnow() - timedelta(seconds=1)
    listings = len(tempmailg_fake.seen("/api/messages"))
    await watcher.check()
    await watcher.check()
    await service.aclose()
    assert len(tempmailg_fake.seen("/api/messages")) == listings
    assert states[-1].status == WatchStatus.EXPIRED


@pytest.mark.asyncio
async def test_a_mailbox_the_service_no_longer_knows_stops_polling(worker_fake, make_service, monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key")
    service = make_service(worker=worker_fake.url)
    mailbox = Mailbox("worker", "gone@mail.example.com")
    service.store.add_mailbox(mailbox)
    states = []
    watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, on_state=states.append)
    original = service.refresh

    async def gone(mb):
        from tempmail_desktop.core.errors import NotFoundError

        raise NotFoundError("mailbox not found", provider="worker")

    service.refresh = gone
    await watcher.check()
    service.refresh = original
    await watcher.check()
    await service.aclose()
    assert [s.status for s in states][-1] == WatchStatus.EXPIRED
    assert worker_fake.seen("/api/inbox") == []


@pytest.mark.asyncio
async def test_stop_always_ends_the_watcher_whenever_it_lands(worker_fake, make_service, monkeypatch):
    """A stop() arriving while a wait is being torn down must not be swallowed (quit would hang)."""
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key")
    service = make_service(worker=worker_fake.url)
    mailbox = Mailbox("worker", "someone@mail.example.com")
    service.store.add_mailbox(mailbox)
    for attempt in range(60):
        watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, active_window=0)
        watcher.start()
        await asyncio.sleep(0.05)
        watcher.poke()  # the wait is finishing right now
        for _ in range(attempt % 4):
            await asyncio.sleep(0)
        await asyncio.wait_for(watcher.stop(), 6)
        assert all(t.done() for t in watcher._tasks) and watcher.state.status == WatchStatus.STOPPED
    await service.aclose()
