"""Reading raw MIME sources that may be hostile or cut short.

GPTMail hands out a message's raw source cut at about 100,000 characters, so
attachments and inline images have to come out of a source that may stop in
the middle of a part. :func:`parse_raw` returns whatever could be read and
says what was lost; it never raises, because a broken mail must still show
its text.

Parsing uses the ``compat32`` policy on purpose: it keeps header values as
sent and does not run the strict header grammar, whose parser has a history
of crashing on malformed input. Decoding (RFC 2047 words, RFC 2231 names,
charsets) is done here, each step guarded.

Attachment names are decoded but not made safe for a file system; that
happens at save time (``core/filenames.py``).
"""

from __future__ import annotations

import logging
import mimetypes
import re
from dataclasses import dataclass, field
from email import errors as email_errors
from email import policy
from email.header import decode_header, make_header
from email.message import Message as EmailMessage
from email.parser import BytesParser
from email.utils import parseaddr, unquote

from . import log_names
from .models import Attachment

log = logging.getLogger(log_names.MIME)

# Deep nesting is an attack, not a mail; stop walking well before Python's stack does.
MAX_DEPTH = 40

_CUT_MULTIPART_DEFECTS = (
    email_errors.CloseBoundaryNotFoundDefect,
    email_errors.StartBoundaryNotFoundDefect,
)
_CUT_BASE64_DEFECTS = (
    email_errors.InvalidBase64PaddingDefect,
    email_errors.InvalidBase64LengthDefect,
)
# Saved .eml files get the CRLF line ends mail has on the wire.
_EML_POLICY = policy.compat32.clone(linesep="\r\n")
_FOLD_RE = re.compile(r"\r?\n(?=[ \t])")
_ANGLE_RE = re.compile(r"^(.*?)<([^<>@\s]+@[^<>\s]+)>\s*$", re.S)


@dataclass
class ParsedMime:
    """What a user can see of a raw source.

    ``attachments`` holds only parts whose bytes were read whole;
    ``cut_attachments`` names the ones the source stopped inside, which are
    left out because a half file would look like a corrupt one.
    """

    headers: dict[str, str] = field(default_factory=dict)
    text: str = ""
    html: str | None = None
    attachments: list[Attachment] = field(default_factory=list)
    truncated: bool = False
    cut_attachments: list[str] = field(default_factory=list)


def parse_raw(raw: str | bytes | None, *, declared_size: int | None = None) -> ParsedMime:
    """Parse a raw RFC 5322 message; never raises.

    ``declared_size`` is the message's real size in bytes when the source may
    have been cut (GPTMail's ``raw_size``); a shorter source is truncated.
    """
    result = ParsedMime()
    data = _as_bytes(raw)
    if declared_size is not None and isinstance(declared_size, int) and len(data) < declared_size:
        result.truncated = True
    try:
        message = BytesParser(policy=policy.compat32).parsebytes(data)
    except Exception:  # the parser is lenient; this is a last line of defence
        log.warning("raw source could not be parsed at all", exc_info=True)
        result.text = _decode_text(data, None)
        return result
    try:
        result.headers = _headers(message)
    except Exception:
        log.warning("headers of a raw source could not be read", exc_info=True)
    if result.truncated and any(
        isinstance(d, email_errors.MissingHeaderBodySeparatorDefect) for d in message.defects
    ):
        # Cut inside the header block: the parser would show the broken last
        # header line as the body, and there is no body to show.
        message.set_payload("")
    walker = _Walker(result)
    try:
        walker.visit(message, depth=0, last_in_cut=result.truncated)
    except Exception:
        # Keep what the walk found before the failure.
        log.warning("raw source only partly readable", exc_info=True)
        result.truncated = result.truncated or walker.saw_cut
    walker.finish()
    return result


def parse_address(value: str | None) -> tuple[str, str | None]:
    """Split ``"Name <a@b>"`` into ``("a@b", "Name")``; a bare address has no name.

    Encoded display names (``=?utf-8?...?=``) are decoded. Input that is no
    address at all comes back as it was, so nothing the service sent is lost.
    """
    if not value:
        return "", None
    text = _unescape(str(value)).strip()
    angle = _ANGLE_RE.match(text)
    if angle:
        # Done by hand so an unquoted comma in the name ("Doe, Jane <j@x>")
        # does not split one sender into two.
        name, addr = unquote(angle.group(1).strip()), angle.group(2).strip()
    else:
        try:
            name, addr = parseaddr(text)
        except Exception:
            name, addr = "", ""
    if "@" not in addr:
        return text, None
    name = decode_words(name).strip() if name else ""
    if name == addr:
        name = ""
    return addr, name or None


# A header block is a few kilobytes; a source is read this far for its From line.
HEADER_SCAN_BYTES = 256 * 1024


def sender_name(from_addr: str, headers: dict[str, str], raw: str | bytes | None = None) -> str | None:
    """The display name the mail's own From header gives its sender, or None.

    Services often list only the bare address while the mail's headers (or
    its raw source) say ``From: Shop Team <team@shop.example>``. The name is
    taken only when that header names the same address (or no address is
    known), so a header about someone else never relabels the sender.
    """
    value = next((v for k, v in headers.items() if k.lower() == "from" and v), None)
    if value is None and raw:
        try:
            head = BytesParser(policy=policy.compat32).parsebytes(
                _as_bytes(raw)[:HEADER_SCAN_BYTES], headersonly=True)
            value = next((v for k, v in _headers(head).items() if k.lower() == "from" and v), None)
        except Exception:  # a source too broken to read its headers has no name to give
            log.info("no From header could be read from a raw source", exc_info=True)
            value = None
    if not value:
        return None
    addr, name = parse_address(value.split("\n", 1)[0])
    if name and (not from_addr or addr.lower() == from_addr.strip().lower()):
        return name
    return None


def decode_words(value: str) -> str:
    """Decode RFC 2047 encoded words in a header value; the value as is on failure."""
    text = _unescape(_FOLD_RE.sub("", value))
    if "=?" not in text:
        return text
    try:
        return str(make_header(decode_header(text)))
    except Exception:
        return text


# -- internals --------------------------------------------------------------


def _as_bytes(raw: str | bytes | None) -> bytes:
    if raw is None:
        return b""
    if isinstance(raw, (bytes, bytearray, memoryview)):
        return bytes(raw)
    text = str(raw)
    try:
        return text.encode("utf-8", "surrogateescape")
    except UnicodeEncodeError:  # lone surrogates from JSON escapes
        return text.encode("utf-8", "replace")


def _unescape(text: str) -> str:
    """Undo the parser's surrogate escapes: raw 8-bit header bytes are mostly UTF-8."""
    try:
        return text.encode("ascii", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return text


def _headers(message: EmailMessage) -> dict[str, str]:
    headers: dict[str, str] = {}
    for name, value in message.raw_items():
        decoded = decode_words(str(value)).strip()
        # Repeated headers (Received) are kept, one per line.
        headers[name] = f"{headers[name]}\n{decoded}" if name in headers else decoded
    return headers


def _decode_text(payload: bytes, charset: str | None) -> str:
    for candidate in (charset, "utf-8"):
        if not candidate:
            continue
        try:
            return payload.decode(candidate).replace("\r\n", "\n")
        except (LookupError, UnicodeDecodeError):
            continue
    return payload.decode("utf-8", "replace").replace("\r\n", "\n")


def _content_id(part: EmailMessage) -> str | None:
    value = part.get("Content-ID")
    if not value:
        return None
    cid = _unescape(str(value)).strip().strip("<>").strip()
    return cid or None


def _filename(part: EmailMessage) -> str | None:
    try:
        name = part.get_filename() or part.get_param("name")
    except Exception:
        return None
    if isinstance(name, tuple):  # an RFC 2231 triple get_param left undecoded
        try:
            name = name[2].encode("latin-1", "replace").decode(name[0] or "utf-8", "replace")
        except (LookupError, IndexError, AttributeError):
            name = str(name[-1])
    if not name:
        return None
    return decode_words(str(name)).strip() or None


class _Walker:
    """Walks the part tree once, filling a ParsedMime as it goes."""

    def __init__(self, result: ParsedMime) -> None:
        self.result = result
        self.saw_cut = False
        self.index = 0
        self.texts: list[str] = []
        self.htmls: list[str] = []
        # (attachment, disposition) kept until the HTML is known: it says which cids are inline.
        self.pending: list[tuple[Attachment, str | None]] = []

    def visit(self, part: EmailMessage, *, depth: int, last_in_cut: bool) -> None:
        if depth > MAX_DEPTH:
            self.saw_cut = True
            return
        ctype = _safe(part.get_content_type, "text/plain")
        payload = part.get_payload()
        if isinstance(payload, list) and not ctype.startswith("message/"):
            cut_here = any(isinstance(d, _CUT_MULTIPART_DEFECTS) for d in part.defects)
            if cut_here:
                self.saw_cut = True
            children = [p for p in payload if isinstance(p, EmailMessage)]
            for position, child in enumerate(children):
                # Only the last part of a multipart that never closed ran into the cut;
                # a source cut after a closing boundary lost nothing but the epilogue.
                is_last = position == len(children) - 1
                self.visit(child, depth=depth + 1, last_in_cut=is_last and cut_here)
            return
        if ctype.startswith("multipart/"):
            # A multipart with no usable boundary (or whose first boundary never
            # came): its text is all there is, so show it as text.
            if any(isinstance(d, _CUT_MULTIPART_DEFECTS) for d in part.defects):
                self.saw_cut = True
            ctype = "text/plain"
        self.leaf(part, ctype, cut=last_in_cut)

    def leaf(self, part: EmailMessage, ctype: str, *, cut: bool) -> None:
        self.index += 1
        disposition = _safe(part.get_content_disposition, None)
        name = _filename(part)
        data = self.payload_bytes(part, ctype)
        if any(isinstance(d, _CUT_BASE64_DEFECTS) for d in part.defects):
            cut = True
            self.saw_cut = True
        is_body = ctype in ("text/plain", "text/html") and disposition != "attachment" and not name
        if is_body:
            text = _decode_text(data, _safe(part.get_content_charset, None))
            (self.htmls if ctype == "text/html" else self.texts).append(text)
            return
        cid = _content_id(part)
        attachment = Attachment(
            name=name or self.fallback_name(part, ctype, cid),
            size=len(data),
            content_type=ctype,
            data=data,
            content_id=cid,
        )
        if cut:
            self.result.cut_attachments.append(attachment.name)
            return
        self.pending.append((attachment, disposition))

    def payload_bytes(self, part: EmailMessage, ctype: str) -> bytes:
        inner = part.get_payload()
        if isinstance(inner, list):  # message/rfc822, message/delivery-status
            try:
                return b"\r\n".join(m.as_bytes(policy=_EML_POLICY) for m in inner)
            except Exception:
                return b""
        data = part.get_payload(decode=True)
        if isinstance(data, bytes):
            return data
        return _as_bytes(data if isinstance(data, str) else "")

    def fallback_name(self, part: EmailMessage, ctype: str, cid: str | None) -> str:
        if ctype == "message/rfc822":
            inner = part.get_payload()
            subject = ""
            if isinstance(inner, list) and inner:
                subject = decode_words(str(inner[0].get("Subject", ""))).strip()
            return f"{subject or 'message'}.eml"
        extension = mimetypes.guess_extension(ctype) or ".bin"
        if cid:
            stem = cid.split("@", 1)[0]
            return stem if "." in stem else stem + extension
        return f"part-{self.index}{extension}"

    def finish(self) -> None:
        result = self.result
        result.truncated = result.truncated or self.saw_cut
        if self.texts:
            result.text = "\n\n".join(t for t in self.texts if t) if len(self.texts) > 1 else self.texts[0]
        if self.htmls:
            result.html = "\n".join(self.htmls)
        referenced = (result.html or "").lower()
        for attachment, disposition in self.pending:
            cid = attachment.content_id
            attachment.inline = bool(cid and f"cid:{cid.lower()}" in referenced) or (
                disposition == "inline" and (attachment.content_type or "").startswith("image/")
            )
            result.attachments.append(attachment)


def _safe(getter, default):
    try:
        value = getter()
    except Exception:
        return default
    return value if value is not None else default
