"""The signed-in user of a Streamlit session: sign-in form, the session cookie, idle expiry, sign-out,
permission checks.

A Streamlit session lives as long as one websocket: a reload, a typed address or a bookmark opens a new
one. The sign-in therefore also leaves a token in a cookie (dashboard/session_tokens.py keeps its
SHA-256), and a new session with no user resumes from it. Every rerun re-reads the account, so a
disabled account or a changed role applies at once.
"""
from __future__ import annotations

import hashlib
import json
import time

import streamlit as st

from dashboard import accounts, audit, roles, session_tokens, settings
from dashboard.i18n import t

SESSION_KEY = "auth_user"  # server-side only: no widget uses this key, so a browser cannot set it
NOTICE_KEY = "auth_notice"
# The raw token of this session, held server-side only to draw the script that keeps the browser's
# cookie; and the flag that the browser's cookie must be cleared (after a sign-out or a dead token).
TOKEN_KEY = "auth_token"
CLEAR_COOKIE_KEY = "auth_clear_cookie"
# The query parameter of the sign-out link (dashboard/user_box.py): ?sign_out=<sign_out_code()>.
SIGN_OUT_PARAM = "sign_out"


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


def establish() -> accounts.User | None:
    """Run once per rerun by the router: the user of this session, resumed from the browser's cookie
    when the session is new, and re-read from the accounts table when it is not."""
    sso_session()
    user = current_user()
    if user is None and not st.session_state.get(SESSION_KEY):
        user = _resume_from_cookie()
    elif user is not None and st.session_state[SESSION_KEY].get("source") != "sso":
        user = _refresh(user)
    return user


def start_session(user: accounts.User, source: str = "password") -> None:
    """Remember a user who has just proved who they are; a password sign-in also sets the cookie."""
    stored = {"username": user.username, "display_name": user.display_name, "role": user.role,
              "last_seen": time.time(), "source": source}
    if source == "password":
        token = session_tokens.issue(user.username)
        stored["token_hash"] = session_tokens.hash_token(token)
        st.session_state[TOKEN_KEY] = token
        st.session_state.pop(CLEAR_COOKIE_KEY, None)
    st.session_state[SESSION_KEY] = stored


def sign_out(notice: str | None = None) -> None:
    """Forget the user, end their token and clear the cookie (and say why, on the sign-in form). A
    single-sign-on session ends its identity too (st.logout: Streamlit's identity cookie, and the
    provider's session where it offers an end-session address); otherwise the identity would sign the
    next run straight back in."""
    stored = st.session_state.pop(SESSION_KEY, None) or {}
    single_sign_on = stored.get("source") == "sso" and _sso_configured()
    if stored.get("token_hash"):
        session_tokens.revoke(stored["token_hash"])
    if stored.get("token_hash") or single_sign_on:
        audit.record("sign_out", stored["username"], notice or "ok")
    if single_sign_on:
        st.logout()
    st.session_state.pop(TOKEN_KEY, None)
    st.session_state[CLEAR_COOKIE_KEY] = True
    if notice:
        st.session_state[NOTICE_KEY] = notice


def sign_out_code() -> str | None:
    """The code the sign-out link of this signed-in session carries: derived from the SHA-256 of its
    token (which never leaves the server), so it changes with every sign-in and no other site can
    write it. A single-sign-on session has no token; its code comes from its username."""
    stored = st.session_state.get(SESSION_KEY)
    if not stored:
        return None
    secret = stored.get("token_hash") or f"sso:{stored['username']}"
    return hashlib.sha256(f"{secret}:sign-out".encode()).hexdigest()[:16]


def take_sign_out_request() -> bool:
    """Whether the address asks to sign this session out (?sign_out= with its code). The parameter is
    removed from the address either way: a stale code (from before the last sign-in) does nothing."""
    if SIGN_OUT_PARAM not in st.query_params:
        return False
    code = st.query_params.get(SIGN_OUT_PARAM)
    del st.query_params[SIGN_OUT_PARAM]
    expected = sign_out_code()
    return expected is not None and code == expected


def may(permission: str) -> bool:
    """Whether the signed-in user holds a permission."""
    user = current_user()
    return user is not None and roles.may(user.role, permission)


def _resume_from_cookie() -> accounts.User | None:
    token = browser_token()
    if not token:
        return None
    user = session_tokens.resume(token)
    if user is None:
        st.session_state[CLEAR_COOKIE_KEY] = True
        return None
    st.session_state[TOKEN_KEY] = token
    st.session_state[SESSION_KEY] = {"username": user.username, "display_name": user.display_name,
                                     "role": user.role, "last_seen": time.time(), "source": "password",
                                     "token_hash": session_tokens.hash_token(token)}
    return user


def _refresh(user: accounts.User) -> accounts.User | None:
    stored = st.session_state[SESSION_KEY]
    if stored.get("token_hash"):
        fresh = session_tokens.check(stored["token_hash"])
    else:
        fresh = accounts.active_user(user.username)
    if fresh is None:
        sign_out(notice="auth.session_ended")
        return None
    stored.update(display_name=fresh.display_name, role=fresh.role)
    return fresh


def browser_token() -> str | None:
    """The session token the browser sent when this session opened (a cookie), if any."""
    try:
        token = st.context.cookies.get(session_tokens.COOKIE_NAME)
    except Exception:  # no browser context (bare mode): no cookie
        return None
    return token if isinstance(token, str) else None  # AppTest's context holds no real cookies


def write_cookie() -> None:
    """Draw the tiny script that sets (and keeps renewing) or clears the session cookie in the browser.

    Streamlit cannot set a cookie from the server, so the page does: st.html with JavaScript runs in
    the app's own document (not an iframe), on the app's origin, whenever its body changes. It is drawn
    on every run, not once, because a run that switches page at once may never reach the browser; the
    minute in the body makes the browser run it again, which renews the cookie's max-age (the idle
    limit) while the user is active. The server checks the idle limit itself as well."""
    name = json.dumps(session_tokens.COOKIE_NAME)
    token = st.session_state.get(TOKEN_KEY) if st.session_state.get(SESSION_KEY) else None
    if token:
        max_age = settings.get_int("IDLE_TIMEOUT_MINUTES") * 60
        script = (f"/* {int(time.time() // 60)} */ document.cookie = {name} + '=' + {json.dumps(token)} + "
                  f"'; Path=/; SameSite=Strict; max-age={max_age}' + "
                  "(location.protocol === 'https:' ? '; Secure' : '');")
    elif st.session_state.get(CLEAR_COOKIE_KEY) or browser_token():
        script = f"document.cookie = {name} + '=; Path=/; SameSite=Strict; max-age=0';"
    else:
        return
    with st.sidebar:
        st.html(f"<script>{script}</script>", unsafe_allow_javascript=True)


def sign_in_form() -> None:
    """The only thing an anonymous visitor sees."""
    st.title(t("app.title"))
    st.subheader(t("auth.sign_in"))
    notice = st.session_state.pop(NOTICE_KEY, None)
    if notice:
        st.info(t(notice))
    # The key names the form in the page (class st-key-sign_in_form), which the browser tests wait on.
    with st.container(key="sign_in_form"), st.form("sign_in"):
        username = st.text_input(t("auth.username"), max_chars=60)
        password = st.text_input(t("auth.password"), type="password", max_chars=accounts.MAX_PASSWORD_LENGTH)
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
    claims = st.user.to_dict()
    user = accounts.sso_user(claims, settings.get("SSO_ROLE_CLAIM"))
    _audit_sso_sign_in(claims, user)
    if user is None:
        st.session_state[NOTICE_KEY] = "auth.sso_no_role"
        st.logout()
    else:
        start_session(user, source="sso")


def _audit_sso_sign_in(claims: dict, user: accounts.User | None) -> None:
    """Audit a single-sign-on sign-in once: every page opened in the browser adopts the same identity in
    a new session, so the row is keyed on the identity token's issue time (the OIDC `iat` claim, new at
    each sign-in with the provider). Outcome "ok", or "sso_no_role" when its role claim names no role."""
    actor = user.username if user else str(claims.get("email") or claims.get("sub") or "(unknown)").strip().lower()
    issued = claims.get("iat")
    detail = f"sso; token issued {issued}" if issued is not None else "sso"
    outcome = "ok" if user else "sso_no_role"
    if issued is None:
        audit.record("sign_in", actor, outcome, detail)
    else:
        audit.record_once("sign_in", actor, outcome, detail)


def refusal() -> None:
    """Shown in place of a page the user's role may not open."""
    st.title(t("auth.forbidden.title"))
    st.error(t("auth.forbidden"))


def _sso_configured() -> bool:
    try:
        return "auth" in st.secrets
    except Exception:  # no secrets file: single sign-on is simply not configured
        return False
