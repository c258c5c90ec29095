"""Work in steps: generators that yield between bounded pieces of work.

The window pumps them between events so no piece holds the UI thread long;
the command line and tests run them at once with :func:`run_to_end`.
"""

from __future__ import annotations

from collections.abc import Generator
from typing import TypeVar

T = TypeVar("T")


def run_to_end(steps: Generator[None, None, T]) -> T:
    """Run a step generator at once and return its result."""
    while True:
        try:
            next(steps)
        except StopIteration as done:
            return done.value
