"""The user-facing texts of the Qt-free layers (core/, providers/, service/):
errors, key problems, watcher and settings messages, each declared once.

A text is a :class:`Template`: English with named placeholders (``{service}``).
Filling one gives a :class:`Said`, a ``str`` (the English, for the command
and the logs) that remembers its template and arguments, so the window can
look the template up in its translation (context ``Errors``) and fill in the
same arguments. An argument may itself be a Said (a phrase such as "the mail
list"), translated the same way; any other argument (an address, what a
service said) is shown as it is.

How to get out of a failure is not part of these texts: an error names its
way out by id (:class:`WayOut`) and each surface says it in its own words
(the command in cli.py, the window in ui/error_words.py).

scripts/update_translations.sh merges :data:`CATALOG` into the Chinese
catalogue, since lupdate does not read this module.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

CONTEXT = "Errors"  # the translation context of every template here

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, args: Mapping[str, object]) -> str:
    """``template`` with each ``{name}`` replaced by ``str(args[name])``.

    Only plain names are filled (no format specs, no attribute access), so a
    translation can never reach into an argument; an unknown name is left
    as it is."""
    return _PLACEHOLDER.sub(lambda m: str(args[m.group(1)]) if m.group(1) in args else m.group(0), template)


def placeholders(template: str) -> set[str]:
    return set(_PLACEHOLDER.findall(template))


class Said(str):
    """English text filled from a catalog template; ``str`` everywhere, and
    translatable where a surface knows how (``template``, ``args``)."""

    template: str
    comment: str
    args: dict[str, object]

    def __new__(cls, template: Template, args: Mapping[str, object]) -> Said:
        self = super().__new__(cls, fill(template.english, args))
        self.template = template.english
        self.comment = template.comment
        self.args = dict(args)
        return self

    def __reduce__(self):  # a plain str when pickled or copied: the template is for display only
        return (str, (str(self),))


@dataclass(frozen=True)
class Template:
    english: str
    # Tells a translator (and Qt's lookup, as the disambiguation) what a bare text is.
    comment: str = ""
    line: int = 0  # where it is declared, for the translation file

    def __call__(self, **args: object) -> Said:
        missing = placeholders(self.english) - args.keys()
        if missing:
            raise TypeError(f"{self.english!r} needs {sorted(missing)}")
        return Said(self, args)


CATALOG: list[Template] = []
_PHRASES: dict[str, Template] = {}


def text(english: str, comment: str = "") -> Template:
    template = Template(english, comment, sys._getframe(1).f_lineno)
    CATALOG.append(template)
    return template


def _phrases(comment: str, *englishes: str) -> None:
    for english in englishes:
        _PHRASES[english] = Template(english, comment, sys._getframe(1).f_lineno)
        CATALOG.append(_PHRASES[english])


def phrase(english: str) -> str:
    """A declared phrase ("the mail list") as a translatable Said; an
    undeclared one stays plain English (tests/core/test_texts.py keeps the
    literals the code passes declared)."""
    template = _PHRASES.get(english)
    return template() if template is not None else english


class WayOut(StrEnum):
    """How the user gets out of a failure; each surface words it itself."""

    SET_KEY = "set-key"  # set (another) key for the service
    STORE_KEY_AGAIN = "store-key-again"  # the stored key is unusable: store it anew
    KEEP_FOR_SESSION = "keep-for-session"  # no keyring: the window can keep a key in memory
    WAIT_QUOTA = "wait-quota"  # the quota lifts by itself
    NAME_PROVIDER = "name-provider"  # an address the app does not know: say which service it is on


# -- texts that wrap what a service said --------------------------------------------

SERVICE_WORDS = text("{said}", "a service's own words, shown as they are")

# -- quota (core/errors.py) -------------------------------------------------------------

QUOTA_REACHED = text("quota or rate limit reached")
QUOTA_REACHED_SAID = text("quota or rate limit reached (the service said: {said})")
QUOTA_SAID = text("{said}", "a service's own words about its quota or rate limit, which already say so")
GPTMAIL_QUOTA = text("{said} (the key's daily calls are used up; they reset at {when} UTC)")

# -- keys (core/keys.py, service/secrets.py) --------------------------------------------

KEY_HAS_LINE_BREAK = text("a line break (U+{code})")
KEY_HAS_CONTROL = text("a control character (U+{code})")
KEY_HAS_NON_ASCII = text("a character that is not plain ASCII (U+{code})")
KEY_UNSENDABLE = text("The key contains {problem}, which cannot be sent to the service; paste it again without it.")
ENV_KEY_UNSENDABLE = text(
    "The key in {variable} contains {problem}, which cannot be sent to the service; "
    "set {variable} to the key alone.")
STORED_KEY_UNSENDABLE = text(
    "The {provider} key stored in the OS keyring contains {problem}, which cannot be sent to the service.")
KEY_EMPTY = text("The key is empty.")
KEY_FROM_ENV = text("environment variable {variable}")
KEY_FROM_KEYRING = text("OS keyring ({backend})")
KEY_FOR_SESSION = text("this session only")
KEY_DEFAULT = text("the service's public test key")
KEY_NONE = text("no key set")
NO_KEYRING = text(
    "No OS keyring is available (no Secret Service running). Start your desktop's keyring "
    "(GNOME Keyring, KWallet) or set the environment variable {variable}.")
NO_KEYRING_SAID = text(
    "No OS keyring is available (no Secret Service running). Start your desktop's keyring "
    "(GNOME Keyring, KWallet) or set the environment variable {variable}. ({said})")
KEYRING_TIMEOUT = text(
    "The keyring did not answer within {seconds} s. Check that your desktop's keyring service "
    "is running and not waiting for a password.")
KEYRING_LOCKED = text(
    "The keyring is locked. Unlock it (log in to your desktop session or open your keyring app) "
    "and try again.")
KEYRING_NOT_OPENED = text("The OS keyring could not be opened: {said}")
KEYRING_NO_DBUS = text("The OS keyring could not be reached over D-Bus: {said}")
KEYRING_REFUSED = text("The OS keyring refused: {said}")
KEYRING_FAILED = text("The OS keyring failed ({kind}): {said}")

# -- every service (providers/base.py, providers/http.py) ---------------------------------

NO_KEY = text("no API key for {service}")
KEY_REJECTED = text("the API key was rejected")
TEST_KEY_REFUSED = text("{said} (the public test key was refused)")
CANNOT = text("{service} cannot {what}", "{what} is one of the phrases of what a service cannot do")
ANSWERED_HTML = text("answered with an HTML page (HTTP {status}) instead of its API's JSON")
ANSWERED_NOT_JSON = text("answered with a broken response that is not JSON (HTTP {status}) instead of its API's JSON")
UNEXPECTED_SHAPE = text("sent {what} in an unexpected shape", "{what} is one of the phrases of what a service sent")
NOT_FOUND = text("not found")
NO_MESSAGE_IN = text("no message {message} in {address}")
SERVICE_FAILING = text("service failing (HTTP {status})")
SERVICE_FAILING_SAID = text("service failing (HTTP {status}): {said}")
REQUEST_REFUSED = text("request refused (HTTP {status})")
NOT_AN_ADDRESS = text("'{address}' is not an email address")
UNKNOWN_PROVIDER = text("unknown provider '{provider}' (known: {known})")
CANNOT_REACH = text("cannot reach the service ({reason})")
DOWNLOAD_INTERRUPTED = text("download interrupted ({reason})")
NO_ANSWER = text("no answer")
NO_NETWORK = text("connection refused or no network")
TIMED_OUT = text("timed out")
CONNECTION_DROPPED = text("connection dropped")
CONNECTION_REFUSED = text("connection refused")

# -- the mail service (service/mail.py) -------------------------------------------------

NOT_REMEMBERED = text("'{address}' is not a mailbox this app remembers")
NOT_A_FOLDER = text("'{folder}' is not a folder")
NO_ATTACHMENTS = text("message {message} has no attachments")

# -- GPTMail ------------------------------------------------------------------------------

GPTMAIL_PREFIX_RULE = text(
    "'{prefix}' cannot be used: a GPTMail prefix is 1 to 32 characters: letters A-Z/a-z, "
    "digits 0-9, dot (.), underscore (_) and hyphen (-) only")
NOT_A_DOMAIN_LIKE = text("'{domain}' is not a domain name (like example.com)")
DOMAIN_NOT_SUPPORTED = text("domain not supported")
DOMAIN_NOT_ACTIVE = text(
    "{domain} is not an active GPTMail domain (the service offered {address} instead); "
    "pick another domain or leave it out")
WRONG_PREFIX_MADE = text("was asked for prefix '{prefix}' but made {address}")
GPTMAIL_NO_MESSAGE = text("no message {message} for {address} ({said}); it may have been deleted or expired")
UNREADABLE_HOUR = text("sent hourly statistics with an unreadable hour")

# -- TempMailG ------------------------------------------------------------------------------

TEMPMAILG_KEY_REJECTED = text("{service} rejected the API key")
TEMPMAILG_KEY_REJECTED_SAID = text("{service} rejected the API key ({said})")
KEY_NOT_ALLOWED = text("the API key is not allowed for this mailbox or message")
KEY_NOT_ALLOWED_FOR = text("the API key is not allowed for {what} (it belongs to another account)")
MAILBOX_NAMED = text("mailbox {address}", "what a key may not touch, in 'not allowed for …'")
MESSAGE_NAMED = text("message {message}", "what a key may not touch, in 'not allowed for …'")
TEMPMAILG_USERNAME_RULE = text(
    "'{prefix}' cannot be a {service} username: use 1-64 letters, digits, '.', '_' or '-', "
    "starting and ending with a letter or digit")
NOT_A_DOMAIN = text("'{domain}' is not a domain name")
MESSAGE_ID_NEEDED = text("a message id is needed")
DOMAIN_TYPE_CHOICES = text("domain type must be one of {choices}, not '{kind}'")
PLAN_LACKS_DOMAINS = text("this key's plan does not include {kind} domains (it allows: {allowed})")
NONE_ALLOWED = text("none", "no domain types at all, in 'it allows: none'")
NO_MESSAGE_ID = text("sent a message without an id")
DOWNLOAD_REFUSED = text("refused the download (HTTP {status})")
DOWNLOAD_REDIRECT = text("answered the download with a redirect (HTTP {status})")
DOWNLOAD_SHORT = text("sent {done} of the {total} bytes of {name}")

# -- Cat Mails ------------------------------------------------------------------------------

CATMAILS_KEY_REFUSED = text("the API key was refused ({said})")
CATMAILS_SCOPE = text("the API key may not read that mailbox ({said})")
CATMAILS_NO_ADDRESS = text("no mailbox address was given ({said})")
CATMAILS_BAD_WS_URL = text("the Cat Mails WebSocket URL is not a valid ws:// or wss:// address")
PUSH_DROPPED = text("the push connection dropped ({reason})")
PUSH_KEY_REFUSED = text("the push service refused the API key (HTTP {status})")
PUSH_REFUSED = text("the push service refused the connection (HTTP {status})")
PUSH_CANNOT_OPEN = text("cannot open the push connection ({reason})")
PUSH_CLOSED = text("the push service closed the connection")
PUSH_ERROR = text("the push service reported an error")

# -- Worker -----------------------------------------------------------------------------------

NO_MESSAGE_TO_DELETE = text("no message {message} to delete")
DID_NOT_CLEAR = text("did not clear {address}")
NO_FOUND_FLAG = text("sent a code scan without 'found'")
FOUND_NO_CODE = text("said it found a code but sent none")
DOMAIN_WITHOUT_NAME = text("sent a domain without a name")
NEW_ADDRESS_NOT_ADDRESS = text("sent a new address that is not an email address")
MAIL_WITHOUT_ID = text("sent a mail without an id")

# -- how to get a key (each provider's ProviderInfo.key_help, shown in Settings) ----------

GPTMAIL_KEY_HELP = text(
    "Works out of the box with the public test key gpt-test. A personal key "
    "(about 2000 calls a day) comes from the Linux Do CDK platform.")
TEMPMAILG_KEY_HELP = text(
    "Generate a personal user API key on TempMailG's API page; "
    "it is sent as 'Authorization: Bearer <key>'.")
CATMAILS_KEY_HELP = text("Your Cat Mails API key (starts with mk_), from your account on mails.cat.")
WORKER_KEY_HELP = text("An API key starting with tmp_, from the dashboard of the TempMail worker.")

# -- settings (service/settings.py) --------------------------------------------------------

URL_SCHEME = text("{what} must be a {wanted} address, not {value}.")
A_SERVICE_ADDRESS = text("A service address")
A_WEBSOCKET_ADDRESS = text("A WebSocket address")
OR = text("{first} or {second}", "two kinds of address, as in 'http:// or https://'")
SECONDS_NEGATIVE = text("The number of seconds cannot be negative.")
SETTING_KIND = text("The setting {key} must be {kind}, not {value}.")
KIND_TEXT = text("text", "a kind of setting value")
KIND_BOOL = text("true or false", "a kind of setting value")
KIND_INT = text("a whole number", "a kind of setting value")
SETTING_CHOICE = text("The setting {key} must be one of {choices}, not {value}.")
SETTING_PROBLEM = text("The setting {key}: {problem}")

# -- phrases: what a service cannot do ({what} of CANNOT) -------------------------------------

_phrases(
    "what a service cannot do, after '… cannot'",
    "open an address it did not create", "list its domains", "create addresses",
    "list the mailboxes of a key", "rename an address", "delete an address", "list mail",
    "delete a message", "clear a mailbox", "download attachments", "push new mail",
    "find codes on the server", "report its health", "take domain requests",
    "choose the name or domain of a new address",
    "create an address with a chosen name (addresses are random)",
    "create an address on a chosen domain (the service picks it)",
    "give the raw source of a message",
)

# -- phrases: what a service sent ({what} of UNEXPECTED_SHAPE and KEY_NOT_ALLOWED_FOR) ---------

_phrases(
    "something a service sent, after 'sent …' or 'not allowed for …'",
    "a mailbox", "a message", "a new address", "an attachment", "attachments", "a mail",
    "its domains", "its mailbox list", "the mail list", "the message", "the new mailbox",
    "the clear result", "the domain request", "statistics", "hourly statistics",
    "top subjects", "top domains", "top senders", "its health", "its domain list",
    "the new address", "the inbox", "the deletion", "the clearing", "its code scan",
    "the message list",
)
