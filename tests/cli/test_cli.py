"""``tempmail`` end to end, against the four loopback fakes, as scripts use it."""

from __future__ import annotations

import io
import json
import re
import threading
import time

import pytest

from tempmail_desktop import cli
from tempmail_desktop.providers.registry import provider_info
from tests.cli.conftest import KEYS, deliver_later

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
