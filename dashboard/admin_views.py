"""The administration page's tables (headers and values in the user's language) and its action runner."""
from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import streamlit as st

from dashboard import administration
from dashboard.catalogue import CATALOGUE
from dashboard.i18n import t

NOTICE_KEY = "admin_notice"  # the outcome of the last action, shown after the rerun that refreshes tables


def exact_number(value: float) -> str:
    """A register value exactly as stored, with thousands separators (an editor needs the digits)."""
    if value is None or pd.isna(value):
        return ""
    return f"{int(value):,}" if float(value).is_integer() else f"{value:,.10g}"


def editable_number(value: float) -> str:
    """The stored value as the edit box starts with it (no separators)."""
    return str(int(value)) if float(value).is_integer() else repr(float(value))


def accounts_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """Accounts with roles, yes/no and headers in the user's language."""
    table = frame.copy()
    table["role"] = table["role"].map(lambda role: t(f"role.{role}", language))
    table["is_active"] = table["is_active"].map(lambda on: t("admin.yes" if on else "admin.no", language))
    table = table.fillna("-")
    return table.rename(columns={
        "username": t("admin.users.username", language), "display_name": t("admin.users.display_name", language),
        "role": t("admin.users.role", language), "is_active": t("admin.users.active", language),
        "locked_until": t("admin.users.locked_until", language),
        "last_sign_in_at": t("admin.users.last_sign_in", language)})


def targets_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The target register as the administrator edits it."""
    table = frame[["target_key", "target_value", "unit", "deadline", "source_document", "note"]].copy()
    table["target_value"] = table["target_value"].map(exact_number)
    return table.fillna("").rename(columns={
        "target_key": t("admin.field.key", language), "target_value": t("admin.field.target_value", language),
        "unit": t("admin.field.unit", language), "deadline": t("admin.field.deadline", language),
        "source_document": t("admin.field.source_document", language), "note": t("admin.field.note", language)})


def figures_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The published-figure register as the administrator edits it."""
    table = frame[["figure_key", "area", "value", "relation", "unit", "as_of", "source_document",
                   "source_quote"]].copy()
    table["value"] = table["value"].map(exact_number)
    table["area"] = table["area"].map(lambda area: t(f"admin.area.{area}", language)
                                      if f"admin.area.{area}" in CATALOGUE else area)
    return table.fillna("").rename(columns={
        name: t(f"admin.field.{'key' if name == 'figure_key' else name}", language) for name in table.columns})


def history_table(frame: pd.DataFrame, language: str) -> pd.DataFrame:
    """The administration log with actions named in the user's language."""
    table = frame.copy()
    table["action"] = table["action"].map(lambda action: t(f"action.{action}", language))
    return table.rename(columns={name: t(f"admin.history.{name}", language) for name in table.columns})


def act(action: Callable, done_key: str, **values) -> None:
    """Run one administration action: on success rerun (so the tables refresh) and say what changed;
    on bad input or refusal show why, in the user's language, with nothing changed."""
    try:
        changed = action()
    except administration.AdminError as error:
        st.error(administration.message(error))
        return
    st.session_state[NOTICE_KEY] = t("admin.unchanged") if changed is False else t(done_key, **values)
    st.rerun()


def show_notice() -> None:
    """The outcome of the action that caused this run, once."""
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.success(notice)
