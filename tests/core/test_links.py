"""Links that tell the truth: a link's text against its target, read as a person
reads it, and what of a mailto: link is handed to the mail client."""

from __future__ import annotations

import pytest

from tempmail_desktop.core.links import (
    deceptive_text,
    host_key,
    link_mismatch,
    openable,
    reading,
    safe_mailto,
    target_host,
)

EVIL = "https://evil.example.net/login"
CYRILLIC_A = "\u0430"


# The deceptive-link table of issue 8: each text reads as a site the target is not.
DECEPTIVE = [
    ("plain", "paypal.com", EVIL),
    ("zero-width-space", "pay\u200bpal.com", EVIL),
    ("zero-width-joiner", "pay\u200dpal.com", EVIL),
    ("word-joiner", "pay\u2060pal.com", EVIL),
    ("bom", "\ufeffpaypal.com", EVIL),
    ("soft-hyphen", "pay\u00adpal.com", EVIL),
    ("fullwidth-dot", "paypal\uff0ecom", EVIL),
    ("one-dot-leader", "paypal\u2024com", EVIL),
    ("ideographic-full-stop", "paypal\u3002com", EVIL),
    ("halfwidth-ideographic-full-stop", "paypal\uff61com", EVIL),
    ("small-full-stop", "paypal\ufe52com", EVIL),
    ("fullwidth-letters", "\uff50\uff41\uff59\uff50\uff41\uff4c.com", EVIL),
    ("right-to-left-override", "\u202emoc.lapyap", EVIL),
    ("right-to-left-isolate", "\u2067paypal.com\u2069", EVIL),
    ("left-to-right-mark", "paypal\u200e.com", EVIL),
    ("line-break-inside", "paypal\u2028.com", EVIL),
    ("block-break-inside", "paypal\n.com", EVIL),
    ("image-inside", "paypal\ufffccom", EVIL),
    ("ipv4-text", "192.168.10.1", EVIL),
    ("ipv4-text-hex", "0x7f.0.0.1", EVIL),
    ("ipv6-text", "[2001:db8::1]", EVIL),
    ("ipv4-target-decimal", "paypal.com", "http://2130706433/"),
    ("ipv4-target-hex", "paypal.com", "http://0x7f.1/"),
    ("ipv4-target-octal", "paypal.com", "http://0177.0.0.1/"),
    ("ipv6-target", "paypal.com", "http://[::1]/"),
    ("longer-name-starting-with-it", "paypal.com", "https://paypal.com.evil.net/"),
    ("shown-longer-than-target", "paypal.com.evil.net", "https://evil.net/"),
    ("target-is-its-top-level", "paypal.com", "https://com/"),
    ("idn-homograph-target", "paypal.com", f"https://p{CYRILLIC_A}ypal.com/"),
    ("idn-homograph-text", f"p{CYRILLIC_A}ypal.com", "https://paypal.com/"),
    ("userinfo-target", "paypal.com", "https://paypal.com@evil.net/"),
    ("backslash-target", "paypal.com", "https://evil.net\\@paypal.com/"),
    ("url-text", "https://paypal.com/account", "https://evil.example/paypal.com"),
    ("url-in-a-sentence", "Visit https://bank.example today", "https://bank.example.attacker.net/"),
    ("www-in-a-sentence", "Log in at www.bank.example now", "https://bank.example.attacker.net/"),
    ("quoted", "“paypal.com”", EVIL),
    ("email-to-web", "support@paypal.com", "https://evil.example"),
    ("email-to-other-address", "support@paypal.com", "mailto:phish@evil.example"),
    ("email-with-hidden-cc", "support@paypal.com", "mailto:support@paypal.com?cc=spy@evil.example"),
    ("host-to-other-domains-mail", "paypal.com", "mailto:x@evil.example"),
    ("host-to-no-host", "paypal.com", "http:evil.net"),
]

# Texts that name no other site than the target: these open without a question.
TRUTHFUL = [
    ("click-here", "Click here", EVIL),
    ("read-more", "Read more...", EVIL),
    ("empty", "", EVIL),
    ("page-number", "2", EVIL),
    ("version", "v2.0", EVIL),
    ("decimal", "3.14", EVIL),
    ("same-host", "paypal.com", "https://paypal.com/signin"),
    ("www-target", "paypal.com", "https://www.paypal.com/signin"),
    ("www-text", "www.paypal.com", "https://paypal.com"),
    ("subdomain-of-shown", "paypal.com", "https://email.paypal.com/track?x=1"),
    ("case", "HTTPS://PayPal.COM", "https://paypal.com/"),
    ("trailing-dot", "example.com.", "https://example.com"),
    ("port", "bank.example:8443", "https://bank.example:8443/"),
    ("fullwidth-dot-same-site", "paypal\uff0ecom", "https://paypal.com/"),
    ("one-dot-leader-same-site", "paypal\u2024com", "https://paypal.com/"),
    ("zero-width-space-same-site", "pay\u200bpal.com", "https://paypal.com/"),
    ("idn-same-site", "münchen.de", "https://xn--mnchen-3ya.de/"),
    ("ipv4-same-address", "127.0.0.1", "http://2130706433/"),
    ("ipv4-hex-same-address", "0x7f.1", "http://127.0.0.1/"),
    ("ipv6-same-address", "http://[::1]/", "http://[0:0::1]:8080/"),
    ("email-same-address", "support@paypal.com", "mailto:SUPPORT@PayPal.com"),
    ("host-to-its-mail", "paypal.com", "mailto:help@paypal.com"),
]


@pytest.mark.parametrize(("shown", "target"), [case[1:] for case in DECEPTIVE], ids=[case[0] for case in DECEPTIVE])
def test_a_text_naming_another_site_than_the_target_mismatches(shown, target):
    assert link_mismatch(shown, target) is True


@pytest.mark.parametrize(("shown", "target"), [case[1:] for case in TRUTHFUL], ids=[case[0] for case in TRUTHFUL])
def test_a_text_naming_the_target_or_nothing_does_not_mismatch(shown, target):
    assert link_mismatch(shown, target) is False


def test_a_qurl_is_read_like_its_string():
    QUrl = pytest.importorskip("PySide6.QtCore").QUrl
    assert link_mismatch("paypal.com", QUrl(EVIL)) is True
    assert link_mismatch("paypal.com", QUrl("https://www.paypal.com/")) is False
    assert link_mismatch("paypal.com", QUrl(f"https://p{CYRILLIC_A}ypal.com/")) is True


def test_of_several_texts_for_one_target_the_lying_one_is_named():
    # A hidden span: the document holds "paypal.comx.net", which is the target,
    # but what can be seen of it is "paypal.com".
    assert link_mismatch("paypal.comx.net", "https://paypal.comx.net/") is False
    assert deceptive_text(["paypal.comx.net", "paypal.com"], "https://paypal.comx.net/") == "paypal.com"
    # Split anchors: the pieces name nothing, the word they make does.
    assert deceptive_text(["paypal", "com", "paypal.com"], EVIL) == "paypal.com"
    assert deceptive_text(["Click here", "Unsubscribe"], EVIL) is None
    assert deceptive_text([], EVIL) is None


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\u202emoc.lapyap", "paypal.com"),  # as it is drawn, not as it is stored
        ("pay\u200bpal\uff0ecom", "paypal.com"),
        ("  Pay\u00adPal  Login ", "PayPal Login"),
    ],
)
def test_the_reading_quoted_in_the_question_is_what_the_user_saw(text, shown):
    assert reading(text) == shown


@pytest.mark.parametrize(
    ("host", "key"),
    [
        ("PayPal.COM.", "paypal.com"),
        ("www.paypal.com", "paypal.com"),
        (f"p{CYRILLIC_A}ypal.com", "xn--pypal-4ve.com"),
        ("faß.de", "xn--fa-hia.de"),  # IDNA 2008: ß is its own letter, as in browsers
        ("%70aypal.com", "paypal.com"),
        ("2130706433", "[127.0.0.1]"),
        ("0x7f.1", "[127.0.0.1]"),
        ("0177.0.0.1", "[127.0.0.1]"),
        ("[0:0::1]", "[::1]"),
    ],
)
def test_hosts_compare_in_one_spelling(host, key):
    assert host_key(host) == key


def test_the_question_names_the_host_in_ascii():
    assert target_host(f"https://p{CYRILLIC_A}ypal.com/login") == "xn--pypal-4ve.com"
    assert target_host("http://2130706433/") == "127.0.0.1"
    assert target_host("https://paypal.com@evil.net/") == "evil.net"
    assert target_host("mailto:a@shop.example?cc=b@shop.example") == "a@shop.example, b@shop.example"


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("mailto:help@shop.example?subject=Hi&attach=/etc/passwd&attachment=file:///home/u/.ssh/id_rsa&body=Hello",
         "mailto:help@shop.example?subject=Hi&body=Hello"),
        ("mailto:help@shop.example?ATTACH=/etc/passwd&%61ttachment=/etc/shadow", "mailto:help@shop.example"),
        ("mailto:help@shop.example?bcc=spy@evil.example&cc=team@shop.example",
         "mailto:help@shop.example?cc=team@shop.example"),
        ("mailto:help@shop.example?from=boss@shop.example&in-reply-to=%3Cx%40y%3E&X-Mailer=evil",
         "mailto:help@shop.example"),
        ("mailto:?to=a@shop.example&to=b@shop.example&subject=Order%20%2B%201",
         "mailto:a@shop.example,b@shop.example?subject=Order%20%2B%201"),
        ("mailto:help@shop.example?subject=Hi%0D%0ABcc:%20spy@evil.example", "mailto:help@shop.example?subject=Hi%20Bcc%3A%20spy%40evil.example"),
        ("mailto:help@shop.example?body=line%201%0D%0Aline+2", "mailto:help@shop.example?body=line%201%0D%0Aline%2B2"),
        ("mailto:x%3Fattach%3D%2Fetc%2Fpasswd@shop.example", "mailto:"),
        ("MAILTO:help@shop.example#fragment", "mailto:help@shop.example"),
    ],
)
def test_a_mailto_keeps_only_recipients_subject_and_body(url, safe):
    assert safe_mailto(url) == safe


def test_safe_mailto_is_only_for_mailto():
    assert safe_mailto("https://shop.example/?attach=x") is None


@pytest.mark.parametrize(
    ("url", "opens"),
    [
        ("https://shop.example/deal", True),
        ("http://shop.example", True),
        ("HTTPS://SHOP.EXAMPLE/", True),
        ("mailto:help@shop.example", True),
        ("file:///etc/passwd", False),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>alert(1)</script>", False),
        ("ftp://files.shop.example/a.zip", False),
        ("smb://server/share", False),
        ("relative/page.html", False),
        ("http:evil.example", False),
        ("https:///no-host", False),
    ],
)
def test_only_http_https_with_a_host_and_mailto_open(url, opens):
    assert openable(url) is opens
