"""Attachments opened with "Open" live in the app's own cache folder, and
emptying it touches nothing else."""

from __future__ import annotations

import stat
import sys

import pytest

from tempmail_desktop import APP_NAME
from tempmail_desktop.service import paths


def test_the_open_cache_is_in_the_app_home_and_private(isolated_env):
    folder = paths.open_cache_dir()
    assert folder == isolated_env / "cache" / "open"
    if sys.platform != "win32":
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700


@pytest.mark.skipif(sys.platform != "linux", reason="XDG_CACHE_HOME is where Linux keeps caches")
def test_without_a_home_the_open_cache_is_in_the_user_cache_folder(monkeypatch, tmp_path):
    monkeypatch.delenv("TEMPMAIL_HOME")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    assert paths.open_cache_dir() == tmp_path / "xdg-cache" / APP_NAME / "open"


def test_each_open_gets_its_own_private_folder_in_the_cache(isolated_env):
    first, second = paths.new_open_folder(), paths.new_open_folder()
    assert first != second
    assert first.parent == second.parent == paths.open_cache_dir()
    if sys.platform != "win32":
        assert stat.S_IMODE(first.stat().st_mode) == 0o700


def test_clearing_removes_every_opened_file_and_nothing_outside(isolated_env, tmp_path):
    outside = tmp_path / "documents"
    outside.mkdir()
    (outside / "mine.txt").write_text("keep me")
    opened = paths.new_open_folder()
    (opened / "invoice.pdf").write_bytes(b"%PDF-1.7")
    (paths.new_open_folder() / "nested").mkdir()
    (paths.open_cache_dir() / "stray.tmp").write_bytes(b"x")
    (paths.open_cache_dir() / "link-to-documents").symlink_to(outside, target_is_directory=True)

    assert paths.clear_open_cache() == 4

    assert list(paths.open_cache_dir().iterdir()) == []
    assert (outside / "mine.txt").read_text() == "keep me", "a link in the cache was followed"
