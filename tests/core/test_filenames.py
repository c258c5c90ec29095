"""Hostile attachment names and safe writes."""

from __future__ import annotations

import os

import pytest

from tempmail_desktop.core.filenames import AtomicFile, resolve_inside, safe_filename, save_bytes, unique_path


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Windows\\evil.exe", "evil.exe"),
        ("..", "attachment"),
        (".", "attachment"),
        ("", "attachment"),
        (None, "attachment"),
        ("   ", "attachment"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("lpt1 ", "_lpt1"),
        ("COM9.log", "_COM9.log"),
        ("NUL.tar.gz", "_NUL.tar.gz"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),  # the bidi override would show "invoiceexe.jpg"
        ("pay\u2066me\u2069.pdf", "payme.pdf"),
        ("zero\u200bwidth\ufeff.txt", "zerowidth.txt"),
        ("line\nbreak\r\x07.txt", "linebreak.txt"),
        ("file.", "file"),
        (".bashrc", "bashrc"),
        ("a:b|c?.txt", "a_b_c_.txt"),
        ("😀 party.png", "😀 party.png"),
        ("Cafe\u0301.txt", "Café.txt"),  # NFC
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_long_names_are_capped_in_bytes_keeping_the_extension():
    name = "验证码" * 40 + ".pdf"
    safe = safe_filename(name)
    assert safe.endswith(".pdf")
    assert len(safe.encode("utf-8")) <= 200
    safe.encode("utf-8").decode("utf-8")  # no cut multibyte character


def test_unique_path_counts_up_and_keeps_double_extensions(tmp_path):
    (tmp_path / "a.tar.gz").write_bytes(b"1")
    (tmp_path / "a (1).tar.gz").write_bytes(b"2")
    assert unique_path(tmp_path, "a.tar.gz").name == "a (2).tar.gz"
    assert unique_path(tmp_path, "new.txt").name == "new.txt"


def test_saving_twice_never_overwrites(tmp_path):
    first = save_bytes(tmp_path, "x.bin", b"first")
    second = save_bytes(tmp_path, "x.bin", b"second")
    assert first.name == "x.bin" and second.name == "x (1).bin"
    assert first.read_bytes() == b"first" and second.read_bytes() == b"second"


def test_a_failure_midway_leaves_no_file_and_no_part(tmp_path):
    with pytest.raises(RuntimeError):
        with AtomicFile(tmp_path, "big.iso") as part:
            part.write(b"half")
            raise RuntimeError("connection lost")
    assert list(tmp_path.iterdir()) == []


def test_uncommitted_file_is_removed(tmp_path):
    with AtomicFile(tmp_path, "x.txt") as part:
        part.write(b"data")
    assert list(tmp_path.iterdir()) == []


def test_the_part_file_is_private_and_hidden(tmp_path):
    with AtomicFile(tmp_path, "x.txt") as part:
        parts = list(tmp_path.iterdir())
        assert len(parts) == 1 and parts[0].name.startswith(".") and parts[0].name.endswith(".part")
        assert oct(parts[0].stat().st_mode & 0o777) == oct(0o600)
        part.write(b"x")
        part.commit()


def test_a_symlink_named_like_the_attachment_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    folder = tmp_path / "downloads"
    folder.mkdir()
    os.symlink(outside / "target.txt", folder / "evil.txt")
    saved = save_bytes(folder, "evil.txt", b"payload")
    assert saved.parent == folder and saved.name == "evil (1).txt"
    assert not (outside / "target.txt").exists()
    assert saved.read_bytes() == b"payload"


def test_resolve_inside_refuses_escapes(tmp_path):
    assert resolve_inside(tmp_path, "a.txt") == (tmp_path / "a.txt").resolve()
    with pytest.raises(ValueError):
        resolve_inside(tmp_path, "../a.txt")
