"""Attachment names made safe, and files written without clobbering anything.

A sender chooses an attachment's name; this module decides what lands on the
user's disk. ``safe_filename`` cleans a name the way browsers do for
downloads (one path component, no control or bidi characters, nothing
Windows refuses), ``AtomicFile`` writes under a hidden temporary name and only
then links the finished file to a name that does not exist yet, so a
half-written or overwritten file never appears.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import unicodedata
from pathlib import Path
from types import TracebackType

__all__ = ["AtomicFile", "resolve_inside", "safe_filename", "save_bytes", "split_extension", "unique_path"]

# Characters Windows forbids in names (the separators are split off before).
_WINDOWS_ILLEGAL = re.compile(r'[<>:"/\\|?*]')
# Removed: Cc (C0, DEL, C1), Cf (bidi overrides, isolates and marks U+202A-202E,
# U+2066-2069, U+200E/F, U+061C; zero-width space and joiners; BOM; soft hyphen),
# Cs (lone surrogates cannot be written), Zl/Zp (line and paragraph separators).
_REMOVED_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})
# CON, PRN, AUX, NUL, COM0-9, LPT0-9 (Windows also counts the superscript digits),
# CONIN$/CONOUT$: reserved whatever the extension, and with trailing spaces or dots.
_RESERVED_STEM = re.compile(r"(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³]|CONIN\$|CONOUT\$)[ .]*", re.I)
_COMPOUND_EXTENSIONS = frozenset({".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst", ".tar.lz", ".tar.z"})
_EXTENSION = re.compile(r"\.[A-Za-z0-9_+-]{1,16}")
_UNIQUE_ATTEMPTS = 10_000
_TEMP_PREFIX_CHARS = 40  # of the final name, in the temporary name: enough to recognise it


# Errors from os.link that mean "this file system has no hard links" (FAT, some
# network shares), as opposed to a full disk or a folder we may not write to.
_NO_HARD_LINKS = frozenset({errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.ENOSYS, errno.EMLINK})
_WINDOWS_INCORRECT_FUNCTION = 1  # what Windows says for a hard link on FAT


def _clean_character(char: str) -> str:
    category = unicodedata.category(char)
    if category in _REMOVED_CATEGORIES:
        return ""
    if category == "Zs":
        return " "  # no-break and ideographic spaces: a plain space is the same to read
    return char


def _hard_links_unsupported(error: OSError) -> bool:
    return error.errno in _NO_HARD_LINKS or getattr(error, "winerror", None) == _WINDOWS_INCORRECT_FUNCTION


def split_extension(name: str) -> tuple[str, str]:
    """("archive", ".tar.gz"), ("my.report", ".pdf"), ("README", "")."""
    lowered = name.lower()
    for compound in _COMPOUND_EXTENSIONS:
        if lowered.endswith(compound) and len(name) > len(compound):
            return name[: -len(compound)], name[-len(compound) :]
    dot = name.rfind(".")
    if dot > 0 and _EXTENSION.fullmatch(name[dot:]):
        return name[:dot], name[dot:]
    return name, ""


def _cut_utf8(text: str, max_bytes: int) -> str:
    """``text`` cut to at most ``max_bytes`` of UTF-8, never inside a character."""
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    kept = len(encoded[:max_bytes].decode("utf-8", "ignore"))
    # Do not leave a letter without the accent that followed it: cut before the letter.
    while 0 < kept < len(text) and unicodedata.combining(text[kept]):
        kept -= 1
    return text[:kept]


def _fit(name: str, max_bytes: int) -> str:
    if len(name.encode("utf-8")) <= max_bytes:
        return name
    stem, extension = split_extension(name)
    room = max_bytes - len(extension.encode("utf-8"))
    if room <= 0:  # an "extension" longer than the room: keep the start instead
        return _cut_utf8(name, max_bytes).rstrip(" .")
    return _cut_utf8(stem, room).rstrip(" .") + extension


def safe_filename(name: str | None, *, fallback: str = "attachment", max_bytes: int = 200) -> str:
    """A file name that is safe to create in a folder on any desktop system.

    Keeps only the last path component (of "/" and "\\"), drops control, bidi
    and zero-width characters, replaces characters Windows forbids with "_",
    normalises to NFC, strips leading and trailing dots and spaces (no hidden
    files, no ".."), prefixes Windows device names ("CON", "con.txt", "lpt1 ")
    with "_", and caps the length at ``max_bytes`` of UTF-8 keeping the
    extension. The name stays honest: "invoice.pdf.exe" remains an .exe.
    An empty result gives ``fallback``.
    """
    if not name:
        return fallback
    last = re.split(r"[/\\]", name)[-1]
    cleaned = unicodedata.normalize("NFC", "".join(_clean_character(char) for char in last))
    cleaned = _WINDOWS_ILLEGAL.sub("_", cleaned)
    cleaned = re.sub(r" {2,}", " ", cleaned).strip(" .")
    cleaned = _fit(cleaned, max_bytes).strip(" .")
    if not cleaned:
        return fallback
    if _RESERVED_STEM.fullmatch(cleaned.split(".", 1)[0]):
        cleaned = _fit("_" + cleaned, max_bytes)
    return cleaned


def unique_path(folder: Path, name: str) -> Path:
    """``folder/name`` if nothing is there yet, else "name (1).ext", "name (2).ext"...

    Anything counts as being there, a dangling symlink included. ".tar.gz"
    stays one extension: "backup (1).tar.gz".
    """
    candidate = folder / name
    if not os.path.lexists(candidate):
        return candidate
    stem, extension = split_extension(name)
    for number in range(1, _UNIQUE_ATTEMPTS):
        candidate = folder / f"{stem} ({number}){extension}"
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(f"no free name for {name!r} in {folder}")


def resolve_inside(folder: Path, name: str) -> Path:
    """``folder/name`` with symlinks resolved; ValueError unless it stays inside ``folder``."""
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target == base or not target.is_relative_to(base):
        raise ValueError(f"{name!r} leads outside {base}")
    return target


class AtomicFile:
    """A file that appears under its final name only once it is complete.

    Bytes go to ".<name>.<random>.part" in the same folder (created exclusively,
    mode 0600). ``commit()`` links it to ``name`` (made safe first), or to
    "name (1)" and so on if that exists by then, and never replaces an existing
    file. Leaving the ``with`` block without ``commit()``, or with an exception,
    removes the temporary file and leaves nothing behind.
    """

    def __init__(self, folder: Path, name: str | None) -> None:
        self.folder = Path(folder)
        self.name = safe_filename(name)
        self.temp_path: Path | None = None
        self.final_path: Path | None = None
        self._file = None
        self._open_temp()

    def _open_temp(self) -> None:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0) | getattr(os, "O_NOFOLLOW", 0)
        prefix = self.name[:_TEMP_PREFIX_CHARS]
        while True:
            path = self.folder / f".{prefix}.{secrets.token_hex(4)}.part"
            try:
                descriptor = os.open(path, flags, 0o600)
            except FileExistsError:
                continue  # another writer's temporary file: pick other random letters
            self.temp_path = path
            self._file = os.fdopen(descriptor, "wb")
            return

    def write(self, chunk: bytes) -> None:
        if self._file is None:
            raise ValueError("the file is already committed or aborted")
        self._file.write(chunk)

    def commit(self) -> Path:
        """Finish the file and give it its final name; returns the path it got."""
        if self._file is None or self.temp_path is None:
            raise ValueError("the file is already committed or aborted")
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        self._file = None
        try:
            self.final_path = self._publish(self.temp_path)
        except BaseException:
            self.abort()
            raise
        self.temp_path = None
        return self.final_path

    def _publish(self, temp: Path) -> Path:
        target = unique_path(self.folder, self.name)
        for _ in range(_UNIQUE_ATTEMPTS):
            try:
                os.link(temp, target)  # fails, never replaces, when the name is taken
            except FileExistsError:
                target = unique_path(self.folder, self.name)  # taken meanwhile: next free one
                continue
            except OSError as error:
                if not _hard_links_unsupported(error):
                    raise
                return self._publish_by_rename(temp, target)
            os.unlink(temp)
            return target
        raise FileExistsError(f"no free name for {self.name!r} in {self.folder}")

    def _publish_by_rename(self, temp: Path, target: Path) -> Path:
        # Reserve the name exclusively first: a plain rename would replace a file
        # that appeared meanwhile. Then move the finished file over the empty
        # reservation; if that fails the reservation goes, so no empty file stays.
        for _ in range(_UNIQUE_ATTEMPTS):
            try:
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                target = unique_path(self.folder, self.name)
                continue
            try:
                os.replace(temp, target)
            except BaseException:
                os.unlink(target)
                raise
            return target
        raise FileExistsError(f"no free name for {self.name!r} in {self.folder}")

    def abort(self) -> None:
        """Drop the temporary file. Harmless after commit() or a second time."""
        if self._file is not None:
            self._file.close()
            self._file = None
        if self.temp_path is not None:
            self.temp_path.unlink(missing_ok=True)
            self.temp_path = None

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        if exc_type is not None or self.final_path is None:
            self.abort()


def save_bytes(folder: Path, name: str | None, data: bytes) -> Path:
    """Write ``data`` into ``folder`` under a safe, new name; returns the path written."""
    with AtomicFile(folder, name) as part:
        part.write(data)
        return part.commit()
