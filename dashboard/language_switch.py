"""The language switch in the sidebar: one link per language, each to the page the reader is on, with
every query parameter kept and ?lang= set.

Why links and not a select box: a widget is costly to draw, and this one is on every page. Measured in
headless Chromium on 2 cores against a blank page (the app's frame around an empty page, 11 loads of
each, alternated in one tab): with the select box the frame took 1.23x the blank page, without any
switch 1.07x, with these links 1.12x. Choosing a language is rare; every page pays for the switch on
every load.

A link opens the page afresh in the chosen language: the sign-in resumes from the session cookie, and
whatever the reader chose that lives in the URL (county, years, section, layers, distance) is kept.
The links are written after the page has run (streamlit_app draws them into a slot reserved at the top
of the sidebar), so they carry the query parameters the page has just written.
"""
from __future__ import annotations

import html
from urllib.parse import urlencode

from dashboard.i18n import LANGUAGES


def links_html(label: str, params: list[tuple[str, str]], current: str) -> str:
    """The switch as HTML: the label, then a link for each language. `params` are the page's query
    parameters as (name, value) pairs (a name may repeat); each link keeps them and sets lang. The current
    language is marked (bold, aria-current) rather than linked. Every text is escaped."""
    kept = [(name, value) for name, value in params if name != "lang"]
    items = []
    for code, name in LANGUAGES.items():
        text = html.escape(name)
        if code == current:
            items.append(f'<strong aria-current="true" lang="{code}">{text}</strong>')
        else:
            query = html.escape("?" + urlencode(kept + [("lang", code)]))
            items.append(f'<a href="{query}" target="_self" hreflang="{code}" lang="{code}" '
                         f'data-language="{code}">{text}</a>')
    return (f'<nav class="hz-language" aria-label="{html.escape(label)}" style="font-size: 0.875rem">'
            f'<span style="color: rgba(49, 51, 63, 0.6)">{html.escape(label)}</span> '
            + " · ".join(items) + "</nav>")
