"""Watchers: bring new mail for each mailbox, as soon as is fair to the service.

Qt-free asyncio, so the CLI's ``wait`` and the GUI share it. One watcher per
mailbox runs as a named task:

* Push where the service has it (Cat Mails), reconnecting with backoff; while
  push is down, polling takes over at the quick rate, and while it is up,
  polling continues slowly as a safety net.
* Polling elsewhere: quick while the mailbox is *hot* (the user is likely
  waiting for mail in it: made, selected, opened or given mail within the
  last ``hot_window`` seconds), slow when idle; ``poke()`` checks at once.
* A quota error pauses that provider's watchers until it lifts.
* Services with a daily quota share a token bucket per provider, so that a day
  of watching stays under the quota whatever the number of mailboxes; hot
  mailboxes spend it first.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from datetime import timedelta

from ..core import log_names
from ..core.errors import AuthError, NotFoundError, QuotaError, TempmailError, UnavailableError
from ..core.models import Capability, Mailbox, Message
from ..core.timeutil import utcnow
from ..core.watch_state import WatchState, WatchStatus

log = logging.getLogger(log_names.WATCHER)

Clock = Callable[[], float]
Sleep = Callable[[float], "asyncio.Future | object"]

QUOTA_PAUSE_UNKNOWN = 15 * 60.0  # a quota error with no reset time: look again in 15 min
MAX_OFFLINE_BACKOFF = 300.0
PUSH_BACKOFF = (1.0, 2.0, 4.0, 8.0, 15.0, 30.0, 60.0)
IDLE_YIELD_LIMIT = 3  # idle intervals an idle mailbox yields its budget to hot ones, at most


class PollBudget:
    """A token bucket per provider: at most burst + share*quota polling calls a day.

    Refills at share*quota/day and holds at most ``burst`` tokens, so over any
    day polling spends at most burst + share*quota calls (GPTMail: 280 + 1,400
    of its 2,000); the rest of the quota stays free for what the user does by
    hand. Hot mailboxes take a token whenever there is one; idle ones only
    above ``reserve``, so the burst is kept for the mailbox the user is
    waiting on (one hot GPTMail mailbox: ~20 minutes at 5 s from the reserve
    alone). An idle mailbox that has yielded for too long claims the next
    token (``claims``: hot polls leave one token per claim), so idle
    mailboxes are slowed, never starved.
    """

    def __init__(self, daily_quota: int, *, clock: Clock = time.monotonic, share: float = 0.7,
                 burst: int = 280, reserve: int = 240) -> None:
        self.rate = daily_quota * share / 86400.0
        self.capacity = float(burst)
        self.reserve = float(min(reserve, burst - 1))
        self.tokens = float(burst)
        self.claims: set[str] = set()  # overdue idle watchers, served before hot ones
        self._clock = clock
        self._last = clock()

    def _refill(self) -> None:
        now = self._clock()
        self.tokens = min(self.capacity, self.tokens + (now - self._last) * self.rate)
        self._last = now

    def delay_until_token(self, *, hot: bool = True) -> float:
        """Seconds until a hot (or an idle) poll may take a token."""
        return self.delay_until(1.0 + len(self.claims) if hot else self.reserve + 1.0)

    def delay_until(self, tokens: float) -> float:
        """Seconds until the bucket holds ``tokens``."""
        self._refill()
        # The slack keeps a wait from shrinking below what the clock can add to "now".
        return 0.0 if self.tokens >= tokens - 1e-6 else (tokens - self.tokens) / self.rate

    def take(self) -> None:
        self._refill()
        self.tokens -= 1.0


class MailboxWatcher:
    """Watches one mailbox until stopped. Reports through the callbacks only."""

    def __init__(
        self,
        service,  # MailService (not imported: keeps this module light for tests)
        mailbox: Mailbox,
        *,
        on_new: Callable[[Mailbox, list[Message]], None],
        on_state: Callable[[WatchState], None] | None = None,
        on_changed: Callable[[Mailbox], None] | None = None,
        budget: PollBudget | None = None,
        poll_factor: float = 1.0,
        hot_window: float = 15 * 60.0,
        clock: Clock = time.monotonic,
        sleep=asyncio.sleep,
        use_push: bool = True,
    ) -> None:
        self.service = service
        self.mailbox = mailbox
        self.on_new = on_new
        self.on_state = on_state
        # Stored mail changed without new mail: MailService gave a pushed mail of
        # this mailbox its real id (relayed from MailService.on_mail_identified).
        self.on_changed = on_changed
        self._stop_relaying: Callable[[], None] | None = None
        self.budget = budget
        self.poll_factor = poll_factor
        self.hot_window = hot_window
        self._clock = clock
        self._sleep = sleep
        self._use_push = use_push
        self._wake = asyncio.Event()
        self._hot_until = clock() + hot_window
        self._last_check_at: float | None = None
        self._push_live = False
        self._paused_until: float | None = None
        self._offline_failures = 0
        self._tasks: list[asyncio.Task] = []
        self._last_error: TempmailError | None = None
        self._expired = False
        self.checks = 0
        self.state = WatchState(mailbox.provider, mailbox.address, WatchStatus.STARTING)

    @property
    def name(self) -> str:
        return f"watch:{self.mailbox.provider}:{self.mailbox.address}"

    # -- control ----------------------------------------------------------

    def start(self) -> None:
        if self._tasks:
            return
        if self.on_changed is not None and self._stop_relaying is None:
            self._stop_relaying = self.service.on_mail_identified(self._on_mail_identified)
        self._tasks.append(asyncio.create_task(self._poll_loop(), name=self.name + ":poll"))

    def poke(self) -> None:
        """Check now (F5, selection, window raised), and stay hot: the user is looking."""
        self.mark_hot()
        self._wake.set()

    def mark_hot(self, seconds: float | None = None) -> None:
        """Hot for ``seconds`` from now (default: the hot window); 0 makes it idle now."""
        self._hot_until = self._clock() + (seconds if seconds is not None else self.hot_window)

    def mark_hot_since_creation(self) -> None:
        """Hot for what is left of the hot window since the mailbox was made (by
        the window or the command, maybe just before this app started); idle
        when that is unknown or long past."""
        created = self.mailbox.created_at
        age = (utcnow() - created).total_seconds() if created is not None else None
        self.mark_hot(max(0.0, self.hot_window - age) if age is not None and age >= 0 else 0.0)

    @property
    def is_hot(self) -> bool:
        return self._clock() < self._hot_until

    def resume(self) -> None:
        """Lift a pause (quota or key) after the user changed something."""
        self._paused_until = None
        self.poke()

    async def stop(self) -> None:
        tasks, self._tasks = self._tasks, []
        if self._stop_relaying is not None:
            self._stop_relaying()
            self._stop_relaying = None
        if self.budget is not None:
            self.budget.claims.discard(self.name)
        for task in tasks:
            task.cancel()
        if tasks:
            # Bounded: a task that ignores its cancel must not keep the app from quitting.
            _done, stuck = await asyncio.wait(tasks, timeout=5.0)
            for task in stuck:
                log.warning("%s: task %s did not stop in time", self.name, task.get_name())
        self._set_state(WatchStatus.STOPPED)

    # -- scheduling -------------------------------------------------------

    def _provider_info(self):
        from ..providers.registry import provider_info

        return provider_info(self.mailbox.provider)

    def next_delay(self) -> float:
        """Seconds until the next listing, from attention, push, pause and budget."""
        delay = self._cadence_delay()
        paused = self._paused_until is not None and self._clock() < self._paused_until
        if self.budget is not None and not paused:  # a paused mailbox claims no token
            delay = max(delay, self.budget_delay())
        return delay

    def _cadence_delay(self) -> float:
        info = self._provider_info()
        now = self._clock()
        if self._paused_until is not None and now < self._paused_until:
            return self._paused_until - now
        quick = self.is_hot and not self._push_live
        delay = (info.poll_active if quick else info.poll_idle) * self.poll_factor
        if self._offline_failures:
            delay = min(MAX_OFFLINE_BACKOFF, max(delay, info.poll_active * 2 ** self._offline_failures))
        return delay

    def budget_delay(self) -> float:
        """Seconds until this mailbox may spend a token of its service's budget.

        A hot mailbox needs a token; an idle one yields while the bucket is at
        or below its reserve, but only until it is overdue (unchecked for
        IDLE_YIELD_LIMIT idle intervals), then it claims the next token.
        """
        budget = self.budget
        if budget is None:
            return 0.0
        if self.is_hot:
            budget.claims.discard(self.name)
            return budget.delay_until_token(hot=True)
        if self._last_check_at is None:
            return budget.delay_until(1.0)  # the first listing of a mailbox is never held back
        overdue_at = self._last_check_at + IDLE_YIELD_LIMIT * self._provider_info().poll_idle * self.poll_factor
        if self._clock() >= overdue_at:
            budget.claims.add(self.name)
            return budget.delay_until(1.0)
        return min(budget.delay_until_token(hot=False), overdue_at - self._clock())

    async def _wait(self, delay: float) -> None:
        self._wake.clear()
        sleeper = asyncio.ensure_future(self._sleep(delay))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            # Cancel without awaiting: awaiting here under suppress(CancelledError)
            # would swallow a stop() that lands at this moment, and quitting would hang.
            for fut in (sleeper, waker):
                if not fut.done():
                    fut.cancel()

    # -- loops ------------------------------------------------------------

    async def _poll_loop(self) -> None:
        provider = await self.service.provider(self.mailbox.provider)
        if self._use_push and provider.can(Capability.PUSH):
            self._tasks.append(asyncio.create_task(self._push_loop(provider), name=self.name + ":push"))
        first = True
        while True:
            if not first:
                delay = self.next_delay()
                self._report_next(delay)
                await self._wait(delay)
                if self._paused_until is not None and self._clock() < self._paused_until:
                    continue  # woken during a pause (F5): still paused
            first = False
            # Other mailboxes of the service may have spent the token this one waited
            # for, or a poke made it hot: ask again until the budget allows.
            while self.budget is not None and (wait := self.budget_delay()) > 0:
                self._report_next(wait, quota_bound=True)
                await self._wait(wait)
            if self.budget is not None:
                self.budget.claims.discard(self.name)
                self.budget.take()
            self._last_check_at = self._clock()
            await self.check()

    def _report_next(self, delay: float, *, quota_bound: bool = False) -> None:
        status = self._idle_status()
        keep = status in (WatchStatus.PAUSED, WatchStatus.OFFLINE, WatchStatus.KEY_PROBLEM)
        error = self._last_error if keep else None
        quota_interval = None
        if self.budget is not None and status == WatchStatus.POLLING:
            cadence = self._cadence_delay()
            budget_wait = self.budget_delay()
            if quota_bound or budget_wait > cadence:
                quota_interval = max(budget_wait, cadence)
        self._set_state(status, next_in=delay, error=error, detail=str(error) if error else "",
                        quota_interval=quota_interval)

    def _idle_status(self) -> WatchStatus:
        if self._expired:
            return WatchStatus.EXPIRED
        paused = self._paused_until is not None and self._clock() < self._paused_until
        if paused and isinstance(self._last_error, AuthError):
            return WatchStatus.KEY_PROBLEM
        if paused:
            return WatchStatus.PAUSED
        if self._offline_failures:
            return WatchStatus.OFFLINE
        return WatchStatus.LIVE if self._push_live else WatchStatus.POLLING

    async def check(self) -> list[Message]:
        """One listing; new mail goes to on_new. Errors become state, never escape."""
        expires_at = self.mailbox.expires_at
        if self._expired or (expires_at is not None and utcnow() > expires_at):
            return self._mark_expired()
        self.checks += 1
        self._set_state(WatchStatus.CHECKING)
        try:
            new = await self.service.refresh(self.mailbox)
        except QuotaError as exc:
            pause = QUOTA_PAUSE_UNKNOWN
            if exc.reset_at is not None:
                pause = max(1.0, (exc.reset_at - utcnow()).total_seconds())
            self._paused_until = self._clock() + pause
            self._last_error = exc
            self._set_state(WatchStatus.PAUSED, error=exc, detail=str(exc))
            return []
        except NotFoundError:
            return self._mark_expired()
        except AuthError as exc:
            self._paused_until = self._clock() + 24 * 3600.0  # until the user fixes the key
            self._last_error = exc
            self._set_state(WatchStatus.KEY_PROBLEM, error=exc, detail=str(exc))
            return []
        except UnavailableError as exc:
            self._offline_failures = min(self._offline_failures + 1, 8)
            self._last_error = exc
            self._set_state(WatchStatus.OFFLINE, error=exc, detail=str(exc))
            return []
        except TempmailError as exc:
            self._last_error = exc
            self._set_state(WatchStatus.OFFLINE, error=exc, detail=str(exc))
            return []
        self._offline_failures = 0
        self._paused_until = None
        self._last_error = None
        if new:
            self.mark_hot()  # mail came: a second one (the code after a link, a resend) is likely
            self.on_new(self.mailbox, new)
        return new

    def _mark_expired(self) -> list[Message]:
        """Polling a mailbox the service deleted only earns 404s: stop until poked."""
        self._expired = True
        self._paused_until = self._clock() + 24 * 3600.0
        self._set_state(WatchStatus.EXPIRED)
        return []

    def _on_mail_identified(self, mailbox: Mailbox, _push_id: str, _real_id: str) -> None:
        if self.on_changed is not None and (mailbox.provider, mailbox.address.lower()) == (
            self.mailbox.provider, self.mailbox.address.lower()
        ):
            self.on_changed(self.mailbox)

    async def _push_loop(self, provider) -> None:
        attempt = 0
        while True:
            try:
                async for pushed in provider.push([self.mailbox], on_connected=self._on_push_connected):
                    attempt = 0
                    self._on_push_connected()
                    kept = self.service.accept_pushed(self.mailbox, pushed)
                    if kept is not None:
                        self.on_new(self.mailbox, [kept])
                        self._wake.set()  # list soon, so the mail gets its real id
                raise UnavailableError("push connection closed", provider=self.mailbox.provider)
            except asyncio.CancelledError:
                raise
            except AuthError as exc:
                self._push_live = False
                self._set_state(WatchStatus.KEY_PROBLEM, error=exc, detail=str(exc))
                return
            except TempmailError as exc:
                self._push_live = False
                delay = PUSH_BACKOFF[min(attempt, len(PUSH_BACKOFF) - 1)]
                attempt += 1
                log.info("%s: push down (%s); polling, reconnecting in %.0fs", self.name, exc, delay)
                self.mark_hot()  # poll quickly while push is down
                self._wake.set()
                await self._sleep(delay)
            except Exception:  # a bug in push must not end the safety net
                self._push_live = False
                log.exception("%s: push failed", self.name)
                await self._sleep(PUSH_BACKOFF[-1])

    def _on_push_connected(self) -> None:
        if not self._push_live:
            self._push_live = True
            self._set_state(WatchStatus.LIVE)

    def _set_state(
        self,
        status: WatchStatus,
        *,
        next_in: float | None = None,
        detail: str = "",
        error: TempmailError | None = None,
        quota_interval: float | None = None,
    ) -> None:
        next_at = utcnow() + timedelta(seconds=next_in) if next_in is not None else None
        name = self._provider_info().name if quota_interval is not None else ""
        self.state = WatchState(
            self.mailbox.provider, self.mailbox.address, status, next_at, detail, error,
            quota_interval, name,
        )
        if self.on_state is not None:
            try:
                self.on_state(self.state)
            except Exception:
                log.exception("state callback failed")


async def wait_for_new_message(
    service,
    mailbox: Mailbox,
    *,
    timeout: float,
    accept: Callable[[Message], bool] = lambda m: True,
) -> Message:
    """Return the first mail that was not in the mailbox when this started.

    Push where the service has it, polling otherwise. Raises TimeoutError.
    """
    from ..core.errors import TimeoutExpired

    queue: asyncio.Queue[Message] = asyncio.Queue()
    errors: list[TempmailError] = []
    await service.refresh(mailbox)  # what is there now is the baseline, not news
    store = service.store
    known = store.known_ids(mailbox.provider, mailbox.address)

    def take(messages: list[Message]) -> None:
        for message in messages:
            if message.id not in known:
                known.add(message.id)
                queue.put_nowait(message)

    def on_new(_mb: Mailbox, messages: list[Message]) -> None:
        take(messages)

    def take_stored_elsewhere() -> None:
        # Another process on the store (the open window, checking this mailbox
        # too) may have listed the mail first: then our listing finds it stored,
        # not new, and only the store tells.
        fresh = store.known_ids(mailbox.provider, mailbox.address) - known
        stored = (store.message(mailbox.provider, mailbox.address, i) for i in fresh)
        take(sorted((m for m in stored if m is not None), key=lambda m: m.received_at or utcnow()))

    def on_state(state: WatchState) -> None:
        if state.status in (WatchStatus.POLLING, WatchStatus.LIVE):  # a check is done
            take_stored_elsewhere()
        if state.status in (WatchStatus.KEY_PROBLEM, WatchStatus.PAUSED) and state.error:
            errors.append(state.error)
            queue.put_nowait(None)  # type: ignore[arg-type]
        elif state.status == WatchStatus.EXPIRED:
            errors.append(NotFoundError(f"{mailbox.address} has expired on the service", provider=mailbox.provider))
            queue.put_nowait(None)  # type: ignore[arg-type]

    watcher = MailboxWatcher(service, mailbox, on_new=on_new, on_state=on_state, hot_window=timeout + 60)
    watcher.start()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    try:
        while True:
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise TimeoutExpired(
                    f"no new mail in {mailbox.address} within {timeout:g} s", provider=mailbox.provider
                )
            try:
                message = await asyncio.wait_for(queue.get(), remaining)
            except asyncio.TimeoutError:
                continue
            if message is None:
                raise errors[-1]
            if message.is_pushed_only:
                message = await _as_listed(service, mailbox, message)
            if accept(message):
                return message
    finally:
        await watcher.stop()


async def _as_listed(service, mailbox: Mailbox, pushed: Message) -> Message:
    """A pushed mail (no id) as the listing has it, so scripts get a real id:
    the listing lets MailService pair the two."""
    try:
        await service.refresh(mailbox)
    except TempmailError:
        return pushed
    return service.current_message(mailbox, pushed.id) or pushed
