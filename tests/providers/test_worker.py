"""WorkerProvider against the loopback TempMail worker (tests/fakes/worker.py)."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

import pytest
from aiohttp import web

from tempmail_desktop.core.errors import (
    AuthError,
    NotFoundError,
    ProtocolError,
    QuotaError,
    RejectedError,
    UnavailableError,
    UnsupportedError,
    UsageError,
)
from tempmail_desktop.core.models import Capability, Mailbox
from tempmail_desktop.core.timeutil import UTC, utcnow
from tempmail_desktop.providers.worker import WorkerProvider
from tests.fakes.server import FakeService
from tests.fakes.worker import NOT_FOUND_NOTE, WorkerFake

KEY = "tmp_test_key"
ADDRESS = "james47@mail.example.com"
T0 = datetime(2026, 4, 27, 14, 0, 0, tzinfo=UTC)


class Clock:
    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock(worker_fake: WorkerFake) -> Clock:
    clock = Clock()
    worker_fake.clock = clock
    return clock


@pytest.fixture
def make(http, worker_fake):
    def make(key: str | None = KEY, base_url: str | None = None) -> WorkerProvider:
        return WorkerProvider(http, base_url=base_url or worker_fake.url, key=key)

    return make


@pytest.fixture
def provider(make) -> WorkerProvider:
    return make()


@pytest.fixture
def mailbox() -> Mailbox:
    return Mailbox("worker", ADDRESS)


def deliver(fake: WorkerFake, address: str = ADDRESS, **fields) -> str:
    mail = {"sender": "Alice <alice@example.org>", "subject": "Hello", "text": "Hi there"}
    mail.update(fields)
    return fake.deliver(address, **mail)


# -- metadata ------------------------------------------------------------


def test_info_declares_what_the_document_offers():
    info = WorkerProvider.info
    assert info.id == "worker"
    assert info.default_base_url == "https://tempmail-worker.hasildia1.workers.dev"
    assert info.key_required and info.default_key is None
    assert info.retention == timedelta(hours=6)
    assert (info.poll_active, info.poll_idle) == (3.0, 60.0)
    assert info.capabilities == {
        Capability.RANDOM_ADDRESS,
        Capability.OPEN_ANY_ADDRESS,
        Capability.DOMAIN_LIST,
        Capability.CLEAR,
        Capability.DELETE_MESSAGE,
        Capability.MESSAGE_DETAIL,
        Capability.SERVER_OTP,
    }


def test_any_address_can_be_opened(provider):
    assert provider.open_mailbox(" someone@elsewhere.org ").address == "someone@elsewhere.org"
    with pytest.raises(UsageError):
        provider.open_mailbox("not-an-address")


# -- create_mailbox ------------------------------------------------------


@pytest.mark.asyncio
async def test_create_mailbox_sends_an_empty_post_and_maps_the_expiry(provider, worker_fake):
    before = utcnow()
    mailbox = await provider.create_mailbox()
    assert mailbox.provider == "worker"
    assert mailbox.address == worker_fake.generated[-1]
    assert mailbox.address.split("@")[1] in worker_fake.domains
    assert before <= mailbox.created_at <= utcnow()
    assert mailbox.expires_at - mailbox.created_at == timedelta(hours=6)
    [sent] = worker_fake.seen("/api/generate", "POST")
    assert sent.body == b""
    assert sent.headers["x-api-key"] == KEY


@pytest.mark.parametrize(
    "kwargs",
    [{"prefix": "alice"}, {"domain": "mail.example.com"}, {"prefix": "a", "domain": "mail.example.com"}],
)
@pytest.mark.asyncio
async def test_create_mailbox_refuses_choices_without_asking(provider, worker_fake, kwargs):
    with pytest.raises(UnsupportedError):
        await provider.create_mailbox(**kwargs)
    assert worker_fake.requests == []


@pytest.mark.asyncio
async def test_no_domains_is_a_refusal_in_the_services_words(provider, worker_fake):
    worker_fake.domains = []
    with pytest.raises(RejectedError) as caught:
        await provider.create_mailbox()
    assert str(caught.value) == "No domains available for this account"
    assert len(worker_fake.seen("/api/generate")) == 1


@pytest.mark.asyncio
async def test_a_failing_generate_is_not_repeated(provider, worker_fake):
    # A POST may have created an address already: never sent twice.
    worker_fake.fail_next("500", path="/api/generate")
    with pytest.raises(UnavailableError):
        await provider.create_mailbox()
    assert len(worker_fake.seen("/api/generate")) == 1
    assert worker_fake.generated == []


# -- keys ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "error", "reaches_service"),
    [
        (None, AuthError, False),  # no key at all
        ("tmp_wrong_key", AuthError, True),  # the service says 401
    ],
)
@pytest.mark.asyncio
async def test_key_problems_are_auth_errors(make, worker_fake, mailbox, key, error, reaches_service):
    provider = make(key=key)
    with pytest.raises(error):
        await provider.list_messages(mailbox)
    assert bool(worker_fake.requests) is reaches_service


@pytest.mark.asyncio
async def test_the_key_travels_only_in_the_x_api_key_header(provider, worker_fake, mailbox):
    message_id = deliver(worker_fake)
    await provider.create_mailbox()
    await provider.domains()
    await provider.list_messages(mailbox)
    await provider.get_message(mailbox, message_id)
    await provider.server_otp(mailbox)
    await provider.delete_message(mailbox, message_id)
    await provider.clear_mailbox(mailbox)
    assert len(worker_fake.requests) == 7
    for sent in worker_fake.requests:
        assert KEY not in sent.path and KEY not in str(sent.query) and KEY.encode() not in sent.body
        others = {k: v for k, v in sent.headers.items() if k.lower() != "x-api-key"}
        assert KEY not in str(others)
        assert sent.headers.get("x-api-key") == KEY


@pytest.mark.asyncio
async def test_a_rejected_key_appears_in_no_error_or_log(make, worker_fake, mailbox, caplog):
    caplog.set_level("DEBUG")
    for noisy in ("httpx", "httpcore"):  # the app quietens these; here we want every line they write
        caplog.set_level("DEBUG", logger=noisy)
    with pytest.raises(AuthError) as caught:
        await make(key="tmp_secret_that_was_revoked").list_messages(mailbox)
    assert "tmp_secret_that_was_revoked" not in str(caught.value)
    assert caplog.records  # the request was logged, without its headers
    assert "tmp_secret_that_was_revoked" not in caplog.text


# -- domains -------------------------------------------------------------


@pytest.mark.parametrize(
    ("domains", "expected"),
    [
        (["mail.example.com", "inbox.example.net"], ["mail.example.com", "inbox.example.net"]),
        (["Private.Example.ORG"], ["private.example.org"]),
        ([], []),
    ],
)
@pytest.mark.asyncio
async def test_domains(provider, worker_fake, domains, expected):
    worker_fake.domains = domains
    assert [d.name for d in await provider.domains()] == expected


# -- list_messages -------------------------------------------------------


@pytest.mark.parametrize(
    ("sender", "from_name", "from_addr"),
    [
        ("noreply@openai.com", None, "noreply@openai.com"),
        ("OpenAI <noreply@tm.openai.com>", "OpenAI", "noreply@tm.openai.com"),
        ('"Doe, Jane" <jane@example.org>', "Doe, Jane", "jane@example.org"),
        ("<bare@example.org>", None, "bare@example.org"),
    ],
)
@pytest.mark.asyncio
async def test_list_maps_senders(provider, worker_fake, mailbox, sender, from_name, from_addr):
    deliver(worker_fake, sender=sender)
    [message] = await provider.list_messages(mailbox)
    assert (message.from_name, message.from_addr) == (from_name, from_addr)


@pytest.mark.asyncio
async def test_list_gives_incomplete_summaries_newest_first(provider, worker_fake, mailbox, clock):
    first = deliver(worker_fake, subject="first", text="x" * 7000, html="<p>rich</p>")
    clock.advance(minutes=2)
    second = deliver(worker_fake, subject="second", text="short")
    deliver(worker_fake, "someone.else@mail.example.com", subject="not ours")
    messages = await provider.list_messages(mailbox)
    assert [m.id for m in messages] == [second, first]
    newest, oldest = messages
    assert newest.subject == "second" and newest.text == "short"
    assert newest.received_at == T0 + timedelta(minutes=2)
    assert oldest.text == "x" * 5000  # the list cuts the text
    assert all(m.mailbox == ADDRESS and m.provider == "worker" for m in messages)
    # The list has no HTML: the detail is still needed.
    assert all(not m.complete and m.html is None for m in messages)
    assert worker_fake.seen("/api/email") == []


@pytest.mark.asyncio
async def test_list_keeps_the_fifty_newest(provider, worker_fake, mailbox, clock):
    ids = []
    for n in range(55):
        ids.append(deliver(worker_fake, subject=f"mail {n}"))
        clock.advance(seconds=1)
    messages = await provider.list_messages(mailbox)
    assert [m.id for m in messages] == list(reversed(ids))[:50]


@pytest.mark.parametrize(
    "address",
    [
        "james47@mail.example.com",
        "a+tag@mail.example.com",
        "50%off@mail.example.com",
        "x&y=z@mail.example.com",
    ],
)
@pytest.mark.asyncio
async def test_addresses_are_url_encoded(provider, worker_fake, address):
    deliver(worker_fake, address, subject="for " + address)
    [message] = await provider.list_messages(Mailbox("worker", address))
    assert message.subject == "for " + address
    [raw_path] = worker_fake.raw_paths
    assert raw_path.startswith("/api/inbox/") and "@" not in raw_path and "%40" in raw_path


@pytest.mark.parametrize("address", ["no-at-sign", "a@b", "../etc@passwd", " "])
@pytest.mark.asyncio
async def test_malformed_addresses_are_refused_before_sending(provider, worker_fake, address):
    with pytest.raises(UsageError):
        await provider.list_messages(Mailbox("worker", address))
    assert worker_fake.requests == []


@pytest.mark.asyncio
async def test_mail_goes_after_six_hours(provider, worker_fake, mailbox, clock):
    deliver(worker_fake)
    clock.advance(hours=5, minutes=59)
    assert len(await provider.list_messages(mailbox)) == 1
    clock.advance(minutes=1)
    assert await provider.list_messages(mailbox) == []
    deliver(worker_fake)
    worker_fake.expire_all()
    assert await provider.list_messages(mailbox) == []


# -- get_message ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "html", "expected_text", "expected_html"),
    [
        ("plain", "<p>rich</p>", "plain", "<p>rich</p>"),
        ("plain only", None, "plain only", None),
        ("y" * 6000, "<b>" + "h" * 60_000, "y" * 5000, ("<b>" + "h" * 60_000)[:50_000]),
    ],
)
@pytest.mark.asyncio
async def test_detail_is_complete(provider, worker_fake, mailbox, text, html, expected_text, expected_html):
    message_id = deliver(worker_fake, sender="Bob <bob@example.org>", subject="Detail", text=text, html=html)
    message = await provider.get_message(mailbox, message_id)
    assert message.complete
    assert (message.id, message.subject, message.from_name, message.from_addr) == (
        message_id,
        "Detail",
        "Bob",
        "bob@example.org",
    )
    assert message.text == expected_text
    assert message.html == expected_html
    assert message.has_html is (expected_html is not None)
    assert message.headers == {"To": ADDRESS}
    assert worker_fake.seen("/api/email/" + message_id, "GET")


@pytest.mark.asyncio
async def test_html_only_detail_gets_a_text_version(provider, worker_fake, mailbox):
    message_id = deliver(worker_fake, text="", html="<p>Your code is <b>123456</b></p>")
    message = await provider.get_message(mailbox, message_id)
    assert "123456" in message.text and "<b>" not in message.text


@pytest.mark.asyncio
async def test_unknown_message_is_not_found(provider, worker_fake, mailbox):
    with pytest.raises(NotFoundError):
        await provider.get_message(mailbox, str(uuid.uuid4()))


@pytest.mark.asyncio
async def test_an_empty_id_is_refused_before_sending(provider, worker_fake, mailbox):
    with pytest.raises(UsageError):
        await provider.get_message(mailbox, " ")
    assert worker_fake.requests == []


@pytest.mark.parametrize("message_id", ["42", "../inbox/x@y.com", "a/b?c#d"])
@pytest.mark.asyncio
async def test_odd_ids_travel_as_one_encoded_path_segment(provider, worker_fake, mailbox, message_id):
    with pytest.raises(NotFoundError):
        await provider.get_message(mailbox, message_id)
    assert [r.path for r in worker_fake.requests] == ["/api/email/" + message_id]
    assert worker_fake.raw_paths[-1].count("/") == 3  # /api/email/<one segment>


# -- delete / clear ------------------------------------------------------


@pytest.mark.asyncio
async def test_delete_message(provider, worker_fake, mailbox):
    gone = deliver(worker_fake, subject="gone")
    kept = deliver(worker_fake, subject="kept")
    await provider.delete_message(mailbox, gone)
    assert [m.id for m in await provider.list_messages(mailbox)] == [kept]
    with pytest.raises(NotFoundError):
        await provider.delete_message(mailbox, gone)


@pytest.mark.asyncio
async def test_clear_mailbox_empties_only_that_inbox(provider, worker_fake, mailbox):
    deliver(worker_fake)
    deliver(worker_fake)
    other = Mailbox("worker", "other@mail.example.com")
    deliver(worker_fake, other.address)
    assert await provider.clear_mailbox(mailbox) is None  # the service gives no count
    assert await provider.list_messages(mailbox) == []
    assert len(await provider.list_messages(other)) == 1
    [sent] = worker_fake.seen("/api/inbox/", "DELETE")
    assert sent.path == f"/api/inbox/{ADDRESS}"


# -- server_otp ----------------------------------------------------------


@pytest.mark.parametrize(
    ("mails", "otp", "chosen"),
    [
        ([dict(subject="Your ChatGPT code is 847291", text="see subject 111111")], "847291", 0),
        ([dict(subject="Welcome", text="Order 222222. Your verification code is 333333")], "333333", 0),
        ([dict(subject="Welcome", text="no digits", html="<table><td>444444</td></table>")], "444444", 0),
        ([dict(subject="Welcome", text="", html="<h1 class='c'> 555555 </h1>")], "555555", 0),
        ([dict(subject="Welcome", text="ref 666666 thanks")], "666666", 0),
        # The preferred sender wins over a newer mail from someone else.
        (
            [
                dict(sender="OpenAI <noreply@tm.openai.com>", subject="Your login code", text="777777"),
                dict(sender="shop@example.org", subject="Sale", text="code 888888"),
            ],
            "777777",
            0,
        ),
    ],
)
@pytest.mark.asyncio
async def test_server_otp_found(provider, worker_fake, mailbox, clock, mails, otp, chosen):
    ids = []
    for mail in mails:
        ids.append(deliver(worker_fake, **mail))
        clock.advance(seconds=30)
    result = await provider.server_otp(mailbox)
    assert result.found and result.otp == otp
    assert result.message_id == ids[chosen]
    assert result.received_at == T0 + timedelta(seconds=30 * chosen)
    assert result.from_addr and "<" not in result.from_addr
    assert result.note is None


@pytest.mark.parametrize("mails", [[], [dict(text="no code here, only 12345 and 1234567")]])
@pytest.mark.asyncio
async def test_server_otp_not_found_carries_the_services_note(provider, worker_fake, mailbox, mails):
    for mail in mails:
        deliver(worker_fake, **mail)
    result = await provider.server_otp(mailbox)
    assert not result.found and result.otp is None
    assert result.note == NOT_FOUND_NOTE


# -- faults --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["500", "503"])
@pytest.mark.asyncio
async def test_a_failing_get_is_retried(provider, worker_fake, mailbox, kind):
    deliver(worker_fake)
    worker_fake.fail_next(kind, path="/api/inbox/")
    assert len(await provider.list_messages(mailbox)) == 1
    assert len(worker_fake.seen("/api/inbox/")) == 2


@pytest.mark.parametrize(
    ("kind", "times", "error", "words"),
    [
        # A gateway's HTML error page comes with a 502: retried, then reported.
        ("html", 3, ProtocolError, "HTML page"),
        ("badjson", 1, ProtocolError, "not JSON"),
        ("401", 1, AuthError, "Invalid API key"),
    ],
)
@pytest.mark.asyncio
async def test_bad_answers(provider, worker_fake, mailbox, kind, times, error, words):
    worker_fake.fail_next(kind, times=times)
    with pytest.raises(error) as caught:
        await provider.list_messages(mailbox)
    assert words in str(caught.value)
    assert caught.value.provider == "worker"


@pytest.mark.asyncio
async def test_long_rate_limit_is_a_quota_error_with_reset_time(provider, worker_fake, mailbox):
    worker_fake.fail_next("429", retry_after="3600")
    with pytest.raises(QuotaError) as caught:
        await provider.list_messages(mailbox)
    reset_at = caught.value.reset_at
    assert reset_at is not None
    assert timedelta(minutes=59) < reset_at - utcnow() <= timedelta(hours=1)


@pytest.mark.asyncio
async def test_short_rate_limit_is_waited_out(provider, worker_fake, mailbox):
    worker_fake.fail_next("429", retry_after="1")
    assert await provider.list_messages(mailbox) == []
    assert len(worker_fake.seen("/api/inbox/")) == 2


@pytest.mark.asyncio
async def test_an_unreachable_service_is_unavailable(make, mailbox):
    with WorkerFake() as stopped:
        url = stopped.url  # nothing listens there once the fake has stopped
    with pytest.raises(UnavailableError):
        await make(base_url=url).list_messages(mailbox)


class OddShapes(FakeService):
    """Answers in the envelope, but with data the document does not describe."""

    name = "worker-odd"

    def __init__(self, data) -> None:
        self.data = data
        super().__init__()

    def setup_routes(self, app: web.Application) -> None:
        async def answer(request: web.Request) -> web.Response:
            return self.json({"success": True, "data": self.data, "ts": "2026-04-27T14:00:00.000Z"})

        app.router.add_route("*", "/{tail:.*}", answer)


@pytest.mark.parametrize(
    ("data", "operation"),
    [
        (None, "list"),
        ({"emails": "none"}, "list"),
        ({"emails": [{"subject": "no id"}]}, "list"),
        ({"emails": ["just a string"]}, "list"),
        ({"domains": [{"name": "x.com"}]}, "domains"),
        ({"domain": "x.com"}, "domains"),
        ({"username": "x"}, "create"),
        ({"email": 42}, "create"),
        ({"otp": "123456"}, "otp"),
        ({"found": True, "otp": None}, "otp"),
        ([], "detail"),
    ],
)
@pytest.mark.asyncio
async def test_surprising_shapes_are_protocol_errors(make, mailbox, data, operation):
    operations = {
        "list": lambda p: p.list_messages(mailbox),
        "domains": lambda p: p.domains(),
        "create": lambda p: p.create_mailbox(),
        "otp": lambda p: p.server_otp(mailbox),
        "detail": lambda p: p.get_message(mailbox, str(uuid.uuid4())),
    }
    with OddShapes(data) as odd:
        with pytest.raises(ProtocolError):
            await operations[operation](make(base_url=odd.url))
