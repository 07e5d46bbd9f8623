"""The one translation catalogue: key -> (简体中文, English), assembled from one module per area."""
from __future__ import annotations

from dashboard.catalogue import (administration, auth, briefing, common, coverage, flows, importing, metrics, overview,
                                  social_assistance, special_education)

MODULES = [administration, auth, briefing, common, coverage, flows, importing, metrics, overview, social_assistance,
           special_education]


def _merge() -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for module in MODULES:
        clash = merged.keys() & module.ENTRIES.keys()
        if clash:
            raise ValueError(f"catalogue keys defined twice: {sorted(clash)}")
        merged.update(module.ENTRIES)
    return merged


CATALOGUE = _merge()
