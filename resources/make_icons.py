#!/usr/bin/env python3
"""Render the app icon for every platform from its one source,
tempmail_desktop/assets/icons/tempmail.svg.

Writes, under resources/icons/:
  hicolor/<n>x<n>/apps/io.github.tempmail_desktop.png   n = 16 .. 512 (Linux)
  hicolor/scalable/apps/io.github.tempmail_desktop.svg  (the source itself)
  tempmail-desktop.ico                                   (Windows: 16 .. 256)
  tempmail-desktop.icns                                  (macOS: 16 .. 1024)

Rendering is Qt's own (QtSvg), so the icons look as the running app draws
them. Each small ICO image is encoded by Qt's ICO writer (imageformats/qico),
which only writes one image per file; this script gathers those images into
one multi-size icon. ICNS is written here directly: its format is a list of
PNG-carrying chunks.

Run it after changing the SVG and commit the outputs:
    python resources/make_icons.py
    python resources/make_icons.py --check   # exit 1 when the outputs are stale
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no display needed

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter
from PySide6.QtSvg import QSvgRenderer

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
from tempmail_desktop import APP_ID, APP_NAME  # noqa: E402  (needs the path above)

SOURCE = REPO / "tempmail_desktop" / "assets" / "icons" / "tempmail.svg"
OUTPUT = REPO / "resources" / "icons"

# The sizes the freedesktop icon theme spec and common desktops look up.
HICOLOR_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# Windows picks from these for title bars (16), task bar (24/32), Explorer
# views (48/64) and large tiles (256). 256 is stored as PNG, as Windows does.
ICO_SIZES = (16, 24, 32, 48, 64, 256)
ICO_PNG_FROM = 256
# ICNS chunk types with PNG payloads: (type, pixel size).
ICNS_CHUNKS = (
    (b"icp4", 16), (b"icp5", 32),
    (b"ic11", 32), (b"ic12", 64),        # 16 and 32 points at 2x
    (b"ic07", 128), (b"ic13", 256),      # 128, and 128 points at 2x
    (b"ic08", 256), (b"ic14", 512),      # 256, and 256 points at 2x
    (b"ic09", 512), (b"ic10", 1024),     # 512, and 512 points at 2x
)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def encode(image: QImage, fmt: bytes) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QImageWriter(buffer, fmt)
    if not writer.write(image):
        raise RuntimeError(f"Qt could not write {fmt.decode()}: {writer.errorString()}")
    buffer.close()
    return bytes(data)


def png_bytes(image: QImage) -> bytes:
    return encode(image, b"png")


def _clear_mask_padding(dib: bytes, size: int) -> bytes:
    """Zero the row padding of a bitmap's AND mask. Qt leaves those bytes
    unset, so the same SVG would give a different file on every run."""
    header_size, _w, _h, _planes, bit_count = struct.unpack_from("<IiiHH", dib, 0)
    pixels_stride = (size * bit_count + 31) // 32 * 4
    mask_stride = (size + 31) // 32 * 4
    used = (size + 7) // 8
    mask_start = header_size + pixels_stride * size
    out = bytearray(dib)
    for row in range(size):
        start = mask_start + row * mask_stride
        out[start + used:start + mask_stride] = bytes(mask_stride - used)
    if mask_start + mask_stride * size != len(out):
        raise RuntimeError(f"unexpected bitmap layout from Qt's ICO writer ({size} px)")
    return bytes(out)


def ico_bytes(images: dict[int, QImage]) -> bytes:
    """A multi-size .ico. Small sizes: the bitmap Qt's ICO writer produces
    (taken out of its one-image file); large sizes: PNG."""
    entries: list[tuple[int, int, int, bytes]] = []  # width, height, bit count, payload
    for size, image in sorted(images.items()):
        if size >= ICO_PNG_FROM:
            entries.append((size, size, 32, png_bytes(image)))
            continue
        single = encode(image.convertToFormat(QImage.Format.Format_ARGB32), b"ico")
        reserved, kind, count = struct.unpack_from("<HHH", single, 0)
        if (reserved, kind, count) != (0, 1, 1):
            raise RuntimeError(f"unexpected ICO header from Qt: {(reserved, kind, count)}")
        _w, _h, _colors, _res, _planes, bit_count, length, offset = struct.unpack_from("<BBBBHHII", single, 6)
        entries.append((size, size, bit_count, _clear_mask_padding(single[offset:offset + length], size)))

    header = struct.pack("<HHH", 0, 1, len(entries))
    offset = len(header) + 16 * len(entries)
    directory = b""
    payloads = b""
    for width, height, bit_count, payload in entries:
        # A dimension of 256 is written as 0: the field is one byte.
        directory += struct.pack("<BBBBHHII", width % 256, height % 256, 0, 0, 1, bit_count,
                                 len(payload), offset + len(payloads))
        payloads += payload
    return header + directory + payloads


def icns_bytes(renderer: QSvgRenderer) -> bytes:
    cache: dict[int, bytes] = {}
    chunks = b""
    for kind, size in ICNS_CHUNKS:
        if size not in cache:
            cache[size] = png_bytes(render(renderer, size))
        chunks += kind + struct.pack(">I", 8 + len(cache[size])) + cache[size]
    return b"icns" + struct.pack(">I", 8 + len(chunks)) + chunks


def build(renderer: QSvgRenderer) -> dict[Path, bytes]:
    """Every output file and its content."""
    files: dict[Path, bytes] = {}
    images = {size: render(renderer, size) for size in sorted(set(HICOLOR_SIZES) | set(ICO_SIZES))}
    for size in HICOLOR_SIZES:
        files[OUTPUT / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"] = png_bytes(images[size])
    files[OUTPUT / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg"] = SOURCE.read_bytes()
    files[OUTPUT / f"{APP_NAME}.ico"] = ico_bytes({size: images[size] for size in ICO_SIZES})
    files[OUTPUT / f"{APP_NAME}.icns"] = icns_bytes(renderer)
    return files


def verify(files: dict[Path, bytes]) -> None:
    """Read the containers back with Qt's own readers: a file Qt cannot
    open would not work for Windows or macOS either."""
    from PySide6.QtGui import QImageReader

    for path, data in files.items():
        if path.suffix not in (".ico", ".icns"):
            continue
        with tempfile.NamedTemporaryFile(suffix=path.suffix) as handle:
            handle.write(data)
            handle.flush()
            reader = QImageReader(handle.name)
            sizes = []
            for _ in range(max(reader.imageCount(), 1)):
                image = reader.read()
                if image.isNull():
                    raise RuntimeError(f"{path.name}: Qt cannot read it back ({reader.errorString()})")
                sizes.append(image.width())
                if not reader.jumpToNextImage():
                    break
        print(f"  {path.name}: sizes {sorted(set(sizes))}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only report whether the committed icons are current")
    args = parser.parse_args(argv)

    # QtSvg renders through QtGui, which wants its application object first.
    _app = QGuiApplication.instance() or QGuiApplication([APP_NAME])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"{SOURCE} is not a valid SVG", file=sys.stderr)
        return 1
    files = build(renderer)
    stale = [path for path, data in files.items() if not path.is_file() or path.read_bytes() != data]
    if args.check:
        for path in stale:
            print(f"stale: {path.relative_to(REPO)}")
        if not stale:
            print("icons are up to date")
        return 1 if stale else 0
    verify(files)
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data := files[path])
        print(f"wrote {path.relative_to(REPO)} ({len(data)} bytes)")
    if not stale:
        print("icons are up to date")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
