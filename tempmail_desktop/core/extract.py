"""Readable text, one-time codes and verification links out of mail bodies.

Pure functions (no Qt, no I/O) shared by the providers (HTML-only bodies get
a text version), the store, the CLI's ``show``/``wait`` and the GUI. They take
whatever a service delivered, hostile HTML included, and never raise on it.
"""

from __future__ import annotations

import bisect
import functools
import html as html_lib
import re
from dataclasses import dataclass
from html.entities import html5 as _HTML5_ENTITIES
from urllib.parse import unquote

from .invisible import DROP_INVISIBLE

__all__ = [
    "extract_links",
    "extract_otp",
    "extract_verification_link",
    "html_to_text",
    "preview_text",
]


# --------------------------------------------------------------------------
# HTML -> text
#
# Not html.parser: on Python 3.11 it rescans an unfinished tag or comment from
# its start for every later "<" (20 kB of "<a " takes 5 s, 2 MB would take
# hours), so one hostile mail could hang the inbox. This tokenizer reaches the
# HTML5 tokenizer's result for everything mail uses and reads each character
# once: every alternative below always matches, so nothing is ever rescanned.

_TOKEN = re.compile(
    r"""
      (?P<comment> <!--(?:-?>|.*?(?:--!?>|\Z)) )
    | < (?P<close>/)? (?P<tag>[A-Za-z][^\s/>]*)
        (?P<attrs>(?:[^>"'=]+|=\s*(?:"[^"]*"?|'[^']*'?)|[="'])*) (?:>|\Z)
    | (?P<bogus> <[!?/][^>]*(?:>|\Z) )
    | (?P<text> (?: [^<]+ | <(?![A-Za-z!?/]) )+ )   # a "<" that opens nothing is text
    """,
    re.S | re.X,
)
_ATTRIBUTE = re.compile(r"""([^\s/>=]+)(?:\s*=\s*(?:"([^"]*)"?|'([^']*)'?|([^\s>]*)))?""")
_CHARREF = re.compile(r"&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[A-Za-z][A-Za-z0-9]*;?)")
_LEGACY_ENTITIES = frozenset(name for name in _HTML5_ENTITIES if not name.endswith(";"))

_VOID = frozenset("area base br col embed hr img input keygen link meta param source track wbr".split())
# Raw-text elements: their content is not markup, and only that of the last three is shown.
_RAW_TEXT = frozenset("script style title textarea xmp iframe noembed noframes plaintext".split())
_RAW_SHOWN = frozenset({"textarea", "xmp", "plaintext"})
_RAW_END = {tag: re.compile(rf"</{tag}(?:[\s/][^>]*)?>", re.I) for tag in _RAW_TEXT}
_HIDING = frozenset({"head", "template"})
_HEAD_CONTENT = frozenset("title meta link style script base noscript template".split())
_PARAGRAPH = frozenset(
    "p h1 h2 h3 h4 h5 h6 blockquote pre ul ol dl table hr address figure fieldset".split()
)
_LINE = frozenset(
    "div li tr dt dd section article header footer nav main aside form center caption "
    "details summary figcaption legend option".split()
)
_BLOCK = _PARAGRAPH | _LINE | {"td", "th", "body", "html"}
_CELL = frozenset({"td", "th"})
_EMPHASIS = frozenset("b strong h1 h2 h3 h4 h5 h6 td th code kbd samp tt big mark".split())
# A start tag of the key implicitly ends the nearest open element of the value,
# unless one of the boundary elements comes first (HTML5's "implied end tags").
_IMPLIED_END = {
    "td": ("td", "th"),
    "th": ("td", "th"),
    "tr": ("tr", "td", "th"),
    "li": ("li",),
    "dt": ("dt", "dd"),
    "dd": ("dt", "dd"),
    "option": ("option",),
}
_SCOPE_BOUNDARY = frozenset({"table", "ul", "ol", "dl", "select"})
_CELL_BOUNDARY = _SCOPE_BOUNDARY | {"tr"}
_P_BOUNDARY = _BLOCK - {"p"}
_MAX_DEPTH = 512  # deeper nesting is not layout, only an attempt to make the reader slow
# How far down the stack an implied end tag looks. Real mail nests a few inline
# elements inside a cell or list item; looking deeper would let "<li>" repeated
# under 500 open <span>s cost 500 steps each.
_IMPLIED_END_REACH = 32
_EMPHASIS_MAX_CHARS = 64  # a code standing alone is short; longer emphasis is prose
_ANCHOR_TEXT_CHARS = 200
_ATTRIBUTES_MAX_CHARS = 65536  # long tracking URLs fit; a megabyte-long tag is not read whole

_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none|visibility\s*:\s*hidden|mso-hide\s*:\s*all"
    r"|opacity\s*:\s*(?:0+(?:\.0*)?|\.0+)(?![.\d])",
    re.I,
)
_FONT_SIZE = re.compile(r"font-size\s*:\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem)", re.I)
_EMPHATIC_STYLE = re.compile(r"letter-spacing\s*:\s*\.?[1-9]|font-weight\s*:\s*(?:bold|[6-9]00)", re.I)
_LARGE_FONT = {"px": 20.0, "pt": 15.0, "em": 1.25, "rem": 1.25}

# Characters that take no room on screen but break searches and previews
# (newsletters pad their preheaders with them).
_INVISIBLE = DROP_INVISIBLE
_WHITESPACE = re.compile(r"\s+")


def _unescape_attribute(value: str) -> str:
    """Decode character references the way a browser does inside an attribute.

    ``html.unescape`` would turn ``?a=1&region=us`` into ``?a=1®ion=us``;
    HTML5 leaves a legacy reference without ";" alone when a letter, digit or
    "=" follows, which keeps query strings intact.
    """
    if "&" not in value:
        return value

    def decode(match: re.Match[str]) -> str:
        ref = match.group(1)
        if ref.startswith("#"):
            return html_lib.unescape(match.group(0))
        if ref.endswith(";"):
            return _HTML5_ENTITIES.get(ref, match.group(0))
        if ref in _LEGACY_ENTITIES and value[match.end() : match.end() + 1] != "=":
            return _HTML5_ENTITIES[ref]
        return match.group(0)

    return _CHARREF.sub(decode, value)


def _parse_attributes(raw: str) -> dict[str, str]:
    attributes: dict[str, str] = {}
    for match in _ATTRIBUTE.finditer(raw, 0, _ATTRIBUTES_MAX_CHARS):
        name = match.group(1).lower()
        if name in attributes:  # the first occurrence wins, as in browsers
            continue
        value = next((v for v in match.group(2, 3, 4) if v is not None), "")
        attributes[name] = _unescape_attribute(value)
    return attributes


def _is_emphatic_style(style: str) -> bool:
    if _EMPHATIC_STYLE.search(style):
        return True
    return any(float(size) >= _LARGE_FONT[unit.lower()] for size, unit in _FONT_SIZE.findall(style))


@dataclass(frozen=True)
class _HtmlDocument:
    text: str
    # (offset in text, content) of short emphasised elements: <strong>, <td>, big fonts...
    emphasised: tuple[tuple[int, str], ...]
    # (href, anchor text) of every <a href>, in document order.
    anchors: tuple[tuple[str, str], ...]


class _Element:
    __slots__ = ("tag", "hides", "emphasis_from")

    def __init__(self, tag: str, hides: bool, emphasis_from: tuple[int, int] | None) -> None:
        self.tag = tag
        self.hides = hides
        self.emphasis_from = emphasis_from  # (index in parts, text length) where it began


class _HtmlReader:
    """One pass over the tokens, writing text as a browser would lay it out."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.stack: list[_Element] = []
        # How many of each tag are open: an end tag for a tag that is not open
        # (most stray ones) is then dismissed without walking the stack.
        self.open_counts: dict[str, int] = {}
        self.hidden_depth = 0
        self.pre_depth = 0
        self.emphasised: list[tuple[int, str]] = []
        self.anchors: list[tuple[str, str]] = []
        self.anchor: tuple[str, int, list[str]] | None = None  # href, parts index, image alts
        # Separators wait until real text follows, so none pile up at the ends.
        self.newlines_wanted = 0
        self.tab_wanted = False
        self.space_wanted = False
        self.at_line_start = True

    # -- output ------------------------------------------------------------

    def _append(self, piece: str) -> None:
        self.parts.append(piece)
        self.length += len(piece)

    def _flush_separators(self) -> None:
        if self.length:
            if self.newlines_wanted:
                self._append("\n" * self.newlines_wanted)
                self.at_line_start = True
            elif self.tab_wanted and not self.at_line_start:
                self._append("\t")
            elif self.space_wanted and not self.at_line_start:
                self._append(" ")
        self.newlines_wanted = 0
        self.tab_wanted = self.space_wanted = False

    def _want_newlines(self, count: int) -> None:
        self.newlines_wanted = max(self.newlines_wanted, count)

    def _text(self, data: str) -> None:
        if self.open_counts.get("head") and not data.isspace():
            self._close_implied(("head",), frozenset())  # text after an unclosed <head> is body text
        if self.hidden_depth:
            return
        data = data.translate(_INVISIBLE)
        if self.pre_depth:
            if data:
                self._flush_separators()
                data = data.replace("\r\n", "\n")
                self._append(data)
                self.at_line_start = data.endswith("\n")
            return
        data = _WHITESPACE.sub(" ", data)
        core = data.strip(" ")
        if not core:
            if data:
                self.space_wanted = True
            return
        if data[0] == " ":
            self.space_wanted = True
        self._flush_separators()
        self._append(core)
        self.at_line_start = False
        if data[-1] == " ":
            self.space_wanted = True

    # -- elements ----------------------------------------------------------

    def _close_anchor(self) -> None:
        if self.anchor is None:
            return
        href, start, alts = self.anchor
        self.anchor = None
        label = _WHITESPACE.sub(" ", "".join(self.parts[start:])).strip()
        if not label:
            label = " ".join(alts)
        self.anchors.append((href, label[:_ANCHOR_TEXT_CHARS]))

    def _pop(self) -> None:
        element = self.stack.pop()
        self.open_counts[element.tag] -= 1
        if element.hides:
            self.hidden_depth -= 1
        if element.tag == "pre":
            self.pre_depth -= 1
        if element.tag == "a":
            self._close_anchor()
        if element.emphasis_from is not None:
            index, length = element.emphasis_from
            if self.length - length <= _EMPHASIS_MAX_CHARS:
                raw = "".join(self.parts[index:])
                content = raw.strip()
                if content:
                    lead = len(raw) - len(raw.lstrip())
                    self.emphasised.append((length + lead, content))
        if element.tag in _PARAGRAPH:
            self._want_newlines(2)
        elif element.tag in _LINE:
            self._want_newlines(1)

    def _pop_through(self, index: int) -> None:
        while len(self.stack) > index:
            self._pop()

    def _find_open(
        self, tags: tuple[str, ...], boundary: frozenset[str] = frozenset(), reach: int = _MAX_DEPTH
    ) -> int:
        """Stack index of the nearest open element among ``tags``, or -1."""
        for tag in tags:
            if self.open_counts.get(tag):
                break
        else:
            return -1
        for index in range(len(self.stack) - 1, max(-1, len(self.stack) - 1 - reach), -1):
            tag = self.stack[index].tag
            if tag in tags:
                return index
            if tag in boundary:
                return -1
        return -1

    def _close_implied(self, tags: tuple[str, ...], boundary: frozenset[str]) -> None:
        index = self._find_open(tags, boundary, _IMPLIED_END_REACH)
        if index >= 0:
            self._pop_through(index)

    def _start(self, tag: str, raw_attributes: str) -> None:
        open_counts = self.open_counts
        if open_counts.get("head") and tag not in _HEAD_CONTENT:
            self._close_implied(("head",), frozenset())  # body content ends an unclosed <head>
        closes = _IMPLIED_END.get(tag)
        if closes:
            self._close_implied(closes, _CELL_BOUNDARY if tag in _CELL else _SCOPE_BOUNDARY)
        if open_counts.get("p") and tag in _BLOCK:
            self._close_implied(("p",), _P_BOUNDARY)  # a block ends an open paragraph

        attributes: dict[str, str] = {}
        if raw_attributes:
            lowered = raw_attributes.lower()
            if tag == "a" or tag == "img" or "style" in lowered or "hidden" in lowered:
                attributes = _parse_attributes(raw_attributes)
        style = attributes.get("style", "")

        if tag == "br":
            self.newlines_wanted = min(self.newlines_wanted + 1, 2)
        elif tag in _PARAGRAPH:
            self._want_newlines(2)
        elif tag in _LINE:
            self._want_newlines(1)
        elif tag in _CELL:
            self.tab_wanted = True
        if tag == "img" and self.anchor is not None and attributes.get("alt"):
            self.anchor[2].append(attributes["alt"])
        if tag in _VOID:
            return

        if tag == "a":
            self._close_anchor()
            href = attributes.get("href", "").strip()
            if href:
                self.anchor = (href, len(self.parts), [])
        if len(self.stack) >= _MAX_DEPTH:
            return
        hides = tag in _HIDING or "hidden" in attributes or bool(_HIDDEN_STYLE.search(style))
        emphatic = tag in _EMPHASIS or (style and _is_emphatic_style(style))
        self.stack.append(_Element(tag, hides, (len(self.parts), self.length) if emphatic else None))
        self.open_counts[tag] = self.open_counts.get(tag, 0) + 1
        if hides:
            self.hidden_depth += 1
        if tag == "pre":
            self.pre_depth += 1

    def _end(self, tag: str) -> None:
        if tag == "br":  # browsers read </br> as <br>
            self._start("br", "")
            return
        open_index = self._find_open((tag,))
        if open_index >= 0:
            self._pop_through(open_index)
        elif tag in _PARAGRAPH:
            self._want_newlines(2)

    def read(self, html: str) -> _HtmlDocument:
        position, end = 0, len(html)
        while position < end:
            token = _TOKEN.match(html, position)
            assert token is not None  # the last alternative matches any character
            position = token.end()
            kind = token.lastgroup
            if kind == "text":
                self._text(html_lib.unescape(token.group(kind)))
            elif kind == "attrs":  # the last group of a start or end tag
                close, tag, attributes = token.group("close", "tag", "attrs")
                tag = tag.lower()
                if close:
                    self._end(tag)
                    continue
                self._start(tag, attributes)
                if tag in _RAW_TEXT:
                    position = self._raw_text(html, tag, position)
            # comments, doctypes, processing instructions: nothing to show
        self._pop_through(0)
        self._close_anchor()
        return _HtmlDocument("".join(self.parts), tuple(self.emphasised), tuple(self.anchors))

    def _raw_text(self, html: str, tag: str, position: int) -> int:
        closing = _RAW_END[tag].search(html, position) if tag != "plaintext" else None
        content_end = closing.start() if closing else len(html)
        if tag in _RAW_SHOWN:
            content = html[position:content_end]
            self._text(html_lib.unescape(content) if tag == "textarea" else content)
        self._end(tag)
        return closing.end() if closing else len(html)


@functools.lru_cache(maxsize=4)
def _read_html(html: str) -> _HtmlDocument:
    # Cached: one mail's HTML is read for its text, its code and its links in a row.
    return _HtmlReader().read(html)


def html_to_text(html: str) -> str:
    """Readable text of an HTML body: what a reader sees, one block per line.

    Scripts, styles, the head and hidden elements are dropped; block elements
    start new lines, table cells are separated by tabs; entities are decoded
    and whitespace collapsed (except inside ``<pre>``). Linear in the input.
    """
    if not html:
        return ""
    return _read_html(html).text


# --------------------------------------------------------------------------
# Preview


def preview_text(text: str, html: str | None, limit: int = 160) -> str:
    """One line of the body for message lists, at most ``limit`` characters."""
    body = text if text and text.strip() else (html_to_text(html) if html else "")
    line = " ".join(body.translate(_INVISIBLE).split())
    if len(line) <= limit:
        return line
    if limit <= 1:
        return "…"[:limit]
    cut = line[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit * 0.6:  # end on a word when that does not waste much room
        cut = cut[:space]
    return cut.rstrip(" ,.;:") + "…"


# --------------------------------------------------------------------------
# One-time codes
#
# A code is a candidate (4-8 digits, or an uppercase letter-digit mix) that is
# close to a code word ("verification code", 验证码, ...). Candidates are
# scored by that distance, by where they stand (the subject, alone on a line,
# alone in a <strong>/<td>) and dropped when their surroundings say they are
# something else: a year, a phone number, a price, a time, a date, an order
# number, an address, a colour.

# Fullwidth ASCII (common in Chinese mail) folded to ASCII. Length-preserving,
# unlike NFKC, so offsets into the folded text are offsets into the original.
_FOLD = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD.update({0x3000: 0x20, 0x00A0: 0x20, 0xFFE5: ord("¥")})

_URL_CHARS = r"[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]"
_MASKED_URL = re.compile(rf"(?:https?://|www\.){_URL_CHARS}+", re.I)
# The local part only from the start of a word and bounded: unbounded, a 2 MB run of
# letters without "@" would be retried from every one of its positions.
_MASKED_ADDRESS = re.compile(
    r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})+"
)

_OTP_WORDS = re.compile(
    r"""
    # Cheap tests first, so most positions of a long text fail at once: the class holds
    # the first character of every alternative below.
    (?=[a-z2验驗校动動确確登安认]) (?<![a-z])
    (?:
    # "code" that is not a one-time code: "promo code", "ZIP code", "backup codes". Matched
    # first, as a whole, so that its "code" is not seen again on its own.
      (?P<not_otp>
        (?: promo(?:tional)? | coupon | discount | voucher | gift(?:\s+card)? | referral | invite | invitation
          | zip | postal | post | area | country | dialing | calling | tracking | product | error | source
          | status | qr | bar | dress | morse | colou?r | html | embed | redeem | offer | sale | reward | sort
          | swift | routing | tax | backup | recovery | reference | booking )
        [\s/-]* codes? (?![A-Za-z]) )
    | (?: one[\s-]?time | pass[\s-]?code | otp | 2fa | mfa | two[\s-]factor | pin | codes? | verification
        | verify | authentication | authenticator )
      (?![A-Za-z])
    | 验证码 | 驗證碼 | 校验码 | 校驗碼 | 动态码 | 動態碼 | 确认码 | 確認碼 | 动态密码 | 登录码 | 登錄碼
    | 安全码 | 认证码
    )
    """,
    re.I | re.X,
)
# "code of conduct", "code review": the word, not a code.
_NOT_OTP_AFTER = re.compile(
    r"[\s-]*(?:of\s+conduct|review|snippet|base|editor|repository|sample|examples?|block)(?![A-Za-z])", re.I
)

_CANDIDATE = re.compile(
    r"""
    (?=[0-9A-Z]) (?<![0-9A-Za-z_#\-])
    (?: (?P<prefixed>[A-Z]{1,2}-(?P<prefixed_digits>[0-9]{4,8}))   # G-482913, FB-12345: the digits are the code
      | (?P<grouped>[0-9]{3}-[0-9]{3})                               # 482-913
      | (?P<digits>[0-9]{4,8})
      | (?P<mixed>[A-Z0-9]{2,10}(?:-[A-Z0-9]{2,10})?)               # K7P-2QX, A1B2C3
    )
    (?![0-9A-Za-z_\-])
    """,
    re.X,
)
_SPACED_DIGITS = re.compile(r"[0-9]+(?: [0-9]+)+")  # "590 217", "4 8 2 9 1 3" set in big type
# Letter-digit tokens that are names of things, not codes.
_TECH_TOKENS = frozenset(
    "UTF8 UTF16 UTF32 HTML5 CSS3 IPV4 IPV6 H264 H265 X264 X265 SHA1 SHA224 SHA256 SHA384 SHA512 AES128 "
    "AES256 RSA2048 RSA4096 COVID19 WIN10 WIN11 720P 1080P 1440P 2160P ISO8601 ISO9001 RFC822 RFC5322 "
    "OAUTH2 HTTP2 HTTP3 MP3 MP4 USB3 WIFI6".split()
)

_NEGATIVE_BEFORE = re.compile(
    r"""
    (?: (?<![A-Za-z])
        (?: orders? | invoice | receipt | ref | reference | ticket | case | tracking | shipment | parcel
          | account | acct | card | ending | ends | member | customer | id | sku | item | model | serial
          | version | room | suite | ste | apt | unit | box | floor | flight | tel | telephone | phone | call
          | fax | mobile | ext | hotline | contact | price | total | subtotal | amount | balance | paid | zip
          | postal | postcode | street | no\. | nr\. )
        (?![A-Za-z])
      | 订单 | 單號 | 单号 | 编号 | 尾号 | 卡号 | 账号 | 账户 | 帐户 | 帳戶 | 运单 | 快递 | 物流 | 发票 | 电话 | 電話
      | 手机 | 热线 | 客服 | 邮编 | 地址 | 房间 | 会员 | 工号 | 金额 | 价格 | 合计 | 总计 | 支付 | 余额 | 实付
      | 退款 | 号码 | 传真 | № | \#
    )
    # then only filler up to the number: "Order number: ", "card ending in ", "订单号："
    (?: [^A-Za-z0-9\n] | (?<![A-Za-z]) (?:number|num|no|nr|id|ending|ends|in|is|of|at|was|us|service|support)
        (?![A-Za-z]) ){0,24} \Z
    """,
    re.I | re.X,
)
_CURRENCY_BEFORE = re.compile(
    r"(?:[$€£¥₹₩₽]|(?<![A-Za-z])(?:USD|EUR|CNY|RMB|GBP|JPY|HKD|AUD|CAD|SGD|INR|KRW|CHF)(?![A-Za-z]))\s?\Z",
    re.I,
)
_UNIT_AFTER = re.compile(
    r"""\s?(?: [%‰$€£¥元円块次人个件分秒年月日天号周位条张]
      | (?:USD|EUR|CNY|RMB|GBP|JPY|HKD|AUD|CAD|SGD|dollars?|yuan|px|pt|em|mb|gb|kb|tb|km|kg|mi|ms
        |points?|pts|miles|users|people|items|views|followers|likes|steps|words|times|calories|kcal)(?![A-Za-z])
    )""",
    re.I | re.X,
)
# Part of a longer number: "+1 415 555 0100", "1.2345", "10:30", "21/11", "1,299". Groups
# count as one number only across a space: tabs part table cells, newlines lines.
_NUMBER_BEFORE = re.compile(r"(?:[0-9][.,:/]|[0-9]{3} |\+[0-9]{1,3}[ -]?(?:[0-9]+[ -])*|\([0-9]+\) ?)\Z")
_NUMBER_AFTER = re.compile(r"[.:/][0-9]|,[0-9]{3}(?![0-9])| [0-9]{3}")
_STREET_AFTER = re.compile(
    r"\s+(?:[A-Z][a-z]+\s+){1,3}(?:St|Street|Ave|Avenue|Rd|Road|Blvd|Boulevard|Pkwy|Parkway|Way|Ln|Lane|Dr"
    r"|Drive|Ct|Court|Pl|Place|Sq|Square|Hwy|Highway)\b"
)
_US_STATE_BEFORE = re.compile(r"(?<![A-Za-z])[A-Z]{2}\s\Z")  # "San Francisco, CA 94103"
_DATE_CONTEXT = re.compile(
    r"©|\(c\)|copyright|(?<![A-Za-z])(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*(?![A-Za-z])"
    r"|year|since|年|月|日",
    re.I,
)
_TIGHT_GAP = re.compile(r"[\s:=>\-–—]*(?:(?:is|was|are|为|是|為)[\s:]*)?")
# Shop talk around a token makes it a discount code, whatever word introduced it.
_PROMOTION = re.compile(
    r"%\s?off|discount|coupon|promo|checkout|redeem|(?:first|next)\s+(?:order|purchase)|free\s+shipping"
    r"|shop\s+now|优惠|折扣|满减",
    re.I,
)
_LINE_PADDING = " \t:-–—"

_SUBJECT_BONUS = 30
_EMPHASIS_BONUS = 40
_ALONE_ON_LINE_BONUS = 25
_TIGHT_BONUS = 10
_USUAL_SHAPE_BONUS = 5  # six digits
_MIXED_PENALTY = 10  # letter-digit tokens are more often names of things
_MAX_DISTANCE = 150  # characters between the code word and the code
_MAX_DISTANCE_SUBJECT = 80
_MAX_DISTANCE_ALONE = 400  # a code set apart may sit further from its sentence
_MAX_DISTANCE_EMPHASIS = 600
_MAX_DISTANCE_MIXED = 60  # letter-digit tokens need a code word right next to them
# Candidates near a code word judged per source. A real mail has a handful; this
# bounds the work on a hostile one ("code 1234 " a hundred thousand times).
_MAX_JUDGED = 1000


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


@dataclass
class _Scanned:
    """One source (subject, text or HTML text) prepared for the search."""

    text: str  # fullwidth folded, URLs and addresses blanked out
    keyword_starts: list[int]
    keyword_ends: list[int]

    @classmethod
    def of(cls, raw: str) -> "_Scanned":
        text = _MASKED_URL.sub(_blank, raw.translate(_FOLD))
        if "@" in text:
            text = _MASKED_ADDRESS.sub(_blank, text)
        starts: list[int] = []
        ends: list[int] = []
        for match in _OTP_WORDS.finditer(text):
            if match.group("not_otp") or (
                match.group()[:4].lower() == "code" and _NOT_OTP_AFTER.match(text, match.end())
            ):
                continue
            starts.append(match.start())
            ends.append(match.end())
        return cls(text, starts, ends)

    def keyword_before(self, position: int) -> int | None:
        """End of the nearest code word that ends at or before ``position``."""
        index = bisect.bisect_right(self.keyword_ends, position) - 1
        return self.keyword_ends[index] if index >= 0 else None

    def distance(self, start: int, end: int) -> tuple[int | None, bool]:
        """Characters to the nearest code word, and whether one comes tight before the code."""
        distances = []
        tight = False
        before = self.keyword_before(start)
        if before is not None:
            distances.append(start - before)
            gap = self.text[before:start]
            tight = len(gap) <= 16 and _TIGHT_GAP.fullmatch(gap) is not None
        index = bisect.bisect_left(self.keyword_starts, end)
        if index < len(self.keyword_starts):
            distances.append(self.keyword_starts[index] - end + 4)  # "482913 is your code" reads weaker
        return (min(distances) if distances else None), tight

    def alone_on_line(self, start: int, end: int) -> bool:
        text = self.text
        before = start
        while before > 0 and start - before < 64 and text[before - 1] in _LINE_PADDING:
            before -= 1
        after = end
        while after < len(text) and after - end < 64 and text[after] in _LINE_PADDING:
            after += 1
        return (before == 0 or text[before - 1] == "\n") and (after == len(text) or text[after] == "\n")

    def rejects(self, start: int, end: int, code: str, numeric: bool) -> bool:
        """True when the surroundings say the token is a number of another kind."""
        text = self.text
        before = text[max(0, start - 40) : start]
        negative = _NEGATIVE_BEFORE.search(before)
        if negative is not None:
            keyword = self.keyword_before(start)
            # "Order 1234 ... verification code 5678": a code word after the order word wins.
            if keyword is None or keyword <= start - len(before) + negative.start():
                return True
        if _PROMOTION.search(text, max(0, start - 40), end + 40):
            return True
        if not numeric:
            return False
        return bool(
            _CURRENCY_BEFORE.search(before)
            or _NUMBER_BEFORE.search(before)
            or _UNIT_AFTER.match(text, end)
            or _NUMBER_AFTER.match(text, end)
            or _STREET_AFTER.match(text, end)
            or (len(code) == 5 and _US_STATE_BEFORE.search(before))
        )


def _looks_like_date(code: str) -> bool:
    if len(code) == 4:
        return 1900 <= int(code) <= 2099
    if len(code) == 8:
        year, month, day = int(code[:4]), int(code[4:6]), int(code[6:])
        return 1900 <= year <= 2099 and 1 <= month <= 12 and 1 <= day <= 31
    return False


def _is_code_shaped(code: str, kind: str) -> bool:
    if kind != "mixed":
        return True
    letters = sum(c.isalpha() for c in code)
    digits = sum(c.isdigit() for c in code)
    return bool(letters and digits) and 4 <= letters + digits <= 10 and code.replace("-", "") not in _TECH_TOKENS


def _candidates(text: str):
    """(start, end, code, kind) for every code-shaped token in the text."""
    for match in _CANDIDATE.finditer(text):
        kind = match.lastgroup
        if kind == "prefixed":
            code = match.group("prefixed_digits")
        elif kind == "grouped":
            code = match.group().replace("-", "")
        else:
            code = match.group()
        if _is_code_shaped(code, kind):
            yield match.start(), match.end(), code, kind


def _emphasised_code(content: str) -> tuple[str, str] | None:
    """(code, kind) when an emphasised element holds nothing but a code."""
    folded = content.translate(_FOLD).strip()
    if _SPACED_DIGITS.fullmatch(folded):
        digits = folded.replace(" ", "")
        return (digits, "digits") if 4 <= len(digits) <= 8 else None
    found = next(_candidates(folded), None)
    if found is None or found[0] != 0 or found[1] != len(folded):
        return None
    return found[2], found[3]


class _OtpSearch:
    """Keeps the best-scoring candidate over all the places a code can stand."""

    def __init__(self) -> None:
        self.best: tuple[float, str] | None = None

    def judge(
        self,
        scanned: _Scanned,
        start: int,
        end: int,
        code: str,
        kind: str,
        *,
        bonus: int,
        max_distance: int,
        emphasised: bool = False,
        subject_names_code: bool = False,
    ) -> bool:
        """Score one candidate; False when it is too far from any code word to look closer."""
        distance, tight = scanned.distance(start, end)
        if emphasised:
            bonus += _EMPHASIS_BONUS
            max_distance = _MAX_DISTANCE_EMPHASIS
            if subject_names_code and (distance is None or distance > _MAX_DISTANCE):
                distance = _MAX_DISTANCE  # the subject says "code"; the body only shows it
        elif kind != "mixed" and scanned.alone_on_line(start, end):
            bonus += _ALONE_ON_LINE_BONUS
            max_distance = max(max_distance, _MAX_DISTANCE_ALONE)
        if kind == "mixed":
            max_distance = min(max_distance, _MAX_DISTANCE if emphasised else _MAX_DISTANCE_MIXED)
        if distance is None or distance > max_distance:
            return False
        numeric = kind != "mixed"
        if scanned.rejects(start, end, code, numeric):
            return True
        if numeric and _looks_like_date(code):
            # A year or a compact date is a code only when said so outright: "code: 2047".
            window = scanned.text[max(0, start - 30) : end + 30]
            if not tight or _DATE_CONTEXT.search(window):
                return True
        score = 100.0 - distance + bonus
        if tight:
            score += _TIGHT_BONUS
        if kind == "digits" and len(code) == 6:
            score += _USUAL_SHAPE_BONUS
        if kind == "mixed":
            score -= _MIXED_PENALTY
        if self.best is None or score > self.best[0]:
            self.best = (score, code)
        return True

    def scan(self, scanned: _Scanned, *, bonus: int, max_distance: int) -> None:
        judged = 0
        for start, end, code, kind in _candidates(scanned.text):
            judged += self.judge(scanned, start, end, code, kind, bonus=bonus, max_distance=max_distance)
            if judged >= _MAX_JUDGED:
                return


def extract_otp(subject: str, text: str, html: str | None) -> str | None:
    """The one-time code a mail carries, or None when there is none for sure.

    Understands English and Chinese phrasing ("verification code", "OTP",
    "passcode", "PIN", 验证码, 动态码...). Codes are 4-8 digits or uppercase
    letter-digit mixes such as ``K7P-2QX``; "123-456" is given as "123456",
    "G-482913" as "482913".
    """
    search = _OtpSearch()
    subject_scan = _Scanned.of(subject or "")
    search.scan(subject_scan, bonus=_SUBJECT_BONUS, max_distance=_MAX_DISTANCE_SUBJECT)
    text_scan = _Scanned.of(text) if text and text.strip() else None
    if text_scan is not None:
        search.scan(text_scan, bonus=0, max_distance=_MAX_DISTANCE)

    document = _read_html(html) if html else None
    if document is not None and document.text.strip():
        html_scan = _Scanned.of(document.text)
        search.scan(html_scan, bonus=0, max_distance=_MAX_DISTANCE)
        subject_names_code = bool(subject_scan.keyword_starts)
        mail_names_code = subject_names_code or bool(html_scan.keyword_starts) or bool(
            text_scan and text_scan.keyword_starts
        )
        if mail_names_code:
            judged = 0
            for offset, content in document.emphasised:
                found = _emphasised_code(content)
                if found is not None:
                    judged += search.judge(
                        html_scan, offset, offset + len(content), *found,
                        bonus=0, max_distance=_MAX_DISTANCE, emphasised=True,
                        subject_names_code=subject_names_code,
                    )
                    if judged >= _MAX_JUDGED:
                        break
    if search.best:
        return search.best[1]
    body = text if text and text.strip() else (document.text if document is not None else "")
    return _lone_code(body, subject=subject)


# A number standing alone and ending its phrase ("Hi! 739201", "code:\n 739201."),
# not part of a price, time, date, phone, URL, amount or "2500 points".
_LONE_NUMBER = re.compile(r"(?<![\w.,:/$€¥£+#%=&?-])(\d{4,8})(?=[ \t]*(?:[\r\n.!。！,，)]|$))")
_USE_TO_VERB = re.compile(
    r"\b(?:use|enter|type|input)\s+(\d{4,8})\s+to\s+(?:sign|log|verify|confirm|continue|complete|finish|activate)",
    re.I,
)
# Words just before a number that say it is something else than a code.
_NAMED_NUMBER = re.compile(
    r"(?:ending|ends|card|account|acct|order|invoice|ref|reference|number|no\.|#|tel|phone|hotline|"
    r"customer|member|ticket|room|suite|unit|zip|postal|尾号|卡号|订单|单号|账号|客服|热线|电话|会员)\W{0,3}(?:in|with|is|:)?\W{0,3}$",
    re.I,
)
_SUBJECT_SAYS_CODE = re.compile(
    r"(?<![a-z])(?:code|otp|passcode|pin)(?![a-z])|验证码|驗證碼|校验码|動態碼|动态码|确认码", re.I
)


def _lone_code(body: str, *, subject: str) -> str | None:
    """Last resort: "Use 482913 to sign in", or one lone number when the subject says "code"."""
    if not body:
        return None
    body = _MASKED_URL.sub(" ", body)
    phrased = _USE_TO_VERB.search(body)
    if phrased:
        return phrased.group(1)
    if not _SUBJECT_SAYS_CODE.search(subject or ""):
        return None
    numbers = {
        m.group(1)
        for m in _LONE_NUMBER.finditer(body)
        if not (len(m.group(1)) == 4 and 1900 <= int(m.group(1)) <= 2099)
        and not _NAMED_NUMBER.search(body[max(0, m.start() - 24):m.start()])
    }
    return numbers.pop() if len(numbers) == 1 else None


# --------------------------------------------------------------------------
# Links

_URL = re.compile(rf"https?://{_URL_CHARS}+", re.I)
_CLOSING_BRACKETS = {")": "(", "]": "[", "}": "{"}
_LINK_STRONG_URL_WORDS = re.compile(r"(?<![a-z])(?:verif|confirm|activat|validat|magic)", re.I)
_LINK_WEAK_URL_WORDS = re.compile(
    r"(?<![a-z])(?:token|auth(?!or)|oauth|sign-?up|sign-?in|log-?in|register|reset|otp)", re.I
)
_LINK_LABEL_WORDS = re.compile(
    r"verif|confirm|activat|validat|sign[\s-]?in|log[\s-]?in|sign[\s-]?up|reset|magic\s+link"
    r"|验证|驗證|激活|啟用|确认|確認|登录|登錄|注册|重置",
    re.I,
)
_LINK_NOISE = re.compile(
    r"unsubscribe|opt[-_]?out|preferences|e?mail[-_]?settings|manage[-_]?(?:subscription|e?mail)"
    r"|privacy|terms|legal|logo|pixel|beacon|/open(?:ed)?(?:[/.?]|\Z)"
    r"|\.(?:png|gif|jpe?g|svg|ico|webp|bmp)(?:[?#]|\Z)|退订|退訂|取消订阅|隐私|隱私|条款|條款",
    re.I,
)
_VERIFICATION_MAIL = re.compile(
    r"verif|confirm|activat|sign[\s-]?in|log[\s-]?in|sign[\s-]?up|magic\s+link|reset|验证|驗證|激活|确认|確認|登录|注册",
    re.I,
)
_CONTEXT_CHARS = 80


def _trim_url(url: str) -> str:
    while url:
        last = url[-1]
        if last in ".,;:!?*":
            url = url[:-1]
        elif last in _CLOSING_BRACKETS and url.count(_CLOSING_BRACKETS[last]) < url.count(last):
            url = url[:-1]  # "(see https://x.org/a)": the bracket belongs to the sentence
        else:
            break
    return url


def _has_host(url: str) -> bool:
    scheme, _, rest = url.partition("://")
    return scheme.lower() in ("http", "https") and (rest[:1].isalnum() or rest[:1] == "[")


def _urls_in_text(text: str) -> list[tuple[str, str]]:
    """(url, the words just before it) for every http(s) URL in plain text."""
    found = []
    previous_end = 0
    for match in _URL.finditer(text):
        url = _trim_url(match.group().replace("&amp;", "&"))
        if _has_host(url):
            context = text[max(previous_end, match.start() - _CONTEXT_CHARS) : match.start()]
            # The line before counts when the URL stands on its own: "Verify your address:\nhttps://..."
            lines = context.rstrip().split("\n")
            found.append((url, lines[-1] if lines[-1].strip() else context))
        previous_end = match.end()
    return found


def _collect_links(text: str, html: str | None) -> list[tuple[str, str]]:
    """(url, label) pairs, deduplicated, in order: plain text first, then the HTML."""
    pairs = _urls_in_text(text or "")
    if html:
        document = _read_html(html)
        for href, label in document.anchors:
            href = re.sub(r"[\t\n\r]", "", href).strip()  # browsers drop these from URLs
            if _has_host(href):
                pairs.append((href, label))
        pairs.extend(_urls_in_text(document.text))
    labels: dict[str, str] = {}
    for url, label in pairs:
        if not labels.get(url):  # the first occurrence keeps its place; a later one may add a label
            labels[url] = label
    return list(labels.items())


def _verification_score(url: str, label: str, mail_is_verification: bool) -> int:
    readable_url = unquote(url)
    if _LINK_NOISE.search(readable_url) or _LINK_NOISE.search(label[:60]):
        return 0
    score = 3 * bool(_LINK_LABEL_WORDS.search(label)) + 3 * bool(_LINK_STRONG_URL_WORDS.search(readable_url))
    # One weak word ("token" in a newsletter link) is chance; two ("login?token=") are a hint.
    score += min(2, len({word.lower() for word in _LINK_WEAK_URL_WORDS.findall(readable_url)}))
    if score and mail_is_verification:
        score += 1
    return score


def _best_verification_link(subject: str, links: list[tuple[str, str]]) -> str | None:
    mail_is_verification = bool(_VERIFICATION_MAIL.search(subject or ""))
    best_url, best_score = None, 1  # a lone weak hint is not enough
    for url, label in links:
        score = _verification_score(url, label, mail_is_verification)
        if score > best_score:
            best_url, best_score = url, score
    return best_url


def extract_verification_link(subject: str, text: str, html: str | None) -> str | None:
    """The link that verifies, confirms, activates or signs in, or None.

    Chosen by words in the URL (verify, confirm, activate, token, login...)
    and in the link's text (Verify, Confirm your email, 验证, 激活...);
    never an unsubscribe, privacy, terms, logo or tracking-pixel link.
    """
    return _best_verification_link(subject, _collect_links(text, html))


def extract_links(text: str, html: str | None) -> list[str]:
    """Every http(s) link of the mail, deduplicated, the verification link first."""
    links = _collect_links(text, html)
    urls = [url for url, _ in links]
    verification = _best_verification_link("", links)
    if verification is not None:
        urls.remove(verification)
        urls.insert(0, verification)
    return urls
