"""Deterministic, real-looking mail for the benchmarks.

Everything is built from a seeded ``random.Random`` so that two runs (and the
quick and full modes) measure the same bytes. The mix follows what a temporary
inbox receives: verification codes, confirmation links, receipts and small
newsletters, some in Chinese; and, on demand, the two heavy cases the brief
names: 2 MB of plain HTML and a 2 MB table-built newsletter.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from tempmail_desktop.core.models import Message

BIG_MAIL_CHARS = 2_000_000  # under GPTMail's 2 MiB cut of html_content, so it arrives whole

_WORDS = (
    "account access update order shipped invoice team welcome security device sign "
    "confirm address receipt payment plan trial offer weekly digest news release "
    "support ticket reply password reset login location browser windows linux cloud "
    "storage project invite member review delivery tracking package summary report"
).split()
_SENDERS = (
    ("GitHub", "noreply@github.com"),
    ("Example Cloud", "no-reply@accounts.example.com"),
    ("Shop Example", "orders@shop.example.org"),
    ("示例商城", "service@shop.example.cn"),
    ("Weekly Digest", "digest@news.example.net"),
    ("Forum", "notifications@forum.example.io"),
    (None, "alerts@monitor.example.com"),
)


@dataclass(frozen=True)
class MailSpec:
    """One mail as a service would receive it."""

    sender: str
    sender_name: str | None
    subject: str
    text: str
    html: str | None


def _sentence(rng: random.Random, words: int) -> str:
    chosen = [rng.choice(_WORDS) for _ in range(words)]
    return " ".join(chosen).capitalize() + "."


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    return [" ".join(_sentence(rng, rng.randint(6, 16)) for _ in range(rng.randint(2, 5))) for _ in range(count)]


def _small_newsletter_html(rng: random.Random, items: int) -> str:
    rows = []
    for n in range(items):
        rows.append(
            "<tr><td style='padding:12px;border-bottom:1px solid #eee'>"
            f"<img src='https://cdn.news.example.net/img/{rng.randrange(10**6)}.jpg' width='120' height='80' alt=''>"
            "</td><td style='padding:12px;font:14px Arial'>"
            f"<h3 style='margin:0'>{_sentence(rng, 5)}</h3><p>{_sentence(rng, 18)}</p>"
            f"<a href='https://news.example.net/story/{n}?utm_source=mail'>Read more</a></td></tr>"
        )
    return (
        "<html><body style='background:#f4f4f4'><table width='600' align='center' cellpadding='0' "
        "cellspacing='0' style='background:#fff'>" + "".join(rows) + "</table>"
        "<p style='font-size:11px;color:#888'>Unsubscribe: https://news.example.net/u/42</p></body></html>"
    )


def everyday_mail(rng: random.Random, serial: int) -> MailSpec:
    """One of the ordinary kinds, chosen by ``rng``."""
    name, address = rng.choice(_SENDERS)
    kind = rng.random()
    if kind < 0.35:
        code = f"{rng.randrange(10**6):06d}"
        if address.endswith(".cn"):
            subject = f"【示例商城】您的验证码 #{serial}"
            text = f"您的验证码是 {code}，5分钟内有效。请勿泄露给他人。"
            html = None
        else:
            subject = f"Your verification code #{serial}"
            text = f"Your verification code is {code}.\n\n{_paragraphs(rng, 1)[0]}\n\nIf this was not you, ignore this mail."
            html = (f"<p>Your verification code is</p><h2 style='letter-spacing:4px'>{code}</h2>"
                    f"<p>{_paragraphs(rng, 1)[0]}</p>")
    elif kind < 0.55:
        token = f"{rng.getrandbits(64):016x}"
        link = f"https://accounts.example.com/verify?token={token}"
        subject = f"Confirm your email address #{serial}"
        text = f"Welcome! Confirm your email: {link}\n\n" + "\n\n".join(_paragraphs(rng, 2))
        html = (f"<h1>Welcome</h1><p>{_paragraphs(rng, 1)[0]}</p><p><a href='{link}'>Confirm email</a></p>"
                "<img src='https://tracker.example.net/open.gif' width='1' height='1'>")
    elif kind < 0.75:
        subject = f"Receipt for order {rng.randrange(10**7)} #{serial}"
        lines = [f"{rng.choice(_WORDS).title()} x{rng.randint(1, 4)}  ${rng.randint(2, 300)}.{rng.randint(0, 99):02d}"
                 for _ in range(rng.randint(2, 8))]
        text = "Thank you for your order.\n\n" + "\n".join(lines)
        html = "<table>" + "".join(f"<tr><td>{line}</td></tr>" for line in lines) + "</table>"
    elif kind < 0.9:
        subject = f"{_sentence(rng, 4)[:-1]} - weekly digest #{serial}"
        html = _small_newsletter_html(rng, rng.randint(5, 25))
        text = ""  # HTML-only, as many newsletters are
    else:
        subject = f"Alert: {_sentence(rng, 3)[:-1]} #{serial}"
        text = "\n\n".join(_paragraphs(rng, rng.randint(1, 6)))
        html = None
    return MailSpec(address, name, subject, text, html)


def plain_big_html(chars: int = BIG_MAIL_CHARS, seed: int = 7) -> str:
    """Long but simple HTML: headings, paragraphs, links and lists; no tables."""
    rng = random.Random(seed)
    parts = ["<html><body><h1>Annual report</h1>"]
    size = len(parts[0])
    section = 0
    while size < chars - 100:
        section += 1
        chunk = [f"<h2>Section {section}</h2>"]
        chunk += [f"<p>{p} <a href='https://example.org/s/{section}'>more</a></p>" for p in _paragraphs(rng, 4)]
        chunk.append("<ul>" + "".join(f"<li>{_sentence(rng, 8)}</li>" for _ in range(5)) + "</ul>")
        piece = "".join(chunk)
        parts.append(piece)
        size += len(piece)
    parts.append("</body></html>")
    return "".join(parts)[:chars]


def table_newsletter_html(chars: int = BIG_MAIL_CHARS, seed: int = 11) -> str:
    """A newsletter the way mail builders make them: tables in tables, inline styles, images."""
    rng = random.Random(seed)
    head = ("<html><head><style>td{font-family:Arial,sans-serif}</style></head>"
            "<body style='margin:0;background:#eceff1'>"
            "<table role='presentation' width='100%' cellpadding='0' cellspacing='0'><tr><td align='center'>")
    parts = [head]
    size = len(head)
    block = 0
    while size < chars - 200:
        block += 1
        cells = []
        for column in range(3):
            cells.append(
                "<td width='200' valign='top' style='padding:8px;border:1px solid #ddd;background:#fff'>"
                "<table role='presentation' width='100%' cellpadding='0' cellspacing='0'>"
                f"<tr><td><img src='https://cdn.news.example.net/p/{block}-{column}.png' width='184' height='120' "
                "style='display:block' alt=''></td></tr>"
                f"<tr><td style='font-size:16px;font-weight:bold;color:#263238;padding:6px 0'>{_sentence(rng, 4)}</td></tr>"
                f"<tr><td style='font-size:13px;color:#546e7a'>{_sentence(rng, 20)}</td></tr>"
                f"<tr><td style='padding-top:6px'><a href='https://shop.example.org/p/{block}{column}' "
                "style='color:#fff;background:#1e88e5;padding:4px 10px;text-decoration:none'>Shop now</a></td></tr>"
                "</table></td>"
            )
        piece = ("<table role='presentation' width='640' cellpadding='0' cellspacing='8' style='margin:0 auto'>"
                 f"<tr>{''.join(cells)}</tr></table>")
        parts.append(piece)
        size += len(piece)
    parts.append("</td></tr></table></body></html>")
    return "".join(parts)[:chars]


def big_mail(kind: str, serial: int = 1) -> MailSpec:
    """The two heavy cases: ``plain`` (simple HTML) and ``newsletter`` (nested tables).

    Both are HTML-only, as such mail usually is, so the app also has to derive
    their text itself.
    """
    if kind == "plain":
        return MailSpec("reports@example.org", "Example Reports", f"Annual report (2 MB) #{serial}",
                        "", plain_big_html())
    if kind == "newsletter":
        return MailSpec("deals@shop.example.org", "Shop Example", f"Mega deals newsletter (2 MB) #{serial}",
                        "", table_newsletter_html())
    raise ValueError(f"unknown big mail kind {kind!r}")


def stored_messages(provider: str, address: str, count: int, *, seed: int, now: datetime,
                    id_prefix: str = "m") -> list[Message]:
    """``count`` complete mails as the store would hold them after the app fetched them."""
    from tempmail_desktop.core.extract import html_to_text

    rng = random.Random(seed)
    messages = []
    for n in range(count):
        spec = everyday_mail(rng, n)
        # As every provider does for HTML-only mail: the text is derived from the HTML.
        text = spec.text or (html_to_text(spec.html) if spec.html else "")
        messages.append(Message(
            id=f"{id_prefix}{seed}-{n:05d}",
            provider=provider,
            mailbox=address,
            from_addr=spec.sender,
            from_name=spec.sender_name,
            subject=spec.subject,
            received_at=now - timedelta(seconds=37 * (count - n) + rng.randint(0, 30)),
            text=text,
            html=spec.html,
            has_html=spec.html is not None,
            complete=True,
            seen=rng.random() < 0.7,
        ))
    return messages
