"""The sanitizer: what of a mail's HTML reaches Qt."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from tempmail_desktop.core import mail_html
from tempmail_desktop.core.html_tokens import END, RAW, START, TEXT, tokens
from tempmail_desktop.core.mail_html import MAX_TABLE_DEPTH, image_index, sanitize
from tests.hostile_mail import CASES, END_MARK, nested_tables


class _Nesting(HTMLParser):
    """Checks that every end tag closes the innermost open element, and measures depth."""

    VOID = {"br", "hr", "img"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.max_depth = 0
        self.max_tables = 0
        self.text: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        self.stack.append(tag)
        self.max_depth = max(self.max_depth, len(self.stack))
        self.max_tables = max(self.max_tables, self.stack.count("table"))

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> with {self.stack[-3:]} open")
            return
        self.stack.pop()

    def handle_data(self, data):
        self.text.append(data)


def nesting(markup: str) -> _Nesting:
    checker = _Nesting()
    checker.feed(markup)
    checker.close()
    return checker


# -- the tokenizer -------------------------------------------------------------


def test_tokens_of_ordinary_markup():
    found = list(tokens('<p class=a title="x > y">Hi &amp; bye<br/></p><!-- gone --><style>p{}</style>'))
    assert found == [
        (START, "p", [("class", "a"), ("title", "x > y")], False),
        (TEXT, "Hi &amp; bye"),
        (START, "br", [], True),
        (END, "p"),
        (START, "style", [], False),
        (RAW, "style", "p{}"),
        (END, "style"),
    ]


@pytest.mark.parametrize("markup,expected", [
    ('<p>ok</p><a href="never closed', [(START, "p", [], False), (TEXT, "ok"), (END, "p")]),
    ("<p>ok</p><!-- never closed <img src=x>", [(START, "p", [], False), (TEXT, "ok"), (END, "p")]),
    ("a < b", [(TEXT, "a "), (TEXT, "<"), (TEXT, " b")]),
    ("<script>if (a < b) { x('</p>') }</script>", [
        (START, "script", [], False), (RAW, "script", "if (a < b) { x('</p>') }"), (END, "script")]),
])
def test_tokens_end_where_a_browser_would(markup, expected):
    assert list(tokens(markup)) == expected


# -- structure: bounded and well-nested --------------------------------------


@pytest.mark.parametrize("name", list(CASES))
def test_every_hostile_case_comes_out_well_nested_and_bounded(name):
    markup, _parts = CASES[name]()
    safe = sanitize(markup)

    checker = nesting(safe.html)
    assert checker.errors == [], "Qt would have to recover from broken markup"
    assert checker.stack == [], "an element is left open"
    assert checker.max_depth <= mail_html.MAX_DEPTH
    assert checker.max_tables <= MAX_TABLE_DEPTH
    # Rebuilding may add break opportunities and escapes, never an explosion.
    assert len(safe.html) <= 4 * len(markup) + 1000


@pytest.mark.parametrize("levels", [16, 20, 30])
def test_deep_tables_are_flattened_keeping_their_text(levels):
    safe = sanitize(nested_tables(levels))
    assert nesting(safe.html).max_tables == MAX_TABLE_DEPTH
    assert END_MARK in safe.html
    assert safe.flattened > 0


def test_tables_as_deep_as_real_newsletters_are_kept():
    safe = sanitize(nested_tables(MAX_TABLE_DEPTH))
    assert nesting(safe.html).max_tables == MAX_TABLE_DEPTH
    assert safe.flattened == 0


@pytest.mark.parametrize("markup,expected_tags", [
    # HTML's implied end tags: a cell ends the one before it, a row the row before it.
    ("<table><tr><td>a<td>b<tr><td>c</table>", "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"),
    ("<ul><li>a<li>b</ul>", "<ul><li>a</li><li>b</li></ul>"),
    ("<p>a<p>b", "<p>a</p><p>b</p>"),
    ("<p>a<div>b</div>", "<p>a</p><div>b</div>"),
    ("<b>a<i>b</b>c", "<b>a<i>b</i></b>c"),
    ("</p></div>text", "text"),
])
def test_broken_markup_is_repaired_the_way_browsers_do(markup, expected_tags):
    assert sanitize(markup).html == expected_tags


def test_a_long_unbroken_word_gets_break_opportunities():
    safe = sanitize("<p>" + "x" * 190_000 + "</p>")
    runs = re.findall(r"[^\s\u200b]+", safe.html.removeprefix("<p>").removesuffix("</p>"))
    assert max(len(r) for r in runs) <= mail_html.MAX_UNBROKEN_RUN
    assert safe.html.replace("\u200b", "") == "<p>" + "x" * 190_000 + "</p>"


def test_a_word_spread_over_many_tags_gets_break_opportunities_too():
    safe = sanitize("<b>x</b>" * 2_000)
    assert "\u200b" in safe.html


def test_entities_stay_entities_and_stray_brackets_become_text():
    assert sanitize("<p>Tom &amp; Jerry: 3 < 4 > 2</p>").html == "<p>Tom &amp; Jerry: 3 &lt; 4 &gt; 2</p>"


# -- CSS -----------------------------------------------------------------------


def test_an_unclosed_url_ends_the_style_sheet_there():
    safe = sanitize("<style>p{color:red} b{background:url(" + "x" * 50_000 + "</style><p>after</p>")
    assert "<style>p{color:red} b{background:</style>" in safe.html
    assert "<p>after</p>" in safe.html
    assert "xxxx" not in safe.html


def test_style_sheets_are_capped_per_mail():
    safe = sanitize("<style>" + "p{color:red}" * 20_000 + "</style><p>x</p>")
    kept = safe.html[safe.html.index("<style>") + 7:safe.html.index("</style>")]
    assert len(kept) <= mail_html.MAX_STYLE_SHEET_CHARS
    assert safe.cut


def test_imports_comments_and_non_image_urls_are_gone():
    safe = sanitize(
        "<style>@import url(http://t.example/a.css); /* <img src=http://t.example/c.png> */"
        "@font-face{src:url(http://t.example/f.woff)} p{cursor:url(http://t.example/c.cur)}"
        " body{background:#fff url('http://t.example/bg.png') repeat}</style>"
    )
    assert "t.example" not in safe.html
    assert list(safe.remote_images().values()) == ["http://t.example/bg.png"]
    assert "src:none" in safe.html and "cursor:none" in safe.html


# -- images: internal names, and only what is shown ------------------------------


def test_every_image_gets_an_internal_name_and_no_path_reaches_qt():
    safe = sanitize(
        '<img src="/home/user/secret.png"><img src="file:///etc/passwd"><img src="x.png">'
        '<table background="../up.png"><tr><td style="background-image:url(C:\\\\x.png)">a</td></tr></table>'
    )
    assert [i.ref for i in safe.images] == ["/home/user/secret.png", "file:///etc/passwd", "x.png", "../up.png",
                                            "C:\\\\x.png"]
    assert all(i.kind == "other" for i in safe.images)
    for needle in ("secret", "passwd", "x.png", "up.png"):
        assert needle not in safe.html
    names = re.findall(r'(?:src|background)="([^"]+)"|url\(([^)]+)\)', safe.html)
    assert [image_index(a or b) for a, b in names] == [0, 1, 2, 3, 4]


NOT_SHOWN = (
    '<script src="http://t.example/script.png"></script>'
    '<iframe src="http://t.example/frame.png"></iframe>'
    '<video poster="http://t.example/poster.png" src="http://t.example/v.png"><source src="http://t.example/s.png"></video>'
    '<audio src="http://t.example/a.png"></audio>'
    '<link rel="stylesheet" href="http://t.example/l.css">'
    '<style>@import "http://t.example/i.css";</style>'
    '<!-- <img src="http://t.example/comment.png"> -->'
    '<title><img src="http://t.example/title.png"></title>'
    '<textarea><img src="http://t.example/textarea.png"></textarea>'
    '<template><img src="http://t.example/template.png"></template>'
    '<noscript><img src="http://t.example/noscript.png"></noscript>'
    '<object data="http://t.example/o.png"><img src="http://t.example/fallback.png"></object>'
    '<svg><image href="http://t.example/svg.png"/></svg>'
    '<input type="image" src="http://t.example/input.png">'
)


def test_only_images_the_document_shows_are_listed():
    safe = sanitize(NOT_SHOWN + '<p>hi</p><img src="http://t.example/shown.png" srcset="http://t.example/2x.png 2x">'
                    '<img srcset="http://t.example/only-srcset.png 1x">')
    assert list(safe.remote_images().values()) == ["http://t.example/shown.png", "http://t.example/only-srcset.png"]
    assert "t.example" not in safe.html


@pytest.mark.parametrize(
    "markup,expected",
    [
        ('<img src="http://a.example/p.png">', ["http://a.example/p.png"]),
        ('<IMG SRC=https://a.example/p.png?x=1&amp;y=2>', ["https://a.example/p.png?x=1&y=2"]),
        ('<img src="cid:logo"><img src="data:image/png;base64,AA"><img src="/local.png">', []),
        ('<table><tr><td background="https://b.example/bg.jpg">', ["https://b.example/bg.jpg"]),
        # A cell outside any table is not shown by a browser, so neither is its background.
        ('<td background="https://b.example/bg.jpg">', []),
        ('<div style="background:url(\'http://c.example/c.gif\')">', ["http://c.example/c.gif"]),
        ("<style>body{background-image:url(https://d.example/d.png)}</style>", ["https://d.example/d.png"]),
        ('<img src="http://a.example/p.png"><img src="HTTP://A.EXAMPLE/p.png#frag">', ["http://a.example/p.png"]),
        ('<a href="https://e.example/page">not an image</a>', []),
        ("", []),
        (None, []),
    ],
)
def test_remote_images_are_the_http_images_shown_once_each(markup, expected):
    # What "Load images" fetches for the mail.
    assert list(sanitize(markup).remote_images().values()) == expected


def test_scripts_and_event_handlers_never_reach_qt():
    safe = sanitize('<p onclick="x()" style="color:red" data-x="1">a</p><script>alert(1)</script>')
    assert safe.html == '<p style="color:red">a</p>'


def test_links_keep_their_target():
    safe = sanitize('<a href="https://shop.example/?a=1&amp;b=2" target="_blank" onmouseover="x">Shop</a>')
    assert safe.html == '<a href="https://shop.example/?a=1&amp;b=2">Shop</a>'
