"""Benchmarks of the desktop app against the loopback fakes: ``python benchmarks/run.py``.

See BENCHMARKS.md for what is measured, how, and the latest figures.
"""
