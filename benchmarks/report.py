"""Figures, targets and the printed table."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass

PASS, MISS, INFO = "PASS", "MISS", ""


@dataclass
class Figure:
    """Several runs of one measurement."""

    samples: list[float]

    @property
    def median(self) -> float:
        return statistics.median(self.samples)

    @property
    def low(self) -> float:
        return min(self.samples)

    @property
    def high(self) -> float:
        return max(self.samples)

    def spread(self) -> float:
        """(max - min) / median: how noisy the runs were."""
        return (self.high - self.low) / self.median if self.median else 0.0


@dataclass
class Row:
    section: str
    name: str
    result: str
    baseline: str = ""
    target: str = ""
    status: str = INFO
    note: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def fmt_seconds(value: float) -> str:
    if value < 1.0:
        return f"{value * 1000:.0f} ms"
    return f"{value:.2f} s"


def fmt_ms(value: float) -> str:
    # A decimal, so a figure just over a 100 ms target does not print as "100 ms".
    return f"{value:.1f} ms" if value < 1000 else f"{value / 1000:.2f} s"


def fmt_mib(kib: float) -> str:
    return f"{kib / 1024:.0f} MiB"


def fmt_count(value: float) -> str:
    return f"{value:,.0f}"


def describe(figure: Figure, unit: Callable[[float], str]) -> str:
    """``median`` alone for one run, else ``median [min–max] (n=…)``."""
    if len(figure.samples) == 1:
        return unit(figure.median)
    return f"{unit(figure.median)} [{unit(figure.low)}–{unit(figure.high)}] (n={len(figure.samples)})"


def judged(ok: bool) -> str:
    return PASS if ok else MISS


def render_table(rows: Sequence[Row]) -> str:
    """A Markdown table (readable as text too), one section after another."""
    header = ("Measure", "Result", "Baseline", "Target", "")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    section = None
    for row in rows:
        if row.section != section:
            section = row.section
            lines.append(f"| **{section}** | | | | |")
        name = row.name + (f" ({row.note})" if row.note else "")
        lines.append(f"| {name} | {row.result} | {row.baseline} | {row.target} | {row.status} |")
    return "\n".join(lines)
