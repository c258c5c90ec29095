"""MailService: the one route from a user action to a service and back.

The CLI and the GUI both call this; it wires each provider to its base URL
(settings and environment) and key (secrets), and keeps everything fetched in
the store so mail stays readable after the service has dropped it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ..core.errors import NotFoundError, TempmailError, UnavailableError, UsageError
from ..core.facts import mail_facts
from ..core.filenames import AtomicFile, safe_filename
from ..core.mime import sender_name
from ..core.models import PUSHED_ID_PREFIX, Attachment, Capability, Mailbox, Message
from ..core.timeutil import utcnow
from ..providers.base import Provider
from ..providers.http import HttpClient
from ..providers.registry import DEFAULT_PROVIDER, PROVIDERS, provider_class
from . import settings as settings_mod
from .secrets import KeyLookup, Secrets
from .settings import Settings
from .store import SUMMARY_TEXT_CHARS, Store

log = logging.getLogger("tempmail.service")

ProgressFn = Callable[[str, int, int | None], None]


class MailService:
    def __init__(
        self,
        *,
        store: Store,
        settings: Settings,
        secrets: Secrets,
        http: HttpClient | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.secrets = secrets
        self.http = http or HttpClient()
        self._providers: dict[str, Provider] = {}
        self._keys: dict[str, KeyLookup] = {}

    # -- providers --------------------------------------------------------

    def default_provider_id(self) -> str:
        value = self.settings.get("default_provider")
        return value if value in PROVIDERS else DEFAULT_PROVIDER

    async def key_lookup(self, provider_id: str) -> KeyLookup:
        cls = provider_class(provider_id)
        lookup = await self.secrets.get(provider_id, default_key=cls.info.default_key)
        self._keys[provider_id] = lookup
        return lookup

    async def provider(self, provider_id: str) -> Provider:
        """The client for a service, built once with its URL and key."""
        cached = self._providers.get(provider_id)
        if cached is not None:
            return cached
        cls = provider_class(provider_id)
        lookup = await self.key_lookup(provider_id)
        base = settings_mod.base_url(self.settings, provider_id, cls.info.default_base_url)
        ws = None
        if cls.info.default_ws_url:
            ws = settings_mod.ws_url(self.settings, cls.info.default_ws_url)
        provider = cls(self.http, base_url=base, key=lookup.key, ws_url=ws)
        self._providers[provider_id] = provider
        return provider

    def forget_provider(self, provider_id: str) -> None:
        """Drop a cached client (its key or URL changed)."""
        self._providers.pop(provider_id, None)
        self._keys.pop(provider_id, None)

    def cached_providers(self) -> list[Provider]:
        return list(self._providers.values())

    # -- mailboxes --------------------------------------------------------

    async def create_mailbox(
        self, provider_id: str, *, prefix: str | None = None, domain: str | None = None
    ) -> Mailbox:
        provider = await self.provider(provider_id)
        if prefix:
            provider.validate_prefix(prefix)
        mailbox = await provider.create_mailbox(prefix=prefix or None, domain=domain or None)
        if mailbox.created_at is None:
            mailbox.created_at = utcnow()
        self.store.add_mailbox(mailbox)
        log.info("created %s on %s", mailbox.address, provider_id)
        return mailbox

    async def resolve_mailbox(self, address: str, provider_id: str | None = None) -> Mailbox:
        """A remembered mailbox, or (with a provider named) a newly remembered one."""
        known = self.store.find_mailbox(address, provider_id)
        if known is not None:
            return known
        if provider_id is None:
            raise UsageError(
                f"'{address}' is not a mailbox this app remembers; name its provider with -p"
            )
        provider = await self.provider(provider_id)
        mailbox = Mailbox(provider_id, provider.check_address(address), created_at=None)
        self.store.add_mailbox(mailbox)
        return mailbox

    async def rename_mailbox(self, mailbox: Mailbox, *, prefix: str, domain: str | None) -> Mailbox:
        provider = await self.provider(mailbox.provider)
        provider.require(Capability.RENAME, "rename an address")
        provider.validate_prefix(prefix)
        target_domain = domain or mailbox.address.rpartition("@")[2]
        renamed = await provider.rename_mailbox(mailbox, prefix=prefix, domain=target_domain)
        self.store.rename_mailbox(mailbox.provider, mailbox.address, renamed)
        return renamed

    async def drop_mailbox(self, mailbox: Mailbox, *, upstream: bool = True) -> bool:
        """Delete upstream where the service can, then forget it. True if deleted upstream."""
        deleted = False
        if upstream:
            provider = await self.provider(mailbox.provider)
            if provider.can(Capability.DELETE_MAILBOX):
                try:
                    await provider.delete_mailbox(mailbox)
                    deleted = True
                except NotFoundError:
                    deleted = True  # already gone there: forgetting is all that is left
        self.store.remove_mailbox(mailbox.provider, mailbox.address)
        return deleted

    # -- messages ---------------------------------------------------------

    async def refresh(self, mailbox: Mailbox) -> list[Message]:
        """List the mailbox on the service, keep it, and return mail new to us."""
        provider = await self.provider(mailbox.provider)
        listed = await provider.list_messages(mailbox)
        new = self.store.merge_listing(mailbox.provider, mailbox.address, listed, full_listing=True)
        self.store.touch_checked(mailbox.provider, mailbox.address, utcnow())
        return [await self._with_facts_from_detail(provider, mailbox, message) for message in new]

    async def _with_facts_from_detail(self, provider: Provider, mailbox: Mailbox, message: Message) -> Message:
        """A new mail, read in full once when its listing has no HTML and no code or
        link was found in what it has, so that "no code" is said of the whole mail
        (the Worker lists only a cut text). Where the service scans for codes
        itself, its answer is taken when ours finds none."""
        if (
            message.code or message.link or message.html or message.complete
            or message.is_pushed_only or not provider.can(Capability.MESSAGE_DETAIL)
        ):
            return message
        try:
            fetched = await provider.get_message(mailbox, message.id)
            if provider.can(Capability.SERVER_OTP) and not mail_facts(fetched).code:
                answer = await provider.server_otp(mailbox)
                if answer.found and answer.message_id == message.id:
                    fetched.code = answer.otp
        except TempmailError as error:
            log.info("kept the listing of %s without its detail: %s", message.id, error)
            return message
        fetched.seen = message.seen
        self._save_detail(fetched)
        return self.store.message(mailbox.provider, mailbox.address, message.id) or message

    def _save_detail(self, fetched: Message) -> None:
        """Keep a mail read in full. Its listing may have named only the address;
        the mail's own From header (in its headers or raw source) names the sender."""
        if not fetched.from_name:
            fetched.from_name = sender_name(fetched.from_addr, fetched.headers, fetched.raw)
        self.store.save_message(fetched)

    def accept_pushed(self, mailbox: Mailbox, pushed: Message) -> Message | None:
        """Keep a pushed mail; None when we already have it (listed first, or pushed twice)."""
        if self.find_by_fingerprint(mailbox, pushed.fingerprint()) is not None:
            return None
        new = self.store.merge_listing(
            mailbox.provider, mailbox.address, [pushed], full_listing=False
        )
        return new[0] if new else None

    def find_by_fingerprint(self, mailbox: Mailbox, fingerprint: str) -> Message | None:
        """The stored mail with this identity (pushed mail has no id), in full."""
        # Summaries fingerprint like the full mail (no HTML, raw or headers read per
        # push), unless their text was cut: then the full mail decides.
        for summary in self.store.summaries(mailbox.provider, mailbox.address, limit=500):
            full = None
            if len(summary.text) >= SUMMARY_TEXT_CHARS:
                full = self.store.message(mailbox.provider, mailbox.address, summary.id)
            if (full or summary).fingerprint() == fingerprint:
                return full or self.store.message(mailbox.provider, mailbox.address, summary.id)
        return None

    def stored_messages(self, mailbox: Mailbox) -> list[Message]:
        return self.store.messages(mailbox.provider, mailbox.address)

    async def open_message(self, mailbox: Mailbox, message_id: str) -> Message:
        """The fullest version we can have: stored if complete, else fetched, else stored."""
        stored = self.store.message(mailbox.provider, mailbox.address, message_id)
        if stored is None and message_id.startswith(PUSHED_ID_PREFIX):
            # A listing gave this pushed mail its real id meanwhile.
            stored = self.find_by_fingerprint(mailbox, message_id[len(PUSHED_ID_PREFIX):])
            if stored is not None:
                message_id = stored.id
        provider = await self.provider(mailbox.provider)
        wants_detail = provider.can(Capability.MESSAGE_DETAIL) and not message_id.startswith(PUSHED_ID_PREFIX)
        if stored is not None and (stored.complete or stored.deleted_upstream or not wants_detail):
            return stored
        if stored is None and not wants_detail:
            await self.refresh(mailbox)
            stored = self.store.message(mailbox.provider, mailbox.address, message_id)
            if stored is None:
                raise NotFoundError(
                    f"no message {message_id} in {mailbox.address}", provider=mailbox.provider
                )
            return stored
        try:
            fetched = await provider.get_message(mailbox, message_id)
        except NotFoundError:
            if stored is None:
                raise
            self.store.mark_deleted_upstream(mailbox.provider, mailbox.address, message_id)
            return stored.with_changes(deleted_upstream=True)
        except UnavailableError:
            if stored is None:
                raise
            log.info("showing the stored copy of %s: service unavailable", message_id)
            return stored
        fetched.seen = stored.seen if stored is not None else fetched.seen
        self._save_detail(fetched)
        return self.store.message(mailbox.provider, mailbox.address, message_id) or fetched

    async def delete_message(self, mailbox: Mailbox, message_id: str) -> None:
        provider = await self.provider(mailbox.provider)
        provider.require(Capability.DELETE_MESSAGE, "delete a message")
        try:
            await provider.delete_message(mailbox, message_id)
        except NotFoundError:
            if self.store.message(mailbox.provider, mailbox.address, message_id) is None:
                raise
        self.store.delete_message(mailbox.provider, mailbox.address, message_id)

    async def clear_mailbox(self, mailbox: Mailbox) -> int | None:
        provider = await self.provider(mailbox.provider)
        provider.require(Capability.CLEAR, "clear a mailbox")
        count = await provider.clear_mailbox(mailbox)
        self.store.clear_messages(mailbox.provider, mailbox.address)
        return count

    # -- attachments ------------------------------------------------------

    def attachments_of(self, message: Message) -> list[Attachment]:
        """Attachments to save, with bytes from the raw source where that is where they live."""
        wanted = [a for a in message.attachments if not a.inline]
        if message.raw and any(a.data is None and a.url is None for a in wanted):
            from ..core.mime import parse_raw

            parsed = parse_raw(message.raw)
            return [a for a in parsed.attachments if not a.inline]
        return wanted

    async def save_attachments(
        self,
        mailbox: Mailbox,
        message: Message,
        folder: Path,
        *,
        only: list[Attachment] | None = None,
        progress: ProgressFn | None = None,
    ) -> list[Path]:
        """Save attachments inside ``folder``: safe names, never overwriting, never half files."""
        provider = await self.provider(mailbox.provider)
        folder = Path(folder)
        if not folder.is_dir():
            raise UsageError(f"'{folder}' is not a folder")
        attachments = only if only is not None else self.attachments_of(message)
        if not attachments:
            raise NotFoundError(f"message {message.id} has no attachments", provider=mailbox.provider)
        saved: list[Path] = []
        for attachment in attachments:
            name = safe_filename(attachment.name)
            with AtomicFile(folder, name) as part:
                def report(done: int, total: int | None, _name=name) -> None:
                    if progress:
                        progress(_name, done, total)

                await provider.download_attachment(
                    mailbox, message, attachment, part.write, report
                )
                saved.append(part.commit())
        return saved

    async def aclose(self) -> None:
        await self.http.aclose()

