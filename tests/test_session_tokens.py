"""Sign-in that survives a reload: a token in a cookie, only its SHA-256 in the database, valid while
unrevoked, unexpired, recently used and its account active and unlocked; and the app resuming from it."""
import datetime as dt
import hashlib
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlsplit

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from dashboard import accounts, administration as admin, db, session, session_tokens
from dashboard.accounts import User
from dashboard.schema import import_audit, user_sessions
from dashboard.session import SESSION_KEY
from tests.app_support import APP
from tests.conftest import TEST_PASSWORD

ADMIN = User("test_admin", "test_admin", "admin")
START = dt.datetime(2026, 3, 2, 9, 0)


def minutes(n: float) -> dt.datetime:
    return START + dt.timedelta(minutes=n)


def session_rows() -> list:
    with db.get_engine().connect() as conn:
        return conn.execute(sa.select(user_sessions)).all()


def test_only_the_sha256_of_a_token_is_stored(registers_db):
    token = session_tokens.issue("test_planner", now=START)
    assert len(token) >= 43
    [row] = session_rows()
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert token not in " ".join(str(value) for value in row)
    assert (row.username, row.created_at, row.last_seen_at, row.revoked) == ("test_planner", START, START, False)
    assert row.expires_at == START + dt.timedelta(hours=12)


def test_a_valid_token_resumes_the_session_with_the_current_role_and_is_audited(registers_db):
    token = session_tokens.issue("test_planner", now=START)
    assert session_tokens.resume(token, now=minutes(5)) == User("test_planner", "test_planner", "planner")
    admin.set_role(ADMIN, "test_planner", "leader")
    assert session_tokens.resume(token, now=minutes(10)).role == "leader"
    with db.get_engine().connect() as conn:
        rows = conn.execute(sa.select(import_audit.c.action, import_audit.c.actor, import_audit.c.detail)
                            .where(import_audit.c.action == "session_resume")).all()
    assert [(r.action, r.actor) for r in rows] == [("session_resume", "test_planner")] * 2
    assert all(token not in (r.detail or "") for r in rows)


def test_an_idle_token_stops_working(registers_db):
    token = session_tokens.issue("test_planner", now=START)
    assert session_tokens.resume(token, now=minutes(29)) is not None  # used: the idle clock restarts
    assert session_tokens.resume(token, now=minutes(29 + 29)) is not None
    assert session_tokens.resume(token, now=minutes(58 + 31)) is None
    assert session_tokens.resume(token, now=minutes(58 + 1)) is None  # a dead token stays dead


def test_a_token_expires_after_its_whole_life_however_active(registers_db, monkeypatch):
    monkeypatch.setenv("SESSION_MAX_HOURS", "1")
    token = session_tokens.issue("test_planner", now=START)
    for n in range(10, 60, 10):
        assert session_tokens.resume(token, now=minutes(n)) is not None
    assert session_tokens.resume(token, now=minutes(61)) is None


def test_a_revoked_token_does_not_resume(registers_db):
    token = session_tokens.issue("test_planner", now=START)
    session_tokens.revoke(session_tokens.hash_token(token))
    assert session_tokens.resume(token, now=minutes(1)) is None


def test_a_disabled_or_locked_account_is_not_resumed(registers_db):
    disabled = session_tokens.issue("test_planner", now=START)
    locked = session_tokens.issue("test_leader", now=START)
    admin.set_active(ADMIN, "test_planner", False)
    for _ in range(5):
        accounts.authenticate("test_leader", "wrong", now=minutes(1))
    assert session_tokens.resume(disabled, now=minutes(2)) is None
    assert session_tokens.resume(locked, now=minutes(2)) is None


@pytest.mark.parametrize("token", [None, "", "not-a-token", "x" * 5000, "' OR '1'='1"])
def test_anything_but_a_issued_token_resumes_nothing(registers_db, token):
    session_tokens.issue("test_planner", now=START)
    assert session_tokens.resume(token, now=minutes(1)) is None


def test_use_is_written_at_most_once_a_minute(registers_db):
    token = session_tokens.issue("test_planner", now=START)
    token_hash = session_tokens.hash_token(token)
    session_tokens.check(token_hash, now=START + dt.timedelta(seconds=30))
    assert session_rows()[0].last_seen_at == START
    session_tokens.check(token_hash, now=START + dt.timedelta(seconds=90))
    assert session_rows()[0].last_seen_at == START + dt.timedelta(seconds=90)


# ---- the app -----------------------------------------------------------------------------------
def app_with_cookie(monkeypatch, token: str | None) -> AppTest:
    """A new session (as after a reload) whose browser sends the token as its cookie."""
    monkeypatch.setattr(session, "browser_token", lambda: token)
    return AppTest.from_file(APP, default_timeout=60)


def cookie_scripts(at) -> list[str]:
    """The page's scripts (st.html with a <script>; the metric cards are st.html too)."""
    return [element.proto.body for element in at.get("html") if element.proto.body.startswith("<script>")]


def test_a_new_session_with_a_valid_cookie_is_signed_in(registers_db, monkeypatch):
    token = session_tokens.issue("test_planner")
    at = app_with_cookie(monkeypatch, token).run()
    assert not at.exception
    assert at.session_state[SESSION_KEY]["username"] == "test_planner"
    assert at.session_state[SESSION_KEY]["role"] == "planner"
    assert not any(ti.label == "密码" for ti in at.text_input)
    # The cookie is renewed from the page; the token appears nowhere else in what the page draws.
    [script] = cookie_scripts(at)
    assert token in script and "SameSite=Strict" in script and "max-age=1800" in script
    assert not any(token in m.value for m in at.markdown)


@pytest.mark.parametrize("spoil", ["revoke", "disable", "garbage"])
def test_a_new_session_with_a_dead_cookie_asks_for_sign_in_and_clears_it(registers_db, monkeypatch, spoil):
    token = session_tokens.issue("test_planner")
    if spoil == "revoke":
        session_tokens.revoke(session_tokens.hash_token(token))
    elif spoil == "disable":
        admin.set_active(ADMIN, "test_planner", False)
    else:
        token = token[::-1]
    at = app_with_cookie(monkeypatch, token).run()
    assert SESSION_KEY not in at.session_state
    assert [s.value for s in at.subheader] == ["登录"]
    assert cookie_scripts(at) == ["<script>document.cookie = \"hz_dashboard_session\" + "
                                  "'=; Path=/; SameSite=Strict; max-age=0';</script>"]


def sign_in_through_the_form(monkeypatch, username: str) -> AppTest:
    at = app_with_cookie(monkeypatch, None).run()
    at.text_input[0].input(username)
    at.text_input[1].input(TEST_PASSWORD)
    at.button[0].click().run()
    return at


def test_signing_in_issues_a_token_and_signing_out_revokes_it(registers_db, monkeypatch):
    at = sign_in_through_the_form(monkeypatch, "test_leader")
    [row] = session_rows()
    assert row.username == "test_leader" and not row.revoked
    assert at.session_state[SESSION_KEY]["token_hash"] == row.token_hash
    assert any("hz_dashboard_session" in script for script in cookie_scripts(at))
    at.switch_page("pages/overview.py").run()
    token = at.session_state[session.TOKEN_KEY]
    # 退出登录 is a link: it opens the page afresh (a new session, resumed from the cookie) with its code.
    out = follow(monkeypatch, token, sign_out_href(at))
    assert not out.exception
    assert SESSION_KEY not in out.session_state and [s.value for s in out.subheader] == ["登录"]
    assert session_rows()[0].revoked
    assert any("max-age=0" in script for script in cookie_scripts(out))
    assert session.SIGN_OUT_PARAM not in out.query_params and user_boxes(out) == []


class _Box(HTMLParser):
    """The user box's texts and sign-out links (it shares its element with the language switch)."""
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.text: list[str] = []
        self.inside = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "div" and attributes.get("class") == "hz-user":
            self.inside = True
        if tag == "a" and attributes.get("data-sign-out") == "true":
            assert attributes["target"] == "_self"
            self.hrefs.append(attributes["href"])

    def handle_data(self, data):
        if self.inside and data.strip():
            self.text.append(data)


def user_boxes(at) -> list[str]:
    return [element.proto.body for element in at.sidebar.get("html") if "hz-user" in element.proto.body]


def sign_out_href(at) -> str:
    [body] = user_boxes(at)
    parser = _Box()
    parser.feed(body)
    [href] = parser.hrefs
    return href


def follow(monkeypatch, token: str, href: str) -> AppTest:
    """A new session whose browser sends the cookie, opened at the link's address."""
    at = app_with_cookie(monkeypatch, token)
    for name, value in parse_qsl(urlsplit(href).query, keep_blank_values=True):
        at.query_params[name] = value
    return at.run()


def test_the_user_box_names_the_user_and_links_to_sign_out_without_the_token(registers_db, monkeypatch):
    token = session_tokens.issue("test_planner")
    at = app_with_cookie(monkeypatch, token).run()
    [body] = user_boxes(at)
    parser = _Box()
    parser.feed(body)
    assert parser.text == ["惠州民政数据驾驶舱", "当前用户：test_planner（规划）", "退出登录"]
    [href] = parser.hrefs
    [(name, code)] = parse_qsl(urlsplit(href).query)
    assert name == session.SIGN_OUT_PARAM and len(code) == 16 and set(code) <= set("0123456789abcdef")
    assert token not in body and session_tokens.hash_token(token) not in body


def test_the_sign_out_link_keeps_the_readers_language(registers_db, monkeypatch):
    token = session_tokens.issue("test_planner")
    at = app_with_cookie(monkeypatch, token)
    at.query_params["lang"] = "en"
    out = follow(monkeypatch, token, sign_out_href(at.run()))
    assert SESSION_KEY not in out.session_state and [s.value for s in out.subheader] == ["Sign in"]


@pytest.mark.parametrize("code", ["", "0123456789abcdef", "stale"])
def test_a_sign_out_address_without_this_sessions_code_signs_no_one_out(registers_db, monkeypatch, code):
    token = session_tokens.issue("test_planner")
    if code == "stale":  # the link of an earlier sign-in of the same account
        earlier = session_tokens.issue("test_planner")
        code = dict(parse_qsl(urlsplit(sign_out_href(app_with_cookie(monkeypatch, earlier).run())).query))[
            session.SIGN_OUT_PARAM]
    at = follow(monkeypatch, token, f"?{session.SIGN_OUT_PARAM}={code}")
    assert not at.exception
    assert at.session_state[SESSION_KEY]["username"] == "test_planner"
    assert session.SIGN_OUT_PARAM not in at.query_params
    assert not any(row.revoked for row in session_rows() if row.token_hash == session_tokens.hash_token(token))


def test_disabling_an_account_signs_it_out_on_its_next_rerun(registers_db, monkeypatch):
    at = sign_in_through_the_form(monkeypatch, "test_planner")
    assert at.session_state[SESSION_KEY]["role"] == "planner"
    admin.set_active(ADMIN, "test_planner", False)
    at.run()
    assert SESSION_KEY not in at.session_state
    assert any("已被停用" in info.value for info in at.info)


def test_a_role_change_applies_on_the_next_rerun(registers_db, monkeypatch):
    at = sign_in_through_the_form(monkeypatch, "test_data_officer")
    admin.set_role(ADMIN, "test_data_officer", "leader")
    at.run()
    assert at.session_state[SESSION_KEY]["role"] == "leader"
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/data_management.py")


SSO_SECRETS = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "test-cookie-secret",
               "client_id": "dashboard", "client_secret": "not-secret",
               "server_metadata_url": "https://sso.example.gov.cn/.well-known/openid-configuration"}


def sso_app(monkeypatch, user: dict) -> AppTest:
    """A new session of a browser that holds a single-sign-on identity (Streamlit's identity cookie)."""
    at = app_with_cookie(monkeypatch, None)
    at.secrets["auth"] = SSO_SECRETS
    at.user = dict(user)
    return at


def test_signing_out_of_a_single_sign_on_session_ends_its_identity_too(registers_db, monkeypatch):
    identity = {"is_logged_in": True, "email": "Li.Ming@hz.gov.cn", "name": "李明", "dashboard_role": "planner"}
    at = sso_app(monkeypatch, identity).run()
    assert not at.exception
    assert at.session_state[SESSION_KEY]["source"] == "sso" and at.session_state[SESSION_KEY]["role"] == "planner"
    href = sign_out_href(at)
    # The link opens a new session; the identity cookie would sign it straight back in unless the
    # sign-out also ends the identity (st.logout), as it does.
    out = sso_app(monkeypatch, identity)
    for name, value in parse_qsl(urlsplit(href).query, keep_blank_values=True):
        out.query_params[name] = value
    out.run()
    assert not out.exception
    assert SESSION_KEY not in out.session_state and out.user == {"is_logged_in": False}
    out.run()  # the next run (after the logout's redirect) asks for sign-in
    assert SESSION_KEY not in out.session_state and [s.value for s in out.subheader] == ["登录"]
    with db.get_engine().connect() as conn:
        actions = conn.execute(sa.select(import_audit.c.action, import_audit.c.actor)).all()
    assert ("sign_out", "li.ming@hz.gov.cn") in actions


def sign_in_rows(actor: str) -> list[tuple]:
    with db.get_engine().connect() as conn:
        return conn.execute(sa.select(import_audit.c.outcome, import_audit.c.detail)
                            .where(import_audit.c.action == "sign_in", import_audit.c.actor == actor)).all()


def test_a_single_sign_on_sign_in_is_audited_once(registers_db, monkeypatch):
    """One sign-in with the provider is one audit row, however many pages (sessions) adopt it; the next
    sign-in (a new identity token) is another. An identity with no known role is audited as refused."""
    identity = {"is_logged_in": True, "email": "Li.Ming@hz.gov.cn", "name": "李明", "dashboard_role": "planner",
                "iat": 1764460800}
    for _ in range(3):  # three pages opened by address: three sessions of one identity
        at = sso_app(monkeypatch, identity).run()
        assert not at.exception and at.session_state[SESSION_KEY]["source"] == "sso"
    assert sign_in_rows("li.ming@hz.gov.cn") == [("ok", "sso; token issued 1764460800")]
    sso_app(monkeypatch, {**identity, "iat": 1764464400}).run()
    assert len(sign_in_rows("li.ming@hz.gov.cn")) == 2

    refused = {"is_logged_in": True, "email": "visitor@example.com", "dashboard_role": "mayor", "iat": 1764460900}
    at = sso_app(monkeypatch, refused).run()
    assert SESSION_KEY not in at.session_state
    assert sign_in_rows("visitor@example.com") == [("sso_no_role", "sso; token issued 1764460900")]
