"""API calls per day, by simulated clock.

    python benchmarks/quota.py OUT.json [--hours=H] PROVIDER [PROVIDER ...]

(--hours shortens the "day" scenarios, for the quick mode; the caller scales.)

The app's own watchers (``MailboxWatcher``, with ``PollBudget`` for services
with a daily quota, built the way ``AppController.watch`` builds them: default
settings, poll factor and hot window from ``Settings``) run against a
loopback fake; only their sleeps wait on a virtual clock
(``tests/service/virtual_time.py``), so a day passes in about a minute while
every listing is a real HTTP call through the real provider and store. Calls
are counted where they land: in the fake's request log.

Scenarios, five watched mailboxes each, started as ``start_watching_all``
starts them: the first one selected (hot), the others hot for what is left of
15 minutes since they were made (services whose mailboxes the simulation makes
now), else idle:

* ``day``: 24 h; the user selects another mailbox once an hour (each
  selection checks it at once and keeps it hot for 15 minutes).
* ``day_focused`` (daily-quota services only): 24 h with the user re-selecting
  the first mailbox every 2.5 minutes, so it is hot all day: the worst case
  for the quota. Also reports the longest gap between that mailbox's checks
  in its first 20 minutes (``hot_20min_max_gap_s``: the issue wants <= 6 s
  with four others watched), when the budget first slows it
  (``burst_lasts_s``), and how often it is checked after that.
* ``idle_10min``: the app minimised for 10 minutes, no mailbox hot.
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tempmail_desktop.core.models import Mailbox  # noqa: E402
from tempmail_desktop.core.timeutil import utcnow  # noqa: E402
from tempmail_desktop.providers.http import HttpClient  # noqa: E402
from tempmail_desktop.providers.registry import provider_info  # noqa: E402
from tempmail_desktop.service import settings as settings_mod  # noqa: E402
from tempmail_desktop.service.mail import MailService  # noqa: E402
from tempmail_desktop.service.secrets import Secrets  # noqa: E402
from tempmail_desktop.service.settings import Settings  # noqa: E402
from tempmail_desktop.service.store import Store  # noqa: E402
from tempmail_desktop.service.watcher import MailboxWatcher, PollBudget, WatchStatus  # noqa: E402
from tests.service.virtual_time import VirtualTime  # noqa: E402

DAY = 86400.0
HOUR = 3600.0
WATCHED = 5
KEYS = {"gptmail": "gpt-test", "tempmailg": "tmg-test-key", "worker": "tmp_test_key"}


class ServiceClock:
    """The service's wall clock following the simulation, for services whose
    mailboxes expire (TempMailG's live 600 s): real time at the start of a
    scenario plus the virtual seconds since."""

    def __init__(self) -> None:
        self.vt: VirtualTime | None = None
        self.base = utcnow()

    def restart(self, vt: VirtualTime) -> None:
        self.vt, self.base = vt, utcnow()

    def __call__(self) -> datetime:
        return self.base + timedelta(seconds=self.vt.now if self.vt is not None else 0.0)


def start_fake(provider_id: str, clock: ServiceClock):
    if provider_id == "gptmail":
        from tests.fakes.gptmail import GptMailFake

        return GptMailFake().start()  # with the real 2,000 calls a day: going over shows as 429s
    if provider_id == "tempmailg":
        from tests.fakes.tempmailg import TempMailGFake

        return TempMailGFake(clock=clock).start()
    if provider_id == "catmails":
        from tests.fakes.catmails import CatMailsFake

        return CatMailsFake().start()
    if provider_id == "worker":
        from tests.fakes.worker import WorkerFake

        return WorkerFake().start()
    raise ValueError(provider_id)


def configure_environment(provider_id: str, fake) -> None:
    from tests.fakes.catmails import DEMO_KEY

    os.environ[f"TEMPMAIL_{provider_id.upper()}_KEY"] = DEMO_KEY if provider_id == "catmails" else KEYS[provider_id]
    if provider_id == "catmails":
        os.environ["TEMPMAIL_CATMAILS_WS_URL"] = fake.url.replace("http", "ws") + "/ws/"


async def watched_mailboxes(service: MailService, provider_id: str) -> list[Mailbox]:
    """Five mailboxes as a user would have them on that service."""
    if provider_id == "gptmail":
        boxes = [Mailbox("gptmail", f"quota{n}@gptmail.example") for n in range(WATCHED)]
    elif provider_id == "worker":
        boxes = [Mailbox("worker", f"quota{n}@mail.example.com") for n in range(WATCHED)]
    elif provider_id == "catmails":
        from tests.fakes.catmails import DEMO_ALIAS, DEMO_MAIN

        boxes = [Mailbox("catmails", DEMO_MAIN), Mailbox("catmails", DEMO_ALIAS)]
        boxes += [await service.create_mailbox("catmails") for _ in range(WATCHED - len(boxes))]
    else:
        boxes = [await service.create_mailbox(provider_id) for _ in range(WATCHED)]
    for box in boxes:
        service.store.add_mailbox(box)
    return boxes


async def simulate(provider_id: str, scenario: str, fake, clock: ServiceClock, workdir: Path,
                   day: float = DAY) -> dict:
    settings = Settings.load(workdir / f"{provider_id}-{scenario}-settings.json")
    settings.set(f"providers.{provider_id}.base_url", fake.url)
    service = MailService(store=Store(workdir / f"{provider_id}-{scenario}.sqlite3"), settings=settings,
                          secrets=Secrets(), http=HttpClient())
    info = provider_info(provider_id)
    vt = VirtualTime()
    clock.restart(vt)
    budget = PollBudget(info.daily_quota, clock=vt.clock) if info.daily_quota else None
    checks_of_first: list[float] = []
    statuses: set[str] = set()

    def on_state(index: int):
        def record(state) -> None:
            statuses.add(str(state.status))
            if index == 0 and state.status == WatchStatus.CHECKING:
                checks_of_first.append(vt.now)
        return record

    boxes = await watched_mailboxes(service, provider_id)
    watchers = [
        MailboxWatcher(service, box, on_new=lambda *_: None, on_state=on_state(n), budget=budget,
                       poll_factor=settings_mod.poll_factor(settings, provider_id),
                       hot_window=60.0 * settings.get("poll.hot_minutes"),
                       clock=vt.clock, sleep=vt.sleep)
        for n, box in enumerate(boxes)
    ]
    calls_before = len(fake.requests)
    first_hour_calls = None
    counted_before = fake.used() if provider_id == "tempmailg" else None
    started = time.monotonic()
    for n, watcher in enumerate(watchers):
        watcher.start()
        if scenario == "idle_10min":
            watcher.mark_hot(0)
        elif n > 0:
            watcher.mark_hot_since_creation()  # as start_watching_all; the first is the selected one
    try:
        if scenario == "idle_10min":
            await vt.run_until(600.0, sleepers=WATCHED)
            period = 600.0
        else:
            period = day
            # Re-selected well inside the 15-minute hot window, so it never lapses.
            step = 150.0 if scenario == "day_focused" else HOUR
            while vt.now < day:
                await vt.run_until(min(day, vt.now + step), sleepers=WATCHED)
                if vt.now == HOUR:
                    # The first hour holds the start-up checks (and, for services whose
                    # mailboxes expire, all of them): a shortened day scales only the rest.
                    first_hour_calls = sum(1 for r in fake.requests[calls_before:] if not r.path.startswith("/ws"))
                if scenario == "day_focused":
                    watchers[0].poke()  # the user clicks it again: still looking
                else:
                    watchers[int(vt.now // HOUR) % WATCHED].poke()  # selects another one
                for _ in range(3):
                    await asyncio.sleep(0)  # the selected watcher wakes before the clock moves on
    finally:
        for watcher in watchers:
            await watcher.stop()
        await service.aclose()
        service.store.close()
    requests = fake.requests[calls_before:]
    result = {
        "simulated_s": period,
        "wall_s": round(time.monotonic() - started, 1),
        "calls": sum(1 for r in requests if not r.path.startswith("/ws")),
        "push_connects": sum(1 for r in requests if r.path.startswith("/ws")),
        "checks": sum(w.checks for w in watchers),
        "paused": "paused" in statuses,
        "first_hour_calls": first_hour_calls,
    }
    if counted_before is not None:
        # TempMailG counts only 2xx answers against its quota; an expired mailbox answers 404.
        result["counted_calls"] = fake.used() - counted_before
    if scenario == "day_focused":
        later = [b - a for a, b in zip(checks_of_first, checks_of_first[1:]) if a >= 6 * HOUR]
        if later:
            result["focused_interval_median_s"] = round(statistics.median(later), 1)
            result["focused_interval_max_s"] = round(max(later), 1)
        first_slow = next((a for a, b in zip(checks_of_first, checks_of_first[1:])
                           if b - a > info.poll_active * 2), None)
        result["burst_lasts_s"] = first_slow
        first_20min = [t for t in checks_of_first if t <= 20 * 60.0]
        result["hot_20min_max_gap_s"] = round(max(b - a for a, b in zip(first_20min, first_20min[1:])), 1)
        result["hot_20min_last_check_s"] = first_20min[-1]
    return result


async def run_provider(provider_id: str, workdir: Path, day: float) -> dict:
    clock = ServiceClock()
    fake = start_fake(provider_id, clock)
    try:
        configure_environment(provider_id, fake)
        scenarios = ["day", "idle_10min"]
        if provider_info(provider_id).daily_quota:
            scenarios.insert(1, "day_focused")
        results = {}
        for scenario in scenarios:
            results[scenario] = await simulate(provider_id, scenario, fake, clock, workdir, day)
            if hasattr(fake, "usage"):
                fake.usage.clear()  # a new simulated day on the service's side too
        return results
    finally:
        fake.stop()


def main() -> int:
    out = Path(sys.argv[1])
    day = DAY
    providers = sys.argv[2:]
    if providers and providers[0].startswith("--hours="):
        day = float(providers.pop(0).partition("=")[2]) * HOUR
    # TEMPMAIL_<ID>_URL would win over the fake's address set in the settings.
    for name in [n for n in os.environ if n.startswith("TEMPMAIL_")]:
        del os.environ[name]
    with tempfile.TemporaryDirectory(prefix="tempmail-quota-") as folder:
        os.environ["TEMPMAIL_HOME"] = folder
        results = {pid: asyncio.run(run_provider(pid, Path(folder), day)) for pid in providers}
    out.write_text(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
