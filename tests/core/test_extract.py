"""Text, codes and links out of real-looking mails."""

from __future__ import annotations

import time

import pytest

from tempmail_desktop.core import extract
from tempmail_desktop.core.extract import (
    extract_links,
    extract_otp,
    extract_verification_link,
    html_to_text,
    preview_text,
)
from tempmail_desktop.core.facts import mail_facts
from tempmail_desktop.core.models import Message

# --------------------------------------------------------------------------
# Mails: (id, subject, text, html, expected code)

GITHUB_TEXT = """Hey octocat!

A sign in attempt requires further verification because we did not recognize your device.
To complete the sign in, enter the verification code on the unrecognized device.

Device: Chrome on Linux
Verification code: 734910

If you did not attempt to sign in to your account, your password may be compromised.
Visit https://github.com/settings/security to create a new, strong password.

Thanks,
The GitHub Team

GitHub, Inc. ・88 Colin P Kelly Jr Street ・San Francisco, CA 94107
"""

OPENAI_HTML = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Your ChatGPT code</title>
<style>.code{font-size:32px}</style></head><body>
<table role="presentation" width="100%"><tr><td align="center">
<img src="https://cdn.openai.com/logo.png" alt="OpenAI" width="120">
<h1 style="font-size:24px">Your ChatGPT code is 482913</h1>
<p>Enter this temporary verification code to continue:</p>
<table><tr><td class="code" style="font-size:32px;letter-spacing:6px;background:#f4f4f4">482913</td></tr></table>
<p>If you were not trying to log in to ChatGPT, please reset your password.</p>
<p style="color:#8e8e8e">Best,<br>The ChatGPT team</p>
<p style="font-size:12px;color:#8e8e8e">OpenAI, 548 Market St, PMB 97273, San Francisco, CA 94104</p>
</td></tr></table></body></html>"""

GOOGLE_HTML = """<html><body><div style="font-family:Roboto,Arial">
<div style="display:none;max-height:0">Your Google verification code 000000 preheader</div>
<img src="https://www.gstatic.com/images/branding/googlelogo/2x/googlelogo_color_74x24dp.png" alt="Google">
<div style="font-size:24px">Verify your email</div>
<div>Google received a request to use <a href="mailto:jane.doe@gmail.com">jane.doe@gmail.com</a>
as a recovery email for Google Account someone@example.com.</div>
<div>Use this code to finish setting up this recovery email:</div>
<div style="font-size:36px;line-height:44px;letter-spacing:8px;text-align:center">590 217</div>
<div>This code will expire in 24 hours.</div>
<div>If you don&#8217;t recognize someone@example.com, you can safely ignore this email.</div>
<div style="font-size:11px">You received this email to let you know about important changes to your
Google Account and services.<br>&copy; 2026 Google LLC, 1600 Amphitheatre Parkway, Mountain View, CA 94043, USA</div>
</div></body></html>"""

STEAM_HTML = """<html><body style="background:#171a21;color:#c6d4df">
<p>Dear gaben_fan,</p>
<p>Here is the Steam Guard code you need to login to account gaben_fan:</p>
<table><tr><td style="font-size:48px;color:#fff;font-family:Arial">F4K2Q</td></tr></table>
<p>This email was generated because of a login attempt from a web or mobile device located at
Frankfurt am Main, Hesse, DE (93.184.216.34).</p>
<p>The Steam Guard code is required to complete the login.</p>
<p>&copy; Valve Corporation. PO Box 1688 Bellevue, WA 98009</p></body></html>"""

BANK_TEXT = """Dear customer,

Your one-time passcode (OTP) for the transaction at AMAZON MKTPLACE of USD 1,299.00
on your card ending in 4242 is 829104.

Do not share this passcode with anyone. It is valid for 5 minutes.
If you did not make this transaction, call us at +1 800 555 0199 immediately.

Second National Bank, 1200 Harbor Blvd, Weehawken, NJ 07086
"""

NEWSLETTER_HTML = """<html><body>
<h1>Black Friday 2026 is here!</h1>
<p>Save up to 40% on everything until Nov 30, 2026. Prices from <b>$19.99</b>.</p>
<table><tr><td><img src="https://shop.example.com/p/1234.jpg" alt="Headphones"></td>
<td><strong>Noise Cancelling Headphones</strong><br>Was $299.00, now <b>$179.00</b></td></tr>
<tr><td><img src="https://shop.example.com/p/5678.jpg" alt="Watch"></td>
<td><strong>Smart Watch Series 9</strong><br>Now ¥1200 / 1,299 USD</td></tr></table>
<p>Use code <strong>BF2026</strong> at checkout for an extra 10% off.</p>
<p>Store hours: 10:30 - 21:00. Questions? Call (415) 555-0100.</p>
<p>&copy; 2026 Example Shop Inc., 500 Howard Street, San Francisco, CA 94105.
<a href="https://shop.example.com/unsubscribe?u=1">Unsubscribe</a></p>
</body></html>"""

RECEIPT_TEXT = """Thanks for your order!

Order #48213957
Invoice number: INV-2026-00071
Date: 2026-11-21 10:30

1 x USB-C Cable          $12.99
2 x Phone Case           $39.98
Subtotal                 $52.97
Total                    $57.21

Ship to: Jane Doe, 742 Evergreen Terrace, Springfield, OR 97403
Questions about order 48213957? Reply to this email.
"""

SHIPPING_TEXT = """Your package is on its way!

Tracking number: 1Z999AA10123456784
Estimated delivery: Nov 24, 2026
Carrier phone: 1-800-742-5877
Delivery address: 1600 Pennsylvania Avenue NW, Washington, DC 20500

Need help? Call 415 555 0100 or text 4155550100.
"""

TD_CODE_HTML = """<html><body><table width="600" cellpadding="0">
<tr><td style="padding:20px">Hello,</td></tr>
<tr><td>Please use the following verification code to complete your sign up:</td></tr>
<tr><td align="center" style="padding:24px"><table><tr>
<td style="border:1px solid #ddd;padding:12px 24px">730591</td></tr></table></td></tr>
<tr><td>This code will expire in 10 minutes. Your request ID is 55120 for support.</td></tr>
<tr><td style="font-size:11px;color:#999">Sent by Acme Corp, 350 Fifth Avenue, New York, NY 10118</td></tr>
</table></body></html>"""

TAOBAO_TEXT = "【淘宝】您的验证码为 582013，5分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。"

JD_HTML = """<html><body><div>尊敬的用户：</div>
<div>您正在进行登录操作，您的校验码是：<b>4821</b>（10分钟内有效）。</div>
<div>如非本人操作，请致电客服热线：95118。</div>
<div>订单号 20261121001 不受影响。</div><div>© 2026 京东</div></body></html>"""

ALIPAY_TEXT = """您好：
您的支付宝账户（尾号8888）正在修改登录密码，动态码：739204 。
有效期至 2026-11-21 10:30，请勿告知他人。
客服电话 95188
"""

WECHAT_PAY_TEXT = """微信支付凭证
支付金额 ￥1200.00
商户单号 4200001234202611210001
交易时间 2026年11月21日 10:30
如有疑问请联系客服 95017
"""

OTP_MAILS = [
    ("github-device", "[GitHub] Please verify your device", GITHUB_TEXT, None, "734910"),
    ("openai-html", "Your ChatGPT code is 482913", "", OPENAI_HTML, "482913"),
    ("openai-html-no-subject-code", "Your ChatGPT login", "", OPENAI_HTML.replace(
        "Your ChatGPT code is 482913", "Welcome back"), "482913"),
    ("google-spaced-digits", "Verify your recovery email", "", GOOGLE_HTML, "590217"),
    ("google-sms-style", "", "G-482913 is your Google verification code.", None, "482913"),
    ("facebook-prefix", "FB-38211 is your Facebook confirmation code", "", None, "38211"),
    ("discord", "Verify Discord Login from New Location",
     "Hey gamer,\n\nYour Discord verification code is: 662045\n\nThis code expires in 15 minutes.\n"
     "Need help? Contact our support team at https://support.discord.com/hc\n\n"
     "Sent by Discord • 444 De Haro Street, Suite 200, San Francisco, CA 94107", None, "662045"),
    ("steam-guard-letter-digit", "Your Steam account: Access from new computer", "", STEAM_HTML, "F4K2Q"),
    ("microsoft-seven-digits", "Microsoft account security code",
     "Please use the following security code for the Microsoft account ja***@outlook.com.\n\n"
     "Security code: 4829173\n\nIf you don't recognize the Microsoft account, you can click "
     "https://account.live.com/dp?token=abc123 to remove your email address from that account.",
     None, "4829173"),
    ("bank-otp-among-card-price-phone", "Transaction verification", BANK_TEXT, None, "829104"),
    ("bank-pin", "Your one-time PIN", "Your one-time PIN is 8273. Never share it, not even with us.",
     None, "8273"),
    ("slack-letter-digit-hyphen", "Slack confirmation code: K7P-2QX",
     "Your confirmation code is below — enter it in your open browser window.\n\nK7P-2QX\n", None, "K7P-2QX"),
    ("grouped-digits", "WhatsApp", "Your WhatsApp code: 482-913\nDon't share this code with others.",
     None, "482913"),
    ("mixed-code-a1b2c3", "Login code", "Use login code A1B2C3 to sign in. It expires in 10 minutes.",
     None, "A1B2C3"),
    ("code-in-subject-only", "Your verification code is 209384", "Hi! Thanks for signing up.", None, "209384"),
    ("subject-code-before-word", "209384 is your Instagram code", "", None, "209384"),
    ("subject-wins-over-body-number", "Your login code: 551203",
     "Someone signed in on Nov 21, 2026 at 10:30 from 203.0.113.45.", None, "551203"),
    ("td-standalone-code", "Confirm your sign up", "", TD_CODE_HTML, "730591"),
    ("code-before-year-footer", "Verification", "Your verification code is 310294.\n\n© 2026 Example Inc.",
     None, "310294"),
    ("order-number-then-code", "Confirm order",
     "Order 77231 is waiting. Your verification code is 90215.", None, "90215"),
    ("code-then-phone", "Code", "Your code is 4412. Questions? Call 1-800-555-0199.", None, "4412"),
    ("passcode-one-line", "", "Your passcode is 19283746", None, "19283746"),
    ("otp-colon", "OTP", "OTP: 554120 (valid 5 min)", None, "554120"),
    ("two-factor", "2FA", "Your two-factor authentication code is 604113", None, "604113"),
    ("tight-year-like-code", "Login", "Your login code: 2047", None, "2047"),
    ("code-alone-on-its-line-far-below", "Sign in to Example",
     "Enter the following code on the sign-in page. It expires in 15 minutes and works only once. "
     "If you did not ask for it, you can ignore this email: someone may have typed your address by "
     "mistake.\n\n    739105\n\nThe Example team", None, "739105"),
    ("emphasis-far-from-words", "Your sign-in code", "",
     "<p>Hi there,</p><p>" + "We are glad to see you again. " * 10 + "</p><h2>K9X-4TP</h2>", "K9X-4TP"),
    ("unclosed-td-emphasis", "Your sign-in code", "",
     "<p>" + "Welcome back to Example. " * 10 + "</p><table><tr><td>K9X4TP<td>expires soon</table>", "K9X4TP"),
    ("fullwidth-digits", "验证码", "您的验证码是：４８２９１３", None, "482913"),
    ("taobao", "【淘宝】验证码", TAOBAO_TEXT, None, "582013"),
    ("jd-html-bold", "京东登录验证", "", JD_HTML, "4821"),
    ("alipay-dynamic-code", "支付宝安全提醒", ALIPAY_TEXT, None, "739204"),
    ("chinese-code-after", "注册确认", "739201是您的注册确认码，请在10分钟内完成验证。", None, "739201"),
    ("chinese-letter-digit", "校验码", "校验码 K7P-2QX 请在页面输入，切勿转发。", None, "K7P-2QX"),
    ("chinese-confirm-code", "", "您正在注册，确认码：A1B2C3。", None, "A1B2C3"),
    ("traditional-chinese", "驗證碼", "您的驗證碼為 663120，請於 5 分鐘內輸入。", None, "663120"),
    # No code at all, or nothing that should be taken for one.
    ("newsletter-prices-years", "Black Friday 2026: up to 40% off", "", NEWSLETTER_HTML, None),
    ("receipt-order-numbers", "Your receipt #48213957", RECEIPT_TEXT, None, None),
    ("shipping-phone-numbers", "Shipped: order 48213957", SHIPPING_TEXT, None, None),
    ("wechat-pay-receipt", "微信支付凭证", WECHAT_PAY_TEXT, None, None),
    ("promo-code", "A gift for you", "Use promo code SAVE2026 for 20% off your next order.", None, None),
    ("welcome-discount", "Welcome!", "Use code WELCOME10 on your first order.", None, None),
    ("zip-code", "Address update", "We updated your ZIP code to 94103 and your phone to 415-555-0100.",
     None, None),
    ("hex-colour", "Theme", "Your verification page now uses colour #123456 and #A1B2C3.", None, None),
    ("time-and-date", "Code expiry", "The code you requested expires 2026-11-21 at 10:30.", None, None),
    ("phone-near-code", "Verification", "The verification code was sent to +1 415 555 0100.", None, None),
    ("chinese-phone-near-code", "验证码已发送", "验证码已发送至手机 138-0013-8000，请查收。", None, None),
    ("chinese-phone-spaced", "", "验证码已发送至 138 0013 8000，请查收。", None, None),
    ("digits-inside-longer-run", "Verification", "Your verification reference 4829137765123 is queued.",
     None, None),
    ("price-near-code", "Code", "Use the code in the app to pay $1999 or ¥1200.", None, None),
    ("copyright-year-only", "Verify your email",
     "Please click the button to verify your email address.\n\n© 2026 Example", None, None),
    ("welcome-no-code", "Welcome to Example!", "Thanks for joining. Your account number is 55821734.",
     None, None),
    ("code-word-far-from-number", "Security notice",
     "We changed how verification codes work. " + "Nothing else changed for you. " * 8
     + "Your customer number remains 55821.", None, None),
    ("code-of-conduct", "Community update", "Please read our code of conduct, section 4521.", None, None),
    ("order-number-near-code-word", "Verification", "We sent a verification code to your phone. "
     "Order number: 88213 is confirmed.", None, None),
    ("card-ending-near-code-word", "OTP sent", "Your one-time code was sent for card ending in 4242.", None, None),
    ("chinese-order-and-hotline-near-code-word", "验证码已发送", "验证码已发送，订单号 88213，客服热线 95588。",
     None, None),
    ("units-near-code-word", "验证码", "Verification earned you 2500 points. 验证码有效期 3000秒。", None, None),
    ("decimal-near-code-word", "Verification fee", "Verification fee 1299.00 waived this month.", None, None),
    ("street-near-code-word", "Verification desk", "Verification desk: 1600 Amphitheatre Parkway.", None, None),
    ("us-zip-near-code-word", "Verification", "Verification office, Mountain View, CA 94043.", None, None),
    ("tight-year-in-date-context", "Update", "Verification: 2026 annual report, published Nov 30.", None, None),
    ("backup-codes-list", "Your backup codes",
     "Here are your backup codes:\n4829 1736\n5510 2284\n9914 0021", None, None),
    ("tech-token", "Build", "Verification passed for HTML5 and SHA256 checks.", None, None),
    ("empty", "", "", None, None),
    ("html-only-whitespace", "Verification code", "", "<html><body>   </body></html>", None),
]


@pytest.mark.parametrize(
    ("subject", "text", "html", "expected"),
    [case[1:] for case in OTP_MAILS],
    ids=[case[0] for case in OTP_MAILS],
)
def test_extract_otp(subject, text, html, expected):
    assert extract_otp(subject, text, html) == expected


def test_a_code_hidden_in_a_preheader_is_not_the_answer():
    html = (
        '<div style="display:none">Your code is 111111</div>'
        "<p>Your verification code:</p><p><strong>222222</strong></p>"
    )
    assert extract_otp("Sign in", "", html) == "222222"


def test_a_code_only_inside_a_link_is_not_a_code():
    text = "Verify your email: https://example.com/verify?code=482913&u=7"
    assert extract_otp("Verify", text, None) is None


# --------------------------------------------------------------------------
# Links

LINK_MAILS = [
    (
        "html-verify-button-after-logo",
        "Confirm your email",
        "",
        '<a href="https://example.com"><img src="https://example.com/logo.png" alt="Example logo"></a>'
        '<p>Welcome!</p><a href="https://example.com/email/verify?token=abc&amp;uid=42">Verify email</a>'
        '<a href="https://example.com/privacy">Privacy</a>'
        '<a href="https://example.com/unsubscribe?u=42">Unsubscribe</a>',
        "https://example.com/email/verify?token=abc&uid=42",
        [
            "https://example.com/email/verify?token=abc&uid=42",
            "https://example.com",
            "https://example.com/privacy",
            "https://example.com/unsubscribe?u=42",
        ],
    ),
    (
        "anchor-text-decides-on-tracking-redirect",
        "Activate your account",
        "",
        '<a href="https://u123.ct.sendgrid.net/ls/click?upn=xyz">Activate account</a>'
        '<a href="https://u123.ct.sendgrid.net/ls/click?upn=abc">Help center</a>',
        "https://u123.ct.sendgrid.net/ls/click?upn=xyz",
        ["https://u123.ct.sendgrid.net/ls/click?upn=xyz", "https://u123.ct.sendgrid.net/ls/click?upn=abc"],
    ),
    (
        "plain-text-magic-link-line-before",
        "Sign in to Linear",
        "Click the link below to sign in:\nhttps://linear.app/auth/magic?token=7f3a9c.\n\n"
        "Questions? See https://linear.app/docs (our docs).",
        None,
        "https://linear.app/auth/magic?token=7f3a9c",
        ["https://linear.app/auth/magic?token=7f3a9c", "https://linear.app/docs"],
    ),
    (
        "chinese-anchor-text",
        "请激活您的账户",
        "",
        '<p>感谢注册！</p><a href="https://example.cn/a/8f2k1">点击这里激活账户</a>'
        '<a href="https://example.cn/help">帮助中心</a><a href="https://example.cn/unsub">退订</a>',
        "https://example.cn/a/8f2k1",
        ["https://example.cn/a/8f2k1", "https://example.cn/help", "https://example.cn/unsub"],
    ),
    (
        "chinese-text-link-with-fullwidth-punctuation",
        "邮箱验证",
        "请点击以下链接完成验证：https://example.cn/verify?t=abc123，链接24小时内有效。",
        None,
        "https://example.cn/verify?t=abc123",
        ["https://example.cn/verify?t=abc123"],
    ),
    (
        "password-reset",
        "Reset your password",
        "We got a request to reset your password.\nReset it here: https://example.com/password/reset/9f8e7d\n"
        "Not you? Read https://example.com/security-tips",
        None,
        "https://example.com/password/reset/9f8e7d",
        ["https://example.com/password/reset/9f8e7d", "https://example.com/security-tips"],
    ),
    (
        "unsubscribe-with-token-is-never-chosen",
        "Weekly digest",
        "",
        '<a href="https://news.example.com/unsubscribe?token=abc">Unsubscribe</a>'
        '<a href="https://news.example.com/posts/42">Read more</a>',
        None,
        ["https://news.example.com/unsubscribe?token=abc", "https://news.example.com/posts/42"],
    ),
    (
        "newsletter-without-verification-link",
        "Our November news",
        "Read it online: https://news.example.com/2026/11?utm_source=mail&utm_medium=email",
        '<a href="https://news.example.com/2026/11?utm_source=mail&amp;utm_medium=email">View online</a>'
        '<a href="https://news.example.com/article?token=t1">Story</a>',
        None,
        [
            "https://news.example.com/2026/11?utm_source=mail&utm_medium=email",
            "https://news.example.com/article?token=t1",
        ],
    ),
    (
        "tracking-pixel-and-logo-never-chosen",
        "Confirm your subscription",
        "",
        '<a href="https://t.example.com/open.gif?id=1">.</a>'
        '<a href="https://example.com/logo-confirm.png">logo</a>'
        '<a href="https://lists.example.com/subscribe/confirm?id=9">Yes, subscribe me</a>',
        "https://lists.example.com/subscribe/confirm?id=9",
        [
            "https://lists.example.com/subscribe/confirm?id=9",
            "https://t.example.com/open.gif?id=1",
            "https://example.com/logo-confirm.png",
        ],
    ),
    (
        "query-string-entities-as-browsers-read-them",
        "Verify",
        "",
        '<a href="https://example.com/verify?a=1&region=us&amp;lang=en&copy=2&#38;x=%20y">Verify</a>',
        "https://example.com/verify?a=1&region=us&lang=en&copy=2&x=%20y",
        ["https://example.com/verify?a=1&region=us&lang=en&copy=2&x=%20y"],
    ),
    (
        "text-and-html-deduplicated-in-order",
        "Welcome",
        "Docs: https://example.com/docs\nConfirm: https://example.com/confirm/abc",
        '<a href="https://example.com/docs">Docs</a><a href="https://example.com/confirm/abc">Confirm</a>'
        '<a href="mailto:help@example.com">Mail us</a><a href="javascript:alert(1)">x</a>'
        '<a href="/relative">relative</a><a href=" https://example.com/spaced ">spaced</a>',
        "https://example.com/confirm/abc",
        ["https://example.com/confirm/abc", "https://example.com/docs", "https://example.com/spaced"],
    ),
    (
        "brackets-and-trailing-punctuation",
        "Links",
        "See (https://en.wikipedia.org/wiki/Foo_(bar)) and https://example.com/a?b=c!, "
        "or <https://example.com/angle>.",
        None,
        None,
        ["https://en.wikipedia.org/wiki/Foo_(bar)", "https://example.com/a?b=c", "https://example.com/angle"],
    ),
    (
        "login-link-in-a-login-mail",
        "Your sign-in link",
        "",
        '<a href="https://example.com/terms">Terms of service</a>'
        '<a href="https://app.example.com/login?token=zz9">Continue</a>',
        "https://app.example.com/login?token=zz9",
        ["https://app.example.com/login?token=zz9", "https://example.com/terms"],
    ),
    (
        "one-weak-word-counts-only-in-a-verification-mail",
        "Please confirm your address",
        "",
        '<a href="https://example.com/about">About us</a><a href="https://example.com/r/abc?token=1">Continue</a>',
        "https://example.com/r/abc?token=1",
        ["https://example.com/about", "https://example.com/r/abc?token=1"],
    ),
    ("no-links", "Hello", "Just text, no links. http:// alone is none.", None, None, []),
]


@pytest.mark.parametrize(
    ("subject", "text", "html", "expected_link", "expected_links"),
    [case[1:] for case in LINK_MAILS],
    ids=[case[0] for case in LINK_MAILS],
)
def test_links(subject, text, html, expected_link, expected_links):
    assert extract_verification_link(subject, text, html) == expected_link
    links = extract_links(text, html)
    assert sorted(links) == sorted(expected_links)
    if extract_verification_link("", text, html) is not None:
        assert links[0] == expected_link
    else:
        assert links == expected_links  # nothing to put first: document order


# --------------------------------------------------------------------------
# HTML to text

HTML_TO_TEXT_CASES = [
    ("paragraphs", "<p>Hello</p><p>World</p>", "Hello\n\nWorld"),
    ("line-breaks", "one<br>two<br/><br>three", "one\ntwo\n\nthree"),
    ("close-br-is-br", "one</br>two", "one\ntwo"),
    ("entities", "Fish &amp; chips &lt;3 &copy 2026 &nbsp;&euro;5 &#x4F60;&#22909; &bogus;",
     "Fish & chips <3 © 2026 €5 你好 &bogus;"),
    ("whitespace-collapsed", "  a \n\t b  <span> c </span>  d ", "a b c d"),
    ("script-style-head-dropped",
     "<html><head><title>T</title><style>p{color:red}</style><script>var a='<p>x</p>';</script></head>"
     "<body><p>shown</p><script>alert('</p>')</script></body></html>", "shown"),
    ("unclosed-head-ends-at-body-content", "<head><title>t</title><div>body text</div>", "body text"),
    ("unclosed-head-ends-at-text", "<html><head><meta charset=utf-8>\n<title>t</title>\nHello", "Hello"),
    ("hidden-elements-dropped",
     '<div style="display: none">preheader</div><span hidden>secret</span>'
     '<div style="mso-hide:all;opacity:0">x</div><p>visible</p>', "visible"),
    ("table-cells-and-rows",
     "<table><tr><td>Item</td><td>Price</td></tr><tr><td>Cable</td><td>$12.99</td></tr></table>",
     "Item\tPrice\nCable\t$12.99"),
    ("unclosed-cells", "<table><tr><td>a<td>b<tr><td>c</table>", "a\tb\nc"),
    ("lists", "<ul><li>one<li>two</ul><p>after</p>", "one\ntwo\n\nafter"),
    ("pre-keeps-layout", "<p>x</p><pre>  a  b\n    c</pre>", "x\n\n  a  b\n    c"),
    ("comments-and-doctype", "<!DOCTYPE html><!-- hidden <p>no</p> -->shown<!--[if mso]>x<![endif]-->",
     "shown"),
    ("invisible-padding", "Hi\u200c\u00a0\u034f\u200bthere\ufeff", "Hi there"),
    ("chinese", "<div>您好，</div><div>您的验证码是<b>582013</b>。</div>", "您好，\n您的验证码是582013。"),
    ("lone-less-than", "1 < 2 and 3 <4 <<", "1 < 2 and 3 <4 <<"),
    ("unclosed-tag-at-end", "text <a href='x", "text"),
    ("unclosed-comment", "text <!-- never closed <p>a</p>", "text"),
    ("textarea-is-text", "<textarea>a <b>not bold</b> &amp;</textarea>", "a <b>not bold</b> &"),
    ("upper-case-tags", "<P>A</P><DIV>B</DIV><SCRIPT>x</SCRIPT>", "A\n\nB"),
    ("empty", "", ""),
]


@pytest.mark.parametrize(
    ("html", "expected"), [case[1:] for case in HTML_TO_TEXT_CASES], ids=[case[0] for case in HTML_TO_TEXT_CASES]
)
def test_html_to_text(html, expected):
    assert html_to_text(html) == expected


MEGABYTE = 1_000_000
HOSTILE_HTML = {
    "unclosed-tags": "<a " * (MEGABYTE // 3),
    "unclosed-comment-with-tags": "<!--" + "a<" * (MEGABYTE // 2),
    "lone-less-thans": "<" * MEGABYTE,
    "unclosed-quote": "<a href='" + "x" * MEGABYTE,
    "cdata": "<![CDATA[" + "x<" * (MEGABYTE // 2),
    "deep-nesting": "<span>" * (MEGABYTE // 6),
    "implied-ends-under-deep-nesting": "<ul>" + "<span>" * 600 + "<li>" * (MEGABYTE // 4),
    "stray-end-tags": "<i>" + "<b>" * 600 + "</i>" * (MEGABYTE // 4),
    "processing-instructions": "<?" * (MEGABYTE // 2),
    "ampersands": "&" * MEGABYTE,
    "letters-without-at": "x" * MEGABYTE,
    "codes-everywhere": "code 1234 " * (MEGABYTE // 10),
    "emphasis-everywhere": "<b>482913</b>" * (MEGABYTE // 13),
}


@pytest.mark.parametrize("html", list(HOSTILE_HTML.values()), ids=list(HOSTILE_HTML))
def test_hostile_html_never_raises_and_stays_linear(html):
    extract._read_html.cache_clear()
    started = time.perf_counter()
    html_to_text(html)
    extract_otp(html[:500], html, html)
    extract_links(html, html)
    # Linear work on 1 MB takes about a second on a busy machine; quadratic would take hours.
    assert time.perf_counter() - started < 15


def table_heavy_html(rows: int) -> str:
    row = (
        '<tr><td class="item" style="padding:4px 8px;font-family:Arial,sans-serif;font-size:14px">'
        'Item &amp; name {i}<br><span style="color:#999">SKU-{i}</span></td>'
        '<td align="right"><b>$19.99</b></td>'
        '<td><a href="https://shop.example.com/p?id={i}&amp;ref=mail">view&nbsp;&raquo;</a></td></tr>\n'
    )
    body = "".join(row.format(i=i) for i in range(rows))
    return (
        f"<html><head><style>td{{}}</style></head><body><table>{body}</table>"
        "<p>Your verification code is <strong>482913</strong></p></body></html>"
    )


def test_two_megabytes_of_tables():
    html = table_heavy_html(8000)
    assert len(html.encode()) > 2_000_000
    extract._read_html.cache_clear()
    started = time.perf_counter()
    text = html_to_text(html)
    elapsed = time.perf_counter() - started
    assert text.startswith("Item & name 0\nSKU-0\t$19.99\tview »\n")
    assert text.endswith("Your verification code is 482913")
    assert extract_otp("Your receipt", "", html) == "482913"
    assert len(extract_links("", html)) == 8000
    assert elapsed < 10


def test_reading_time_grows_linearly():
    small, large = table_heavy_html(500), table_heavy_html(4000)
    timings = []
    for html in (small, large):
        extract._read_html.cache_clear()
        started = time.perf_counter()
        html_to_text(html)
        timings.append(time.perf_counter() - started)
    assert timings[1] < timings[0] * 8 * 3  # 8x the input; generous for a busy machine


# --------------------------------------------------------------------------
# Preview


@pytest.mark.parametrize(
    ("text", "html", "limit", "expected"),
    [
        ("Hello\n\n  world ", None, 160, "Hello world"),
        ("", "<p>From <b>HTML</b></p><p>only</p>", 160, "From HTML only"),
        ("   ", "<p>blank text falls back</p>", 160, "blank text falls back"),
        ("Plain wins", "<p>HTML loses</p>", 160, "Plain wins"),
        ("Preheader\u200c\u00a0\u200c padding", None, 160, "Preheader padding"),
        ("one two three four five six", None, 15, "one two three…"),
        ("abcdefghijklmnopqrstuvwxyz", None, 10, "abcdefghi…"),
        ("", None, 160, ""),
    ],
)
def test_preview_text(text, html, limit, expected):
    preview = preview_text(text, html, limit)
    assert preview == expected
    assert len(preview) <= limit


def test_message_json_carries_code_links_and_preview():
    message = Message(
        id="1",
        provider="gptmail",
        mailbox="me@example.com",
        subject="Your ChatGPT code is 482913",
        html=OPENAI_HTML,
    )
    # The JSON carries the code and link as the store worked them out.
    facts = mail_facts(message)
    data = message.with_changes(code=facts.code, link=facts.link).to_json()
    assert data["otp"] == "482913"
    assert data["preview"].startswith("Your ChatGPT code is 482913 Enter this temporary verification code")
    assert "https://cdn.openai.com/logo.png" not in data["links"]  # an <img>, not a link


# Codes whose only "code" word is in the subject, or said as "use N to sign in".
@pytest.mark.parametrize(
    ("subject", "text", "expected"),
    [
        ("Your GitHub launch code", "Use 482913 to sign in.", "482913"),
        ("Sign in to Acme", "Use 482913 to sign in. Call +1 415 555 0100.", "482913"),
        ("Your login code", "Hi!\n739201\n\nThanks, the Acme team. © 2026", "739201"),
        ("您的验证码", "您好：\n 736204\n 请勿泄露给他人", "736204"),
        ("Your login code", "Order 5521873 shipped; ref 1234 for 12.50 USD", None),
        ("Your code", "Meeting at 10:30 on 2026-11-21, call 415-555-0100", None),
        ("OTP sent", "Your one-time code was sent for card ending in 4242.", None),
        ("Your code", "Two numbers: 111111.\n222222.", None),
        ("Welcome", "Hi!\n739201\n", None),  # the subject does not say code: not confident
    ],
)
def test_subject_named_code_and_use_to_verb(subject, text, expected):
    assert extract_otp(subject, text, None) == expected
