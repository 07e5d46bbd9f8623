"""`make bench`: run every benchmark in turn and print its figures (benchmarks print; they never
assert on time). The province-scale suite and budget table of issue 9 are not built yet."""
from __future__ import annotations

import subprocess
import sys

BENCHMARKS = [
    ("map payload and draw time", [sys.executable, "-m", "bench.map_payload"]),
    ("page draw times against a blank page, and server memory", [sys.executable, "-m", "bench.pages"]),
    ("renovation, visit and charity queries", [sys.executable, "-m", "bench.flow_queries"]),
    ("import of 1,000,000 visit rows (PostgreSQL)", [sys.executable, "-m", "bench.import_visits"]),
]


def main() -> int:
    """Run the benchmarks; the exit status is 1 if any of them failed to run."""
    failed = 0
    for title, command in BENCHMARKS:
        print(f"\n=== {title}: {' '.join(command[1:])}", flush=True)
        failed += subprocess.run(command).returncode != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
