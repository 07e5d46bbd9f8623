"""Build decks for the page and the CLI alike, cached on the data version."""
from __future__ import annotations

import datetime as dt

import streamlit as st

from dashboard import db
from dashboard.briefing.catalogue import build_slides
from dashboard.briefing.model import Slide
from dashboard.briefing.pptx_export import write_deck


def slides(keys: tuple[str, ...], language: str) -> list[Slide]:
    """The chosen slides, rebuilt only when the data or the choice changes."""
    return _cached_slides(keys, language, db.database_url(), db.current_data_version())


@st.cache_data(max_entries=50, show_spinner=False)
def _cached_slides(keys: tuple[str, ...], language: str, url: str, version: int) -> list[Slide]:
    # url and version must not start with "_": st.cache_data leaves such arguments out of its key.
    return build_slides(list(keys), language)


def deck(chosen: list[Slide], language: str, made_at: dt.datetime | None = None) -> bytes:
    """The .pptx bytes of slides."""
    return write_deck(chosen, language, made_at)
