"""Where the figures of an area come from, for its source lines: while a dataset is demo data, the
documents whose published totals it was generated to equal; once a data officer has loaded it, the
file it was loaded from and the day (the import audit), so a page no longer credits the bureau's
letter with figures that came from a quarterly file."""
from __future__ import annotations

from dashboard.i18n import join, t
from queries import registers

# The datasets each area's figures are computed from.
AREA_DATASETS = {
    "stations": ("stations", "places"),
    "special_education": ("special_education", "special_education_resources"),
    "visits": ("visits",),
    "renovations": ("renovations",),
    "charity": ("charity_flows", "community_funds"),
}
# Parts of a page drawn from some of an area's datasets, or from a dataset of their own: the area whose
# published figures they belong to, and their datasets.
PARTS = {
    "visit_coverage": ("visits", ("service_recipients",)),
    "charity_flows": ("charity", ("charity_flows",)),
    "community_funds": ("charity", ("community_funds",)),
}


def part(name: str) -> tuple[str, tuple[str, ...]]:
    """(area of its published figures, datasets) of an area or a part of one."""
    return PARTS[name] if name in PARTS else (name, AREA_DATASETS[name])


def source_text(datasets: tuple[str, ...], documents: str, language: str) -> str:
    """The source of figures computed from `datasets`: `documents` (the published documents) for the
    part that is demo data or not registered, and for each loaded dataset its file and day:
    入户探访：visits_2024Q3.xlsx（2026-11-30 导入）."""
    register = registers.datasets().set_index("dataset_name")
    parts = []
    for name in datasets:
        if name not in register.index or register.at[name, "is_demo"]:
            parts.append(documents)
            continue
        files = registers.dataset_files(name)
        dataset = t(f"dataset.{name}", language)
        if files.empty:  # loaded without an audited file (e.g. by a script)
            parts.append(t("origin.loaded", language, dataset=dataset, date=register.at[name, "loaded_at"]))
            continue
        latest = files.iloc[0]
        count = files["file_name"].nunique()
        key = "origin.file" if count == 1 else "origin.files"
        parts.append(t(key, language, dataset=dataset, file=latest["file_name"], date=latest["loaded_on"],
                       count=count, more=count - 1))
    return join(dict.fromkeys(text for text in parts if text), language, clauses=True)
