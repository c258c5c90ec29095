"""One code everywhere, from the command (issue 9, item 3): ``wait --otp``,
``inbox --json`` and ``show --json`` carry the code the store worked out, for
the same table of mails the window is tested with (tests/one_code_mails.py).
The real command against the four loopback fakes."""

from __future__ import annotations

import pytest

from tests.cli.conftest import deliver_later
from tests.cli.test_cli import new_address
from tests.one_code_mails import CASES, CODE_MAILS, CodeMail, send


@pytest.mark.parametrize(("pid", "kind"), CASES)
def test_wait_inbox_and_show_carry_the_one_code(fakes, run, pid, kind):
    mail = CODE_MAILS[kind]
    address = new_address(run, pid)
    deliver_later(1.0, lambda: send(fakes, pid, address, mail))

    code, out, err = run("wait", address, "--otp", "--timeout", "30")
    assert code == 0, err
    assert out.strip() == mail.code

    [summary] = [m for m in run.json("inbox", address) if m["subject"] == mail.subject]
    assert summary["otp"] == mail.code
    assert run.json("show", address, summary["id"])["otp"] == mail.code


def test_wait_link_reads_the_detail_when_the_listing_has_no_html(fakes, run):
    # The Worker lists only text; the link stands only in the HTML.
    address = new_address(run, "worker")
    mail = CodeMail(
        "Confirm your account", "Thanks for signing up.",
        '<p>Thanks for signing up.</p><p><a href="https://example.com/verify?token=abc">Confirm</a></p>', "",
    )
    deliver_later(1.0, lambda: send(fakes, "worker", address, mail))

    code, out, err = run("wait", address, "--link", "--timeout", "20")

    assert code == 0, err
    assert out.strip() == "https://example.com/verify?token=abc"
    [summary] = run.json("inbox", address)
    assert summary["link"] == "https://example.com/verify?token=abc"
    detail_reads = [p for p in fakes["worker"].raw_paths if p.startswith("/api/email/")]
    assert len(detail_reads) == 1, detail_reads  # once, not on every check
