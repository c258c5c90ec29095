"""MailService: the one route from a user action to a service and back.

The CLI and the GUI both call this; it wires each provider to its base URL
(settings and environment) and key (secrets), and keeps everything fetched in
the store so mail stays readable after the service has dropped it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from ..core import log_names, texts
from ..core.errors import NotFoundError, TempmailError, UnavailableError, UsageError
from ..core.facts import mail_facts
from ..core.keys import KeySource
from ..core.filenames import AtomicFile, safe_filename
from ..core.mime import sender_name
from ..core.models import PUSHED_ID_PREFIX, Attachment, Capability, Mailbox, Message
from ..core.timeutil import utcnow
from ..providers.base import Provider
from ..providers.catmails import match_pushed, pushed_id
from ..providers.http import HttpClient
from ..providers.registry import DEFAULT_PROVIDER, PROVIDERS, provider_class
from . import settings as settings_mod
from .secrets import KeyLookup, Secrets
from .settings import Settings
from .store import Store

log = logging.getLogger(log_names.SERVICE)

ProgressFn = Callable[[str, int, int | None], None]
# (mailbox, push id, real id): a mail known only from push is now known by its real id.
IdentifiedFn = Callable[[Mailbox, str, str], None]

# Pushed mail is looked for among this many of a mailbox's newest stored mails.
PUSHED_TWIN_SCAN = 500


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
        self._identified_listeners: list[IdentifiedFn] = []
        # (provider, address in lower case, push id) -> the real id, as found here.
        self._real_ids: dict[tuple[str, str, str], str] = {}

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
        # The public test key is left to the client, which then knows a refusal
        # is of that key and says so (GPTMail: "set your own").
        key = None if lookup.source is KeySource.DEFAULT else lookup.key
        provider = cls(self.http, base_url=base, key=key, ws_url=ws)
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
            raise UsageError(texts.NOT_REMEMBERED(address=address), way_out=texts.WayOut.NAME_PROVIDER)
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
        self._identify_pushed(mailbox, listed)
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

    # -- pushed mail and its listed twin --------------------------------------
    #
    # A push carries no id (Cat Mails): the mail is kept as ``push-<digest>``
    # until a listing brings it with its real id. Pairing the two is decided
    # here and nowhere else; the store only renames rows, the watcher hands
    # pushes and listings over, and the window follows on_mail_identified.

    def on_mail_identified(self, callback: IdentifiedFn) -> Callable[[], None]:
        """Call ``callback(mailbox, push_id, real_id)`` once for each stored
        pushed mail when a listing gives it its real id (its row now has that
        id). Not called for a push of a mail already listed: it is not kept,
        nothing showed its push id, and :meth:`current_id` still maps it.
        Returns a function that ends the subscription."""
        self._identified_listeners.append(callback)

        def unsubscribe() -> None:
            if callback in self._identified_listeners:
                self._identified_listeners.remove(callback)

        return unsubscribe

    def accept_pushed(self, mailbox: Mailbox, pushed: Message) -> Message | None:
        """Keep a pushed mail and return it as stored; None when it is no news:
        pushed before, or listed before (then its push id leads to the listed
        mail through :meth:`current_id`)."""
        if self.store.message(mailbox.provider, mailbox.address, pushed.id) is not None:
            return None
        twin = match_pushed(pushed, self._stored_at(mailbox, pushed))
        if twin is not None:
            self._real_ids[self._push_key(mailbox, pushed.id)] = twin.id
            return None
        new = self.store.merge_listing(
            mailbox.provider, mailbox.address, [pushed], full_listing=False
        )
        return new[0] if new else None

    def current_id(self, mailbox: Mailbox, message_id: str) -> str:
        """The id a mail has now: a ``push-…`` id (a notification, an open
        reader) gives way to the real one once a listing brought the mail;
        any other id is returned as it is."""
        if not message_id.startswith(PUSHED_ID_PREFIX):
            return message_id
        key = self._push_key(mailbox, message_id)
        if key in self._real_ids:
            return self._real_ids[key]
        if self.store.message(mailbox.provider, mailbox.address, message_id) is not None:
            return message_id
        # Paired by another process (the command) or before a restart: the
        # stored mail whose digest the push id is.
        for message in self.store.messages(mailbox.provider, mailbox.address, limit=PUSHED_TWIN_SCAN):
            if not message.is_pushed_only and pushed_id(message) == message_id:
                self._real_ids[key] = message.id
                return message.id
        return message_id

    def current_message(self, mailbox: Mailbox, message_id: str) -> Message | None:
        """The stored mail ``message_id`` names now (see :meth:`current_id`), in full."""
        return self.store.message(mailbox.provider, mailbox.address, self.current_id(mailbox, message_id))

    def _identify_pushed(self, mailbox: Mailbox, listed: list[Message]) -> None:
        """Before a listing is stored: give each mail known only from push the
        id of its listed twin, so that the twin is not new mail and one mail
        is one row. A twin not stored yet is taken first; one stored already
        (another process listed it meanwhile) takes the pushed row into it; a
        twin the user deleted here leaves the pushed mail as it is."""
        pushed = self.store.pushed_only(mailbox.provider, mailbox.address)
        if not pushed:
            return
        known = self.store.known_ids(mailbox.provider, mailbox.address)
        real = [message for message in listed if not message.is_pushed_only]
        unknown = [message for message in real if message.id not in known]
        stored = [message for message in real if message.id in known]
        for message in pushed:
            twin = match_pushed(message, unknown)
            if twin is not None:
                unknown.remove(twin)
            else:
                twin = match_pushed(message, stored)
                if twin is None or self.store.message(mailbox.provider, mailbox.address, twin.id) is None:
                    continue  # not listed yet, or its twin was deleted here
                stored.remove(twin)
            self._identified(mailbox, message.id, twin.id)

    def _identified(self, mailbox: Mailbox, push_id: str, real_id: str) -> None:
        if not self.store.replace_message_id(mailbox.provider, mailbox.address, push_id, real_id):
            return  # another process paired it first; its own listeners were told
        self._real_ids[self._push_key(mailbox, push_id)] = real_id
        log.debug("pushed mail %s is %s in %s", push_id, real_id, mailbox.address)
        for listener in list(self._identified_listeners):
            try:
                listener(mailbox, push_id, real_id)
            except Exception:  # one broken listener must not cost the listing
                log.exception("a listener of identified mail failed")

    def _stored_at(self, mailbox: Mailbox, pushed: Message) -> list[Message]:
        """Stored mail with real ids received when ``pushed`` was, in full (the
        only ones that can be its twin; summaries lack the HTML it is matched by)."""
        summaries = self.store.summaries(mailbox.provider, mailbox.address, limit=PUSHED_TWIN_SCAN)
        same_time = [s.id for s in summaries if not s.is_pushed_only and s.received_at == pushed.received_at]
        found = (self.store.message(mailbox.provider, mailbox.address, i) for i in same_time)
        return [message for message in found if message is not None]

    @staticmethod
    def _push_key(mailbox: Mailbox, push_id: str) -> tuple[str, str, str]:
        return (mailbox.provider, mailbox.address.lower(), push_id)

    def stored_messages(self, mailbox: Mailbox) -> list[Message]:
        return self.store.messages(mailbox.provider, mailbox.address)

    async def open_message(self, mailbox: Mailbox, message_id: str) -> Message:
        """The fullest version we can have: stored if complete, else fetched, else stored."""
        # A listing may have given a pushed mail its real id meanwhile.
        message_id = self.current_id(mailbox, message_id)
        stored = self.store.message(mailbox.provider, mailbox.address, message_id)
        provider = await self.provider(mailbox.provider)
        wants_detail = provider.can(Capability.MESSAGE_DETAIL) and not message_id.startswith(PUSHED_ID_PREFIX)
        if stored is not None and (stored.complete or stored.deleted_upstream or not wants_detail):
            return stored
        if stored is None and not wants_detail:
            await self.refresh(mailbox)
            stored = self.current_message(mailbox, message_id)
            if stored is None:
                raise NotFoundError(
                    texts.NO_MESSAGE_IN(message=message_id, address=mailbox.address), provider=mailbox.provider
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
            raise UsageError(texts.NOT_A_FOLDER(folder=folder))
        attachments = only if only is not None else self.attachments_of(message)
        if not attachments:
            raise NotFoundError(texts.NO_ATTACHMENTS(message=message.id), provider=mailbox.provider)
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

