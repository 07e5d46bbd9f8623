"""Sign-in, roles, lockout, idle expiry and the audit of sign-ins."""
import datetime as dt
import time

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from dashboard import accounts, db, roles
from dashboard.schema import import_audit, users
from dashboard.session import SESSION_KEY
from tests.app_support import APP, signed_in_app
from tests.conftest import TEST_PASSWORD, TEST_USERS
from tests import metric_support


def test_roles_are_cumulative():
    assert roles.permissions_of("leader") == {"view", "briefing"}
    assert roles.permissions_of("planner") == {"view", "briefing", "map", "download"}
    assert roles.permissions_of("data_officer") == {"view", "briefing", "map", "download", "import"}
    assert roles.permissions_of("admin") == set(roles.PERMISSIONS)
    assert roles.permissions_of("intruder") == set() and not roles.may(None, "view")
    with pytest.raises(ValueError):
        roles.may("admin", "fly")


def test_passwords_are_stored_as_argon2_hashes(scratch_db):
    accounts.add_user("zhang.san", "planner", "a-long-password")
    with db.get_engine().connect() as conn:
        stored = conn.execute(sa.select(users.c.password_hash).where(users.c.username == "zhang.san")).scalar()
    assert stored.startswith("$argon2") and "a-long-password" not in stored


@pytest.mark.parametrize("username, role, password, error", [
    ("Zhang San", "planner", "a-long-password", "auth.error.username"),
    ("<script>", "planner", "a-long-password", "auth.error.username"),
    ("ok", "god", "a-long-password", "auth.error.role"),
    ("ok", "planner", "short", "auth.error.password_short"),
    ("test_admin", "planner", "a-long-password", "auth.error.exists"),
])
def test_bad_accounts_are_refused(scratch_db, username, role, password, error):
    with pytest.raises(accounts.AccountError, match=error):
        accounts.add_user(username, role, password)


def test_sign_in_with_the_right_password(scratch_db):
    result = accounts.authenticate(" TEST_PLANNER ", TEST_PASSWORD)
    assert result.reason == "ok" and result.user.role == "planner"


@pytest.mark.parametrize("username, password", [("test_planner", "wrong"), ("nobody", TEST_PASSWORD),
                                                ("test_planner", ""), ("' OR 1=1 --", "x")])
def test_wrong_credentials_say_nothing_about_which_was_wrong(scratch_db, username, password):
    assert accounts.authenticate(username, password) == accounts.SignInResult(None, "invalid")


def test_five_failures_lock_the_account_for_fifteen_minutes(scratch_db):
    start = dt.datetime(2026, 1, 5, 9, 0)
    for attempt in range(4):
        assert accounts.authenticate("test_leader", "wrong", now=start).reason == "invalid"
    fifth = accounts.authenticate("test_leader", "wrong", now=start)
    assert fifth.reason == "locked" and fifth.locked_until == start + dt.timedelta(minutes=15)
    assert accounts.authenticate("test_leader", TEST_PASSWORD, now=start + dt.timedelta(minutes=14)).reason == "locked"
    assert accounts.authenticate("test_leader", TEST_PASSWORD, now=start + dt.timedelta(minutes=16)).reason == "ok"


def test_sign_ins_are_audited(scratch_db):
    accounts.authenticate("test_admin", "wrong")
    accounts.authenticate("test_admin", TEST_PASSWORD)
    with db.get_engine().connect() as conn:
        rows = conn.execute(sa.select(import_audit.c.action, import_audit.c.actor, import_audit.c.outcome)
                            .where(import_audit.c.action == "sign_in")).all()
    assert [tuple(r) for r in rows] == [("sign_in", "test_admin", "invalid"), ("sign_in", "test_admin", "ok")]


def test_first_administrator_is_created_once(registers_db):
    engine = db.get_engine()
    with engine.begin() as conn:
        conn.execute(sa.delete(users))
    password = accounts.bootstrap_admin()
    assert password and len(password) >= 12
    assert accounts.authenticate("admin", password).user.role == "admin"
    assert accounts.bootstrap_admin() is None


def test_single_sign_on_claims_map_to_a_role():
    assert accounts.sso_user({"email": "Li@hz.gov.cn", "dashboard_role": "planner"}, "dashboard_role") == \
        accounts.User("li@hz.gov.cn", "li@hz.gov.cn", "planner")
    assert accounts.sso_user({"email": "x@hz.gov.cn", "dashboard_role": "superuser"}, "dashboard_role") is None
    assert accounts.sso_user({"dashboard_role": "leader"}, "dashboard_role") is None


def test_an_anonymous_visitor_sees_only_the_sign_in_form(demo_db):
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert [s.value for s in at.subheader] == ["登录"]
    assert not metric_support.cards(at) and len(at.text_input) == 2


def sign_in_through_the_form(username: str, password: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    at.text_input[0].input(username)
    at.text_input[1].input(password)
    at.button[0].click().run()
    return at


def test_signing_in_through_the_form_opens_the_overview(demo_db):
    at = sign_in_through_the_form("test_leader", TEST_PASSWORD)
    assert not at.exception
    assert at.session_state[SESSION_KEY]["role"] == "leader"
    assert any(card.value == "75" for card in metric_support.cards(at))


def test_a_wrong_password_shows_an_error_in_chinese(demo_db):
    at = sign_in_through_the_form("test_leader", "nope")
    assert [e.value for e in at.error] == ["用户名或密码不正确。"] and not metric_support.cards(at)


def test_an_idle_session_is_signed_out(demo_db):
    at = signed_in_app("planner")
    at.session_state[SESSION_KEY]["last_seen"] = time.time() - 31 * 60
    at.run()
    assert not metric_support.cards(at) and any("重新登录" in i.value for i in at.info)
