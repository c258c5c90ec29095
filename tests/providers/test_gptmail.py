"""GPTMail against its loopback fake, over real HTTP on 127.0.0.1."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import httpx
import pytest

from tempmail_desktop.cli import failure_line
from tempmail_desktop.core.errors import (
    AuthError,
    NotFoundError,
    ProtocolError,
    QuotaError,
    RejectedError,
    ServiceFailingError,
    UnavailableError,
    UsageError,
)
from tempmail_desktop.core.models import Capability, Mailbox
from tempmail_desktop.core.timeutil import UTC, utcnow
from tempmail_desktop.providers.gptmail import (
    GptMailProvider,
    GptMailStats,
    next_utc_midnight,
)
from tests.fakes.gptmail import GptMailFake

ADDRESS = "reader@chatgpt.org.uk"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(64))
PDF = b"%PDF-1.4\n" + bytes(range(256)) * 8


@pytest.fixture
def provider(gptmail_fake, http):
    return GptMailProvider(http, base_url=gptmail_fake.url)


@pytest.fixture
def box():
    return Mailbox("gptmail", ADDRESS)


def key_headers_seen(fake: GptMailFake) -> list[str | None]:
    return [r.headers.get("X-API-Key") for r in fake.requests]


# -- metadata -----------------------------------------------------------------


def test_declares_what_the_document_offers_and_no_domain_list():
    info = GptMailProvider.info

    assert info.capabilities == {
        Capability.RANDOM_ADDRESS,
        Capability.CHOSEN_PREFIX,
        Capability.CHOSEN_DOMAIN,
        Capability.OPEN_ANY_ADDRESS,
        Capability.CLEAR,
        Capability.DELETE_MESSAGE,
        Capability.MESSAGE_DETAIL,
        Capability.RAW_SOURCE,
        Capability.HEADERS,
        Capability.ATTACHMENTS,
        Capability.STATISTICS,
        Capability.DOMAIN_REQUEST,
    }
    assert info.default_key == "gpt-test"
    assert info.default_base_url == "https://mail.chatgpt.org.uk"


def test_idle_polling_of_five_mailboxes_fits_the_daily_quota():
    info = GptMailProvider.info

    assert 5 * (24 * 3600 / info.poll_idle) < info.daily_quota


@pytest.mark.asyncio
async def test_a_new_user_works_with_the_public_test_key(gptmail_fake, http):
    provider = GptMailProvider(http, base_url=gptmail_fake.url)

    mailbox = await provider.create_mailbox()

    assert mailbox.address.endswith(tuple("@" + d for d in gptmail_fake.domains))
    assert key_headers_seen(gptmail_fake) == ["gpt-test"]


def test_any_address_can_be_opened_without_a_call(provider, gptmail_fake):
    mailbox = provider.open_mailbox(" someone@gptmail.example ")

    assert mailbox.address == "someone@gptmail.example"
    assert gptmail_fake.requests == []


# -- creating addresses -------------------------------------------------------


@pytest.mark.parametrize(
    "prefix, domain, method, body, expected",
    [
        (None, None, "GET", b"", None),
        ("myname", None, "POST", {"prefix": "myname"}, "myname@"),
        ("my.name_2-x", "gptmail.example", "POST", {"prefix": "my.name_2-x", "domain": "gptmail.example"},
         "my.name_2-x@gptmail.example"),
        (None, "gptmail.example", "POST", {"domain": "gptmail.example"}, "@gptmail.example"),
        (None, "@GPTMail.Example", "POST", {"domain": "gptmail.example"}, "@gptmail.example"),
        ("x" * 32, None, "POST", {"prefix": "x" * 32}, "x" * 32 + "@"),
    ],
)
@pytest.mark.asyncio
async def test_create_mailbox(provider, gptmail_fake, prefix, domain, method, body, expected):
    mailbox = await provider.create_mailbox(prefix=prefix, domain=domain)

    (sent,) = gptmail_fake.seen("/api/generate-email")
    assert sent.method == method
    if method == "GET":
        assert sent.body == b""
    else:
        assert json.loads(sent.body) == body
    assert mailbox.provider == "gptmail"
    assert mailbox.created_at is not None
    if expected:
        assert expected in mailbox.address
    assert mailbox.address.rpartition("@")[2] in gptmail_fake.domains


@pytest.mark.parametrize(
    "prefix",
    ["", "x" * 33, "my name", "name@host", "zoë", "a+b", "a/b", "semi;colon"],
)
@pytest.mark.asyncio
async def test_bad_prefix_is_refused_before_any_request(provider, gptmail_fake, prefix):
    with pytest.raises(UsageError) as caught:
        await provider.create_mailbox(prefix=prefix)

    assert "1 to 32" in str(caught.value)
    assert "letters" in str(caught.value) and "hyphen (-)" in str(caught.value)
    assert caught.value.exit_code == 2
    assert gptmail_fake.requests == []


@pytest.mark.parametrize("domain", ["", "not a domain", "x@y.com", "localhost", "a/b.com"])
@pytest.mark.asyncio
async def test_bad_domain_is_refused_before_any_request(provider, gptmail_fake, domain):
    with pytest.raises(UsageError):
        await provider.create_mailbox(domain=domain)
    with pytest.raises(UsageError):
        await provider.request_domain(domain)

    assert gptmail_fake.requests == []


@pytest.mark.asyncio
async def test_an_inactive_domain_is_not_silently_swapped(provider, gptmail_fake):
    # The service answers with a random active domain instead of refusing.
    with pytest.raises(RejectedError) as caught:
        await provider.create_mailbox(prefix="me", domain="old.example.org")

    assert "old.example.org is not an active GPTMail domain" in str(caught.value)


@pytest.mark.asyncio
async def test_no_active_domains(provider, gptmail_fake):
    gptmail_fake.domains = []

    with pytest.raises(RejectedError, match="No active domains available"):
        await provider.create_mailbox()


# -- listing ------------------------------------------------------------------


@pytest.mark.asyncio
async def test_list_maps_the_service_fields(provider, gptmail_fake, box):
    when = datetime(2025, 11, 14, 10, 30, tzinfo=UTC)
    gptmail_fake.deliver(
        ADDRESS,
        sender="zoe@shop.example",
        sender_name="Zoë Example",
        subject="Your code",
        text="Your code is 482913",
        html="<p>Your code is <b>482913</b></p>",
        when=when,
    )

    (message,) = await provider.list_messages(box)

    assert message.from_addr == "zoe@shop.example"
    assert message.from_name == "Zoë Example"
    assert message.subject == "Your code"
    assert message.text == "Your code is 482913"
    assert message.html == "<p>Your code is <b>482913</b></p>"
    assert message.has_html is True
    assert message.received_at == when
    assert message.mailbox == ADDRESS
    assert message.complete is False
    assert message.raw is None


@pytest.mark.asyncio
async def test_list_never_opens_each_message(provider, gptmail_fake, box):
    for n in range(3):
        gptmail_fake.deliver(ADDRESS, subject=f"mail {n}", text="hi")

    messages = await provider.list_messages(box)

    assert len(messages) == 3
    assert gptmail_fake.seen("/api/email/") == []
    assert len(gptmail_fake.requests) == 1


@pytest.mark.asyncio
async def test_list_is_newest_first(provider, gptmail_fake, box):
    start = datetime(2025, 11, 14, 8, 0, tzinfo=UTC)
    for hours, subject in [(2, "middle"), (0, "oldest"), (5, "newest")]:
        gptmail_fake.deliver(ADDRESS, subject=subject, text="x", when=start + timedelta(hours=hours))

    assert [m.subject for m in await provider.list_messages(box)] == ["newest", "middle", "oldest"]


@pytest.mark.asyncio
async def test_empty_mailbox(provider, box):
    assert await provider.list_messages(box) == []


@pytest.mark.parametrize(
    "item, expected",
    [
        ({"timestamp": 1699968600, "created_at": "2025-11-14 10:30:00"}, datetime(2023, 11, 14, 13, 30, tzinfo=UTC)),
        ({"created_at": "2025-11-14 10:30:00"}, datetime(2025, 11, 14, 10, 30, tzinfo=UTC)),
        ({"timestamp": None, "created_at": "2025-11-14 10:30:00"}, datetime(2025, 11, 14, 10, 30, tzinfo=UTC)),
        ({}, None),
    ],
    ids=["timestamp-wins", "zone-less-created-at-is-utc", "null-timestamp", "no-time"],
)
@pytest.mark.asyncio
async def test_received_time(provider, gptmail_fake, box, item, expected):
    gptmail_fake.respond_next(
        "/api/emails",
        {"success": True, "data": {"emails": [{"id": "1", "subject": "s", **item}], "count": 1}, "error": ""},
    )

    (message,) = await provider.list_messages(box)

    assert message.received_at == expected


@pytest.mark.asyncio
async def test_html_only_mail_gets_a_text_version(provider, gptmail_fake, box):
    gptmail_fake.deliver(ADDRESS, html="<html><body><p>Confirm with code <b>771203</b></p></body></html>")

    (message,) = await provider.list_messages(box)

    assert "771203" in message.text
    assert "<b>" not in message.text
    assert message.has_html


@pytest.mark.asyncio
async def test_numeric_ids_become_strings(provider, gptmail_fake, box):
    gptmail_fake.respond_next(
        "/api/emails", {"success": True, "data": {"emails": [{"id": 1234567890}], "count": 1}, "error": ""}
    )

    (message,) = await provider.list_messages(box)

    assert message.id == "1234567890"


@pytest.mark.asyncio
async def test_listing_an_address_on_an_unsupported_domain(provider):
    with pytest.raises(RejectedError, match="Unsupported domain"):
        await provider.list_messages(Mailbox("gptmail", "me@old.example.org"))


# -- one message --------------------------------------------------------------


@pytest.mark.asyncio
async def test_detail_reads_attachments_and_inline_images_from_the_raw_source(provider, gptmail_fake, box):
    mail_id = gptmail_fake.deliver(
        ADDRESS,
        sender="billing@shop.example",
        subject="Invoice",
        text="See the invoice.",
        html='<p>Logo: <img src="cid:logo@shop.example"></p>',
        inline_images=[("logo@shop.example", PNG, "image/png")],
        attachments=[("Rechnung März 2025.pdf", PDF, "application/pdf")],
    )

    message = await provider.get_message(box, mail_id)

    assert message.complete is True
    assert message.raw is not None and "multipart/mixed" in message.raw
    assert message.raw_truncated is False
    inline, attached = message.attachments
    assert (inline.content_id, inline.inline, inline.data, inline.size) == ("logo@shop.example", True, PNG, len(PNG))
    assert inline.content_type == "image/png"
    assert (attached.name, attached.inline, attached.data) == ("Rechnung März 2025.pdf", False, PDF)
    assert attached.content_type == "application/pdf"
    assert message.headers["Received"].startswith("from mx.sender.example")
    assert message.headers["User-Agent"] == "FakeMailer/1.0"
    assert message.headers["Subject"] == "Invoice"


@pytest.mark.asyncio
async def test_downloading_an_attachment_needs_no_further_call(provider, gptmail_fake, box):
    mail_id = gptmail_fake.deliver(ADDRESS, text="x", attachments=[("a.pdf", PDF, "application/pdf")])
    message = await provider.get_message(box, mail_id)
    calls = len(gptmail_fake.requests)
    written = bytearray()

    await provider.download_attachment(box, message, message.attachments[0], written.extend)

    assert bytes(written) == PDF
    assert len(gptmail_fake.requests) == calls


@pytest.mark.parametrize(
    "attachments, raw_limit, truncated, kept",
    [
        ([("small.pdf", PDF, "application/pdf")], 100_000, False, ["small.pdf"]),
        (
            [("small.pdf", PDF, "application/pdf"), ("big.bin", bytes(200_000), "application/octet-stream")],
            100_000,
            True,
            ["small.pdf"],
        ),
        ([("only.bin", bytes(300_000), "application/octet-stream")], 100_000, True, []),
        ([("small.pdf", PDF, "application/pdf")], 500, True, []),
    ],
    ids=["whole", "second-attachment-cut", "only-attachment-cut", "cut-inside-headers"],
)
@pytest.mark.asyncio
async def test_a_cut_raw_source_is_flagged_and_keeps_only_whole_attachments(
    provider, gptmail_fake, box, attachments, raw_limit, truncated, kept
):
    mail_id = gptmail_fake.deliver(ADDRESS, text="Body text", attachments=attachments, raw_limit=raw_limit)

    message = await provider.get_message(box, mail_id)

    # The flag is what the reader's "Raw source truncated" note follows.
    assert message.raw_truncated is truncated
    assert [a.name for a in message.attachments] == kept
    assert all(a.data is not None and len(a.data) == a.size for a in message.attachments)
    # The body text stays readable from the list fields whatever the source lost.
    assert message.text.startswith("Body text")


CLOSED_MULTIPART = (
    "From: a@b.example\r\nSubject: s\r\nContent-Type: multipart/mixed; boundary=z\r\n\r\n"
    "--z\r\nContent-Type: text/plain\r\n\r\nhello\r\n"
    "--z\r\nContent-Type: application/pdf; name=a.pdf\r\nContent-Transfer-Encoding: base64\r\n\r\n"
    "JVBERi0=\r\n--z--\r\nepilogue that was"
)


@pytest.mark.parametrize(
    "raw, attachments",
    [
        ("From: a@b.example\r\nSubject: s\r\nContent-Type: text/plain\r\n\r\nhello", []),
        (CLOSED_MULTIPART, ["a.pdf"]),
    ],
    ids=["single-part", "cut-after-the-closing-boundary"],
)
@pytest.mark.asyncio
async def test_source_shorter_than_raw_size_is_truncated_even_when_it_parses(
    provider, gptmail_fake, box, raw, attachments
):
    gptmail_fake.respond_next(
        "/api/email/7",
        {"success": True, "data": {"id": "7", "content": "hello", "raw_content": raw, "raw_size": 90_000}, "error": ""},
    )

    message = await provider.get_message(box, "7")

    assert message.raw_truncated is True
    assert [a.name for a in message.attachments] == attachments


@pytest.mark.asyncio
async def test_detail_text_is_fuller_than_the_list_text(provider, gptmail_fake, box):
    long_text = "".join(f"line {n:05d}\n" for n in range(1500))  # 16,500 characters
    mail_id = gptmail_fake.deliver(ADDRESS, text=long_text)

    (listed,) = await provider.list_messages(box)
    detailed = await provider.get_message(box, mail_id)

    assert len(listed.text) == 10_000
    assert detailed.text == long_text


@pytest.mark.asyncio
async def test_detail_without_raw_uses_the_service_headers(provider, gptmail_fake, box):
    gptmail_fake.respond_next(
        "/api/email/9",
        {
            "success": True,
            "data": {"id": "9", "content": "hi", "raw_content": "", "headers": {"X-Spam": "no"}, "raw_size": 0},
            "error": "",
        },
    )

    message = await provider.get_message(box, "9")

    assert message.headers == {"X-Spam": "no"}
    assert message.raw is None
    assert message.complete is True


@pytest.mark.parametrize("setup", ["never-existed", "service-removed-it"])
@pytest.mark.asyncio
async def test_missing_message(provider, gptmail_fake, box, setup):
    mail_id = "999"
    if setup == "service-removed-it":
        mail_id = gptmail_fake.deliver(ADDRESS, text="gone soon")
        assert gptmail_fake.remove(mail_id)

    with pytest.raises(NotFoundError) as caught:
        await provider.get_message(box, mail_id)

    assert caught.value.exit_code == 5
    assert mail_id in str(caught.value)


# -- deleting -----------------------------------------------------------------


@pytest.mark.asyncio
async def test_delete_message(provider, gptmail_fake, box):
    keep = gptmail_fake.deliver(ADDRESS, subject="keep")
    doomed = gptmail_fake.deliver(ADDRESS, subject="doomed")

    await provider.delete_message(box, doomed)

    assert [m.id for m in await provider.list_messages(box)] == [keep]
    assert gptmail_fake.seen(f"/api/email/{doomed}", "DELETE")
    with pytest.raises(NotFoundError):
        await provider.delete_message(box, doomed)


@pytest.mark.parametrize("count", [0, 1, 4])
@pytest.mark.asyncio
async def test_clear_mailbox_reports_the_count(provider, gptmail_fake, box, count):
    for n in range(count):
        gptmail_fake.deliver(ADDRESS, subject=str(n))
    other = gptmail_fake.deliver("other@chatgpt.org.uk", subject="other")

    assert await provider.clear_mailbox(box) == count

    assert await provider.list_messages(box) == []
    assert other in gptmail_fake.mails
    (sent,) = gptmail_fake.seen("/api/emails/clear", "DELETE")
    assert sent.query == {"email": ADDRESS}


@pytest.mark.parametrize(
    "data, expected",
    [({"message": "Deleted 5 emails"}, 5), ({"message": "done"}, None), ({"count": 2, "message": "x"}, 2)],
)
@pytest.mark.asyncio
async def test_clear_count_from_other_answer_shapes(provider, gptmail_fake, box, data, expected):
    gptmail_fake.respond_next("/api/emails/clear", {"success": True, "data": data, "error": ""})

    assert await provider.clear_mailbox(box) == expected


# -- domains and statistics ---------------------------------------------------


@pytest.mark.asyncio
async def test_request_domain(provider, gptmail_fake):
    assert await provider.request_domain("Mine.Example.Net") == "mine.example.net"
    assert gptmail_fake.requested_domains == ["mine.example.net"]


@pytest.mark.parametrize(
    "domain, words",
    [
        ("chatgpt.org.uk", "Domain already exists"),
        ("nomx.example.com", "MX record does not point to the expected host"),
    ],
)
@pytest.mark.asyncio
async def test_request_domain_refused_in_the_service_words(provider, domain, words):
    with pytest.raises(RejectedError) as caught:
        await provider.request_domain(domain)

    assert str(caught.value) == words


@pytest.mark.asyncio
async def test_statistics(provider, gptmail_fake):
    now = utcnow()
    gptmail_fake.deliver(ADDRESS, sender="user@example.com", subject="welcome", when=now)
    gptmail_fake.deliver(ADDRESS, sender="user@example.com", subject="welcome", when=now)
    gptmail_fake.deliver("x@gptmail.example", sender="news@other.org", subject="code", when=now)

    stats = await provider.stats()
    hourly = await provider.hourly()
    subjects = await provider.top_subjects()
    domains = await provider.top_domains()
    senders = await provider.top_senders()

    assert stats == GptMailStats(
        total_emails=3, today_emails=3, emails_24h=3, unique_subjects=2, active_domains=2, domain_count=3
    )
    ((hour, count),) = hourly
    assert hour == now.replace(minute=0, second=0, microsecond=0)
    assert hour.tzinfo is not None and hour.utcoffset() == timedelta(0)
    assert count == 3
    assert subjects == [("we***", 2), ("co***", 1)]
    assert domains == [("ch****rg.uk", 2), ("gp****il.example", 1)]
    assert senders == [("us***@ex***.com", 2), ("ne***@ot***.org", 1)]


@pytest.mark.parametrize(
    "path, call, data",
    [
        ("/api/stats", "stats", {"total_emails": 1}),
        ("/api/stats", "stats", {"total_emails": "many", "today_emails": 1, "emails_24h": 1,
                                 "unique_subjects": 1, "active_domains": 1, "domain_count": 1}),
        ("/api/statistics/24h", "hourly", [{"hour": "yesterday-ish", "count": 1}]),
        ("/api/statistics/24h", "hourly", {"hour": "2025-11-14 10:00:00", "count": 1}),
        ("/api/statistics/top-senders", "top_senders", [{"sender": "a***", "count": None}]),
        ("/api/statistics/top-domains", "top_domains", ["ex****le.com"]),
        ("/api/emails", "list", {"emails": {"id": "1"}}),
        ("/api/emails", "list", {"emails": [{"subject": "no id"}]}),
        ("/api/emails", "list", None),
        ("/api/generate-email", "create", {"address": "x@y.com"}),
    ],
)
@pytest.mark.asyncio
async def test_surprising_shapes_are_protocol_errors(provider, gptmail_fake, box, path, call, data):
    gptmail_fake.respond_next(path, {"success": True, "data": data, "error": ""})
    calls = {
        "stats": provider.stats,
        "hourly": provider.hourly,
        "top_senders": provider.top_senders,
        "top_domains": provider.top_domains,
        "list": lambda: provider.list_messages(box),
        "create": provider.create_mailbox,
    }

    with pytest.raises(ProtocolError):
        await calls[call]()


# -- errors and faults --------------------------------------------------------


@pytest.mark.asyncio
async def test_wrong_key_is_an_auth_error_that_does_not_show_the_key(gptmail_fake, http, box):
    provider = GptMailProvider(http, base_url=gptmail_fake.url, key="personal-secret-key-42")

    with pytest.raises(AuthError) as caught:
        await provider.list_messages(box)

    assert caught.value.exit_code == 3
    assert "Invalid API key" in str(caught.value)
    assert "personal-secret-key-42" not in str(caught.value)
    assert "test key" not in str(caught.value)


@pytest.mark.asyncio
async def test_a_refused_test_key_tells_the_user_how_to_set_their_own(provider, gptmail_fake, box):
    gptmail_fake.keys = {"someone-else"}

    with pytest.raises(AuthError) as caught:
        await provider.list_messages(box)

    assert "the public test key was refused" in str(caught.value)
    # The way out is each surface's own; the command's names its key commands.
    said = failure_line(caught.value, "gptmail")
    assert "tempmail key set gptmail" in said and "TEMPMAIL_GPTMAIL_KEY" in said


@pytest.mark.asyncio
async def test_key_travels_only_in_the_header(gptmail_fake, http, box):
    key = "personal-secret-key-42"
    gptmail_fake.keys = {key}
    provider = GptMailProvider(http, base_url=gptmail_fake.url, key=key)
    mail_id = gptmail_fake.deliver(ADDRESS, text="hi")

    await provider.create_mailbox()
    await provider.create_mailbox(prefix="abc")
    await provider.list_messages(box)
    await provider.get_message(box, mail_id)
    await provider.delete_message(box, mail_id)
    await provider.clear_mailbox(box)
    await provider.stats()
    await provider.hourly()
    await provider.top_subjects()
    await provider.request_domain("mine.example.net")

    assert len(gptmail_fake.requests) == 10
    for sent in gptmail_fake.requests:
        assert sent.headers.get("X-API-Key") == key
        assert "api_key" not in sent.query
        assert key not in sent.path and key not in str(sent.query) and key.encode() not in sent.body


@pytest.mark.asyncio
async def test_spent_daily_quota_lifts_at_the_next_utc_midnight(provider, gptmail_fake, box):
    gptmail_fake.daily_quota = 2
    await provider.list_messages(box)
    await provider.list_messages(box)

    with pytest.raises(QuotaError) as caught:
        await provider.list_messages(box)

    assert caught.value.exit_code == 4
    assert "Daily quota exceeded" in str(caught.value)
    assert caught.value.reset_at == next_utc_midnight()
    assert provider.quota.exhausted_until == caught.value.reset_at
    assert provider.quota.remaining == 0


@pytest.mark.parametrize(
    "now, expected",
    [
        (datetime(2025, 11, 14, 10, 30, tzinfo=UTC), datetime(2025, 11, 15, tzinfo=UTC)),
        (datetime(2025, 12, 31, 23, 59, 59, tzinfo=UTC), datetime(2026, 1, 1, tzinfo=UTC)),
        # 01:00 in Shanghai is still the previous UTC day.
        (datetime.fromisoformat("2025-11-15T01:00:00+08:00"), datetime(2025, 11, 15, tzinfo=UTC)),
    ],
)
def test_next_utc_midnight(now, expected):
    assert next_utc_midnight(now) == expected


@pytest.mark.asyncio
async def test_429_with_a_long_retry_after_gives_its_reset_time(provider, gptmail_fake, box):
    gptmail_fake.fail_next("429", retry_after="120")

    with pytest.raises(QuotaError) as caught:
        await provider.list_messages(box)

    assert caught.value.reset_at is not None
    assert abs((caught.value.reset_at - utcnow()).total_seconds() - 120) < 5


@pytest.mark.asyncio
async def test_429_with_a_short_retry_after_is_waited_out(provider, gptmail_fake, box):
    gptmail_fake.deliver(ADDRESS, subject="hello")
    gptmail_fake.fail_next("429", retry_after="1")

    (message,) = await provider.list_messages(box)

    assert message.subject == "hello"
    assert len(gptmail_fake.requests) == 2


@pytest.mark.parametrize(
    "fault, times, call, raises, requests",
    [
        ("500", 1, "list", None, 2),
        ("503", 2, "stats", None, 3),
        ("500", 3, "list", ServiceFailingError, 3),  # reached, but failing: not "offline"
        ("500", 1, "create-post", UnavailableError, 1),  # a POST is not repeated
        ("html", 3, "list", ProtocolError, 3),  # a 502 page, retried like any 5xx
        ("badjson", 1, "list", ProtocolError, 1),
        ("401", 1, "list", AuthError, 1),
        ("drop", 1, "list", None, 2),
    ],
)
@pytest.mark.asyncio
async def test_faults(provider, gptmail_fake, box, fault, times, call, raises, requests):
    gptmail_fake.fail_next(fault, times=times)
    calls = {
        "list": lambda: provider.list_messages(box),
        "stats": provider.stats,
        "create-post": lambda: provider.create_mailbox(prefix="abc"),
    }

    if raises is None:
        await calls[call]()
    else:
        with pytest.raises(raises):
            await calls[call]()

    assert len(gptmail_fake.requests) == requests


@pytest.mark.parametrize(
    "status, error, raises",
    [
        (400, "Unsupported domain", RejectedError),
        (200, "No active domains available", RejectedError),
        (404, "Unsupported domain", RejectedError),
        (400, "API key required", AuthError),
        (401, "API key required", AuthError),
        (403, "Invalid API key", AuthError),
        (400, "Daily quota exceeded", QuotaError),
        (429, "Too many", QuotaError),
        (404, "Email not found", NotFoundError),
        (400, "Invalid prefix", RejectedError),
        (200, "Something odd", RejectedError),  # success=false with HTTP 200
    ],
)
@pytest.mark.asyncio
async def test_service_errors_map_by_words_and_status(provider, gptmail_fake, box, status, error, raises):
    gptmail_fake.respond_next("/api/emails", {"success": False, "data": None, "error": error}, status=status)

    with pytest.raises(raises) as caught:
        await provider.list_messages(box)

    assert error in str(caught.value)


# -- the fake itself follows the document ---------------------------------------


@pytest.mark.parametrize(
    "headers, params, status, error",
    [
        ({}, {}, 401, "API key required"),
        ({"X-API-Key": "nope"}, {}, 403, "Invalid API key"),
        ({}, {"api_key": "gpt-test"}, 200, ""),
        ({"X-API-Key": "gpt-test"}, {}, 200, ""),
    ],
)
@pytest.mark.asyncio
async def test_fake_auth_follows_the_document(gptmail_fake, headers, params, status, error):
    async with httpx.AsyncClient(trust_env=False) as client:
        response = await client.get(gptmail_fake.url + "/api/stats", headers=headers, params=params)

    body = response.json()
    assert response.status_code == status
    assert body["success"] is (status == 200)
    assert body["error"] == error
    assert set(body) == {"success", "data", "error"}


def test_fake_cuts_bodies_as_the_document_says():
    fake = GptMailFake()
    mail_id = fake.deliver(ADDRESS, text="t" * 12_000, html="h" * (2 * 1024 * 1024 + 10), raw_limit=5000)
    stored = fake.mails[mail_id]

    summary, detail = stored.summary(), stored.detail()

    assert len(summary["content"]) == 10_000
    assert len(summary["html_content"]) == 2 * 1024 * 1024
    assert len(detail["raw_content"]) == 5000
    assert detail["raw_size"] > 2 * 1024 * 1024
