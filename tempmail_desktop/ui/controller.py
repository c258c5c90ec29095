"""AppController: the bridge between the Qt-free services and the window.

It owns the MailService and one watcher per mailbox, runs every job as a
named, cancellable asyncio task, and turns results into Qt signals. It is the
only module of ``ui/`` that imports ``service/`` or ``providers/``
(tests/ui/test_one_route.py): widgets read and act through its methods.

Errors go back to whoever asked: a job started with ``on_error`` reports
there (a dialog shows it in place), any other job's error goes to
``errorOccurred``, which the window shows; never both.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any, TypeVar, cast

from PySide6.QtCore import QObject, Signal

from ..core import log_names
from ..core.errors import TempmailError, UsageError
from ..core.keys import KeyLookup, KeyringState
from ..core.models import Attachment, Capability, Domain, GptMailStats, Mailbox, Message, ProviderInfo, QuotaState
from ..providers.gptmail import GptMailProvider
from ..providers.registry import PROVIDERS, provider_class
from ..providers.registry import provider_info as _provider_info
from ..service import paths
from ..service import settings as settings_mod
from ..service.mail import MailService
from ..service.remote_images import DEFAULT_LIMITS, ImageLimits, fetch_images
from ..service.secrets import Secrets
from ..service.settings import Settings
from ..service.store import Store
from ..service.watcher import MailboxWatcher, PollBudget
from .error_words import in_window_words

log = logging.getLogger(log_names.UI)

_T = TypeVar("_T")
Job = Callable[[], Awaitable[_T]]  # a coroutine *function*: a job cancelled before it starts leaves nothing unawaited
Reply = Callable[[str, str], None]  # who (a service's name or ""), what went wrong, in the window's words


# -- what widgets may know of the services: plain facts, no calls out -------

def provider_info(provider_id: str) -> ProviderInfo:
    return _provider_info(provider_id)


def providers(wanted: Capability | None = None) -> list[ProviderInfo]:
    """The services, in the registry's order; only those that can ``wanted``."""
    return [cls.info for cls in PROVIDERS.values() if wanted is None or wanted in cls.info.capabilities]


def prefix_problem(provider_id: str, prefix: str) -> str | None:
    """Why the service would refuse this name before the @, or None."""
    try:
        # The check needs no connection: the client is built and dropped unused.
        provider_class(provider_id)(cast(Any, None)).validate_prefix(prefix)
    except TempmailError as error:
        return in_window_words(error)
    return None


def setting_default(key: str) -> Any:
    return settings_mod.setting(key).default


def setting_accepts(key: str, value: Any) -> bool:
    """True when the declared rule of setting ``key`` accepts ``value``."""
    check = settings_mod.setting(key).check
    if check is None:
        return True
    try:
        check(value)
    except ValueError:
        return False
    return True


def log_folder() -> Path:
    return paths.log_dir()


async def _settled(call: Job[_T]) -> _T | TempmailError:
    """The result, or the TempmailError as a value."""
    try:
        return await call()
    except TempmailError as error:
        return error


def _sync_key(provider: str, address: str) -> tuple[str, str]:
    """A mailbox as the store matches it: the address in any case."""
    return provider, address.lower()


class AppController(QObject):
    mailboxAdded = Signal(object)  # Mailbox made or opened here: the window selects it
    mailboxFound = Signal(object)  # Mailbox another process (the command) added: listed, not selected
    mailboxUpdated = Signal(object, object)  # old address (str), Mailbox
    mailboxRemoved = Signal(str, str)  # provider, address
    messagesChanged = Signal(str, str)  # provider, address: reload the list from the store
    newMail = Signal(object, list)  # Mailbox, [Message]
    messageLoaded = Signal(object)  # Message (full)
    watchStateChanged = Signal(object)  # WatchState
    errorOccurred = Signal(str, str)  # who (provider name or ""), what went wrong
    statusMessage = Signal(str)
    downloadProgress = Signal(str, int, int)  # name, done, total (-1 unknown)

    def __init__(self, service: MailService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # For this module (and tests): widgets use the methods below, never this.
        self.service = service
        self.watchers: dict[tuple[str, str], MailboxWatcher] = {}
        self._budgets: dict[str, PollBudget] = {}
        self._jobs: set[asyncio.Task] = set()
        self._named: dict[str, asyncio.Task] = {}
        self._closing = False
        # What the store held when it was last compared (see follow_store).
        self._store_sync: asyncio.Task | None = None
        self._store_version: int | None = None
        self._store_mailboxes: dict[tuple[str, str], Mailbox] = {}
        self._store_stamps: dict[tuple[str, str], tuple[int, ...]] = {}
        self._announced: dict[tuple[str, str, str], None] = {}  # ordered: oldest first

    @classmethod
    def for_data_folder(cls, parent: QObject | None = None) -> "AppController":
        """The controller of the app's own data folder (TEMPMAIL_HOME or the
        platform's): its settings, store and keys."""
        settings = Settings.load()
        return cls(MailService(store=Store(), settings=settings, secrets=Secrets()), parent)

    # -- jobs -------------------------------------------------------------

    def run(self, name: str, job: Job[_T], on_done: Callable[[_T], None] | None = None,
            on_error: Reply | None = None) -> asyncio.Task:
        """Run ``job()`` as a task named ``name``; a job of that name still
        running is cancelled first (the newer question replaces the older).

        Its result goes to ``on_done``; its error to ``on_error`` if given,
        else to ``errorOccurred``. A cancelled job calls neither.
        """
        previous = self._named.get(name)
        if previous is not None and not previous.done():
            previous.cancel()
        task = asyncio.ensure_future(self._guard(job, on_done, on_error))
        task.set_name(name)
        self._named[name] = task
        self._jobs.add(task)

        def finished(t: asyncio.Task) -> None:
            self._jobs.discard(t)
            if self._named.get(name) is t:
                del self._named[name]

        task.add_done_callback(finished)
        return task

    async def _guard(self, job: Job[Any], on_done: Callable[[Any], None] | None, on_error: Reply | None) -> Any:
        reply = on_error or self.errorOccurred.emit
        try:
            result = await job()
        except asyncio.CancelledError:
            raise
        except TempmailError as exc:
            reply(*self.words_for(exc))
            return None
        except Exception as exc:  # a bug: tell the user plainly, keep the trace in the log
            log.exception("job failed")
            reply("", self.tr("Something went wrong: %s") % exc)
            return None
        if on_done is not None:
            on_done(result)
        return result

    def words_for(self, error: TempmailError) -> tuple[str, str]:
        """Who failed (the service's name, or "") and what the window says."""
        who = ""
        if error.provider:
            try:
                who = provider_info(error.provider).name
            except TempmailError:
                who = error.provider
        return who, self.in_window_words(error)

    def report(self, error: TempmailError) -> None:
        self.errorOccurred.emit(*self.words_for(error))

    def in_window_words(self, error: TempmailError) -> str:
        """What the window says for ``error``, in the user's language, with
        the window's own way out (Settings), never the command's."""
        return in_window_words(error)

    # -- watchers ---------------------------------------------------------

    def budget_for(self, provider_id: str) -> PollBudget | None:
        quota = provider_info(provider_id).daily_quota
        if quota is None:
            return None
        if provider_id not in self._budgets:
            self._budgets[provider_id] = PollBudget(quota)
        return self._budgets[provider_id]

    def watch(self, mailbox: Mailbox, *, active: bool = True) -> MailboxWatcher:
        key = (mailbox.provider, mailbox.address)
        watcher = self.watchers.get(key)
        if watcher is None:
            settings = self.service.settings
            watcher = MailboxWatcher(
                self.service,
                mailbox,
                on_new=self._on_new,
                on_state=self.watchStateChanged.emit,
                on_changed=lambda mb: self.messagesChanged.emit(mb.provider, mb.address),
                budget=self.budget_for(mailbox.provider),
                poll_factor=settings_mod.poll_factor(settings, mailbox.provider),
                hot_window=60.0 * settings.get("poll.hot_minutes"),
            )
            self.watchers[key] = watcher
            watcher.start()
            if not active:
                watcher.mark_hot_since_creation()
        elif active:
            watcher.mark_hot()
        return watcher

    def attend(self, mailbox: Mailbox) -> None:
        """The user looks at this mailbox (selected it, raised the window, clicked
        the tray or a notification): check it at once and keep it hot."""
        watcher = self.watchers.get((mailbox.provider, mailbox.address))
        if watcher is None:
            self.watch(mailbox, active=True)  # a new watcher checks at once
        else:
            watcher.poke()

    async def unwatch(self, mailbox: Mailbox) -> None:
        watcher = self.watchers.pop((mailbox.provider, mailbox.address), None)
        if watcher is not None:
            await watcher.stop()

    def start_watching_all(self) -> None:
        for mailbox in self.service.store.mailboxes():
            self.watch(mailbox, active=False)
        self.follow_store()

    def check_now(self, mailbox: Mailbox | None = None) -> None:
        targets = [self.watchers.get((mailbox.provider, mailbox.address))] if mailbox else list(self.watchers.values())
        for watcher in targets:
            if watcher is not None:
                watcher.poke()

    def resume_provider(self, provider_id: str) -> None:
        """After the key or URL changed: rebuild the client and lift pauses."""
        self.service.forget_provider(provider_id)
        for (pid, _address), watcher in self.watchers.items():
            if pid == provider_id:
                watcher.resume()

    # Mail announced lately, so mail another process stored and this one's
    # watcher lists too (or the other way round) is announced once.
    ANNOUNCED_MEMORY = 512

    def _on_new(self, mailbox: Mailbox, messages: list[Message]) -> None:
        self.messagesChanged.emit(mailbox.provider, mailbox.address)
        fresh = [m for m in messages if self._first_announcement(m)]
        if fresh:
            self.newMail.emit(mailbox, fresh)

    def _first_announcement(self, message: Message) -> bool:
        key = (message.provider, message.mailbox.lower(), message.id)
        if key in self._announced:
            return False
        self._announced[key] = None
        while len(self._announced) > self.ANNOUNCED_MEMORY:
            self._announced.pop(next(iter(self._announced)))
        return True

    # -- other processes on the same data folder ---------------------------

    # How often the store is asked whether another process (the `tempmail`
    # command) committed to it: one pragma, so asking each second costs nothing.
    store_sync_interval: float = 1.0
    # Jobs that add, drop or rename a mailbox. While one runs, the store and
    # the watchers disagree on purpose (a drop unwatches before it forgets),
    # so comparing them then would undo the job; the comparison waits.
    MAILBOX_JOB_PREFIXES = ("create:", "open:", "drop:", "rename:")

    def follow_store(self) -> None:
        """Start noticing what other processes write to the store (once)."""
        if self._store_sync is not None and not self._store_sync.done():
            return
        store = self.service.store
        self._store_version = store.data_version()  # read first: a write after it is seen next time
        self._store_mailboxes = {_sync_key(mb.provider, mb.address): mb for mb in store.mailboxes()}
        self._store_stamps = {_sync_key(*key): stamp for key, stamp in store.message_stamps().items()}
        self._store_sync = asyncio.ensure_future(self._follow_store())
        self._store_sync.set_name("follow-store")

    async def _stop_following_store(self) -> None:
        task, self._store_sync = self._store_sync, None
        if task is not None and not task.done():
            task.cancel()
            await asyncio.gather(task, return_exceptions=True)

    async def _follow_store(self) -> None:
        while not self._closing:
            await asyncio.sleep(self.store_sync_interval)
            try:
                await self.sync_with_store()
            except (sqlite3.Error, RuntimeError) as exc:  # busy or closed: the next tick tries again
                log.info("could not compare with the store: %s", exc)
            except Exception:  # a bug: keep the trace, keep following
                log.exception("comparing with the store failed")

    async def sync_with_store(self) -> None:
        """Take in what another process changed: its new mailboxes are shown
        and watched as if made here, its dropped ones go, changed ones are
        shown anew, and mailboxes whose mail it changed are listed again."""
        store = self.service.store
        version = store.data_version()
        # A `tempmail wait` in another process writes nothing while it waits, so the
        # waits are read every tick, before the return below: a waited-on mailbox is
        # checked at once when it turns hot, and hot while its wait is listed and a
        # few ticks more (the hot window's minutes more where that is longer).
        waiting = {_sync_key(*key) for key in store.live_waits()}
        for key, watcher in self.watchers.items():
            if _sync_key(*key) in waiting and not self._closing:
                if not watcher.is_hot:
                    watcher.poke()
                watcher.mark_hot(max(watcher.hot_window, 3 * self.store_sync_interval))
        if version == self._store_version or self._closing:
            return
        if any(job.get_name().startswith(self.MAILBOX_JOB_PREFIXES) for job in self._jobs):
            return  # the version stays unseen, so the next tick compares
        self._store_version = version
        listed = {_sync_key(mb.provider, mb.address): mb for mb in store.mailboxes()}
        stamps = {_sync_key(*key): stamp for key, stamp in store.message_stamps().items()}
        watched = {_sync_key(*key): key for key in self.watchers}
        before, self._store_mailboxes = self._store_mailboxes, listed
        stamps_before, self._store_stamps = self._store_stamps, stamps

        for key, mailbox in listed.items():
            if key not in watched:
                log.info("%s on %s was added by another process", mailbox.address, mailbox.provider)
                self.mailboxFound.emit(mailbox)
                self.watch(mailbox, active=True)
                continue
            if key in before and before[key] != mailbox:
                watcher = self.watchers.get(watched[key])
                if watcher is not None:
                    watcher.mailbox = mailbox  # its next check uses the new expiry and handles
                self.mailboxUpdated.emit(mailbox.address, mailbox)
            if key in stamps_before and stamps_before[key] != stamps.get(key):
                self.messagesChanged.emit(mailbox.provider, mailbox.address)
                self._announce_stored_elsewhere(watched[key], mailbox, stamps_before[key][3])
        for key, (provider, address) in watched.items():
            if key not in listed and not self._closing:
                log.info("%s on %s was dropped by another process", address, provider)
                # Off the list first: selecting it while its watcher stops would watch it again.
                self.mailboxRemoved.emit(provider, address)
                await self.unwatch(Mailbox(provider, address))

    def _announce_stored_elsewhere(self, watched_key: tuple[str, str], mailbox: Mailbox,
                                   newest_row_before: int) -> None:
        """Mail a `tempmail wait` listed before this window's watcher did is
        news here too: announced (once) and the mailbox kept hot."""
        stored = self.service.store.unread_after(mailbox.provider, mailbox.address, newest_row_before)
        fresh = [m for m in stored if self._first_announcement(m)]
        if not fresh:
            return
        watcher = self.watchers.get(watched_key)
        if watcher is not None:
            watcher.mark_hot()
        self.newMail.emit(mailbox, fresh)

    # -- what the window reads (the store answers at once: no job) -----------

    @property
    def settings(self) -> Settings:
        return self.service.settings

    def mailboxes(self) -> list[Mailbox]:
        return self.service.store.mailboxes()

    def recent_mailboxes(self, count: int = 5) -> list[Mailbox]:
        """The ``count`` mailboxes added last, newest first (the tray's menu)."""
        return list(reversed(self.mailboxes()))[:count]

    def summaries(self, mailbox: Mailbox) -> list[Message]:
        return self.service.store.summaries(mailbox.provider, mailbox.address)

    def unread_count(self, provider: str, address: str) -> int:
        return self.service.store.unread_count(provider, address)

    def unread_total(self) -> int:
        return sum(self.service.store.unread_counts().values())

    def message(self, provider: str, address: str, message_id: str) -> Message | None:
        """A stored mail, or None once it is gone (the tray's code entries ask)."""
        return self.service.store.message(provider, address, message_id)

    def latest_code(self) -> str | None:
        """The newest code in any mailbox, as the store worked it out."""
        return self.service.store.latest_code()

    def attachments_of(self, message: Message) -> list[Attachment]:
        return self.service.attachments_of(message)

    def default_provider_id(self) -> str:
        return self.service.default_provider_id()

    def quota_of(self, provider_id: str) -> QuotaState | None:
        """What the service last said of its quota, if a client for it exists."""
        provider = next((p for p in self.service.cached_providers() if p.id == provider_id), None)
        return provider.quota if provider is not None else None

    def current_id(self, mailbox: Mailbox, message_id: str) -> str:
        """The id a mail has now: a pushed mail's ``push-…`` id gives way to
        the real one once its listing brought it (MailService pairs them)."""
        return self.service.current_id(mailbox, message_id)

    def new_open_folder(self) -> Path:
        """A fresh private folder of the app's cache, for an attachment to open."""
        return paths.new_open_folder()

    # -- questions to the services, as coroutine functions for run() ---------

    async def domains(self, provider_id: str) -> list[Domain]:
        return await (await self.service.provider(provider_id)).domains()

    async def key_mailboxes(self, provider_id: str) -> list[Mailbox]:
        return await (await self.service.provider(provider_id)).key_mailboxes()

    async def key_lookup(self, provider_id: str) -> KeyLookup:
        return await self.service.key_lookup(provider_id)

    async def save_key(self, provider_id: str, key: str) -> KeyLookup:
        return await self.service.secrets.set(provider_id, key)

    async def remove_key(self, provider_id: str) -> bool:
        return await self.service.secrets.delete(provider_id)

    def keep_key_for_session(self, provider_id: str, key: str) -> None:
        """Keep ``key`` in this process's memory only (the user chose it)."""
        self.service.secrets.allow_session_only(provider_id, key)

    async def keyring_state(self) -> KeyringState:
        """Whether the OS keyring can keep keys now (one answer for every service)."""
        return await self.service.secrets.keyring_state()

    def keep_keys_for_session(self, enabled: bool) -> None:
        """The user's one choice while there is no usable keyring: keys saved on
        any service are kept in memory until the app quits, without asking again."""
        self.service.secrets.keep_keys_for_session(enabled)

    async def _gptmail(self) -> GptMailProvider:
        try:
            return cast(GptMailProvider, await self.service.provider("gptmail"))
        except ValueError as error:  # a malformed address in the settings or environment
            raise UsageError(str(error), provider="gptmail") from None

    async def gptmail_statistics(self) -> list[GptMailStats | list | TempmailError]:
        """The dashboard's five answers, each a value or its error, so one
        failing part still lets the others show."""
        provider = await self._gptmail()
        calls = (provider.stats, provider.hourly, provider.top_subjects, provider.top_domains, provider.top_senders)
        return list(await asyncio.gather(*(_settled(call) for call in calls)))

    async def request_gptmail_domain(self, domain: str) -> str:
        return await (await self._gptmail()).request_domain(domain)

    def apply_poll_speed(self, provider_id: str) -> None:
        """The poll speed setting of a service changed: its watchers follow it."""
        factor = settings_mod.poll_factor(self.settings, provider_id)
        for (pid, _address), watcher in self.watchers.items():
            if pid == provider_id:
                watcher.poll_factor = factor

    # -- actions ----------------------------------------------------------

    def create_mailbox(self, provider_id: str, prefix: str | None, domain: str | None,
                       on_done: Callable[[Mailbox], None] | None = None,
                       on_error: Reply | None = None) -> asyncio.Task:
        async def job() -> Mailbox:
            mailbox = await self.service.create_mailbox(provider_id, prefix=prefix, domain=domain)
            self.mailboxAdded.emit(mailbox)
            self.watch(mailbox, active=True)
            return mailbox

        return self.run(f"create:{provider_id}", job, on_done, on_error)

    def add_existing(self, provider_id: str, address: str,
                     on_done: Callable[[Mailbox], None] | None = None,
                     on_error: Reply | None = None) -> asyncio.Task:
        async def job() -> Mailbox:
            mailbox = await self.service.resolve_mailbox(address, provider_id)
            self.mailboxAdded.emit(mailbox)
            self.watch(mailbox, active=True)
            return mailbox

        return self.run(f"open:{provider_id}", job, on_done, on_error)

    def open_message(self, mailbox: Mailbox, message_id: str) -> asyncio.Task:
        async def job() -> Message:
            message = await self.service.open_message(mailbox, message_id)
            self.service.store.mark_seen(mailbox.provider, mailbox.address, message_id)
            message.seen = True
            self.messageLoaded.emit(message)
            return message

        # One reader: opening another mail replaces the fetch of the last one.
        return self.run("open-message", job)

    def delete_message(self, mailbox: Mailbox, message_id: str) -> asyncio.Task:
        async def job() -> None:
            await self.service.delete_message(mailbox, message_id)
            self.messagesChanged.emit(mailbox.provider, mailbox.address)

        return self.run(f"delete-message:{message_id}", job)

    def clear_mailbox(self, mailbox: Mailbox) -> asyncio.Task:
        async def job() -> None:
            await self.service.clear_mailbox(mailbox)
            self.messagesChanged.emit(mailbox.provider, mailbox.address)

        return self.run(f"clear:{mailbox.address}", job)

    def drop_mailbox(self, mailbox: Mailbox, *, upstream: bool) -> asyncio.Task:
        async def job() -> None:
            await self.unwatch(mailbox)
            await self.service.drop_mailbox(mailbox, upstream=upstream)
            self.mailboxRemoved.emit(mailbox.provider, mailbox.address)

        return self.run(f"drop:{mailbox.address}", job)

    def rename_mailbox(self, mailbox: Mailbox, prefix: str, domain: str | None,
                       on_done: Callable[[Mailbox], None] | None = None,
                       on_error: Reply | None = None) -> asyncio.Task:
        async def job() -> Mailbox:
            await self.unwatch(mailbox)
            try:
                renamed = await self.service.rename_mailbox(mailbox, prefix=prefix, domain=domain)
            except BaseException:
                self.watch(mailbox, active=True)  # refused or cancelled: the old address is still watched
                raise
            self.mailboxUpdated.emit(mailbox.address, renamed)
            self.watch(renamed, active=True)
            return renamed

        return self.run(f"rename:{mailbox.address}", job, on_done, on_error)

    def save_attachments(self, mailbox: Mailbox, message: Message, folder: Path,
                         only: list[Attachment] | None = None,
                         on_done: Callable[[list[Path]], None] | None = None) -> asyncio.Task:
        def progress(name: str, done: int, total: int | None) -> None:
            self.downloadProgress.emit(name, done, -1 if total is None else total)

        async def job() -> list[Path]:
            return await self.service.save_attachments(mailbox, message, folder, only=only, progress=progress)

        return self.run(f"save:{message.id}:{folder}", job, on_done)

    # What one mail's "Load images" may cost (service/remote_images.py); tests narrow the times.
    image_limits: ImageLimits = DEFAULT_LIMITS

    def fetch_remote_images(self, urls: list[str], on_done: Callable[[dict[str, bytes]], None]) -> asyncio.Task:
        """Fetch a message's remote images when the user asked, through a client of their own.

        ``on_done`` always gets an answer, {} when nothing loaded, so the reader's
        "Loading images…" button comes back; only quitting (cancellation) skips it.
        """
        wanted, limits = list(urls), self.image_limits

        async def job() -> dict[str, bytes]:
            try:
                return await fetch_images(wanted, limits)
            except Exception:  # a bug: the trace goes to the log, the button still comes back
                log.exception("remote images failed")
                return {}

        return self.run("remote-images", job, on_done)

    # -- shutdown ---------------------------------------------------------

    async def shutdown(self) -> None:
        """Stop watchers and jobs, close the client and the store. Called once, on quit."""
        self._closing = True
        await self._stop_following_store()
        for watcher in list(self.watchers.values()):
            await watcher.stop()
        self.watchers.clear()
        jobs = list(self._jobs)
        for job in jobs:
            job.cancel()
        if jobs:
            await asyncio.gather(*jobs, return_exceptions=True)
        await self.service.aclose()
        self.service.store.close()
