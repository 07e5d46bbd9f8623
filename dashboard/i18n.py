"""Translation: every user-facing string goes through t(), Simplified Chinese first, English available."""
from __future__ import annotations

import streamlit as st

from dashboard import settings
from dashboard.catalogue import CATALOGUE

LANGUAGES = {"zh": "简体中文", "en": "English"}


def current_language() -> str:
    """The session's language: the URL's ?lang=, else the configured default."""
    try:
        chosen = st.query_params.get("lang")
    except Exception:  # outside a Streamlit session (CLI, exports): no URL to read
        chosen = None
    return chosen if chosen in LANGUAGES else settings.get("DEFAULT_LANGUAGE")


def join(items, language: str | None = None, clauses: bool = False) -> str:
    """Items written as a list in a language: 甲、乙 and 甲；乙 (clauses) in Chinese, "a, b" and "a; b" in
    English, whose text a Chinese mark would break."""
    if (language or current_language()) == "en":
        return ("; " if clauses else ", ").join(items)
    return ("；" if clauses else "、").join(items)


def t(key: str, language: str | None = None, **values) -> str:
    """The catalogue text of a key in a language (the session's by default), formatted with values."""
    zh, en = CATALOGUE[key]
    text = en if (language or current_language()) == "en" else zh
    return text.format(**values) if values else text
