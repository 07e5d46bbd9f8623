"""Shared core of the Huizhou civil-affairs dashboard."""
import os

# Before NumPy loads (it reads this once, at import): no advice to the kernel to back large arrays with
# transparent huge pages. Where the kernel's policy is "madvise" for both use and defragmentation (as on
# these Debian machines), each huge page is compacted and zeroed on its first touch, inside the page
# fault: the import of a million visit rows spent 0.43 s of system time in its own process that way,
# 0.13 s with ordinary pages, and finished 0.24 s sooner (bench/import_visits.py). NumPy documents the
# switch (numpy.org, reference/global_state.html); a deployment may set NUMPY_MADVISE_HUGEPAGE=1.
# The entry points (python -m dashboard, the benchmarks) import this package before NumPy.
os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")
