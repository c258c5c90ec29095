"""Attachment names made safe the way browsers do it, and files written safely.

A mail chooses its attachment names, so they are hostile input: path parts,
control and bidi characters (``invoice\u202egpj.exe`` shows as
``invoiceexe.jpg``), Windows device names, names too long for the disk. Files
are written to a private temporary name and linked into place only when
complete, never over an existing file.
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import unicodedata
from pathlib import Path

# Characters Windows refuses in names, and path separators everywhere.
_ILLEGAL = set('<>:"/\\|?*')
_RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {f"{p}{n}" for p in ("COM", "LPT") for n in range(10)}
_MULTI_EXTENSIONS = (".tar.gz", ".tar.bz2", ".tar.xz", ".tar.zst")
_SPACES = re.compile(r"\s+")


def _is_unsafe_char(ch: str) -> bool:
    if ch in _ILLEGAL:
        return True
    category = unicodedata.category(ch)
    # Cc: control (C0, C1, DEL); Cf: format (bidi overrides and isolates,
    # zero-width joiners, BOM, soft hyphen); Zl/Zp: line and paragraph separators.
    return category in ("Cc", "Cf", "Zl", "Zp", "Cs", "Co", "Cn")


def split_extension(name: str) -> tuple[str, str]:
    lower = name.lower()
    for ext in _MULTI_EXTENSIONS:
        if lower.endswith(ext) and len(name) > len(ext):
            return name[: -len(ext)], name[-len(ext):]
    stem, dot, ext = name.rpartition(".")
    if dot and stem and ext and len(ext) <= 16 and " " not in ext:
        return stem, "." + ext
    return name, ""


def _truncate_utf8(text: str, max_bytes: int) -> str:
    encoded = text.encode("utf-8")
    if len(encoded) <= max_bytes:
        return text
    return encoded[:max_bytes].decode("utf-8", "ignore")


def safe_filename(name: str | None, *, fallback: str = "attachment", max_bytes: int = 200) -> str:
    """A name that is one plain file in the chosen folder on every OS."""
    text = unicodedata.normalize("NFC", name or "")
    text = re.split(r"[/\\]", text)[-1]  # the last path part, for both separators
    text = "".join("_" if ch in _ILLEGAL else ch for ch in text if not _is_unsafe_char(ch) or ch in _ILLEGAL)
    text = _SPACES.sub(" ", text).strip(" .")
    if not text:
        text = fallback
    stem, ext = split_extension(text)
    if stem.strip(" .").upper() in _RESERVED or stem.split(".")[0].strip(" ").upper() in _RESERVED:
        stem = "_" + stem
    ext = _truncate_utf8(ext, max(0, min(len(ext.encode("utf-8")), max_bytes // 4)))
    stem = _truncate_utf8(stem, max_bytes - len(ext.encode("utf-8"))).rstrip(" .") or fallback
    return stem + ext


def unique_path(folder: Path, name: str) -> Path:
    """``name``, or ``name (1)``, ``name (2)``... : the first that does not exist yet."""
    candidate = folder / name
    if not os.path.lexists(candidate):
        return candidate
    stem, ext = split_extension(name)
    for n in range(1, 10_000):
        candidate = folder / f"{stem} ({n}){ext}"
        if not os.path.lexists(candidate):
            return candidate
    raise FileExistsError(f"no free name for {name!r} in {folder}")


def resolve_inside(folder: Path, name: str) -> Path:
    """The path of ``name`` in ``folder``; ValueError if it would land anywhere else."""
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target.parent != base:
        raise ValueError(f"{name!r} would not be saved inside {base}")
    return target


class AtomicFile:
    """Write to ``.NAME.XXXX.part`` in the folder, then link to a free final name.

    ``with AtomicFile(folder, name) as f: f.write(...); path = f.commit()``.
    Leaving the block without ``commit()`` (or with an exception) removes the
    temporary file: no half file ever stands under the final name.
    """

    def __init__(self, folder: Path, name: str) -> None:
        self.folder = Path(folder)
        self.name = safe_filename(name)
        self.final_path: Path | None = None
        self._tmp = self.folder / f".{self.name[:60]}.{secrets.token_hex(4)}.part"
        fd = os.open(self._tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        self._file = os.fdopen(fd, "wb")
        self.written = 0

    def write(self, chunk: bytes) -> None:
        self._file.write(chunk)
        self.written += len(chunk)

    def commit(self) -> Path:
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        for _ in range(100):
            target = unique_path(self.folder, self.name)
            resolve_inside(self.folder, target.name)
            try:
                os.link(self._tmp, target)  # fails if target appeared meanwhile: never overwrites
            except FileExistsError:
                continue
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP):
                    raise
                # No hard links here (some network and FAT drives): reserve, then replace.
                try:
                    os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                except FileExistsError:
                    continue
                os.replace(self._tmp, target)
            else:
                os.unlink(self._tmp)
            self.final_path = target
            return target
        raise FileExistsError(f"could not find a free name for {self.name!r}")

    def abort(self) -> None:
        if not self._file.closed:
            self._file.close()
        try:
            os.unlink(self._tmp)
        except FileNotFoundError:
            pass

    def __enter__(self) -> "AtomicFile":
        return self

    def __exit__(self, exc_type, exc, tb) -> None:
        if self.final_path is None:
            self.abort()


def save_bytes(folder: Path, name: str | None, data: bytes) -> Path:
    with AtomicFile(folder, name or "attachment") as part:
        part.write(data)
        return part.commit()
