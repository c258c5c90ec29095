"""Hostile attachment names and safe writes."""

from __future__ import annotations

import errno
import os
import unicodedata

import pytest

from tempmail_desktop.core import filenames
from tempmail_desktop.core.filenames import (
    AtomicFile,
    resolve_inside,
    safe_filename,
    save_bytes,
    split_extension,
    unique_path,
)

CHINESE_300_BYTES = "验证码附件" * 20 + ".pdf"  # 15 bytes a round: 300 bytes + ".pdf"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("report.pdf", "report.pdf"),
        ("../../etc/passwd", "passwd"),
        ("C:\\Windows\\evil.exe", "evil.exe"),
        ("..\\..\\boot.ini", "boot.ini"),
        ("C:evil.exe", "C_evil.exe"),
        ("dir/", "attachment"),
        ("..", "attachment"),
        (".", "attachment"),
        ("...", "attachment"),
        ("", "attachment"),
        (None, "attachment"),
        ("   ", "attachment"),
        (" . . ", "attachment"),
        ("CON", "_CON"),
        ("con.txt", "_con.txt"),
        ("con .txt", "_con .txt"),
        ("lpt1 ", "_lpt1"),
        ("Aux.", "_Aux"),
        ("COM9.log", "_COM9.log"),
        ("com0", "_com0"),
        ("COM¹.txt", "_COM¹.txt"),
        ("conout$", "_conout$"),
        ("NUL.tar.gz", "_NUL.tar.gz"),
        ("console.txt", "console.txt"),
        ("com10.txt", "com10.txt"),
        ("invoice\u202egpj.exe", "invoicegpj.exe"),  # the override would show "invoiceexe.jpg"
        ("pay\u2066me\u2069.pdf", "payme.pdf"),
        ("mark\u200e\u200f\u061c.txt", "mark.txt"),
        ("zero\u200bwidth\ufeff\u2060.txt", "zerowidth.txt"),
        ("soft\u00adhyphen.txt", "softhyphen.txt"),
        ("line\nbreak\r\x07.txt", "linebreak.txt"),
        ("tab\there.txt", "tabhere.txt"),
        ("del\x7fc1\x85\x9b.txt", "delc1.txt"),
        ("nul\x00byte.txt", "nulbyte.txt"),
        ("para\u2029line\u2028.txt", "paraline.txt"),
        ("file.", "file"),
        ("file. . .", "file"),
        (".bashrc", "bashrc"),
        ("..hidden.tar.gz", "hidden.tar.gz"),
        (".pdf", "pdf"),
        ("a:b|c?.txt", "a_b_c_.txt"),
        ('<script>"x"*.html', "_script__x__.html"),
        ("😀 party.png", "😀 party.png"),
        ("Cafe\u0301.txt", "Café.txt"),  # NFC
        ("no\u00a0break\u3000space.txt", "no break space.txt"),
        ("many     spaces.txt", "many spaces.txt"),
        ("invoice.pdf.exe", "invoice.pdf.exe"),  # honest: still an .exe, shown as one
        ("Отчёт 2026.docx", "Отчёт 2026.docx"),
    ],
)
def test_safe_filename(name, expected):
    assert safe_filename(name) == expected


def test_a_fallback_of_the_callers_choice():
    assert safe_filename("../", fallback="message.eml") == "message.eml"


def test_a_300_byte_chinese_name_is_cut_to_200_bytes_keeping_the_extension():
    assert len(CHINESE_300_BYTES.encode("utf-8")) == 304
    safe = safe_filename(CHINESE_300_BYTES)
    encoded = safe.encode("utf-8")
    assert safe.endswith(".pdf")
    assert 195 < len(encoded) <= 200
    assert CHINESE_300_BYTES.startswith(safe[: -len(".pdf")])  # whole characters only


@pytest.mark.parametrize("max_bytes", [20, 21, 22, 23, 40])
def test_the_cut_never_splits_a_character(max_bytes):
    safe = safe_filename("😀" * 30 + ".txt", max_bytes=max_bytes)
    assert len(safe.encode("utf-8")) <= max_bytes
    assert safe.endswith(".txt") and set(safe[:-4]) == {"😀"}


def test_the_cut_keeps_an_accent_with_its_letter():
    # NFC makes "e" + dot below one letter (3 bytes); the acute stays a combining mark (2 bytes).
    letter = unicodedata.normalize("NFC", "e\u0323\u0301")
    assert len(letter) == 2 and len(letter.encode("utf-8")) == 5
    # 13 bytes of room would end right after the third letter, before its accent.
    assert safe_filename(letter * 10 + ".txt", max_bytes=17) == letter * 2 + ".txt"
    assert safe_filename(letter * 10 + ".txt", max_bytes=19) == letter * 3 + ".txt"


def test_a_cut_that_ends_in_a_dot_or_space_is_trimmed():
    safe = safe_filename("a" * 195 + " . .tail.txt")
    assert safe == "a" * 195 + ".txt"


def test_a_cut_that_leaves_a_device_name_still_gets_the_prefix():
    # Cut to 7 bytes the name is "con.txt"; with the prefix it must be cut once more.
    assert safe_filename("con" + "x" * 50 + ".txt", max_bytes=8) == "conx.txt"
    assert safe_filename("con" + "x" * 50 + ".txt", max_bytes=7) == "_co.txt"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("archive.tar.gz", ("archive", ".tar.gz")),
        ("ARCHIVE.TAR.XZ", ("ARCHIVE", ".TAR.XZ")),
        ("my.report.pdf", ("my.report", ".pdf")),
        ("README", ("README", "")),
        ("notes. final", ("notes. final", "")),
        (".tar.gz", (".tar", ".gz")),
    ],
)
def test_split_extension(name, expected):
    assert split_extension(name) == expected


def test_unique_path_counts_up_and_keeps_double_extensions(tmp_path):
    (tmp_path / "a.tar.gz").write_bytes(b"1")
    (tmp_path / "a (1).tar.gz").write_bytes(b"2")
    assert unique_path(tmp_path, "a.tar.gz").name == "a (2).tar.gz"
    assert unique_path(tmp_path, "new.txt").name == "new.txt"


def test_unique_path_counts_a_dangling_symlink_as_taken(tmp_path):
    os.symlink(tmp_path / "nowhere", tmp_path / "x.txt")
    assert unique_path(tmp_path, "x.txt").name == "x (1).txt"


def test_saving_the_same_name_twice_keeps_the_first_byte_exact(tmp_path):
    first_data = bytes(range(256)) * 64
    first = save_bytes(tmp_path, "x.bin", first_data)
    second = save_bytes(tmp_path, "x.bin", b"second")
    third = save_bytes(tmp_path, "x.bin", b"third")
    assert [first.name, second.name, third.name] == ["x.bin", "x (1).bin", "x (2).bin"]
    assert first.read_bytes() == first_data
    assert second.read_bytes() == b"second" and third.read_bytes() == b"third"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x (1).bin", "x (2).bin", "x.bin"]


def test_save_bytes_makes_a_hostile_name_safe(tmp_path):
    folder = tmp_path / "downloads"
    folder.mkdir()
    saved = save_bytes(folder, "../../evil\u202egpj.exe", b"MZ")
    assert saved == folder / "evilgpj.exe"
    assert [p.name for p in tmp_path.iterdir()] == ["downloads"]


def test_an_exception_midway_leaves_no_file_and_no_part(tmp_path):
    with pytest.raises(RuntimeError):
        with AtomicFile(tmp_path, "big.iso") as part:
            part.write(b"half")
            raise RuntimeError("connection lost")
    assert list(tmp_path.iterdir()) == []


def test_leaving_the_block_without_commit_leaves_nothing(tmp_path):
    with AtomicFile(tmp_path, "x.txt") as part:
        part.write(b"data")
    assert list(tmp_path.iterdir()) == []


def test_nothing_stands_under_the_final_name_before_commit(tmp_path):
    with AtomicFile(tmp_path, "x.txt") as part:
        part.write(b"data")
        assert not (tmp_path / "x.txt").exists()
        path = part.commit()
    assert path == tmp_path / "x.txt" and path.read_bytes() == b"data"
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_the_part_file_is_private_and_hidden(tmp_path):
    with AtomicFile(tmp_path, "x.txt") as part:
        parts = list(tmp_path.iterdir())
        assert len(parts) == 1 and parts[0].name.startswith(".") and parts[0].name.endswith(".part")
        assert oct(parts[0].stat().st_mode & 0o777) == oct(0o600)
        part.write(b"x")
        part.commit()


def test_writing_after_commit_or_abort_is_refused(tmp_path):
    part = AtomicFile(tmp_path, "x.txt")
    part.commit()
    with pytest.raises(ValueError):
        part.write(b"late")
    part.abort()  # harmless after commit
    assert (tmp_path / "x.txt").read_bytes() == b""
    aborted = AtomicFile(tmp_path, "y.txt")
    aborted.abort()
    aborted.abort()
    with pytest.raises(ValueError):
        aborted.commit()
    assert [p.name for p in tmp_path.iterdir()] == ["x.txt"]


def test_a_name_taken_between_choosing_and_linking_is_not_overwritten(tmp_path, monkeypatch):
    real_link = os.link

    def another_writer_first(source, target):
        if not os.path.lexists(target) and os.path.basename(target) == "race.txt":
            with open(target, "wb") as other:
                other.write(b"the other writer's file")
        return real_link(source, target)

    monkeypatch.setattr(filenames.os, "link", another_writer_first)
    saved = save_bytes(tmp_path, "race.txt", b"mine")
    assert saved.name == "race (1).txt" and saved.read_bytes() == b"mine"
    assert (tmp_path / "race.txt").read_bytes() == b"the other writer's file"


def test_without_hard_links_the_file_is_renamed_into_a_reserved_name(tmp_path, monkeypatch):
    def no_hard_links(source, target):
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(filenames.os, "link", no_hard_links)
    (tmp_path / "x.txt").write_bytes(b"older")
    saved = save_bytes(tmp_path, "x.txt", b"newer")
    assert saved.name == "x (1).txt" and saved.read_bytes() == b"newer"
    assert (tmp_path / "x.txt").read_bytes() == b"older"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["x (1).txt", "x.txt"]


def test_a_failing_rename_leaves_neither_reservation_nor_part(tmp_path, monkeypatch):
    def no_hard_links(source, target):
        raise OSError(errno.ENOTSUP, "Operation not supported")

    def broken_replace(source, target):
        raise OSError(errno.EIO, "I/O error")

    monkeypatch.setattr(filenames.os, "link", no_hard_links)
    monkeypatch.setattr(filenames.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_bytes(tmp_path, "x.txt", b"data")
    assert list(tmp_path.iterdir()) == []


def test_a_full_disk_is_reported_not_papered_over(tmp_path, monkeypatch):
    def disk_full(source, target):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(filenames.os, "link", disk_full)
    with pytest.raises(OSError) as raised:
        save_bytes(tmp_path, "x.txt", b"data")
    assert raised.value.errno == errno.ENOSPC
    assert list(tmp_path.iterdir()) == []


def test_a_symlink_named_like_the_attachment_is_not_followed(tmp_path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "existing.txt").write_bytes(b"precious")
    folder = tmp_path / "downloads"
    folder.mkdir()
    os.symlink(outside / "target.txt", folder / "evil.txt")  # dangling
    os.symlink(outside / "existing.txt", folder / "file.txt")  # to a real file
    saved = save_bytes(folder, "evil.txt", b"payload")
    other = save_bytes(folder, "file.txt", b"payload")
    assert (saved.parent, saved.name) == (folder, "evil (1).txt")
    assert (other.parent, other.name) == (folder, "file (1).txt")
    assert saved.read_bytes() == b"payload" and not saved.is_symlink()
    assert not (outside / "target.txt").exists()
    assert (outside / "existing.txt").read_bytes() == b"precious"
    assert sorted(p.name for p in outside.iterdir()) == ["existing.txt"]


def test_resolve_inside_accepts_names_in_the_folder(tmp_path):
    assert resolve_inside(tmp_path, "a.txt") == (tmp_path / "a.txt").resolve()
    (tmp_path / "real.txt").write_bytes(b"x")
    os.symlink(tmp_path / "real.txt", tmp_path / "alias.txt")
    assert resolve_inside(tmp_path, "alias.txt") == (tmp_path / "real.txt").resolve()


@pytest.mark.parametrize("name", ["../a.txt", "..", ".", "/etc/passwd", "sub/../../a.txt", "link.txt"])
def test_resolve_inside_refuses_escapes(tmp_path, name):
    folder = tmp_path / "downloads"
    folder.mkdir()
    os.symlink(tmp_path / "elsewhere.txt", folder / "link.txt")
    with pytest.raises(ValueError):
        resolve_inside(folder, name)
