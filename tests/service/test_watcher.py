"""Watchers: polling cadence, quota pauses, push with its safety net, and a
simulated day of five GPTMail mailboxes against the documented 2,000 calls."""

from __future__ import annotations

import asyncio
import statistics

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


HOUR = 3600.0
MINUTE = 60.0


async def run_gptmail_watchers(service, vt: VirtualTime, until: float, *, step: float,
                               on_step=lambda watchers: None, hot_first: bool = True):
    """Five GPTMail mailboxes sharing one budget, as AppController builds them:
    the first one hot (made or selected just now), the others idle. Calls
    ``on_step`` every ``step`` simulated seconds; returns the watchers and the
    simulated times at which each mailbox was listed."""
    budget = PollBudget(2000, clock=vt.clock)
    checked: list[list[float]] = [[] for _ in range(5)]
    states: list[list] = [[] for _ in range(5)]

    def recorder(n: int):
        def record(state) -> None:
            states[n].append(state)
            if state.status == WatchStatus.CHECKING:
                checked[n].append(vt.now)
        return record

    watchers = []
    for n in range(5):
        mailbox = Mailbox("gptmail", f"box{n}@gptmail.example")
        service.store.add_mailbox(mailbox)
        watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, on_state=recorder(n),
                                 budget=budget, clock=vt.clock, sleep=vt.sleep)
        if n > 0 or not hot_first:
            watcher.mark_hot(0)
        watcher.start()
        watchers.append(watcher)
    try:
        while vt.now < until:
            await vt.run_until(min(until, vt.now + step), sleepers=len(watchers))
            on_step(watchers)
            for _ in range(3):
                await asyncio.sleep(0)  # a poked watcher wakes before the clock moves on
    finally:
        for watcher in watchers:
            await watcher.stop()
        await service.aclose()
    return watchers, checked, states


def gaps(times: list[float]) -> list[float]:
    return [b - a for a, b in zip(times, times[1:])]


@pytest.mark.asyncio
@pytest.mark.parametrize("use", ["one mailbox selected each hour", "looking at one mailbox all day"])
async def test_a_day_of_five_gptmail_mailboxes_stays_under_85_percent_of_the_quota(gptmail_fake, make_service, use):
    """Default budget, five watched mailboxes; the worst case keeps re-selecting one."""
    service = make_service(gptmail=gptmail_fake.url)
    vt = VirtualTime()

    def user(watchers) -> None:
        if use == "looking at one mailbox all day":
            watchers[0].poke()  # clicked again every 2.5 minutes
        elif vt.now % HOUR == 0:
            watchers[int(vt.now // HOUR) % 5].poke()  # selects another mailbox

    watchers, checked, _ = await run_gptmail_watchers(service, vt, DAY, step=150.0, on_step=user)
    calls = len(gptmail_fake.seen("/api/emails"))
    assert calls <= 1700, calls
    assert all(w.state.status != WatchStatus.PAUSED for w in watchers)
    # ...and it still watches: idle mailboxes are slowed, never left unchecked for half an hour.
    assert max(max(gaps(times)) for times in checked) <= 30 * MINUTE, [max(gaps(t)) for t in checked]
    assert min(len(times) for times in checked) >= 48, [len(t) for t in checked]


@pytest.mark.asyncio
@pytest.mark.parametrize("idle_before", [0.0, HOUR])
async def test_a_hot_gptmail_mailbox_keeps_its_5_s_cadence_for_20_minutes_beside_four_others(
        gptmail_fake, make_service, idle_before):
    """The user waits for a code in one mailbox (re-selecting it now and then) while
    four more are watched; also when the app had run an hour with nothing hot."""
    service = make_service(gptmail=gptmail_fake.url)
    vt = VirtualTime()
    hot_from = idle_before

    def user(watchers) -> None:
        if vt.now >= hot_from:
            watchers[0].poke()

    _, checked, states = await run_gptmail_watchers(service, vt, idle_before + 20 * MINUTE + 1, step=150.0,
                                                    on_step=user, hot_first=idle_before == 0)
    hot_checks = [t for t in checked[0] if t >= hot_from]
    assert hot_checks[-1] >= hot_from + 20 * MINUTE - 6
    assert max(gaps(hot_checks)) <= 6.0, max(gaps(hot_checks))
    # Nothing claimed the quota was holding it back.
    assert not [s for s in states[0] if s.quota_interval is not None and s.next_check_at is not None
                and vt.now >= hot_from]


@pytest.mark.asyncio
async def test_when_the_budget_slows_a_hot_mailbox_its_state_says_so(gptmail_fake, make_service):
    service = make_service(gptmail=gptmail_fake.url)
    vt = VirtualTime()
    _, checked, states = await run_gptmail_watchers(service, vt, 2 * HOUR, step=150.0,
                                                    on_step=lambda watchers: watchers[0].poke())
    slow = [s for s in states[0] if s.quota_interval is not None]
    assert slow, "the burst ran out in two hours of looking, and nothing said why the checks thinned"
    assert {s.service_name for s in slow} == {"GPTMail"}
    # Mostly a token's refill (86,400 s / 1,400), longer when idle mailboxes claim their turn.
    assert 30 <= statistics.median(s.quota_interval for s in slow) <= 120
    assert statistics.median(gaps(checked[0][-20:])) <= 120


@pytest.mark.asyncio
async def test_a_mailbox_that_got_mail_is_polled_quickly_though_nobody_selected_it(
        gptmail_fake, make_service):
    """A site often sends a second mail (the code after a welcome, a resend): the
    mailbox that just got mail is checked at the quick interval for 15 minutes."""
    service = make_service(gptmail=gptmail_fake.url)
    vt = VirtualTime()
    mailbox = Mailbox("gptmail", "signup@gptmail.example")
    service.store.add_mailbox(mailbox)
    checked: list[float] = []
    watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None,
                             on_state=lambda s: checked.append(vt.now) if s.status == WatchStatus.CHECKING else None,
                             budget=PollBudget(2000, clock=vt.clock), clock=vt.clock, sleep=vt.sleep)
    watcher.mark_hot(0)  # watched, not selected: as start_watching_all makes an old mailbox
    watcher.start()
    try:
        await vt.run_until(10, sleepers=1)
        await asyncio.to_thread(gptmail_fake.deliver, mailbox.address, sender="a@b.c", subject="Welcome", text="hi")
        await vt.run_until(400, sleepers=1)  # the idle check (300 s) finds it
        found_at = checked[-1]
        await vt.run_until(found_at + 14 * MINUTE, sleepers=1)
        after_mail = [t for t in checked if t >= found_at]
        await vt.run_until(found_at + 30 * MINUTE, sleepers=1)
        later = [t for t in checked if t >= found_at + 16 * MINUTE]
    finally:
        await watcher.stop()
        await service.aclose()
    assert checked[:2] == [0.0, 300.0]  # idle before the mail
    assert max(gaps(after_mail)) <= 6.0
    assert len(later) <= 4  # idle again after the hot window


@pytest.mark.asyncio
async def test_a_mailbox_made_two_minutes_before_the_app_started_counts_as_hot(gptmail_fake, make_service):
    """Made with `tempmail new` just before the window opened: quick for what is
    left of the 15 minutes, then idle."""
    from datetime import timedelta

    from tempmail_desktop.core.timeutil import utcnow

    service = make_service(gptmail=gptmail_fake.url)
    vt = VirtualTime()
    made = Mailbox("gptmail", "fresh@gptmail.example", created_at=utcnow() - timedelta(minutes=2))
    old = Mailbox("gptmail", "old@gptmail.example", created_at=utcnow() - timedelta(days=2))
    budget = PollBudget(2000, clock=vt.clock)
    checked: dict[str, list[float]] = {made.address: [], old.address: []}
    watchers = []
    for mailbox in (made, old):
        service.store.add_mailbox(mailbox)
        times = checked[mailbox.address]
        watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, budget=budget,
                                 on_state=lambda s, t=times: t.append(vt.now) if s.status == WatchStatus.CHECKING else None,
                                 clock=vt.clock, sleep=vt.sleep)
        watcher.mark_hot_since_creation()  # what start_watching_all does at start-up
        watcher.start()
        watchers.append(watcher)
    try:
        await vt.run_until(30 * MINUTE, sleepers=2)
    finally:
        for watcher in watchers:
            await watcher.stop()
        await service.aclose()
    fresh = checked[made.address]
    quick = [t for t in fresh if t < 13 * MINUTE - 10]
    assert max(gaps(quick)) <= 6.0 and quick[-1] >= 13 * MINUTE - 20
    assert len([t for t in fresh if t > 14 * MINUTE]) <= 4  # idle after its 15 minutes
    assert len(checked[old.address]) <= 7  # a two-day-old mailbox is idle from the start: 300 s


@pytest.mark.asyncio
async def test_polling_is_quick_while_active_and_slow_when_idle(worker_fake, make_service, monkeypatch):
    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key")
    service = make_service(worker=worker_fake.url)
    vt = VirtualTime()
    mailbox = Mailbox("worker", "someone@mail.example.com")
    service.store.add_mailbox(mailbox)
    watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, hot_window=60,
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
        watcher = MailboxWatcher(service, mailbox, on_new=lambda *_: None, hot_window=0)
        watcher.start()
        await asyncio.sleep(0.05)
        watcher.poke()  # the wait is finishing right now
        for _ in range(attempt % 4):
            await asyncio.sleep(0)
        await asyncio.wait_for(watcher.stop(), 6)
        assert all(t.done() for t in watcher._tasks) and watcher.state.status == WatchStatus.STOPPED
    await service.aclose()
