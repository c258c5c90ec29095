"""The table of mails whose code every surface must agree on (issue 9, item 3).

Each mail is sent through every service's loopback fake; the window test
(tests/ui/test_one_code.py) and the command test (tests/cli/test_one_code.py)
read the code back from each surface and expect the same one.
"""

from __future__ import annotations

from dataclasses import dataclass

# Words with no code word in them ("code", "pin", "pass"...): 57,000 characters before the code.
_FILLER = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 1000


@dataclass(frozen=True)
class CodeMail:
    subject: str
    text: str
    html: str | None
    code: str


CODE_MAILS = {
    # The Worker lists only text: its listing shows no code at all.
    "code only in the HTML": CodeMail(
        "Confirm your address",
        "Please confirm your address.",
        "<p>Please confirm your address.</p><p>Your verification code:</p><p><b>620417</b></p>",
        "620417",
    ),
    "code only in the subject": CodeMail(
        "284610 is your verification code", "Welcome aboard! We are glad you joined.", None, "284610"
    ),
    "letter-digit code": CodeMail(
        "Sign in to Example", "Your verification code is K7P2QX. It expires soon.", None, "K7P2QX"
    ),
    "Chinese mail": CodeMail("【示例】验证码", "您的验证码是 583920，10分钟内有效。请勿泄露。", None, "583920"),
    # Past what the reader used to read of a big mail, and past the Worker's listing cut.
    "code after 50,000 characters": CodeMail(
        "Account update", _FILLER + "\nYour verification code is 905316.\n", None, "905316"
    ),
}


def send(fakes: dict, provider_id: str, address: str, mail: CodeMail) -> str:
    """Deliver ``mail`` through the service's fake; returns the service's id."""
    fake = fakes[provider_id]
    sender = "noreply@example.org"
    if provider_id == "gptmail":
        return fake.deliver(address, sender=sender, subject=mail.subject, text=mail.text, html=mail.html)
    if provider_id == "tempmailg":
        # The service keeps one body: the HTML when there is one.
        return fake.deliver(address, sender_email=sender, subject=mail.subject,
                            html=mail.html is not None, content=mail.html or mail.text)
    if provider_id == "catmails":
        return fake.deliver(address, sender=sender, subject=mail.subject, content=mail.html or mail.text)
    return fake.deliver(address, sender=sender, subject=mail.subject, text=mail.text, html=mail.html)


PROVIDERS = ("gptmail", "tempmailg", "catmails", "worker")
# (service, mail) pairs. The Worker serves at most 5,000 characters of text and
# 50,000 of HTML, in its listing and its detail alike: a code past that reaches
# no client, so the long mail is not asked of it.
CASES = [
    (provider_id, kind)
    for provider_id in PROVIDERS
    for kind in CODE_MAILS
    if not (provider_id == "worker" and kind == "code after 50,000 characters")
]
