"""Cat Mails against its loopback fake: HTTP over /api and WebSocket push."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import traceback
from datetime import datetime, timedelta

import pytest

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
from tempmail_desktop.core.models import PUSHED_ID_PREFIX, Capability, Mailbox, Message
from tempmail_desktop.core.timeutil import UTC, utcnow
from tempmail_desktop.providers.catmails import CatMailsProvider, looks_like_html, match_pushed, pushed_id
from tests.fakes.catmails import (
    DELETE_REFUSED,
    DEMO_ALIAS,
    DEMO_KEY,
    DEMO_MAIN,
    OTHER_MAIN,
    TEMP_DOMAIN,
)

PUSH_DEADLINE = 1.0  # seconds from deliver() to the pushed Message over loopback


def ws_url_of(fake) -> str:
    return fake.url.replace("http", "ws") + "/ws/"


@pytest.fixture
def make_provider(http, catmails_fake):
    def make(key: str | None = DEMO_KEY, **overrides) -> CatMailsProvider:
        options = {"base_url": catmails_fake.url, "ws_url": ws_url_of(catmails_fake), "key": key}
        options.update(overrides)
        return CatMailsProvider(http, **options)

    return make


@pytest.fixture
def provider(make_provider) -> CatMailsProvider:
    return make_provider()


def box(address: str) -> Mailbox:
    return Mailbox("catmails", address)


async def eventually(condition, timeout: float = 3.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# -- metadata -------------------------------------------------------------------


def test_info_declares_what_the_document_offers():
    info = CatMailsProvider.info
    assert info.id == "catmails"
    assert info.default_base_url == "https://mails.cat"
    assert info.default_ws_url == "wss://websocket.mails.cat/"
    assert info.key_required
    assert info.capabilities == {
        Capability.RANDOM_ADDRESS,
        Capability.KEY_MAILBOXES,
        Capability.DELETE_MAILBOX,
        Capability.PUSH,
    }
    assert (info.poll_active, info.poll_idle) == (10.0, 120.0)


@pytest.mark.parametrize(
    "address, ok",
    [
        (OTHER_MAIN, True),  # not this key's, but the service decides scope
        ("anyone@example.org", True),
        (" demo@mails.cat ", True),
        ("not-an-address", False),
        ("", False),
    ],
)
def test_open_mailbox_accepts_any_address(provider, address, ok):
    if ok:
        assert provider.open_mailbox(address).address == address.strip()
    else:
        with pytest.raises(UsageError):
            provider.open_mailbox(address)


# -- listing --------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "sender, from_name, from_addr",
    [
        ("github@github.com", None, "github@github.com"),
        ("GitHub <noreply@github.com>", "GitHub", "noreply@github.com"),
    ],
)
async def test_list_maps_the_documented_fields(provider, catmails_fake, sender, from_name, from_addr):
    mail_id = catmails_fake.deliver(
        DEMO_MAIN,
        sender=sender,
        subject="GitHub login code",
        content="Your code is 482913",
        received_at="2026-03-18 12:10:00",
    )

    [message] = await provider.list_messages(box(DEMO_MAIN))

    assert message.id == mail_id and isinstance(message.id, str)
    assert message.provider == "catmails"
    assert message.mailbox == DEMO_MAIN
    assert (message.from_name, message.from_addr) == (from_name, from_addr)
    assert message.subject == "GitHub login code"
    assert message.received_at == datetime(2026, 3, 18, 12, 10, tzinfo=UTC)
    assert message.text == "Your code is 482913"
    assert message.html is None and not message.has_html
    assert message.complete


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "content, is_html, text_has, text_lacks",
    [
        ("Your code is 482913", False, "482913", None),
        ("Reply to <support@example.com> with questions", False, "<support@example.com>", None),
        ("if a<b and c>d then", False, "a<b", None),
        ("<p>Your code is <b>482913</b></p>", True, "482913", "<b>"),
        ("<!DOCTYPE html><html><body><h1>Welcome</h1></body></html>", True, "Welcome", "<h1>"),
        ("Line one<br>Line two<br/>Line three", True, "Line two", "<br"),
    ],
)
async def test_content_is_told_apart_as_html_or_text(provider, catmails_fake, content, is_html, text_has, text_lacks):
    catmails_fake.deliver(DEMO_MAIN, sender="a@b.cc", subject="s", content=content)

    [message] = await provider.list_messages(box(DEMO_MAIN))

    assert looks_like_html(content) is is_html
    assert message.has_html is is_html
    assert message.html == (content if is_html else None)
    assert text_has in message.text
    if text_lacks:
        assert text_lacks not in message.text


@pytest.mark.asyncio
async def test_the_listing_key_travels_only_in_the_bearer_header(provider, catmails_fake):
    await provider.list_messages(box(DEMO_MAIN))

    [post] = catmails_fake.seen("/api")
    assert post.method == "POST"
    assert post.headers["Authorization"] == f"Bearer {DEMO_KEY}"
    assert "key" not in post.query and DEMO_KEY.encode() not in post.body
    assert post.body == b"mail=demo%40mails.cat"


@pytest.mark.asyncio
@pytest.mark.parametrize("with_status", [True, False], ids=["http-status", "envelope-only"])
@pytest.mark.parametrize(
    "key, address, error, words",
    [
        ("mk_wrong_key_123", DEMO_MAIN, AuthError, "refused"),
        (DEMO_KEY, OTHER_MAIN, AuthError, "may not read that mailbox"),
        (DEMO_KEY, "", UsageError, "no mailbox address"),
    ],
    ids=["invalid-key", "scope", "missing-mail"],
)
async def test_list_errors_follow_the_service_words(
    make_provider, catmails_fake, with_status, key, address, error, words
):
    catmails_fake.errors_with_status = with_status
    with pytest.raises(error) as raised:
        await make_provider(key=key).list_messages(box(address))
    assert words in str(raised.value)
    assert raised.value.provider == "catmails"


@pytest.mark.asyncio
async def test_no_key_fails_before_sending(make_provider, catmails_fake):
    with pytest.raises(AuthError, match="no API key for Cat Mails"):
        await make_provider(key=None).list_messages(box(DEMO_MAIN))
    assert catmails_fake.seen("/api") == []


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "fault, options, error",
    [
        ("500", {}, None),  # retried once, then the list
        ("503", {}, None),
        ("500", {"times": 3}, UnavailableError),
        ("429", {"retry_after": "120"}, QuotaError),
        ("html", {"times": 3}, ProtocolError),  # a 502 page, retried, still a page
        ("badjson", {}, ProtocolError),
        ("401", {}, AuthError),
    ],
)
async def test_list_faults(provider, catmails_fake, fault, options, error):
    catmails_fake.deliver(DEMO_MAIN, sender="a@b.cc", subject="kept", content="x")
    catmails_fake.fail_next(fault, path="/api", **options)

    if error is None:
        [message] = await provider.list_messages(box(DEMO_MAIN))
        assert message.subject == "kept"
        assert len(catmails_fake.seen("/api")) == 2
        return
    with pytest.raises(error) as raised:
        await provider.list_messages(box(DEMO_MAIN))
    if error is QuotaError:
        assert raised.value.reset_at is not None
        assert timedelta(seconds=100) < raised.value.reset_at - utcnow() <= timedelta(seconds=121)


@pytest.mark.asyncio
async def test_get_message_finds_it_in_the_list(provider, catmails_fake):
    catmails_fake.deliver(DEMO_MAIN, sender="a@b.cc", subject="first", content="1")
    wanted = catmails_fake.deliver(DEMO_MAIN, sender="a@b.cc", subject="second", content="2")

    message = await provider.get_message(box(DEMO_MAIN), wanted)
    assert (message.id, message.subject) == (wanted, "second")

    with pytest.raises(NotFoundError):
        await provider.get_message(box(DEMO_MAIN), "999999")


# -- mailboxes ------------------------------------------------------------------


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "answer, expected",
    [
        (None, [DEMO_MAIN, DEMO_ALIAS]),
        ("demo@mails.cat,hello@mails.cat", [DEMO_MAIN, DEMO_ALIAS]),
        (" demo@mails.cat , hello@mails.cat,,demo@mails.cat, ", [DEMO_MAIN, DEMO_ALIAS]),
        ("Demo@mails.cat,demo@mails.cat", ["Demo@mails.cat"]),
        ("", []),
    ],
)
async def test_key_mailboxes_reads_the_comma_separated_list(provider, catmails_fake, answer, expected):
    catmails_fake.mailboxes_answer = answer

    mailboxes = await provider.key_mailboxes()

    assert sorted(m.address for m in mailboxes) == sorted(expected)
    assert all(m.provider == "catmails" for m in mailboxes)
    [request] = catmails_fake.seen("/api", "POST")
    assert request.query == {"action": "mailboxes"}


@pytest.mark.asyncio
async def test_key_mailboxes_with_a_wrong_key(make_provider):
    with pytest.raises(AuthError):
        await make_provider(key="mk_nobody_4242").key_mailboxes()


@pytest.mark.asyncio
async def test_create_temp_mailbox_is_bound_to_the_key(provider):
    mailbox = await provider.create_mailbox()

    assert mailbox.address.endswith("@" + TEMP_DOMAIN)
    assert mailbox.created_at is not None
    assert mailbox.address in {m.address for m in await provider.key_mailboxes()}


@pytest.mark.asyncio
@pytest.mark.parametrize("choice", [{"prefix": "alice"}, {"domain": "mails.cat"}])
async def test_create_mailbox_cannot_choose_names(provider, catmails_fake, choice):
    with pytest.raises(UnsupportedError):
        await provider.create_mailbox(**choice)
    assert catmails_fake.seen("/api") == []


@pytest.mark.asyncio
@pytest.mark.parametrize("with_status", [True, False], ids=["http-status", "envelope-only"])
@pytest.mark.parametrize(
    "target, error, words",
    [
        ("temp", None, None),
        (DEMO_MAIN, RejectedError, DELETE_REFUSED),
        (DEMO_ALIAS, RejectedError, DELETE_REFUSED),
        (OTHER_MAIN, AuthError, "may not read that mailbox"),
    ],
    ids=["temp", "main", "alias", "other-key"],
)
async def test_delete_only_temp_mailboxes(provider, catmails_fake, with_status, target, error, words):
    catmails_fake.errors_with_status = with_status
    if target == "temp":
        target = (await provider.create_mailbox()).address

    if error is None:
        await provider.delete_mailbox(box(target))
        assert target not in {m.address for m in await provider.key_mailboxes()}
        return
    with pytest.raises(error) as raised:
        await provider.delete_mailbox(box(target))
    assert words in str(raised.value)
    assert target in catmails_fake.key_mailboxes(DEMO_KEY) | {OTHER_MAIN}


# -- push -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "ws_url, mailboxes, expected",
    [
        ("wss://websocket.mails.cat/", [], f"wss://websocket.mails.cat/?key={DEMO_KEY}"),
        (
            "wss://websocket.mails.cat/",
            [DEMO_MAIN, DEMO_ALIAS, "DEMO@mails.cat"],
            f"wss://websocket.mails.cat/?key={DEMO_KEY}&mail=demo@mails.cat,hello@mails.cat",
        ),
        (
            "ws://127.0.0.1:9/ws/?v=2&key=stale",
            [DEMO_MAIN],
            f"ws://127.0.0.1:9/ws/?v=2&key={DEMO_KEY}&mail=demo@mails.cat",
        ),
    ],
)
def test_push_url(make_provider, ws_url, mailboxes, expected):
    provider = make_provider(ws_url=ws_url)
    assert provider.push_url([box(a) for a in mailboxes]) == expected


@pytest.mark.parametrize(
    "ws_url",
    ["", "https://websocket.mails.cat/", "ws://[bad/ws/", "ws://host:notaport/", "websocket.mails.cat"],
)
def test_push_url_must_be_a_websocket_address(make_provider, ws_url):
    provider = make_provider()
    provider.ws_url = ws_url
    with pytest.raises(UsageError) as raised:
        provider.push_url([box(DEMO_MAIN)])
    assert DEMO_KEY not in str(raised.value)


@pytest.mark.asyncio
async def test_push_delivers_a_mail_within_a_second(provider, catmails_fake):
    async with contextlib.aclosing(provider.push([box(DEMO_MAIN)])) as stream:
        first = asyncio.create_task(anext(stream))
        await eventually(lambda: catmails_fake.sockets_open() == 1)

        mail_id = catmails_fake.deliver(
            DEMO_MAIN,
            sender="GitHub <noreply@github.com>",
            subject="GitHub login code",
            content="Your code is 482913",
            received_at="2026-03-18 12:10:00",
        )
        pushed = await asyncio.wait_for(first, PUSH_DEADLINE)

    assert pushed.id.startswith(PUSHED_ID_PREFIX) and pushed.is_pushed_only
    assert pushed.id == pushed_id(pushed)
    assert pushed.mailbox == DEMO_MAIN
    assert (pushed.from_name, pushed.from_addr) == ("GitHub", "noreply@github.com")
    assert pushed.subject == "GitHub login code"
    assert pushed.text == "Your code is 482913"
    assert pushed.received_at == datetime(2026, 3, 18, 12, 10, tzinfo=UTC)
    assert pushed.complete

    twin = match_pushed(pushed, await provider.list_messages(box(DEMO_MAIN)))
    assert twin is not None and twin.id == mail_id


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "subscribe, expected_query, delivered_first, expected_mailbox",
    [
        ([DEMO_MAIN], DEMO_MAIN, DEMO_ALIAS, DEMO_MAIN),  # the alias is not subscribed
        ([DEMO_ALIAS], DEMO_ALIAS, DEMO_MAIN, DEMO_ALIAS),
        ([], None, DEMO_ALIAS, DEMO_ALIAS),  # no mail=: every mailbox of the key
    ],
)
async def test_push_subscribes_the_given_mailboxes_only(
    provider, catmails_fake, subscribe, expected_query, delivered_first, expected_mailbox
):
    async with contextlib.aclosing(provider.push([box(a) for a in subscribe])) as stream:
        first = asyncio.create_task(anext(stream))
        await eventually(lambda: catmails_fake.sockets_open() == 1)

        catmails_fake.deliver(delivered_first, sender="a@b.cc", subject="first", content="1")
        catmails_fake.deliver(expected_mailbox, sender="a@b.cc", subject="second", content="2")
        pushed = await asyncio.wait_for(first, PUSH_DEADLINE)

    [handshake] = catmails_fake.seen("/ws/")
    assert handshake.query.get("mail") == expected_query
    assert handshake.query["key"] == DEMO_KEY
    assert pushed.mailbox == expected_mailbox
    assert pushed.subject == ("first" if delivered_first == expected_mailbox else "second")


@pytest.mark.asyncio
async def test_a_dropped_socket_ends_the_stream_with_unavailable(provider, catmails_fake):
    async with contextlib.aclosing(provider.push([box(DEMO_MAIN)])) as stream:
        first = asyncio.create_task(anext(stream))
        await eventually(lambda: catmails_fake.sockets_open() == 1)

        catmails_fake.drop_sockets()
        with pytest.raises(UnavailableError, match="dropped"):
            await asyncio.wait_for(first, 3.0)


@pytest.mark.asyncio
@pytest.mark.parametrize(
    "key, mailboxes, error, words",
    [
        ("mk_wrong_key_123", [DEMO_MAIN], AuthError, "Invalid API key"),
        ("mk_wrong_key_123", [], AuthError, "Invalid API key"),
        (DEMO_KEY, [OTHER_MAIN], AuthError, "may not read that mailbox"),
    ],
)
async def test_push_refusals(make_provider, catmails_fake, key, mailboxes, error, words):
    provider = make_provider(key=key)
    async with contextlib.aclosing(provider.push([box(a) for a in mailboxes])) as stream:
        with pytest.raises(error, match=words):
            await asyncio.wait_for(anext(stream), 3.0)
    assert catmails_fake.sockets_open() == 0


@pytest.mark.asyncio
@pytest.mark.parametrize("failure", ["push-disabled", "nothing-listening"])
async def test_push_connection_failures_are_unavailable(make_provider, catmails_fake, failure):
    if failure == "push-disabled":
        catmails_fake.push_enabled = False
        provider = make_provider()
    else:
        provider = make_provider(ws_url=f"ws://127.0.0.1:{free_port()}/ws/")
    async with contextlib.aclosing(provider.push([box(DEMO_MAIN)])) as stream:
        with pytest.raises(UnavailableError):
            await asyncio.wait_for(anext(stream), 5.0)


@pytest.mark.log_warnings_expected
@pytest.mark.parametrize(
    "frame, outcome",
    [
        ('{"success": true}', None),
        ("hello, not json", None),
        ("[1, 2]", None),
        ('{"type": "heartbeat"}', None),
        ('{"success": false, "error": "Invalid API key"}', AuthError),
        ('{"success": false, "error": "Missing key"}', AuthError),
        ('{"success": false, "error": "Mailbox scope is invalid"}', AuthError),
        ('{"success": false, "error": "Server busy"}', RejectedError),
        (
            '{"from": "github@github.com", "to": "Demo@Mails.cat", "subject": "s",'
            ' "content": "c", "received_at": "2026-03-18 12:10:00"}',
            Message,
        ),
        (
            b'{"from": "x@y.zz", "to": "Someone <demo@mails.cat>", "subject": "bytes",'
            b' "content": "c", "received_at": "2026-03-18 12:10:00"}',
            Message,
        ),
    ],
)
def test_push_frames(provider, frame, outcome):
    subscribed = {DEMO_MAIN: DEMO_MAIN}
    if outcome is None:
        assert provider.pushed_message(frame, subscribed) is None
    elif outcome is Message:
        message = provider.pushed_message(frame, subscribed)
        assert message.mailbox == DEMO_MAIN  # spelled as subscribed
        assert message.id == pushed_id(message)
    else:
        with pytest.raises(outcome):
            provider.pushed_message(frame, subscribed)


# -- matching pushes with listed mail -------------------------------------------

WHEN = datetime(2026, 3, 18, 12, 10, tzinfo=UTC)


def mail(id_: str, **changes) -> Message:
    fields = dict(
        provider="catmails",
        mailbox=DEMO_MAIN,
        from_addr="github@github.com",
        subject="GitHub login code",
        received_at=WHEN,
        text="Your code is 482913",
        complete=True,
    )
    fields.update(changes)
    return Message(id_, **fields)


@pytest.mark.parametrize(
    "pushed_changes, found",
    [
        ({}, True),
        ({"mailbox": "DEMO@mails.cat", "from_addr": "GitHub@GitHub.com"}, True),
        ({"text": "Your  code\nis   482913 "}, True),
        ({"text": "Your code is 482 913"}, True),  # whitespace inside a word: metadata match
        ({"text": "Your code is 111111"}, False),
        ({"subject": "Another code"}, False),
        ({"received_at": WHEN + timedelta(seconds=1)}, False),
        ({"mailbox": DEMO_ALIAS}, False),
    ],
)
def test_match_pushed_finds_the_listed_twin(pushed_changes, found):
    listed = [
        mail("127", subject="older", received_at=WHEN - timedelta(minutes=5)),
        mail("128"),
        mail("129", subject="GitHub login code", text="Your code is 999999"),
    ]
    pushed = mail("", **pushed_changes)
    pushed.id = pushed_id(pushed)

    twin = match_pushed(pushed, listed)

    assert (twin.id if twin else None) == ("128" if found else None)


GREETING = "Hello, thank you for signing up with Example. " * 6  # more than 200 characters


@pytest.mark.parametrize(
    "first, second",
    [
        ({"text": GREETING + "Your code is 111111"}, {"text": GREETING + "Your code is 222222"}),
        (  # the same words, another sign-in link
            {"text": "Sign in", "html": '<a href="https://example.com/s/AAAA">Sign in</a>'},
            {"text": "Sign in", "html": '<a href="https://example.com/s/BBBB">Sign in</a>'},
        ),
    ],
    ids=["a code late in a long body", "a link only in the HTML"],
)
def test_two_mails_alike_but_for_their_ends_are_never_taken_for_each_other(first, second):
    """Same sender, subject and second (a resend): each push has its own id
    and finds its own listed mail."""
    one, other = mail("", **first), mail("", **second)

    assert pushed_id(one) != pushed_id(other)
    assert match_pushed(one, [mail("201", **second), mail("200", **first)]).id == "200"
    assert match_pushed(other, [mail("200", **first), mail("201", **second)]).id == "201"


def test_a_push_with_a_lone_surrogate_matches_its_stored_copy():
    """The store keeps U+FFFD for a lone surrogate; the push must still find it."""
    pushed = mail("", subject="broken \ud800 subject")

    assert match_pushed(pushed, [mail("300", subject="broken \ufffd subject")]).id == "300"


# -- the key never leaks --------------------------------------------------------


@pytest.mark.asyncio
async def test_the_key_never_reaches_logs_or_errors(make_provider, catmails_fake, caplog):
    for name in ("httpx", "httpcore", "websockets", "tempmail"):
        caplog.set_level(logging.DEBUG, logger=name)
    provider = make_provider()
    catmails_fake.deliver(DEMO_MAIN, sender="a@b.cc", subject="s", content="c")
    errors: list[BaseException] = []

    await provider.list_messages(box(DEMO_MAIN))
    catmails_fake.fail_next("500", times=3, path="/api")
    with pytest.raises(UnavailableError) as raised:
        await provider.list_messages(box(DEMO_MAIN))
    errors.append(raised.value)
    with pytest.raises(AuthError) as raised:
        await provider.list_messages(box(OTHER_MAIN))
    errors.append(raised.value)

    async with contextlib.aclosing(provider.push([box(DEMO_MAIN)])) as stream:
        first = asyncio.create_task(anext(stream))
        await eventually(lambda: catmails_fake.sockets_open() == 1)
        catmails_fake.deliver(DEMO_MAIN, sender="a@b.cc", subject="pushed", content="c")
        assert (await asyncio.wait_for(first, PUSH_DEADLINE)).subject == "pushed"
        catmails_fake.drop_sockets()
        with pytest.raises(UnavailableError) as raised:
            await asyncio.wait_for(anext(stream), 3.0)
        errors.append(raised.value)
    for ws_url, error in [
        (f"ws://127.0.0.1:{free_port()}/ws/", UnavailableError),
        (f"http://127.0.0.1/ws/?key={DEMO_KEY}", UsageError),
    ]:
        broken = make_provider(ws_url=ws_url)
        async with contextlib.aclosing(broken.push([box(DEMO_MAIN)])) as stream:
            with pytest.raises(error) as raised:
                await asyncio.wait_for(anext(stream), 5.0)
            errors.append(raised.value)

    logged = []
    for record in caplog.records:
        logged.append(record.getMessage())
        if record.exc_info:
            logged.append("".join(traceback.format_exception(*record.exc_info)))
    # The URL that carries the key was logged (masked): the check below is real.
    assert any("GET /ws/" in line for line in logged)
    assert not [line for line in logged if DEMO_KEY in line]
    for error in errors:
        shown = [str(error), repr(error), "".join(traceback.format_exception(error))]
        assert not [text for text in shown if DEMO_KEY in text], shown
