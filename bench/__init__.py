"""Benchmarks: each prints its figures; run as .venv/bin/python -m bench.NAME."""
# First, so that the benchmarks run NumPy as the app's own processes do (dashboard/__init__.py).
import dashboard  # noqa: F401
