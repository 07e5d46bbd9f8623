"""The signed-in user of a Streamlit session: sign-in form, idle expiry, sign-out, permission checks."""
from __future__ import annotations

import time

import streamlit as st

from dashboard import accounts, roles, settings
from dashboard.i18n import t

SESSION_KEY = "auth_user"  # server-side only: no widget uses this key, so a browser cannot set it
NOTICE_KEY = "auth_notice"


def current_user() -> accounts.User | None:
    """The signed-in user, or None; an idle session is signed out here."""
    stored = st.session_state.get(SESSION_KEY)
    if not stored:
        return None
    idle_limit = settings.get_int("IDLE_TIMEOUT_MINUTES") * 60
    if time.time() - stored["last_seen"] > idle_limit:
        sign_out(notice="auth.expired")
        return None
    stored["last_seen"] = time.time()
    return accounts.User(stored["username"], stored["display_name"], stored["role"])


def start_session(user: accounts.User) -> None:
    """Remember a user who has just proved who they are."""
    st.session_state[SESSION_KEY] = {"username": user.username, "display_name": user.display_name,
                                     "role": user.role, "last_seen": time.time()}


def sign_out(notice: str | None = None) -> None:
    """Forget the user (and say why, on the sign-in form)."""
    st.session_state.pop(SESSION_KEY, None)
    if notice:
        st.session_state[NOTICE_KEY] = notice


def may(permission: str) -> bool:
    """Whether the signed-in user holds a permission."""
    user = current_user()
    return user is not None and roles.may(user.role, permission)


def sign_in_form() -> None:
    """The only thing an anonymous visitor sees."""
    st.title(t("app.title"))
    st.subheader(t("auth.sign_in"))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(t(notice))
    with st.form("sign_in"):
        username = st.text_input(t("auth.username"), max_chars=60)
        password = st.text_input(t("auth.password"), type="password", max_chars=200)
        submitted = st.form_submit_button(t("auth.submit"))
    if submitted:
        result = accounts.authenticate(username, password)
        if result.user:
            start_session(result.user)
            st.rerun()
        elif result.reason == "locked":
            st.error(t("auth.locked", minutes=settings.get_int("LOCKOUT_MINUTES")))
        else:
            st.error(t("auth.invalid"))
    if _sso_configured():
        st.divider()
        if st.button(t("auth.sso")):
            st.login()


def sso_session() -> None:
    """Adopt a single-sign-on identity as a session when st.login has been used and its role is known."""
    if st.session_state.get(SESSION_KEY) or not _sso_configured() or not st.user.is_logged_in:
        return
    user = accounts.sso_user(st.user.to_dict(), settings.get("SSO_ROLE_CLAIM"))
    if user is None:
        st.session_state[NOTICE_KEY] = "auth.sso_no_role"
        st.logout()
    else:
        start_session(user)


def refusal() -> None:
    """Shown in place of a page the user's role may not open."""
    st.title(t("auth.forbidden.title"))
    st.error(t("auth.forbidden"))


def _sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file: single sign-on is simply not configured
        return False
