"""Seed the registers the product reads and reconciles against: places, published figures, targets."""
from __future__ import annotations

import pandas as pd
import sqlalchemy as sa

from dashboard import codes
from dashboard.schema import counties, published_figures, targets, townships, villages
from dashboard.sources import DEFAULT_TARGETS, PUBLISHED_FIGURES
from dashboard.writing import insert_frame
from geo import reference


def seed_places(conn: sa.Connection) -> None:
    """Counties, townships and villages with their official codes and names, when not yet present."""
    if conn.execute(sa.select(sa.func.count()).select_from(counties)).scalar():
        return
    insert_frame(conn, counties, pd.DataFrame(
        [{"county_code": c.code, "name_zh": c.zh, "name_en": c.en, "sort_order": i}
         for i, c in enumerate(codes.COUNTIES)]))
    insert_frame(conn, townships, reference.load_townships().rename(columns={"name": "name_zh"}))
    insert_frame(conn, villages, reference.load_villages().rename(columns={"name": "name_zh"}))


def seed_published_figures(conn: sa.Connection) -> int:
    """Add each published figure and default target the register does not hold yet; returns how many."""
    added = 0
    for table, key, items in ((published_figures, "figure_key", PUBLISHED_FIGURES),
                              (targets, "target_key", DEFAULT_TARGETS)):
        present = set(conn.execute(sa.select(table.c[key])).scalars())
        new = [vars(item) for item in items if getattr(item, key) not in present]
        if new:
            conn.execute(sa.insert(table), new)
        added += len(new)
    return added
