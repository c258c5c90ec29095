"""TempMailGProvider against the loopback TempMailG user API (tests/fakes/tempmailg.py)."""

from __future__ import annotations

import logging
import os
from datetime import datetime, timedelta

import pytest
import pytest_asyncio
from aiohttp import web

from tempmail_desktop.core.errors import (
    AuthError,
    NotFoundError,
    ProtocolError,
    QuotaError,
    RejectedError,
    UnavailableError,
    UsageError,
)
from tempmail_desktop.core.models import Attachment, Capability, Mailbox, Message
from tempmail_desktop.core.timeutil import UTC, utcnow
from tempmail_desktop.providers.tempmailg import TempMailGProvider
from tests.fakes.server import FakeService
from tests.fakes.tempmailg import TempMailGFake

KEY = "tmg-test-key"
OTHER_KEY = "tmg-other-key"
T0 = datetime(2026, 6, 28, 9, 39, 8, tzinfo=UTC)
FREE_DOMAINS = {"tmgbox.test", "quickinbox.test"}


class Clock:
    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


class ForeignOrigin(FakeService):
    """Another origin on loopback that answers anything and logs who asked."""

    name = "foreign"

    def setup_routes(self, app: web.Application) -> None:
        async def anything(_request: web.Request) -> web.Response:
            return web.Response(body=b"not the attachment")

        app.router.add_route("*", "/{tail:.*}", anything)


@pytest.fixture
def clock(tempmailg_fake: TempMailGFake) -> Clock:
    clock = Clock()
    tempmailg_fake.clock = clock
    return clock


@pytest.fixture
def foreign():
    server = ForeignOrigin().start()
    yield server
    server.stop()


@pytest.fixture
def make(http, tempmailg_fake):
    tempmailg_fake.add_key(OTHER_KEY)

    def make(key: str | None = KEY) -> TempMailGProvider:
        return TempMailGProvider(http, base_url=tempmailg_fake.url, key=key)

    return make


@pytest.fixture
def provider(make) -> TempMailGProvider:
    return make()


@pytest_asyncio.fixture
async def mailbox(provider) -> Mailbox:
    return await provider.create_mailbox()


# -- metadata -------------------------------------------------------------


def test_info_declares_what_the_document_offers():
    info = TempMailGProvider.info
    assert info.id == "tempmailg"
    assert info.default_base_url == "https://v1.tempmailg.com"
    assert info.key_required
    assert info.retention == timedelta(minutes=10)
    assert info.capabilities == {
        Capability.RANDOM_ADDRESS,
        Capability.CHOSEN_PREFIX,
        Capability.CHOSEN_DOMAIN,
        Capability.DOMAIN_LIST,
        Capability.RENAME,
        Capability.DELETE_MAILBOX,
        Capability.DELETE_MESSAGE,
        Capability.MESSAGE_DETAIL,
        Capability.ATTACHMENTS,
    }


@pytest.mark.asyncio
async def test_every_call_carries_bearer_and_accept_and_no_log_shows_the_key(
    provider, tempmailg_fake, caplog
):
    caplog.set_level(logging.DEBUG)
    await provider.domains()
    box = await provider.create_mailbox(prefix="alltheway")
    mail_id = tempmailg_fake.deliver(box.address, attachments=[("a.txt", b"abc")])
    [listed] = await provider.list_messages(box)
    await provider.get_message(box, mail_id)
    await provider.download_attachment(box, listed, listed.attachments[0], lambda _chunk: None)
    await provider.delete_message(box, mail_id)
    await provider.delete_mailbox(box)

    seen = tempmailg_fake.requests
    assert {(r.method, r.path.split("/")[2]) for r in seen} == {
        ("GET", "domains"),
        ("POST", "emails"),
        ("GET", "messages"),
        ("DELETE", "messages"),
        ("DELETE", "emails"),
    }
    for request in seen:
        assert request.headers.get("Authorization") == f"Bearer {KEY}", request.path
        assert request.headers.get("Accept") == "application/json", request.path
        assert KEY not in request.path and KEY not in str(request.query)
    assert KEY not in caplog.text


# -- domains --------------------------------------------------------------


@pytest.mark.parametrize(
    ("plan", "kind", "expected"),
    [
        ("free", None, {("tmgbox.test", "free"), ("quickinbox.test", "free")}),
        ("free", "free", {("tmgbox.test", "free"), ("quickinbox.test", "free")}),
        ("free", "FREE", {("tmgbox.test", "free"), ("quickinbox.test", "free")}),
        (
            "premium",
            None,
            {("tmgbox.test", "free"), ("quickinbox.test", "free"), ("vipmail.test", "premium")},
        ),
        ("premium", "premium", {("vipmail.test", "premium")}),
    ],
)
@pytest.mark.asyncio
async def test_domains_follow_the_plan(provider, tempmailg_fake, plan, kind, expected):
    tempmailg_fake.add_key(KEY, plan)
    domains = await provider.domains(kind)
    assert {(d.name, d.kind) for d in domains} == expected
    assert not any(d.custom for d in domains)
    [request] = tempmailg_fake.seen("/api/domains")
    assert request.query.get("type") == (kind.lower() if kind else None)


@pytest.mark.asyncio
async def test_custom_domains_are_marked(provider, tempmailg_fake):
    tempmailg_fake.domains.append(("mine.test", "Free", True))
    domains = {d.name: d for d in await provider.domains()}
    assert domains["mine.test"].custom
    assert not domains["tmgbox.test"].custom


@pytest.mark.parametrize(
    ("kind", "error", "words", "sent"),
    [
        ("premium", RejectedError, "does not include premium", True),
        ("gold", UsageError, "free, premium", False),
        ("", UsageError, "free, premium", False),
    ],
)
@pytest.mark.asyncio
async def test_domain_kind_errors(provider, tempmailg_fake, kind, error, words, sent):
    with pytest.raises(error, match=words):
        await provider.domains(kind)
    assert bool(tempmailg_fake.seen("/api/domains")) is sent


# -- creating and switching mailboxes -------------------------------------


@pytest.mark.parametrize(
    ("prefix", "domain", "expected_local", "expected_domain"),
    [
        (None, None, None, None),
        ("demo123", None, "demo123", None),
        ("demo.123_x-y", "quickinbox.test", "demo.123_x-y", "quickinbox.test"),
        (None, "quickinbox.test", None, "quickinbox.test"),
        ("Demo123", "QuickInbox.test", "demo123", "quickinbox.test"),
    ],
)
@pytest.mark.asyncio
async def test_create_mailbox(
    provider, tempmailg_fake, clock, prefix, domain, expected_local, expected_domain
):
    box = await provider.create_mailbox(prefix=prefix, domain=domain)

    local, _, box_domain = box.address.partition("@")
    posts = [r.path for r in tempmailg_fake.seen("/api/emails", "POST")]
    assert posts[0] == "/api/emails"
    assert len(posts) == (1 if prefix is None and domain is None else 2)  # create, then switch
    if expected_local:
        assert local == expected_local
    else:
        assert len(local) == 10  # the service's random name survives a domain switch
    if expected_domain:
        assert box_domain == expected_domain
    else:
        assert box_domain in FREE_DOMAINS
    assert box.provider == "tempmailg"
    assert box.created_at == T0
    assert box.expires_at == T0 + timedelta(seconds=600)
    assert box.remote_id and box.remote_id.isdigit()
    assert box.token
    assert tempmailg_fake.owner_of(box.address) == KEY
    assert len(tempmailg_fake.mailboxes) == 1  # the interim random mailbox is gone


@pytest.mark.parametrize(
    ("data", "created", "expires"),
    [
        (
            {"expire_at": "2026-06-28T09:49:08+00:00", "expires_in_seconds": 600,
             "created_at": "2026-06-28T09:39:08+00:00"},
            T0,
            T0 + timedelta(seconds=600),
        ),
        (
            {"expires_in_seconds": 600, "created_at": "2026-06-28T14:39:08+05:00"},
            T0,
            T0 + timedelta(seconds=600),
        ),
        ({"expire_at": "2026-06-28 09:49:08"}, None, T0 + timedelta(seconds=600)),
        ({}, None, None),
    ],
)
def test_mailbox_times(http, data, created, expires):
    provider = TempMailGProvider(http, key=KEY)
    payload = {"status": True, "data": {"id": 7, "email": "x@tmgbox.test", "email_token": "t", **data}}
    box = provider._mailbox(payload)
    assert (box.created_at, box.expires_at, box.remote_id) == (created, expires, "7")


@pytest.mark.parametrize(
    ("prefix", "domain"),
    [
        ("bad/name", None),
        ("a b", None),
        ("x@y", None),
        ("", None),
        ("-lead", None),
        ("trail.", None),
        ("a" * 65, None),
        ("ok", "not a domain"),
        ("ok", "example.com/../x"),
    ],
)
@pytest.mark.asyncio
async def test_create_refuses_bad_names_before_sending(provider, tempmailg_fake, prefix, domain):
    with pytest.raises(UsageError):
        await provider.create_mailbox(prefix=prefix, domain=domain)
    assert tempmailg_fake.requests == []


@pytest.mark.parametrize(
    ("domain", "words"),
    [
        ("vipmail.test", "selected domain is invalid"),  # premium on a free plan
        ("elsewhere.test", "selected domain is invalid"),
    ],
)
@pytest.mark.asyncio
async def test_create_with_a_domain_the_plan_lacks(provider, tempmailg_fake, domain, words):
    with pytest.raises(RejectedError, match=words):
        await provider.create_mailbox(prefix="demo", domain=domain)
    assert tempmailg_fake.mailboxes == {}  # no stray random mailbox left behind


@pytest.mark.asyncio
async def test_create_with_a_prefix_someone_else_holds(make, tempmailg_fake):
    taken = await make(OTHER_KEY).create_mailbox(prefix="popular", domain="tmgbox.test")
    with pytest.raises(RejectedError, match="already been taken"):
        await make().create_mailbox(prefix="popular", domain="tmgbox.test")
    assert set(tempmailg_fake.mailboxes) == {taken.address}
    assert tempmailg_fake.owner_of(taken.address) == OTHER_KEY


@pytest.mark.asyncio
async def test_rename_switches_the_address_and_keeps_its_lifetime(provider, tempmailg_fake, clock, mailbox):
    clock.advance(seconds=120)
    renamed = await provider.rename_mailbox(mailbox, prefix="chosen", domain="quickinbox.test")
    assert renamed.address == "chosen@quickinbox.test"
    assert renamed.remote_id != mailbox.remote_id
    assert renamed.expires_at == mailbox.expires_at
    assert not tempmailg_fake.has_mailbox(mailbox.address)
    assert tempmailg_fake.has_mailbox("chosen@quickinbox.test")


@pytest.mark.parametrize("case", ["other key", "unknown", "expired"])
@pytest.mark.asyncio
async def test_rename_errors(make, clock, case):
    owner = make(OTHER_KEY if case == "other key" else KEY)
    if case == "unknown":
        box = Mailbox("tempmailg", "nobody@tmgbox.test")
    else:
        box = await owner.create_mailbox()
    if case == "expired":
        clock.advance(seconds=600)
    expected = AuthError if case == "other key" else NotFoundError
    with pytest.raises(expected) as caught:
        await make().rename_mailbox(box, prefix="mine", domain="tmgbox.test")
    if case == "other key":
        assert "not allowed" in str(caught.value) and box.address in str(caught.value)
        assert KEY not in str(caught.value)


# -- deleting mailboxes ---------------------------------------------------


@pytest.mark.parametrize(
    ("owner_key", "known", "error"),
    [
        (KEY, True, None),
        (OTHER_KEY, True, AuthError),
        (KEY, False, NotFoundError),
    ],
)
@pytest.mark.asyncio
async def test_delete_mailbox(make, tempmailg_fake, owner_key, known, error):
    if known:
        box = await make(owner_key).create_mailbox()
    else:
        box = Mailbox("tempmailg", "ghost@tmgbox.test")
    if error is None:
        await make().delete_mailbox(box)
        assert not tempmailg_fake.has_mailbox(box.address)
        return
    with pytest.raises(error):
        await make().delete_mailbox(box)
    assert tempmailg_fake.has_mailbox(box.address) is known


# -- listing and reading mail ---------------------------------------------


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {},
            {"from_addr": "hello@example.org", "from_name": "Example Sender", "has_html": True,
             "html": "<p>Hello from the inbox.</p>", "text_has": "Hello from the inbox."},
        ),
        (
            {"html": False, "content": "Your code is 123456", "sender_name": ""},
            {"from_addr": "hello@example.org", "from_name": None, "has_html": False,
             "html": None, "text_has": "Your code is 123456"},
        ),
        (
            {"sender_name": "hello@example.org"},
            {"from_addr": "hello@example.org", "from_name": None, "has_html": True,
             "html": "<p>Hello from the inbox.</p>", "text_has": "Hello from the inbox."},
        ),
        (
            {"sender_name": "Shop <news@shop.example>", "sender_email": ""},
            {"from_addr": "news@shop.example", "from_name": "Shop", "has_html": True,
             "html": "<p>Hello from the inbox.</p>", "text_has": "Hello from the inbox."},
        ),
    ],
)
@pytest.mark.asyncio
async def test_list_maps_each_message(provider, tempmailg_fake, mailbox, fields, expected):
    mail_id = tempmailg_fake.deliver(mailbox.address, received_at=T0, **fields)
    [message] = await provider.list_messages(mailbox)
    assert message.id == mail_id
    assert message.provider == "tempmailg"
    assert message.mailbox == mailbox.address
    assert message.subject == "Welcome to Temp Mail"
    assert message.received_at == T0  # zone-less "2026-06-28 09:39:08" read as UTC
    assert message.from_addr == expected["from_addr"]
    assert message.from_name == expected["from_name"]
    assert message.has_html is expected["has_html"]
    assert message.html == expected["html"]
    assert expected["text_has"] in message.text and "<p>" not in message.text
    assert message.complete and not message.seen
    assert message.attachments == []


@pytest.mark.asyncio
async def test_list_maps_attachments(provider, tempmailg_fake, mailbox):
    mail_id = tempmailg_fake.deliver(
        mailbox.address,
        attachments=[("file.txt", b"x" * 91), ("scan.pdf", b"%PDF"), ("blob", b"??")],
    )
    [message] = await provider.list_messages(mailbox)
    assert [(a.name, a.size, a.content_type) for a in message.attachments] == [
        ("file.txt", 91, "text/plain"),
        ("scan.pdf", 4, "application/pdf"),
        ("blob", 2, None),
    ]
    assert message.attachments[0].url == f"{tempmailg_fake.url}/api/messages/{mail_id}/attachments/file.txt"


@pytest.mark.asyncio
async def test_listing_never_marks_mail_seen_but_opening_does(provider, tempmailg_fake, mailbox):
    first = tempmailg_fake.deliver(mailbox.address, subject="one", received_at=T0)
    second = tempmailg_fake.deliver(mailbox.address, subject="two", received_at=T0 + timedelta(minutes=1))

    listed = await provider.list_messages(mailbox)
    await provider.list_messages(mailbox)

    assert [m.subject for m in listed] == ["two", "one"]
    assert not tempmailg_fake.is_seen(first) and not tempmailg_fake.is_seen(second)
    assert tempmailg_fake.seen(f"/api/messages/{first}") == []
    assert tempmailg_fake.seen(f"/api/messages/{second}") == []

    opened = await provider.get_message(mailbox, first)
    assert opened.seen and tempmailg_fake.is_seen(first)
    assert not tempmailg_fake.is_seen(second)


@pytest.mark.asyncio
async def test_empty_mailbox_lists_nothing(provider, mailbox):
    assert await provider.list_messages(mailbox) == []


@pytest.mark.parametrize("case", ["other key", "unknown", "expired", "not an address"])
@pytest.mark.asyncio
async def test_list_errors(make, tempmailg_fake, clock, case):
    if case == "unknown":
        box = Mailbox("tempmailg", "nobody@tmgbox.test")
    elif case == "not an address":
        box = Mailbox("tempmailg", "nobody")
    else:
        box = await make(OTHER_KEY if case == "other key" else KEY).create_mailbox()
    if case == "expired":
        clock.advance(seconds=601)
    expected = {"other key": AuthError, "not an address": UsageError}.get(case, NotFoundError)
    with pytest.raises(expected) as caught:
        await make().list_messages(box)
    if case == "other key":
        assert "not allowed" in str(caught.value) and box.address in str(caught.value)


@pytest.mark.asyncio
async def test_get_message_maps_the_detail(provider, tempmailg_fake, mailbox):
    mail_id = tempmailg_fake.deliver(mailbox.address, received_at=T0, attachments=[("file.txt", b"hi")])
    message = await provider.get_message(mailbox, mail_id)
    assert isinstance(message, Message)
    assert (message.id, message.subject, message.from_addr, message.from_name) == (
        mail_id, "Welcome to Temp Mail", "hello@example.org", "Example Sender",
    )
    assert message.received_at == T0 and message.complete and message.seen
    assert [(a.name, a.size) for a in message.attachments] == [("file.txt", 2)]


@pytest.mark.parametrize(
    ("case", "error"),
    [("unknown", NotFoundError), ("other key", AuthError), ("empty id", UsageError)],
)
@pytest.mark.asyncio
async def test_get_message_errors(make, tempmailg_fake, case, error):
    box = await make(OTHER_KEY if case == "other key" else KEY).create_mailbox()
    mail_id = tempmailg_fake.deliver(box.address)
    wanted = {"unknown": "a" * 46, "other key": mail_id, "empty id": " "}[case]
    with pytest.raises(error):
        await make().get_message(box, wanted)
    assert not tempmailg_fake.is_seen(mail_id)


# -- deleting mail --------------------------------------------------------


@pytest.mark.parametrize(
    ("case", "error"),
    [("own", None), ("twice", NotFoundError), ("other key", AuthError), ("unknown", NotFoundError)],
)
@pytest.mark.asyncio
async def test_delete_message(make, tempmailg_fake, case, error):
    owner = make(OTHER_KEY if case == "other key" else KEY)
    box = await owner.create_mailbox()
    mail_id = tempmailg_fake.deliver(box.address)
    target = "b" * 46 if case == "unknown" else mail_id
    if case == "twice":
        await make().delete_message(box, target)
    if error is None:
        await make().delete_message(box, target)
        assert await owner.list_messages(box) == []
        return
    with pytest.raises(error):
        await make().delete_message(box, target)
    assert len(await owner.list_messages(box)) == (0 if case == "twice" else 1)


# -- attachments ----------------------------------------------------------


def _collector(asynchronous: bool):
    chunks: list[bytes] = []
    if asynchronous:

        async def sink(chunk: bytes) -> None:
            chunks.append(chunk)

    else:

        def sink(chunk: bytes) -> None:
            chunks.append(chunk)

    return chunks, sink


@pytest.mark.parametrize(
    ("size", "asynchronous"),
    [(0, False), (91, False), (300_000, False), (300_000, True)],
)
@pytest.mark.asyncio
async def test_attachment_download_is_byte_exact_with_progress(
    provider, tempmailg_fake, mailbox, size, asynchronous
):
    payload = os.urandom(size)
    tempmailg_fake.deliver(mailbox.address, attachments=[("data file.bin", payload)])
    [message] = await provider.list_messages(mailbox)
    chunks, sink = _collector(asynchronous)
    reports: list[tuple[int, int | None]] = []

    await provider.download_attachment(
        mailbox, message, message.attachments[0], sink, lambda done, total: reports.append((done, total))
    )

    assert b"".join(chunks) == payload
    assert reports[0] == (0, size) and reports[-1] == (size, size)
    assert [d for d, _ in reports] == sorted(d for d, _ in reports)
    if size == 300_000:
        assert len(reports) > 2  # streamed, not read whole


@pytest.mark.log_warnings_expected
@pytest.mark.asyncio
async def test_hostile_attachment_url_never_receives_the_key(provider, tempmailg_fake, foreign, mailbox):
    payload = b"the real bytes"
    mail_id = tempmailg_fake.deliver(mailbox.address, attachments=[("invoice.pdf", payload)])
    tempmailg_fake.set_attachment_url(mail_id, "invoice.pdf", f"{foreign.url}/steal?from=tempmailg")
    [message] = await provider.list_messages(mailbox)
    assert message.attachments[0].url.startswith(foreign.url)

    chunks, sink = _collector(False)
    await provider.download_attachment(mailbox, message, message.attachments[0], sink)

    assert foreign.requests == []
    assert b"".join(chunks) == payload
    [fetched] = tempmailg_fake.seen(f"/api/messages/{mail_id}/attachments/")
    assert fetched.headers["Authorization"] == f"Bearer {KEY}"


BASE = "https://v1.tempmailg.com"
REBUILT = f"{BASE}/api/messages/MSG1/attachments/my%20file.txt"


@pytest.mark.log_warnings_expected
@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (f"{BASE}/api/messages/MSG1/attachments/my%20file.txt", "kept"),
        ("https://v1.tempmailg.com:443/files/x", "kept"),
        ("HTTPS://V1.TempMailG.com/files/x", "kept"),
        ("http://v1.tempmailg.com/files/x", REBUILT),
        ("https://v1.tempmailg.com:8443/files/x", REBUILT),
        ("https://evil.example/files/x", REBUILT),
        ("https://v1.tempmailg.com@evil.example/files/x", REBUILT),
        ("https://v1.tempmailg.com.evil.example/files/x", REBUILT),
        ("//evil.example/files/x", REBUILT),
        ("/api/messages/MSG1/attachments/x", REBUILT),
        ("ftp://v1.tempmailg.com/files/x", REBUILT),
        ("https://v1.tempmailg.com:notaport/x", REBUILT),
        (None, REBUILT),
    ],
)
def test_attachment_url_stays_on_the_service_origin(http, url, expected):
    provider = TempMailGProvider(http, base_url=BASE, key=KEY)
    message = Message(id="MSG1", provider="tempmailg", mailbox="a@tmgbox.test")
    attachment = Attachment(name="my file.txt", url=url)
    assert provider.attachment_url(message, attachment) == (url if expected == "kept" else expected)


@pytest.mark.parametrize(
    ("case", "error"),
    [
        ("missing file", NotFoundError),
        ("other key", AuthError),
        ("500", UnavailableError),
        ("html", ProtocolError),
        ("429", QuotaError),
    ],
)
@pytest.mark.asyncio
async def test_attachment_download_errors(make, tempmailg_fake, case, error):
    owner = make(OTHER_KEY if case == "other key" else KEY)
    box = await owner.create_mailbox()
    mail_id = tempmailg_fake.deliver(box.address, attachments=[("file.txt", b"secret")])
    [message] = await owner.list_messages(box)
    attachment = message.attachments[0]
    if case == "missing file":
        attachment = Attachment(name="other.txt", url=attachment.url.replace("file.txt", "other.txt"))
    elif case in ("500", "html", "429"):
        tempmailg_fake.fail_next(case, path=f"/api/messages/{mail_id}/attachments/", retry_after="90")
    chunks, sink = _collector(False)
    with pytest.raises(error) as caught:
        await make().download_attachment(box, message, attachment, sink)
    assert chunks == []
    if case == "other key":
        assert "not allowed" in str(caught.value) and mail_id in str(caught.value)


# -- quota ----------------------------------------------------------------


@pytest.mark.asyncio
async def test_quota_headers_reach_the_provider(provider, tempmailg_fake):
    await provider.domains()
    await provider.domains()
    assert provider.quota.limit == 50000
    assert provider.quota.used == 2
    assert provider.quota.remaining == 49998
    # Sent as "...+05:00"; kept as the same instant.
    assert provider.quota.reset_at == tempmailg_fake.quota_reset
    assert provider.quota.reset_at.utcoffset() == timedelta(0)


@pytest.mark.asyncio
async def test_only_successful_calls_count(provider, tempmailg_fake):
    await provider.domains()
    with pytest.raises(NotFoundError):
        await provider.list_messages(Mailbox("tempmailg", "nobody@tmgbox.test"))
    assert tempmailg_fake.used() == 1
    assert provider.quota.used == 1 and provider.quota.remaining == 49999


@pytest.mark.asyncio
async def test_spent_quota_is_a_quota_error_until_the_period_resets(provider, tempmailg_fake):
    tempmailg_fake.set_quota(limit=3, used=2)
    await provider.domains()
    with pytest.raises(QuotaError) as caught:
        await provider.domains()
    assert caught.value.reset_at == tempmailg_fake.quota_reset
    assert caught.value.exit_code == 4
    assert provider.quota.remaining == 0
    assert provider.quota.exhausted_until == tempmailg_fake.quota_reset


@pytest.mark.asyncio
async def test_429_with_a_long_retry_after_reports_when_to_come_back(provider, tempmailg_fake):
    tempmailg_fake.fail_next("429", retry_after="120")
    before = utcnow()
    with pytest.raises(QuotaError) as caught:
        await provider.domains()
    assert before + timedelta(seconds=118) <= caught.value.reset_at <= utcnow() + timedelta(seconds=121)


# -- faults ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("fault", "times", "error"),
    [
        ("500", 1, None),  # a GET is retried and then succeeds
        ("503", 2, None),
        ("429", 1, None),  # a short Retry-After is waited out
        ("500", 3, UnavailableError),
        ("drop", 3, UnavailableError),
        ("html", 3, ProtocolError),  # a 502 page, retried like any 5xx
        ("badjson", 1, ProtocolError),
        ("401", 1, AuthError),
    ],
)
@pytest.mark.asyncio
async def test_faults_while_listing(provider, tempmailg_fake, mailbox, fault, times, error):
    tempmailg_fake.deliver(mailbox.address)
    tempmailg_fake.fail_next(fault, times=times, path="/api/messages", retry_after="1")
    if error is None:
        assert len(await provider.list_messages(mailbox)) == 1
    else:
        with pytest.raises(error):
            await provider.list_messages(mailbox)


@pytest.mark.asyncio
async def test_a_failed_create_is_not_sent_twice(provider, tempmailg_fake):
    tempmailg_fake.fail_next("500", path="/api/emails")
    with pytest.raises(UnavailableError):
        await provider.create_mailbox()
    assert len(tempmailg_fake.seen("/api/emails", "POST")) == 1


@pytest.mark.parametrize(
    ("key", "words"),
    [
        ("tmg-wrong-key", "rejected the API key"),
        (None, "no API key"),
    ],
)
@pytest.mark.asyncio
async def test_wrong_or_missing_key(make, tempmailg_fake, key, words):
    with pytest.raises(AuthError, match=words) as caught:
        await make(key).create_mailbox()
    assert caught.value.exit_code == 3
    assert tempmailg_fake.mailboxes == {}
    if key:
        assert key not in str(caught.value)
    else:
        assert tempmailg_fake.requests == []


@pytest.mark.parametrize(
    "payload",
    [
        {"status": True, "data": []},
        {"status": True, "data": {"id": 1}},
        {"status": True},
        ["not", "an", "object"],
    ],
)
def test_surprising_mailbox_shapes_are_protocol_errors(http, payload):
    provider = TempMailGProvider(http, key=KEY)
    with pytest.raises(ProtocolError):
        provider._mailbox(payload)


@pytest.mark.parametrize(
    "entry",
    [
        "a string",
        {"subject": "no id"},
        {"id": "x", "attachments": "file.txt"},
        {"id": "x", "attachments": [{"size": 3}]},
    ],
)
def test_surprising_message_shapes_are_protocol_errors(http, entry):
    provider = TempMailGProvider(http, key=KEY)
    with pytest.raises(ProtocolError):
        provider._message(entry, Mailbox("tempmailg", "a@tmgbox.test"))
