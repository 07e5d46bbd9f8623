"""Coverage map budget: the map's HTML payload at each drill level (the page's draw time is measured with
every other page's, by bench/pages.py).

Run: .venv/bin/python -m bench.map_payload   (uses DATABASE_URL, by default the demo SQLite file;
run `python -m dashboard init-db --demo` first). Prints figures; asserts nothing.
"""
from __future__ import annotations

PAYLOAD_BUDGET_BYTES = 1_500_000


def measure() -> list:
    """A row per drill level: the standalone HTML of the map with every layer on, against 1.5 MB.
    Uses the database DATABASE_URL names."""
    from bench.results import Row
    from dashboard import coverage_map
    rows = []
    for level, county, township in [("city", None, None), ("county", "441323", None),
                                    ("township", "441323", "441323102")]:
        view = coverage_map.analyse(5.0, county, township)
        fmap = coverage_map.build_map(view, list(coverage_map.LAYERS), coverage_map.MEASURES[0], "zh")
        size = len(fmap.get_root().render().encode("utf-8"))
        rows.append(Row("map payload · demo (Huizhou) · all layers", level, f"{size:,} bytes",
                        f"{100 * size / PAYLOAD_BUDGET_BYTES:.0f}% of budget", "<= 1.5 MB",
                        size <= PAYLOAD_BUDGET_BYTES))
    return rows


def main() -> None:
    from bench.results import print_table
    print_table(measure())


if __name__ == "__main__":
    main()
