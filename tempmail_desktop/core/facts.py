"""A mail's code and verification link, worked out once for every surface.

The list, the reader, the notification, the tray, the clipboard shortcut and
the command all show what :func:`mail_facts` found; the store keeps it with the
mail and works it out again when a fuller body arrives.

The cost is bounded for any size of mail, because this runs on the window's
thread when mail is stored: the first ``HEAD_CHARS`` of the text (and
``HTML_HEAD_CHARS`` of the HTML) are read whole; past that, only windows
around the words a code or a link stands next to are read, so a code after
50,000 characters of text is still found while a 2 MB newsletter costs a few
milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .extract import _FOLD, extract_otp, extract_verification_link

if TYPE_CHECKING:
    from .models import Message

HEAD_CHARS = 20_000
HTML_HEAD_CHARS = 40_000
# Past the head, this much on each side of a code word is read: more than the
# furthest a code may stand from its word (400 characters when set apart).
WINDOW_REACH = 450
MAX_WINDOWS = 32  # a hostile mail repeating "code" is read no further than this
MAX_TRIES = 5000  # hits of one word looked at, "encode" included

# Lower-case, fullwidth-folded stems of the words a code follows; extract._OTP_WORDS
# then judges each window properly. Few and short, since each is one pass over
# the mail: "one-time password", "2FA code" and "动态密码" are found by their
# "pass", "code" and "码"/"密".
_CODE_WORDS = ("code", "otp", "pin", "verif", "pass", "码", "碼", "密")
_LINK_WORDS = ("http",)
# Unbroken letter/digit runs are cut: extract_otp's scan is quadratic in the
# length of one run, and no code is 64 characters long.
_LONG_WORD = re.compile(r"[^\W_]{64,}")
_TAG = re.compile(r"<[^>]*>")


@dataclass(frozen=True)
class MailFacts:
    code: str | None = None
    link: str | None = None


def _short_words(text: str) -> str:
    return _LONG_WORD.sub(lambda match: match.group(0)[:32], text) if text else text


class _Body:
    """One body (text, or HTML read as text) to look into, with its folded form
    made once for all the words looked for."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._folded: str | None = None

    def folded(self) -> str:
        """Fullwidth folded (length-preserving) and lower-cased, so offsets carry over."""
        if self._folded is None:
            folded = self.text.translate(_FOLD)
            lowered = folded.lower()
            # A few letters lower-case to two ("İ"); then the case stays as it is.
            self._folded = lowered if len(lowered) == len(folded) else folded
        return self._folded

    def focus(self, words: tuple[str, ...]) -> str:
        """The body itself when short; else its head and the windows around ``words``.

        The pieces are joined by a blank line, and each window reaches further
        than a code may stand from its word, so no code is joined to another
        window's word.
        """
        text = self.text
        if len(text) <= HEAD_CHARS:
            return text
        pieces = [text[:HEAD_CHARS]]
        pieces.extend(text[start:end] for start, end in self._windows(words))
        return "\n\n".join(pieces)

    def _windows(self, words: tuple[str, ...]) -> list[tuple[int, int]]:
        """Merged spans past the head around the first hits of ``words``."""
        folded, length = self.folded(), len(self.text)
        hits: list[int] = []
        for word in words:
            found = tries = 0
            position = folded.find(word, HEAD_CHARS)
            while position >= 0 and found < MAX_WINDOWS and tries < MAX_TRIES:
                tries += 1
                # "encode", "spin": a Latin stem starts a word.
                if not (word.isascii() and folded[position - 1].isalpha()):
                    hits.append(position)
                    found += 1
                position = folded.find(word, position + len(word))
        spans: list[tuple[int, int]] = []
        for position in sorted(hits):
            start = max(HEAD_CHARS, position - WINDOW_REACH)
            end = min(length, position + WINDOW_REACH)
            if spans and start <= spans[-1][1]:
                spans[-1] = (spans[-1][0], max(end, spans[-1][1]))
            elif len(spans) < MAX_WINDOWS:
                spans.append((start, end))
            else:
                break
        return spans


def facts_of(
    subject: str, text: str, html: str | None, *, service_code: str | None = None
) -> MailFacts:
    """The code and the verification link of a mail with this subject and body.

    ``service_code`` is the service's own answer (the Worker's code scan): it
    counts when our own reading finds no code.
    """
    subject = subject or ""
    text = text or ""
    html_head = html[:HTML_HEAD_CHARS] if html else None
    html_rest = ""
    if html and len(html) > HTML_HEAD_CHARS:
        # Past the head the HTML is read as text: tags out, windows as for text.
        html_rest = _TAG.sub(" ", html[HTML_HEAD_CHARS:])

    bodies = [_Body(text)]
    if html_rest:
        bodies.append(_Body(html_rest))

    code_text = "\n\n".join(filter(None, (_short_words(b.focus(_CODE_WORDS)) for b in bodies)))
    code = extract_otp(subject, code_text, _short_words(html_head) if html_head else None)
    if code is None and service_code:
        code = service_code.strip() or None

    link_text = "\n\n".join(filter(None, (b.focus(_LINK_WORDS) for b in bodies)))
    link = extract_verification_link(subject, link_text, html_head)
    return MailFacts(code, link)


def mail_facts(message: "Message") -> MailFacts:
    """The code and link of ``message`` from all of it that is known.

    A ``code`` already on the message came from the service (or an earlier
    reading of the same body), and stands when this reading finds none.
    """
    return facts_of(message.subject, message.text, message.html, service_code=message.code)
