"""AppController: the bridge between the Qt-free services and the window.

It owns the MailService and one watcher per mailbox, runs every job as a
named, cancellable asyncio task, and turns results into Qt signals. It is the
single route by which errors reach the user: services raise, this emits
``errorOccurred``, the window shows it. Widgets never call a provider.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from ..core.errors import TempmailError
from ..core.models import Attachment, Mailbox, Message
from ..providers.registry import provider_info
from ..service import settings as settings_mod
from ..service.mail import MailService
from ..service.remote_images import DEFAULT_LIMITS, ImageLimits, fetch_images
from ..service.watcher import MailboxWatcher, PollBudget

log = logging.getLogger("tempmail.ui")


class AppController(QObject):
    mailboxAdded = Signal(object)  # Mailbox
    mailboxUpdated = Signal(object, object)  # old address (str), Mailbox
    mailboxRemoved = Signal(str, str)  # provider, address
    messagesChanged = Signal(str, str)  # provider, address: reload the list from the store
    newMail = Signal(object, list)  # Mailbox, [Message]
    messageLoaded = Signal(object)  # Message (full)
    watchStateChanged = Signal(object)  # WatchState
    errorOccurred = Signal(str, str)  # who (provider name or ""), what went wrong
    statusMessage = Signal(str)
    busyChanged = Signal(int)  # jobs running
    downloadProgress = Signal(str, int, int)  # name, done, total (-1 unknown)

    def __init__(self, service: MailService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.watchers: dict[tuple[str, str], MailboxWatcher] = {}
        self._budgets: dict[str, PollBudget] = {}
        self._jobs: set[asyncio.Task] = set()
        self._closing = False

    # -- jobs -------------------------------------------------------------

    def run(self, name: str, coro: Awaitable[Any], on_done: Callable[[Any], None] | None = None) -> asyncio.Task:
        """Run a job as a named task; its TempmailError goes to errorOccurred."""
        task = asyncio.ensure_future(self._guard(coro, on_done))
        task.set_name(name)
        self._jobs.add(task)
        self.busyChanged.emit(len(self._jobs))

        def finished(t: asyncio.Task) -> None:
            self._jobs.discard(t)
            if not self._closing:
                self.busyChanged.emit(len(self._jobs))

        task.add_done_callback(finished)
        return task

    async def _guard(self, coro: Awaitable[Any], on_done: Callable[[Any], None] | None) -> Any:
        try:
            result = await coro
        except asyncio.CancelledError:
            raise
        except TempmailError as exc:
            self.report(exc)
            return None
        except Exception as exc:  # a bug: tell the user plainly, keep the trace in the log
            log.exception("job failed")
            self.errorOccurred.emit("", self.tr("Something went wrong: %s") % exc)
            return None
        if on_done is not None:
            on_done(result)
        return result

    def report(self, error: TempmailError) -> None:
        who = ""
        if error.provider:
            try:
                who = provider_info(error.provider).name
            except TempmailError:
                who = error.provider
        self.errorOccurred.emit(who, str(error))

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
                active_window=float(settings.get("poll.active_window_seconds")),
            )
            self.watchers[key] = watcher
            watcher.start()
            if not active:
                watcher.mark_active(0)
        elif active:
            watcher.mark_active()
        return watcher

    async def unwatch(self, mailbox: Mailbox) -> None:
        watcher = self.watchers.pop((mailbox.provider, mailbox.address), None)
        if watcher is not None:
            await watcher.stop()

    def start_watching_all(self) -> None:
        for mailbox in self.service.store.mailboxes():
            self.watch(mailbox, active=False)

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

    def _on_new(self, mailbox: Mailbox, messages: list[Message]) -> None:
        self.messagesChanged.emit(mailbox.provider, mailbox.address)
        self.newMail.emit(mailbox, messages)

    # -- actions ----------------------------------------------------------

    def create_mailbox(self, provider_id: str, prefix: str | None, domain: str | None,
                       on_done: Callable[[Mailbox], None] | None = None) -> asyncio.Task:
        async def job() -> Mailbox:
            mailbox = await self.service.create_mailbox(provider_id, prefix=prefix, domain=domain)
            self.mailboxAdded.emit(mailbox)
            self.watch(mailbox, active=True)
            return mailbox

        return self.run(f"create:{provider_id}", job(), on_done)

    def add_existing(self, provider_id: str, address: str,
                     on_done: Callable[[Mailbox], None] | None = None) -> asyncio.Task:
        async def job() -> Mailbox:
            mailbox = await self.service.resolve_mailbox(address, provider_id)
            self.mailboxAdded.emit(mailbox)
            self.watch(mailbox, active=True)
            return mailbox

        return self.run(f"open:{provider_id}", job(), on_done)

    def open_message(self, mailbox: Mailbox, message_id: str) -> asyncio.Task:
        async def job() -> Message:
            message = await self.service.open_message(mailbox, message_id)
            self.service.store.mark_seen(mailbox.provider, mailbox.address, message_id)
            message.seen = True
            self.messageLoaded.emit(message)
            return message

        return self.run(f"open-message:{message_id}", job())

    def delete_message(self, mailbox: Mailbox, message_id: str) -> asyncio.Task:
        async def job() -> None:
            await self.service.delete_message(mailbox, message_id)
            self.messagesChanged.emit(mailbox.provider, mailbox.address)

        return self.run(f"delete-message:{message_id}", job())

    def clear_mailbox(self, mailbox: Mailbox) -> asyncio.Task:
        async def job() -> None:
            await self.service.clear_mailbox(mailbox)
            self.messagesChanged.emit(mailbox.provider, mailbox.address)

        return self.run(f"clear:{mailbox.address}", job())

    def drop_mailbox(self, mailbox: Mailbox, *, upstream: bool) -> asyncio.Task:
        async def job() -> None:
            await self.unwatch(mailbox)
            await self.service.drop_mailbox(mailbox, upstream=upstream)
            self.mailboxRemoved.emit(mailbox.provider, mailbox.address)

        return self.run(f"drop:{mailbox.address}", job())

    def rename_mailbox(self, mailbox: Mailbox, prefix: str, domain: str | None) -> asyncio.Task:
        async def job() -> Mailbox:
            await self.unwatch(mailbox)
            renamed = await self.service.rename_mailbox(mailbox, prefix=prefix, domain=domain)
            self.mailboxUpdated.emit(mailbox.address, renamed)
            self.watch(renamed, active=True)
            return renamed

        return self.run(f"rename:{mailbox.address}", job())

    def save_attachments(self, mailbox: Mailbox, message: Message, folder: Path,
                         only: list[Attachment] | None = None,
                         on_done: Callable[[list[Path]], None] | None = None) -> asyncio.Task:
        def progress(name: str, done: int, total: int | None) -> None:
            self.downloadProgress.emit(name, done, -1 if total is None else total)

        async def job() -> list[Path]:
            return await self.service.save_attachments(mailbox, message, folder, only=only, progress=progress)

        return self.run(f"save:{message.id}", job(), on_done)

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

        return self.run("remote-images", job(), on_done)

    # -- shutdown ---------------------------------------------------------

    async def shutdown(self) -> None:
        """Stop watchers and jobs, close the client. Called once, on quit."""
        self._closing = True
        for watcher in list(self.watchers.values()):
            await watcher.stop()
        self.watchers.clear()
        jobs = list(self._jobs)
        for job in jobs:
            job.cancel()
        if jobs:
            await asyncio.gather(*jobs, return_exceptions=True)
        await self.service.aclose()
