"""The ``tempmail`` command, exactly as ../shared/contract.md fixes it.

Plain output is for people, ``--json`` for scripts. Every failure is one line
on stderr, ``tempmail: PROVIDER: what went wrong``, with the contract's exit
code; never a traceback, never a key.

Whatever a mail or a service wrote is printed through
:mod:`tempmail_desktop.core.terminal`: a subject's escape sequence is shown
as ``\\x1b``, never obeyed by the terminal.
"""

from __future__ import annotations

import argparse
import asyncio
import getpass
import json
import logging
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from . import __version__
from .core import log_names
from .core.errors import QuotaError, TempmailError, UsageError
from .core.keys import env_var_name
from .core.texts import WayOut
from .core.models import Mailbox, Message
from .core.redact import redact
from .core.terminal import printable, printable_line, terminal_safe_json, writable
from .core.timeutil import utcnow
from .providers.registry import PROVIDERS, provider_class
from .service import settings as settings_mod
from .service.logs import setup_logging
from .service.mail import MailService
from .service.secrets import KeySource, Secrets
from .service.settings import Settings
from .service.store import Store
from .service.watcher import wait_for_new_message

log = logging.getLogger(log_names.CLI)

DEFAULT_WAIT_TIMEOUT = 120.0
EXIT_READER_LEFT = 141  # 128 + SIGPIPE, what a shell reports for a writer whose reader left
MAX_KEY_INPUT = 64 * 1024  # what ``key set`` reads from a pipe at most


class Parser(argparse.ArgumentParser):
    """argparse that exits 2 with its usage, as the contract allows."""

    def error(self, message: str) -> None:  # type: ignore[override]
        self.print_usage(sys.stderr)
        self.exit(2, f"tempmail: {message}\n")


def build_parser() -> Parser:
    parser = Parser(prog="tempmail", description="Temporary email from the command line.")
    parser.add_argument("--version", action="version", version=f"tempmail {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    ids = list(PROVIDERS)

    def add(name: str, help_text: str, *, json_flag: bool = True) -> Parser:
        p = sub.add_parser(name, help=help_text, description=help_text)
        if json_flag:
            p.add_argument("--json", action="store_true", help="print JSON for scripts")
        return p

    def provider_opt(p: Parser) -> None:
        p.add_argument("-p", "--provider", choices=ids, help="the service (default: remembered, or gptmail)")

    add("providers", "list the services and what they can do")

    key = sub.add_parser("key", help="store or delete an API key in the OS keyring")
    key_sub = key.add_subparsers(dest="key_command", required=True, parser_class=Parser)
    for name, help_text in (("set", "store a key (read from stdin, or a hidden prompt)"), ("delete", "delete a stored key")):
        kp = key_sub.add_parser(name, help=help_text)
        kp.add_argument("provider", choices=ids)

    p = add("domains", "list the domains a service offers")
    provider_opt(p)

    p = add("new", "create a new address")
    provider_opt(p)
    p.add_argument("--prefix", help="the part before @ (where the service lets you choose)")
    p.add_argument("--domain", help="the domain (where the service lets you choose)")

    add("list", "the mailboxes this app remembers")

    p = add("inbox", "list the mail in a mailbox, newest first")
    p.add_argument("address")
    provider_opt(p)

    p = sub.add_parser("show", help="show one message")
    p.add_argument("address")
    p.add_argument("message_id")
    provider_opt(p)
    form = p.add_mutually_exclusive_group()
    for flag in ("--json", "--text", "--html", "--raw"):
        form.add_argument(flag, action="store_true")

    p = add("wait", "wait for the next new message")
    p.add_argument("address")
    provider_opt(p)
    p.add_argument("--timeout", type=float, default=DEFAULT_WAIT_TIMEOUT, metavar="SECONDS")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--otp", action="store_true", help="print only the verification code")
    what.add_argument("--link", action="store_true", help="print only the verification link")

    p = add("save", "save a message's attachments")
    p.add_argument("address")
    p.add_argument("message_id")
    provider_opt(p)
    p.add_argument("--out", type=Path, default=Path("."), metavar="DIR")

    p = sub.add_parser("delete", help="delete one message")
    p.add_argument("address")
    p.add_argument("message_id")
    provider_opt(p)

    for name, help_text in (("clear", "delete all mail in a mailbox"), ("drop", "delete a mailbox upstream where possible, and forget it")):
        p = sub.add_parser(name, help=help_text)
        p.add_argument("address")
        provider_opt(p)
    return parser


# -- output helpers -------------------------------------------------------


def emit_json(value) -> None:
    print(terminal_safe_json(json.dumps(value, ensure_ascii=False, indent=2)))


def say(text: str) -> None:
    """One line of plain output: control characters from a mail or a
    service are shown as escapes, a line break in a subject included."""
    print(printable_line(text))


def emit_part(text: str) -> None:
    """One part of a mail as it is (``show --text / --html / --raw``).

    These are for piping (``show --html > mail.html``), where the bytes must
    be the mail's own, so a pipe or a file gets them unchanged (only a lone
    surrogate, which cannot be written at all, becomes U+FFFD). A terminal,
    though, would obey the escape sequences in them, so there they are
    shown escaped, as in the plain view.
    """
    isatty = getattr(sys.stdout, "isatty", None)
    if isatty is not None and isatty():
        text = printable(text)
    else:
        text = writable(text)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def local_time(value: datetime | None) -> str:
    if value is None:
        return "-"
    return value.astimezone().strftime("%Y-%m-%d %H:%M")


def describe_reset(error: QuotaError) -> str:
    if error.reset_at is None:
        return ""
    minutes = max(0, int((error.reset_at - utcnow()).total_seconds() // 60))
    when = error.reset_at.strftime("%Y-%m-%d %H:%M UTC")
    return f"; retry after {when} (in {minutes // 60} h {minutes % 60} min)" if minutes >= 60 else f"; retry after {when} (in {minutes} min)"


# The command's words for an error's way out; the window has its own
# (ui/error_words.py). A way out missing here (keep a key for this session
# only) is one only the window can take, so the command offers nothing.
COMMAND_WAYS_OUT = {
    WayOut.SET_KEY: "run 'tempmail key set {provider}' or set {variable}",
    WayOut.STORE_KEY_AGAIN: "store it again with 'tempmail key set {provider}'",
    WayOut.NAME_PROVIDER: "name its provider with -p",
}


def command_way_out(error: TempmailError, provider: str | None) -> str:
    if isinstance(error, QuotaError):
        return describe_reset(error).removeprefix("; ")
    words = COMMAND_WAYS_OUT.get(error.way_out) if error.way_out else None
    if words is None:
        return ""
    pid = error.provider or provider or "PROVIDER"
    return words.format(provider=pid, variable=env_var_name(pid) if pid != "PROVIDER" else "TEMPMAIL_<ID>_KEY")


def failure_line(error: TempmailError, provider: str | None) -> str:
    text = str(error)
    way_out = command_way_out(error, provider)
    if way_out:
        sentence = text.endswith(".")
        text = f"{text.rstrip('.')}; {way_out}" + ("." if sentence else "")
    who = error.provider or provider
    # A service's error text is anyone's text: one line, nothing a terminal obeys.
    return printable_line(redact(f"tempmail: {who}: {text}" if who else f"tempmail: {text}"))


# -- commands -------------------------------------------------------------


class Cli:
    def __init__(self, args: argparse.Namespace, service: MailService) -> None:
        self.args = args
        self.service = service
        self.store = service.store

    async def mailbox(self) -> Mailbox:
        return await self.service.resolve_mailbox(self.args.address, self.args.provider)

    async def cmd_providers(self) -> int:
        rows = []
        for pid, cls in PROVIDERS.items():
            try:
                lookup = await self.service.key_lookup(pid)
                has_key, source = lookup.key is not None, lookup.detail
            except TempmailError as exc:
                has_key, source = False, str(exc)
            rows.append(
                {
                    "id": pid,
                    "name": cls.info.name,
                    "base_url": settings_mod.base_url(self.service.settings, pid, cls.info.default_base_url),
                    "has_key": has_key,
                    "key_source": source,
                    "capabilities": sorted(c.value for c in cls.info.capabilities),
                }
            )
        if self.args.json:
            emit_json(rows)
        else:
            for row in rows:
                key = "key: " + (row["key_source"] if row["has_key"] else "none")
                say(f"{row['id']:<10} {row['name']:<20} {row['base_url']}  ({key})")
                say(f"{'':<10} {', '.join(row['capabilities'])}")
        return 0

    async def cmd_key(self) -> int:
        pid = self.args.provider
        secrets = self.service.secrets
        if self.args.key_command == "delete":
            await secrets.delete(pid)
            print(f"Deleted the {pid} key from the OS keyring.")
            return 0
        if sys.stdin is not None and sys.stdin.isatty():
            key = getpass.getpass(f"API key for {pid}: ")
        else:
            # All of it, not one line: a key with a line break inside must be
            # refused, not cut silently at the break.
            key = sys.stdin.read(MAX_KEY_INPUT) if sys.stdin is not None else ""
        key = key.strip()
        if not key:
            raise UsageError("no key given (pipe it in, or type it at the prompt)", provider=pid)
        await secrets.set(pid, key)
        print(f"Stored the {pid} key in the OS keyring.")
        env = f"{provider_class(pid).info.env_prefix}_KEY"
        lookup = await secrets.get(pid)
        if lookup.source is KeySource.ENV:
            print(f"Note: {env} is set and wins over the keyring.", file=sys.stderr)
        return 0

    async def cmd_domains(self) -> int:
        provider = await self.service.provider(self.args.provider or self.service.default_provider_id())
        domains = await provider.domains()
        if self.args.json:
            emit_json([d.name for d in domains])
        else:
            for d in domains:
                say(d.name + (f"  ({d.kind})" if d.kind else ""))
        return 0

    async def cmd_new(self) -> int:
        pid = self.args.provider or self.service.default_provider_id()
        mailbox = await self.service.create_mailbox(pid, prefix=self.args.prefix, domain=self.args.domain)
        if self.args.json:
            emit_json(mailbox.to_json())
        else:
            say(mailbox.address)
        return 0

    async def cmd_list(self) -> int:
        mailboxes = self.store.mailboxes()
        if self.args.json:
            emit_json([m.to_json() for m in mailboxes])
        else:
            for m in mailboxes:
                expiry = f"  expires {local_time(m.expires_at)}" if m.expires_at else ""
                say(f"{m.address}  ({m.provider}){expiry}")
        return 0

    async def cmd_inbox(self) -> int:
        mailbox = await self.mailbox()
        await self.service.refresh(mailbox)
        messages = self.service.stored_messages(mailbox)
        if self.args.json:
            emit_json([m.summary_json() for m in messages])
        else:
            if not messages:
                say(f"No mail in {mailbox.address} yet.")
            for m in messages:
                mark = " (kept locally)" if m.deleted_upstream else ""
                sender = m.from_name or m.from_addr
                say(f"{m.id}  {local_time(m.received_at)}  {sender}  {m.subject}{mark}")
        return 0

    async def cmd_show(self) -> int:
        mailbox = await self.mailbox()
        message = await self.service.open_message(mailbox, self.args.message_id)
        self.store.mark_seen(mailbox.provider, mailbox.address, message.id)
        args = self.args
        if args.json:
            emit_json(message.to_json())
        elif args.html:
            if not message.html:
                raise UsageError("this message has no HTML part", provider=mailbox.provider)
            emit_part(message.html)
        elif args.raw:
            if not message.raw:
                provider = await self.service.provider(mailbox.provider)
                raise provider.unsupported("give the raw source of a message")
            emit_part(message.raw)
        elif args.text:
            emit_part(message.text)
        else:
            print(render_plain(message))
        return 0

    async def cmd_wait(self) -> int:
        mailbox = await self.mailbox()
        want_otp, want_link = self.args.otp, self.args.link

        def accept(message: Message) -> bool:
            # --otp / --link wait for a mail that has one: sign-ups often send a welcome first.
            # The stored code and link (worked out once, from the detail too where the
            # listing had no HTML: see MailService.refresh).
            if want_otp:
                return message.code is not None
            if want_link:
                return message.link is not None
            return True

        # Listed while it waits, so an open window checks this mailbox quickly too
        # (its watcher may be at the idle interval); ended however the wait ends.
        with self.store.waiting(mailbox.provider, mailbox.address, timeout=self.args.timeout):
            message = await wait_for_new_message(self.service, mailbox, timeout=self.args.timeout, accept=accept)
        otp, link = message.code, message.link
        if self.args.json:
            emit_json({"message": message.to_json(), "otp": otp, "link": link})
        elif want_otp:
            say(str(otp))
        elif want_link:
            say(str(link))
        else:
            print(render_plain(message))
        return 0

    async def cmd_save(self) -> int:
        mailbox = await self.mailbox()
        message = await self.service.open_message(mailbox, self.args.message_id)
        paths = await self.service.save_attachments(mailbox, message, self.args.out)
        if self.args.json:
            emit_json([str(p) for p in paths])
        else:
            for p in paths:
                say(str(p))
        return 0

    async def cmd_delete(self) -> int:
        mailbox = await self.mailbox()
        await self.service.delete_message(mailbox, self.args.message_id)
        say(f"Deleted message {self.args.message_id}.")
        return 0

    async def cmd_clear(self) -> int:
        mailbox = await self.mailbox()
        count = await self.service.clear_mailbox(mailbox)
        say(f"Cleared {mailbox.address}" + (f" ({count} messages)." if count is not None else "."))
        return 0

    async def cmd_drop(self) -> int:
        mailbox = await self.mailbox()
        deleted = await self.service.drop_mailbox(mailbox)
        where = "deleted on the service and forgotten" if deleted else "forgotten (the service keeps it until it expires)"
        say(f"{mailbox.address}: {where}.")
        return 0


def render_plain(message: Message) -> str:
    """The mail for people: header fields on one line each, then the text,
    with nothing in them a terminal would obey (see core/terminal.py)."""
    sender = message.from_name + " <" + message.from_addr + ">" if message.from_name else message.from_addr
    header = [
        ("From", sender),
        ("To", message.mailbox),
        ("Subject", message.subject),
        ("Date", local_time(message.received_at)),
    ]
    if message.code:
        header.append(("Code", message.code))
    attachments = [a for a in message.attachments if not a.inline]
    if attachments:
        header.append(("Attach", ", ".join(a.name for a in attachments)))
    if message.deleted_upstream:
        header.append(("Note", "the service has deleted this mail; this is the local copy"))
    lines = [f"{name + ':':<10}{printable_line(value)}" for name, value in header]
    lines.append("")
    lines.append(printable(message.text))
    return "\n".join(lines)


async def run(args: argparse.Namespace) -> int:
    settings = Settings.load()
    store = Store()
    service = MailService(store=store, settings=settings, secrets=Secrets())
    cli = Cli(args, service)
    try:
        handler = getattr(cli, "cmd_" + args.command)
        return await handler()
    finally:
        await service.aclose()
        store.close()


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    setup_logging(filename="tempmail-cli.log")
    provider = getattr(args, "provider", None)
    try:
        code = asyncio.run(run(args))
        sys.stdout.flush()  # inside the try: a reader that left (``| head -1``) shows here too
        return code
    except BrokenPipeError:
        return _reader_left()
    except TempmailError as error:
        print(failure_line(error, provider), file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("tempmail: interrupted", file=sys.stderr)
        return 130
    except Exception as error:  # a bug: one line for the user, the trace in the log
        log.exception("unexpected failure")
        said = redact(f"tempmail: unexpected error ({type(error).__name__}: {error}); see the log")
        print(printable_line(said), file=sys.stderr)
        return 1


def _reader_left() -> int:
    """The pipe we print into was closed by its reader (``| head -1``): the
    reader chose to stop, so end quietly with the status a shell gives after
    SIGPIPE. What Python still holds for stdout goes to /dev/null, or its
    flush at exit would fail again and print "Exception ignored"."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no real file descriptor (stdout replaced in-process)
        pass
    finally:
        os.close(devnull)
    return EXIT_READER_LEFT


if __name__ == "__main__":
    sys.exit(main())
