"""Make every page run through the router, however the browser reached it.

With a `pages/` folder present, Streamlit runs a deep-linked page file directly (its legacy routing)
until the router's st.navigation has run once in the process, which would skip the router's page
config, language and any access checks. Every page therefore starts with ensure_routed().
"""
from __future__ import annotations

import threading
from contextlib import contextmanager

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

_state = threading.local()


@contextmanager
def routing():
    """Mark the pages run inside this block as reached through the router."""
    _state.active = True
    try:
        yield
    finally:
        _state.active = False


def ensure_routed() -> None:
    """When a page file was run on its own, switch to router-driven pages and rerun the same URL."""
    if getattr(_state, "active", False):
        return
    # The same switch st.navigation makes; the rerun keeps the page's hash (its URL path), so the
    # router resolves the page the browser asked for.
    PagesManager.uses_pages_directory = False
    st.rerun()
