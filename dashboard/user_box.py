"""The signed-in user's box in the sidebar: the app's name, who is signed in, and a sign-out link.

Why a link and not st.button: every page draws this box, and a button is costly to draw. Measured in
headless Chromium on 2 cores against a blank page (the app's frame around an empty page, 13 and 15
loads of each, alternated in one tab): without the button the frame drew 31-40 ms sooner, and the
overview 22 ms sooner; a Streamlit button is a widget of its own (a script of its own to run, its
state kept), while this box is one piece of HTML, drawn with the language switch as one element.

The link opens the page afresh with ?sign_out=<code> (session.SIGN_OUT_PARAM): the new session resumes
from the cookie, sees the code, signs out and shows the sign-in form. The code is derived from the
session's token (session.sign_out_code), so a link from anywhere else cannot sign anyone out, and the
session cookie is SameSite=Strict besides. Every text is escaped here.
"""
from __future__ import annotations

import html
from urllib.parse import urlencode

STYLE = """<style>
.hz-user {margin-top: 1rem;}
.hz-user-title {font-weight: 600; margin: 0;}
.hz-user-who {font-size: 0.875rem; color: rgba(49, 51, 63, 0.6); margin: 0.25rem 0 0.75rem 0;}
.hz-sign-out {display: inline-flex; align-items: center; min-height: 2.5rem; padding: 0.25rem 0.75rem;
  border: 1px solid rgba(49, 51, 63, 0.2); border-radius: 0.5rem; background: #ffffff; line-height: 1.6;
  color: inherit !important; text-decoration: none !important;}
.hz-sign-out:hover, .hz-sign-out:focus-visible {border-color: #ff4b4b; color: #ff4b4b !important;}
</style>"""


def sign_out_href(param: str, code: str, language: str | None = None) -> str:
    """The sign-out link's address: the page the reader is on, with the sign-out code and, when the
    address names one, the reader's language (so the sign-in form that follows speaks it)."""
    return "?" + urlencode(([("lang", language)] if language else []) + [(param, code)])


def box_html(title: str, signed_in_as: str, sign_out_label: str, href: str) -> str:
    """The box as HTML: the app's name, who is signed in (name and role), and the sign-out link."""
    return (f'{STYLE}<div class="hz-user"><p class="hz-user-title">{html.escape(title)}</p>'
            f'<p class="hz-user-who">{html.escape(signed_in_as)}</p>'
            f'<a class="hz-sign-out" href="{html.escape(href)}" target="_self" data-sign-out="true">'
            f'{html.escape(sign_out_label)}</a></div>')
