"""``tempmail`` end to end, against the four loopback fakes, as scripts use it."""

from __future__ import annotations

import io
import json
import re
import sys
import threading
import time

import pytest
from aiohttp import web

from tempmail_desktop import cli
from tempmail_desktop.providers.registry import provider_info
from tests.cli.conftest import KEYS, deliver_later
from tests.fakes.tempmailg import TempMailGFake
from tests.fakes.worker import WorkerFake

ISO = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$")
ALL = ["gptmail", "tempmailg", "catmails", "worker"]


def deliver(fakes, pid, address, *, subject, text, html=None, sender="noreply@github.com"):
    f = fakes[pid]
    if pid == "gptmail":
        return f.deliver(address, sender=sender, subject=subject, text=text, html=html)
    if pid == "tempmailg":
        return f.deliver(address, sender_name="GitHub", sender_email=sender, subject=subject,
                         html=bool(html), content=html or text)
    if pid == "catmails":
        return f.deliver(address, sender=sender, subject=subject, content=html or text)
    return f.deliver(address, sender=sender, subject=subject, text=text, html=html)


def new_address(run, pid) -> str:
    mailbox = run.json("new", "-p", pid)
    assert mailbox["provider"] == pid
    return mailbox["address"]


def test_providers_lists_all_four_with_capabilities(fakes, run):
    rows = run.json("providers")
    assert [r["id"] for r in rows] == ALL
    for row in rows:
        assert row["has_key"] is True
        assert row["base_url"] == fakes[row["id"]].url
        assert "random-address" in row["capabilities"]
    assert "push" in next(r for r in rows if r["id"] == "catmails")["capabilities"]


@pytest.mark.parametrize("pid", ALL)
def test_new_inbox_show_round_trip(fakes, run, pid):
    address = new_address(run, pid)
    assert address in [m["address"] for m in run.json("list")]
    deliver(fakes, pid, address, subject="Your GitHub launch code", text="Use 482913 to sign in.")
    inbox = run.json("inbox", address)
    assert len(inbox) == 1
    summary = inbox[0]
    assert summary["subject"] == "Your GitHub launch code"
    assert summary["from"] == "noreply@github.com"
    assert summary["mailbox"] == address and summary["provider"] == pid
    assert ISO.match(summary["received_at"]), summary["received_at"]
    message = run.json("show", address, summary["id"])
    assert message["otp"] == "482913"
    assert "482913" in message["text"]
    code, out, _ = run("show", address, summary["id"], "--text")
    assert code == 0 and "482913" in out


@pytest.mark.parametrize("pid", ALL)
def test_wait_otp_prints_only_the_code_on_new_mail(fakes, run, pid):
    address = new_address(run, pid)
    deliver(fakes, pid, address, subject="Old mail", text="old code 111111")
    _thread, stamp = deliver_later(1.5, lambda: deliver(
        fakes, pid, address, subject="Verify your email", text="Your verification code is 730421."))
    code, out, err = run("wait", address, "--otp", "--timeout", "30")
    done = time.monotonic()
    assert code == 0, err
    assert out.strip() == "730421"
    latency = done - stamp[0]
    limit = 2.0 if pid == "catmails" else provider_info(pid).poll_active + 1.0
    assert latency < limit, f"{pid}: {latency:.2f}s after delivery"


def test_wait_json_carries_message_otp_and_link(fakes, run):
    address = new_address(run, "worker")
    deliver_later(1.0, lambda: deliver(
        fakes, "worker", address, subject="Confirm your account",
        text="Code 552211. Or open https://example.com/verify?token=abc", html=None))
    result = run.json("wait", address, "--timeout", "20")
    assert result["otp"] == "552211"
    assert result["link"] == "https://example.com/verify?token=abc"
    assert result["message"]["subject"] == "Confirm your account"


def test_wait_over_push_survives_a_dropped_socket(fakes, run):
    fake = fakes["catmails"]
    address = new_address(run, "catmails")

    def drop_then_deliver() -> None:
        time.sleep(1.0)
        fake.drop_sockets()
        time.sleep(2.5)
        deliver(fakes, "catmails", address, subject="Login code", text="Your code is 903217")

    threading.Thread(target=drop_then_deliver, daemon=True).start()
    code, out, err = run("wait", address, "--otp", "--timeout", "30")
    assert code == 0, err
    assert out.strip() == "903217"


def test_wait_times_out_with_exit_7(fakes, run):
    address = new_address(run, "worker")
    code, out, err = run("wait", address, "--timeout", "1")
    assert code == 7
    assert err.startswith("tempmail: worker: ") and err.count("\n") == 1


def test_show_still_prints_mail_the_service_deleted(fakes, run):
    address = new_address(run, "gptmail")
    message_id = deliver(fakes, "gptmail", address, subject="Keep me", text="code 246810")
    run.json("inbox", address)
    fakes["gptmail"].remove(message_id)
    inbox = run.json("inbox", address)
    assert [m["id"] for m in inbox] == [message_id]
    shown = run.json("show", address, message_id)
    assert shown["text"].startswith("code 246810")
    assert shown.get("deleted_upstream") is True


@pytest.mark.parametrize(
    ("fault", "retry_after", "exit_code", "words"),
    [
        ("500", None, 0, None),
        ("429", "3600", 4, "retry after"),
        ("badjson", None, 6, "not JSON"),
        ("html", None, 6, "HTML page"),
        ("401", None, 3, None),
    ],
)
@pytest.mark.parametrize("pid", ["gptmail", "worker"])
def test_faults_become_one_line_and_the_contract_exit_code(fakes, run, pid, fault, retry_after, exit_code, words):
    address = new_address(run, pid)
    times = 3 if fault == "html" else 1
    fakes[pid].fail_next(fault, times=times, retry_after=retry_after)
    code, out, err = run("inbox", address, "--json")
    assert code == exit_code, err
    if exit_code:
        assert err.startswith(f"tempmail: {pid}: "), err
        assert err.count("\n") == 1 and "Traceback" not in err
        assert KEYS[pid] not in err + out
        if words:
            assert words in err
    else:
        assert json.loads(out) == []


def test_a_wrong_key_exits_3_without_showing_it(fakes, run, monkeypatch):
    monkeypatch.setenv("TEMPMAIL_TEMPMAILG_KEY", "not-the-right-key-123")
    code, out, err = run("new", "-p", "tempmailg")
    assert code == 3
    assert "not-the-right-key-123" not in out + err
    assert err.startswith("tempmail: tempmailg: ")


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["domains", "-p", "gptmail"], "cannot list its domains"),
        (["new", "-p", "worker", "--prefix", "alice"], "cannot"),
    ],
)
def test_what_a_service_cannot_do_is_said_in_one_line(fakes, run, argv, words):
    code, out, err = run(*argv)
    assert code == 1
    assert words in err and err.count("\n") == 1


def test_clear_on_a_service_without_it_says_so(fakes, run):
    address = new_address(run, "catmails")
    code, _out, err = run("clear", address)
    assert code == 1 and "Cat Mails cannot clear" in err


def test_an_unknown_address_without_provider_is_a_usage_error(fakes, run):
    code, _out, err = run("inbox", "nobody@example.com")
    assert code == 2 and "-p" in err


def test_an_unknown_address_with_provider_is_remembered(fakes, run):
    deliver(fakes, "worker", "someone@mail.example.com", subject="Hi", text="hello")
    assert len(run.json("inbox", "someone@mail.example.com", "-p", "worker")) == 1
    assert "someone@mail.example.com" in [m["address"] for m in run.json("list")]
    assert len(run.json("inbox", "someone@mail.example.com")) == 1


def test_domains_lists_names(fakes, run):
    assert run.json("domains", "-p", "worker") == ["mail.example.com", "inbox.example.net"]
    assert "tmgbox.test" in run.json("domains", "-p", "tempmailg")


HOSTILE = [
    ("../../etc/passwd", b"root:x:0:0"),
    ("C:\\Windows\\evil.exe", b"MZ\x90\x00"),
    ("invoice\u202egpj.exe", b"\x00\x01binary\xff"),
    ("CON.txt", b"device"),
    ("..", b"dots"),
]


@pytest.mark.log_warnings_expected
@pytest.mark.parametrize("pid", ["gptmail", "tempmailg"])
def test_save_keeps_hostile_names_inside_the_folder_byte_exact(fakes, run, tmp_path, pid):
    address = new_address(run, pid)
    if pid == "gptmail":
        message_id = fakes[pid].deliver(address, sender="x@y.z", subject="files", text="see attached",
                                        attachments=[(n, d, "application/octet-stream") for n, d in HOSTILE])
    else:
        message_id = fakes[pid].deliver(address, subject="files", content="<p>see attached</p>",
                                        attachments=HOSTILE)
    run.json("inbox", address)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    first = [p for p in run.json("save", address, message_id, "--out", str(out_dir))]
    second = [p for p in run.json("save", address, message_id, "--out", str(out_dir))]
    assert len(first) == len(second) == len(HOSTILE)
    assert not set(first) & set(second), "a second save must never overwrite the first"
    files = sorted(out_dir.iterdir())
    assert len(files) == 2 * len(HOSTILE)
    assert {f.read_bytes() for f in files} == {d for _, d in HOSTILE}
    for f in files:
        assert f.parent == out_dir
        assert "\u202e" not in f.name and not f.name.startswith(".")
        assert f.name.upper() not in ("CON.TXT", "CON")
    assert not list(tmp_path.glob("**/*.part"))


def test_delete_clear_and_drop(fakes, run):
    address = new_address(run, "worker")
    first = deliver(fakes, "worker", address, subject="one", text="1")
    deliver(fakes, "worker", address, subject="two", text="2")
    run.json("inbox", address)
    code, _o, err = run("delete", address, first)
    assert code == 0, err
    assert [m["subject"] for m in run.json("inbox", address)] == ["two"]
    code, _o, err = run("clear", address)
    assert code == 0, err
    assert run.json("inbox", address) == []
    code, _o, err = run("drop", address)
    assert code == 0, err
    assert address not in [m["address"] for m in run.json("list")]


def test_drop_deletes_upstream_where_the_service_can(fakes, run):
    address = new_address(run, "tempmailg")
    code, out, err = run("drop", address)
    assert code == 0, err
    assert "deleted on the service" in out
    assert not fakes["tempmailg"].has_mailbox(address)


def test_key_set_reads_stdin_and_stores_in_the_keyring(fakes, run, monkeypatch, memory_keyring):
    monkeypatch.delenv("TEMPMAIL_WORKER_KEY")
    monkeypatch.setattr("sys.stdin", io.StringIO("tmp_test_key\n"))
    code, out, err = run("key", "set", "worker")
    assert code == 0, err
    assert "tmp_test_key" not in out + err
    assert "tmp_test_key" in memory_keyring.items.values()
    address = new_address(run, "worker")
    assert address.endswith(("mail.example.com", "inbox.example.net"))
    code, _o, _e = run("key", "delete", "worker")
    assert code == 0
    code, _o, err = run("new", "-p", "worker")
    assert code == 3 and "tempmail key set worker" in err


def test_usage_errors_exit_2(run):
    with pytest.raises(SystemExit) as caught:
        cli.main(["wait"])
    assert caught.value.code == 2


# -- hostile mail on the terminal ----------------------------------------------------------

TERMINAL_TRICKS = (
    "\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\x07"  # OSC 52: write the user's clipboard
    "\x1b]0;sudo password?\x07"  # OSC 0: the window title
    "\x1b[2J\x1b[H"  # CSI: clear the screen
    "\x9b2J"  # the same as a C1 control
    "\u202egpj.exe"  # right-to-left override
)
BIDI = "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def obeyed(text: str) -> list[str]:
    """What a terminal would act on in ``text`` (tab and newline aside)."""
    return [c for c in text if (ord(c) < 0x20 and c not in "\t\n") or 0x7F <= ord(c) <= 0x9F or c in BIDI]


def test_inbox_and_show_print_no_terminal_control_from_a_mail(fakes, run):
    address = new_address(run, "tempmailg")
    subject = f"Invoice {TERMINAL_TRICKS}\rPAID\nX-Fake-Line: 1"
    fakes["tempmailg"].deliver(address, sender_name=f"Bank\x1b[8m{TERMINAL_TRICKS}", subject=subject,
                               content=f"<p>Dear user {TERMINAL_TRICKS}</p>",
                               attachments=[(f"scan{TERMINAL_TRICKS}.pdf", b"%PDF")])

    code, inbox, err = run("inbox", address)
    assert code == 0, err
    assert obeyed(inbox) == []
    assert inbox.count("\n") == 1, "a subject must not fake more lines"
    assert "Invoice \\x1b]52;c;ZXZpbCBjbGlwYm9hcmQ=\\x07" in inbox and "\\u202egpj.exe\\x0dPAID\\x0aX-Fake" in inbox

    [summary] = run.json("inbox", address)
    assert summary["subject"] == subject, "--json keeps the subject exactly"
    code, raw_json, _ = run("inbox", address, "--json")
    assert obeyed(raw_json) == [], "--json escapes what JSON leaves raw (C1, bidi)"

    code, shown, err = run("show", address, summary["id"])
    assert code == 0, err
    assert obeyed(shown) == []
    assert "Subject:  Invoice \\x1b]52;" in shown and "Bank\\x1b[8m" in shown and "Attach:   scan\\x1b]52" in shown
    assert "Dear user \\x1b]52;" in shown


def test_show_parts_reach_a_pipe_as_they_are_and_a_terminal_escaped(fakes, run, monkeypatch):
    address = new_address(run, "worker")
    text, html = f"Hello {TERMINAL_TRICKS} world", f"<p>{TERMINAL_TRICKS}</p>"
    message_id = deliver(fakes, "worker", address, subject="parts", text=text, html=html)
    run.json("inbox", address)

    # Piped (``show --html > mail.html``): the mail's own text, byte for byte.
    assert run("show", address, message_id, "--text")[1] == text + "\n"
    assert run("show", address, message_id, "--html")[1] == html + "\n"

    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    for flag in ("--text", "--html"):
        code, out, err = run("show", address, message_id, flag)
        assert code == 0, err
        assert obeyed(out) == [] and "\\x1b]52;c;" in out


class HostileErrorsWorker(WorkerFake):
    """A worker whose error messages carry terminal control sequences."""

    def fail(self, error: str, status: int) -> web.Response:
        return super().fail(f"{error} {TERMINAL_TRICKS}\nsecond line", status)


def test_a_failure_quoting_the_service_prints_no_terminal_control(run, monkeypatch):
    with HostileErrorsWorker() as fake:
        monkeypatch.setenv("TEMPMAIL_WORKER_URL", fake.url)
        monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "not-the-worker-key-456")
        code, _out, err = run("new", "-p", "worker")
    assert code == 3
    assert err.startswith("tempmail: worker: ") and "\\x1b]52;" in err
    assert obeyed(err) == [] and err.count("\n") == 1


def test_a_key_with_a_line_break_is_refused_without_being_echoed(fakes, run, monkeypatch, memory_keyring):
    monkeypatch.delenv("TEMPMAIL_WORKER_KEY")
    monkeypatch.setattr("sys.stdin", io.StringIO("tmp_test_key\r\nX-Injected: yes\n"))
    code, out, err = run("key", "set", "worker")
    assert code == 3
    assert err == ("tempmail: worker: The key contains a line break (U+000D), which cannot be sent "
                   "to the service; paste it again without it.\n")
    assert "tmp_test_key" not in out + err and "Injected" not in out + err
    assert memory_keyring.items == {}

    monkeypatch.setenv("TEMPMAIL_WORKER_KEY", "tmp_test_key\nX-Injected: yes")
    code, out, err = run("new", "-p", "worker")
    assert code == 3, err
    assert err.startswith("tempmail: worker: The key in TEMPMAIL_WORKER_KEY contains a line break")
    assert "unexpected" not in err and "tmp_test_key" not in out + err and "Injected" not in out + err
    assert not fakes["worker"].seen("/api/"), "the key was sent"


class SurrogateTempMailG(TempMailGFake):
    """TempMailG answering JSON with ASCII escapes, as many servers do: a
    lone surrogate then arrives as a valid ``"\\ud800"``."""

    @staticmethod
    def json(payload, status: int = 200, headers: dict | None = None) -> web.Response:
        return web.Response(text=json.dumps(payload), status=status, content_type="application/json",
                            headers=headers)


def test_a_mail_with_a_lone_surrogate_is_listed_and_read(run, monkeypatch):
    with SurrogateTempMailG() as fake:
        monkeypatch.setenv("TEMPMAIL_TEMPMAILG_URL", fake.url)
        monkeypatch.setenv("TEMPMAIL_TEMPMAILG_KEY", KEYS["tempmailg"])
        address = new_address(run, "tempmailg")
        fake.deliver(address, sender_name="Eve \ud800", subject="Caf\ud800 menu",
                     content="<p>Today: caf\udfff au lait</p>")

        code, out, err = run("inbox", address)
        assert code == 0, err
        assert "Eve \ufffd  Caf\ufffd menu" in out
        [summary] = run.json("inbox", address)
        code, out, err = run("show", address, summary["id"])
        assert code == 0, err
        assert "Subject:  Caf\ufffd menu" in out and "Today: caf\ufffd au lait" in out
        assert run.json("show", address, summary["id"])["from_name"] == "Eve \ufffd"


def test_inbox_json_into_head_ends_quietly(fakes, run):
    """``tempmail inbox --json | head -1``: head leaves after one line and the
    rest of the output meets a closed pipe. That is the reader's choice, not
    a failure: no "unexpected error", no traceback."""
    import os
    import subprocess

    address = new_address(run, "worker")
    for number in range(60):  # well over a pipe's 64 KB of JSON, so writes go on after head left
        deliver(fakes, "worker", address, subject=f"Letter {number} " + "x" * 2000, text="Hello.")
    shell = subprocess.run(
        ["sh", "-c", f'"{sys.executable}" -m tempmail_desktop.cli inbox {address} --json | head -1'],
        capture_output=True, text=True, timeout=60, env=dict(os.environ),
    )
    assert shell.stdout == "[\n"
    assert "unexpected" not in shell.stderr
    assert "Traceback" not in shell.stderr
    assert "Exception ignored" not in shell.stderr
    assert "BrokenPipe" not in shell.stderr

    # The command's own exit status (a pipeline reports head's): 0, or 141 as after SIGPIPE.
    with subprocess.Popen([sys.executable, "-m", "tempmail_desktop.cli", "inbox", address, "--json"],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=dict(os.environ)) as child:
        assert child.stdout.readline() == b"[\n"
        child.stdout.close()
        errors = child.stderr.read().decode()
        status = child.wait(timeout=60)
    assert status in (0, 141)
    assert errors == ""
