"""Whether a link in a mail tells the truth about where it leads, and what may open.

A mail's sender writes both a link's text and its target. :func:`link_mismatch`
says when the text names a site (a host name, a URL, an IP address or a mail
address) other than the one the target opens, the way a reader would read the
text rather than the way its characters are stored:

* invisible and bidi-control characters are removed (zero-width space and
  joiners, soft hyphen, word joiner and the other U+2060 format characters,
  BOM, embeddings, overrides, isolates, LRM/RLM/ALM, variation selectors, tag
  characters), so ``pay<U+200B>pal.com`` reads ``paypal.com``; a right-to-left
  override is also read in the order it is drawn;
* the text is NFKC-normalised and every dot lookalike on the baseline
  (fullwidth and small full stops, one-dot leader, ideographic and halfwidth
  ideographic full stops, ...) counts as a dot;
* a line break inside a link (``paypal<br>.com``) is read both ways, as a
  space and as nothing;
* hosts are compared in their IDNA form (UTS #46, non-transitional), which
  also folds case: ``PayPal.COM`` is ``paypal.com``, a Cyrillic ``а`` in
  ``pаypal.com`` is ``xn--pypal-4ve.com`` and so another site;
* an IPv4 address in any spelling browsers accept (dotted, one decimal
  number, hex, octal) and an IPv6 address are hosts like any other.

A subdomain of the host the text shows is the same site (``email.paypal.com``
for ``paypal.com``); a longer name that merely starts with it
(``paypal.com.evil.net``) is not.

IDNA uses the ``idna`` package (installed with httpx) rather than the
standard library's ``encodings.idna``: the latter is IDNA 2003 (it maps ``ß``
to ``ss`` and knows no UTS #46 mapping), while browsers and Qt 6 resolve hosts
by IDNA 2008 with UTS #46, and the comparison must name the host the browser
will really contact.

:func:`safe_mailto` keeps only ``to``, ``cc``, ``subject`` and ``body`` of a
``mailto:`` link: some mail clients attach a local file named by ``attach=``
or ``attachment=``, or honour other headers a mail should not set for the
user. Only http(s) with a host and ``mailto`` ever open (:func:`openable`).

No Qt here: the window and the tests use it alike. Functions taking a URL
accept a string or a ``QUrl`` (anything with ``toEncoded()``).
"""

from __future__ import annotations

import ipaddress
import re
import unicodedata
from dataclasses import dataclass
from urllib.parse import quote, unquote

import idna

__all__ = [
    "OPENABLE_SCHEMES",
    "deceptive_text",
    "host_key",
    "link_mismatch",
    "openable",
    "reading",
    "safe_mailto",
    "target_host",
]

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})

# Link text beyond this is not read: nobody reads a 4 KB link text as an address.
MAX_TEXT_CHARS = 4_096
# Addresses named in one text that are checked (a long text listing URLs).
MAX_NAMES = 8

# Baseline dot lookalikes a reader takes for ".": fullwidth, small and
# halfwidth ideographic full stops, one-dot leader, ideographic full stop,
# Lisu tone mya ti, Syriac sublinear full stop, Arabic full stop. Middle dots
# (U+00B7, U+2022, U+30FB...) are left alone: they sit mid-line, look like
# separators, and are used as such between footer links.
_DOT_LOOKALIKES = str.maketrans(dict.fromkeys("\uff0e\ufe52\uff61\u2024\u3002\ua4f8\u0702\u06d4", "."))
# Invisible but not of category Cf: combining grapheme joiner, Hangul fillers,
# Khmer inherent vowels, Mongolian free variation selectors, variation selectors.
_INVISIBLE_EXTRA = frozenset(
    "\u034f\u115f\u1160\u17b4\u17b5\u180b\u180c\u180d\u180f\u3164\uffa0"
    + "".join(chr(c) for c in range(0xFE00, 0xFE10))
)
_OBJECT = "\ufffc"  # Qt's stand-in for an inline image in a document's text
_BREAKS = re.compile(r"[\r\n\x0b\x0c\x85\u2028\u2029]+")
_OVERRIDE_RTL, _OVERRIDE_END = "\u202e", "\u202c"

_TRIM_LEADING = "\"'“”‘’«»‹›([{<¡¿*"
_TRIM_TRAILING = "\"'“”‘’«»‹›)]}>.,;:!?*"
_EMAIL = re.compile(r"(?i)(?:mailto:)?([^\s@<>()\[\],;:\"/\\?#]+)@([^\s@<>()\[\],;:\"/\\?#]+\.[^\W\d_]{2,63})")
_SCHEME_URL = re.compile(r"(?i)([a-z][a-z0-9+.-]*)://(\S*)")
# A host name as text: labels, a letter (or punycode) top-level label, then an
# optional port and path.
_HOST_TEXT = re.compile(
    r"(?i)((?:[^\W_](?:[\w-]*[^\W_])?\.)+(?:[^\W\d_]{2,63}|xn--[a-z0-9-]{1,59}))\.?(?::\d{1,5})?(?:[/?#]\S*)?"
)
# IPv4 as text: four dotted numbers in any base, or fewer when one is hex
# (a bare "3" or "2.0" is a page number or a version, not an address).
_IPV4_TEXT = re.compile(r"(?i)((?:0x[0-9a-f]*|\d+)(?:\.(?:0x[0-9a-f]*|\d+)){0,3})\.?(?::\d{1,5})?(?:[/?#]\S*)?")
# (An IPv6 address is at most 45 characters; the bound also keeps the match linear.)
_IPV6_TEXT = re.compile(r"(?i)\[([0-9a-f:.]{2,45})\](?::\d{1,5})?(?:[/?#]\S*)?|([0-9a-f:.]{2,45})")
_EMBEDDED_URL = re.compile(r"(?i)(?<![\w.@-])(?:(?:https?|ftp|wss?)://|www\.)[^\s<>\"'`]+")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# Schemes whose URLs browsers parse the WHATWG "special" way: "\" is "/", and
# "http:evil.net" or "http:/evil.net" still name the host evil.net.
_SPECIAL_SCHEMES = frozenset({"http", "https", "ftp", "ws", "wss", "file"})
_IPV4_PART = re.compile(r"(?i)0x[0-9a-f]*|0[0-7]*|[1-9][0-9]*")
_NUMERIC_LABEL = re.compile(r"(?i)0x[0-9a-f]*|[0-9]+")
_C0_AND_SPACE = "".join(map(chr, range(0x21)))
_SAFE_ADDRESS = re.compile(r"[^\s@<>()\[\],;:\"\\?#&%=]+@[^\s@<>()\[\],;:\"\\?#&%=]+")


# -- reading text --------------------------------------------------------------------------


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf" or char in _INVISIBLE_EXTRA or "\U000e0100" <= char <= "\U000e01ef"


def _drawn_order(text: str) -> str:
    """The text as a right-to-left override draws it: each overridden stretch reversed."""
    out: list[str] = []
    stretch: list[str] | None = None
    for char in text:
        if char == _OVERRIDE_RTL:
            if stretch is not None:
                out.extend(reversed(stretch))
            stretch = []
        elif char == _OVERRIDE_END and stretch is not None:
            out.extend(reversed(stretch))
            stretch = None
        elif stretch is not None:
            stretch.append(char)
        else:
            out.append(char)
    if stretch is not None:
        out.extend(reversed(stretch))
    return "".join(out)


def clean_text(text: str) -> str:
    """Text as read: no invisible or bidi characters, NFKC, baseline dots as ".", single spaces."""
    visible = "".join(c for c in text if not _invisible(c)).translate(_DOT_LOOKALIKES)
    # NFKC turns some lookalikes into others (U+FF61 into U+3002), so map once more.
    normal = unicodedata.normalize("NFKC", visible).translate(_DOT_LOOKALIKES)
    return " ".join(normal.split())


def _readings(text: str) -> list[str]:
    """Every way a reader may read a link's text, cleaned; the drawn order first."""
    text = (text or "")[:MAX_TEXT_CHARS]
    if not text:
        return []
    sources = [_drawn_order(text)] if _OVERRIDE_RTL in text else []
    sources.append(text)
    readings: list[str] = []
    for source in sources:
        spaced = _BREAKS.sub(" ", source).replace(_OBJECT, "")
        variants = [spaced]
        if _BREAKS.search(source) or _OBJECT in source:
            # A line break or an image inside a link: perhaps read as nothing, or
            # the image drawn as a dot.
            joined = _BREAKS.sub("", source)
            variants += [joined.replace(_OBJECT, ""), joined.replace(_OBJECT, ".")]
        for variant in variants:
            cleaned = clean_text(variant)
            if cleaned and cleaned not in readings:
                readings.append(cleaned)
    return readings


def reading(text: str) -> str:
    """The link text as the user saw it, cleaned, for showing in a question."""
    found = _readings(text)
    return found[0] if found else ""


# -- hosts ---------------------------------------------------------------------------------


def _ipv4(host: str) -> str | None:
    """A host the WHATWG URL parser reads as IPv4, in dotted form; "!" when it is a broken one.

    None when the host is a name (its last label is not a number).
    """
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()
    if not parts or not _NUMERIC_LABEL.fullmatch(parts[-1]):
        return None
    if len(parts) > 4:
        return "!"
    values: list[int] = []
    for part in parts:
        if not _IPV4_PART.fullmatch(part):
            return "!"
        if part[:2].lower() == "0x":
            values.append(int(part[2:] or "0", 16))
        elif len(part) > 1 and part[0] == "0":
            values.append(int(part, 8))
        else:
            values.append(int(part))
    *leading, last = values
    if any(value > 255 for value in leading) or last >= 256 ** (5 - len(values)):
        return "!"
    number = last
    for index, value in enumerate(leading):
        number += value << (8 * (3 - index))
    return str(ipaddress.IPv4Address(number))


def _ace(host: str) -> str:
    try:
        return idna.encode(host, uts46=True, transitional=False).decode("ascii")
    except (idna.IDNAError, UnicodeError, ValueError):
        # Names IDNA refuses (underscores, over-long labels) still reach some
        # resolvers; compare them label by label in a stable ASCII form.
        labels = []
        for label in host.split("."):
            if label.isascii():
                labels.append(label.lower())
            else:
                try:
                    labels.append("xn--" + label.casefold().encode("punycode").decode("ascii"))
                except UnicodeError:
                    labels.append("!" + label.casefold())
        return ".".join(labels)


def host_key(host: str) -> str:
    """A host as compared: ASCII (IDNA), lower case, no trailing dot, no leading ``www.``.

    IP addresses come back bracketed in canonical form (``[127.0.0.1]``,
    ``[::1]``) so no name can equal one; a host no browser would accept starts
    with "!" (it equals nothing but itself).
    """
    text = clean_text(unquote(host or "")).strip()
    if text.startswith("[") and text.endswith("]"):
        try:
            return f"[{ipaddress.IPv6Address(text[1:-1]).compressed}]"
        except ValueError:
            return "!" + text
    if ":" in text:
        try:
            return f"[{ipaddress.IPv6Address(text).compressed}]"
        except ValueError:
            return "!" + text
    ace = _ace(text)
    ip = _ipv4(ace) or _ipv4(text)
    if ip == "!":
        return "!" + text.lower()
    if ip is not None:
        return f"[{ip}]"
    return ace.lower().rstrip(".").removeprefix("www.")


def _same_site(shown: str, target: str) -> bool:
    """The target is the shown host or one of its subdomains (never the other way round)."""
    if shown == target:
        return not shown.startswith("!")
    return not shown.startswith(("[", "!")) and bool(shown) and target.endswith("." + shown)


def _authority_host(rest: str, special: bool) -> str:
    """The host of ``//authority/...`` (the part after ``scheme:``), undecoded."""
    if special:
        rest = rest.replace("\\", "/").lstrip("/")
    elif rest.startswith("//"):
        rest = rest[2:]
    else:
        return ""
    authority = re.split(r"[/?#]", rest, maxsplit=1)[0]
    host = authority.rpartition("@")[2]
    if host.startswith("["):
        return host[: host.find("]") + 1] if "]" in host else host
    return host.split(":", 1)[0]


def _url_text(url: object) -> str:
    if isinstance(url, str):
        text = url
    elif hasattr(url, "toEncoded"):
        text = bytes(url.toEncoded().data()).decode("ascii", "replace")
    else:
        text = str(url)
    # As browsers do: no surrounding spaces or C0 controls, no tab or newline inside.
    return re.sub(r"[\t\r\n]", "", text.strip(_C0_AND_SPACE))


@dataclass(frozen=True)
class _Target:
    scheme: str
    host: str  # host_key of a hierarchical URL's host; "" when it has none
    recipients: tuple[str, ...]  # mailto: addresses as compared


def _parse_target(url: object) -> _Target:
    text = _url_text(url)
    match = _SCHEME.match(text)
    if not match:
        return _Target("", "", ())
    scheme = match.group(1).lower()
    rest = text[match.end():]
    if scheme == "mailto":
        return _Target(scheme, "", tuple(_address_key(a) for a in _mailto_fields(rest).recipients))
    host = _authority_host(rest, scheme in _SPECIAL_SCHEMES)
    return _Target(scheme, host_key(host) if host else "", ())


def target_host(url: object) -> str:
    """The host a URL opens, as the user should read it: ASCII (punycode), lower case.

    For ``mailto:`` the recipients, comma-separated; "" when there is no host.
    """
    text = _url_text(url)
    match = _SCHEME.match(text)
    if not match:
        return ""
    scheme, rest = match.group(1).lower(), text[match.end():]
    if scheme == "mailto":
        return ", ".join(_mailto_fields(rest).recipients)
    host = clean_text(unquote(_authority_host(rest, scheme in _SPECIAL_SCHEMES)))
    if host.startswith("[") or ":" in host:
        return host
    ip = _ipv4(host)
    if ip and ip != "!":
        return ip
    return _ace(host).lower().rstrip(".")


# -- what a text names -----------------------------------------------------------------------


def _address_key(address: str) -> str:
    local, _, domain = address.rpartition("@")
    return f"{clean_text(local).casefold()}@{host_key(domain)}"


def _url_host_key(url_text: str) -> str:
    match = _SCHEME.match(url_text)
    if not match:
        return ""
    host = _authority_host(url_text[match.end():], match.group(1).lower() in _SPECIAL_SCHEMES)
    return host_key(host) if host else ""


def _named(text: str) -> list[tuple[str, str]]:
    """What one reading of a link text names: ("host", key) and ("email", key) pairs."""
    names: list[tuple[str, str]] = []
    whole = text.lstrip(_TRIM_LEADING).rstrip(_TRIM_TRAILING)
    if whole and " " not in whole:
        email = _EMAIL.fullmatch(whole)
        url = _SCHEME_URL.fullmatch(whole)
        ipv6 = _IPV6_TEXT.fullmatch(whole)
        ipv4 = _IPV4_TEXT.fullmatch(whole)
        host = _HOST_TEXT.fullmatch(whole)
        if email:
            names.append(("email", _address_key(f"{email.group(1)}@{email.group(2)}")))
        elif url:
            names.append(("host", _url_host_key(whole)))
        elif ipv6 and _is_ipv6(ipv6.group(1) or ipv6.group(2)):
            names.append(("host", host_key(f"[{ipv6.group(1) or ipv6.group(2)}]")))
        elif ipv4 and (ipv4.group(1).count(".") == 3 or "0x" in ipv4.group(1).lower()):
            names.append(("host", host_key(ipv4.group(1))))
        elif host:
            names.append(("host", host_key(host.group(1))))
    for match in _EMBEDDED_URL.finditer(text):
        if len(names) >= MAX_NAMES:
            break
        found = match.group(0).rstrip(_TRIM_TRAILING)
        if found.lower().startswith("www."):
            found = "http://" + found
        key = ("host", _url_host_key(found))
        if key not in names:
            names.append(key)
    return names


def _is_ipv6(text: str) -> bool:
    try:
        ipaddress.IPv6Address(text)
    except ValueError:
        return False
    return True


def _differs(kind: str, key: str, target: _Target) -> bool:
    if kind == "email":
        # Only a mail to exactly that address is what the text says.
        return target.scheme != "mailto" or not target.recipients or set(target.recipients) != {key}
    if not key:
        return True  # looks like an address, names no host: cannot be what opens
    if target.scheme == "mailto":
        domains = [recipient.rpartition("@")[2] for recipient in target.recipients]
        return not domains or not all(_same_site(key, domain) for domain in domains)
    return not target.host or not _same_site(key, target.host)


def link_mismatch(shown_text: str, url: object) -> bool:
    """True when a link's text names another site than the one it opens.

    Text that names no site ("Click here") never mismatches; see the module
    doc for how the text is read.
    """
    target = _parse_target(url)
    for read in _readings(shown_text):
        for kind, key in _named(read):
            if _differs(kind, key, target):
                return True
    return False


def deceptive_text(texts: list[str] | tuple[str, ...], url: object) -> str | None:
    """The first of a link's texts that names another site than ``url`` opens, or None."""
    target = _parse_target(url)
    for text in texts:
        for read in _readings(text):
            if any(_differs(kind, key, target) for kind, key in _named(read)):
                return text
    return None


# -- what may open ---------------------------------------------------------------------------


def openable(url: object) -> bool:
    """Only http and https with a host, and mailto, are ever handed to the system."""
    text = _url_text(url)
    match = _SCHEME.match(text)
    if not match:
        return False
    scheme = match.group(1).lower()
    if scheme == "mailto":
        return True
    if scheme not in ("http", "https"):
        return False
    rest = text[match.end():]
    # "http:evil.net" or "https:///evil.net" have a host for a browser but none for
    # Qt: refused, not guessed.
    return rest.startswith("//") and rest[2:3] not in ("", "/", "\\") and bool(_authority_host(rest, True))


@dataclass
class _Mailto:
    to: list[str]
    cc: list[str]
    fields: dict[str, str]  # subject and body, the first of each

    @property
    def recipients(self) -> list[str]:
        return self.to + [address for address in self.cc if address not in self.to]


def _mailto_fields(rest: str) -> _Mailto:
    """What of a mailto: link (the part after the colon) is kept: checked to/cc, subject, body."""
    path, _, query = rest.split("#", 1)[0].partition("?")
    kept = _Mailto([], [], {})

    def add_addresses(into: list[str], value: str) -> None:
        for address in value.split(","):
            address = address.strip()
            # An address with anything a client could take for more (a "?", "&",
            # a quote, a path) is dropped, not passed on.
            if _SAFE_ADDRESS.fullmatch(address) and address not in into:
                into.append(address)

    add_addresses(kept.to, unquote(path))
    for pair in query.split("&"):
        name, _, value = pair.partition("=")
        # "+" is a plus in mailto: (RFC 6068), not a space.
        name, value = unquote(name).strip().lower(), unquote(value)
        if name in ("to", "cc"):
            add_addresses(kept.to if name == "to" else kept.cc, value)
        elif name == "subject" and name not in kept.fields:
            # A line break in a subject is a header injection in some clients.
            kept.fields[name] = " ".join(_BREAKS.sub(" ", value).split())
        elif name == "body" and name not in kept.fields:
            kept.fields[name] = value
    return kept


def safe_mailto(url: object) -> str | None:
    """A ``mailto:`` link with only its recipients (to, cc), subject and body; None if not mailto.

    Everything else goes: ``attach=``/``attachment=`` (some clients attach the
    local file they name), ``bcc`` (a hidden copy of the user's reply to an
    address the mail chose is exactly what a hostile mail would want, and
    nobody needs a stranger's mail to fill in bcc for them), ``from``,
    ``in-reply-to`` and any other header.
    """
    text = _url_text(url)
    match = _SCHEME.match(text)
    if not match or match.group(1).lower() != "mailto":
        return None
    kept = _mailto_fields(text[match.end():])
    path = ",".join(_quote_address(address) for address in kept.to)
    query = [f"cc={','.join(_quote_address(address) for address in kept.cc)}"] if kept.cc else []
    query += [f"{name}={quote(kept.fields[name], safe='')}" for name in ("subject", "body") if name in kept.fields]
    return f"mailto:{path}" + (f"?{'&'.join(query)}" if query else "")


def _quote_address(address: str) -> str:
    return quote(address, safe="@!$'*+-._~")
