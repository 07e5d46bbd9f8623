"""Benchmarks: each prints its figures; run as .venv/bin/python -m bench.NAME."""
