"""Prepared app homes (TEMPMAIL_HOME folders), written with the Store API.

Each benchmark run starts from a fresh copy of one of these templates, so the
runs see the same state: no saved window layout, the same mail, the same
mailbox order.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tempmail_desktop.core.models import Mailbox
from tempmail_desktop.core.timeutil import utcnow
from tests.fakes.catmails import DEMO_ALIAS, DEMO_MAIN

from .mailgen import stored_messages

# The start state of the brief: ten mailboxes on the three services the fakes
# serve without setup. The first one (selected when the window opens) is a
# GPTMail mailbox: the polling-delivery case needs the selected one polled.
START_MAILBOXES: tuple[tuple[str, str], ...] = (
    *(("gptmail", f"box{n}@gptmail.example") for n in range(5)),
    *(("worker", f"w{n}@mail.example.com") for n in range(3)),
    ("catmails", DEMO_MAIN),
    ("catmails", DEMO_ALIAS),
)
START_MESSAGES_PER_MAILBOX = 100  # 10 x 100 = the 1,000 stored messages of the brief

LISTS_EMPTY = ("gptmail", "empty@gptmail.example")
LISTS_BIG = ("gptmail", "big@gptmail.example")
LISTS_COUNT = 10_000


@contextmanager
def app_home(path: Path) -> Iterator[None]:
    """TEMPMAIL_HOME set while the Store resolves its file, as the app does."""
    previous = os.environ.get("TEMPMAIL_HOME")
    os.environ["TEMPMAIL_HOME"] = str(path)
    try:
        yield
    finally:
        if previous is None:
            os.environ.pop("TEMPMAIL_HOME", None)
        else:
            os.environ["TEMPMAIL_HOME"] = previous


def _fill(path: Path, plan: list[tuple[str, str, int]]) -> None:
    from tempmail_desktop.service.store import Store

    path.mkdir(parents=True, exist_ok=True)
    now = utcnow()
    with app_home(path):
        store = Store()
        try:
            for seed, (provider, address, count) in enumerate(plan, start=1):
                store.add_mailbox(Mailbox(provider, address, created_at=now))
                if count:
                    messages = stored_messages(provider, address, count, seed=seed, now=now)
                    # One transaction for the lot, as a listing is stored.
                    store.merge_listing(provider, address, messages, full_listing=False)
        finally:
            store.close()


def prepare_start_home(path: Path) -> Path:
    _fill(path, [(p, a, START_MESSAGES_PER_MAILBOX) for p, a in START_MAILBOXES])
    return path


def prepare_lists_home(path: Path) -> Path:
    _fill(path, [(*LISTS_EMPTY, 0), (*LISTS_BIG, LISTS_COUNT)])
    return path


def fresh_copy(template: Path, target: Path) -> Path:
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(template, target)
    return target
