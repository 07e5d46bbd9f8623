"""The administration service (accounts, targets, published figures): only administrators, one audited
transaction per action, bad input changes nothing; and the page 系统管理 for administrators only."""
import datetime as dt

import pytest
import sqlalchemy as sa
from streamlit.testing.v1 import AppTest

from dashboard import accounts, administration as admin, db, session_tokens
from dashboard.accounts import User
from dashboard.schema import import_audit, published_figures, targets, user_sessions, users
from queries import administration as admin_queries, registers
from tests.app_support import open_page, signed_in_app
from tests.conftest import TEST_PASSWORD, TEST_USERS
from tests.table_support import tables

ADMIN = User("test_admin", "test_admin", "admin")
NEW_PASSWORD = "a-new-password-2"


def actor(role: str) -> User:
    return User(TEST_USERS[role], TEST_USERS[role], role)


def snapshot() -> dict:
    """Everything an administration action may change, to prove a refused one changed nothing."""
    with db.get_engine().connect() as conn:
        return {table.name: sorted(tuple(str(v) for v in row) for row in conn.execute(sa.select(table)))
                for table in (users, targets, published_figures, user_sessions)} | {
            "version": db.current_data_version()}


def audit_rows(action_prefix: str = "admin") -> list[tuple]:
    with db.get_engine().connect() as conn:
        return [tuple(r) for r in conn.execute(
            sa.select(import_audit.c.action, import_audit.c.actor, import_audit.c.outcome, import_audit.c.detail)
            .where(import_audit.c.action.like(f"{action_prefix}%")).order_by(import_audit.c.audit_id))]


def account(username: str):
    with db.get_engine().connect() as conn:
        return conn.execute(sa.select(users).where(users.c.username == username)).first()


# ---- accounts ----------------------------------------------------------------------------------
def test_an_administrator_adds_an_account_that_can_sign_in(registers_db):
    version = db.current_data_version()
    user = admin.add_account(ADMIN, " Li.Si ", "李四", "planner", NEW_PASSWORD, NEW_PASSWORD)
    assert user == User("li.si", "李四", "planner")
    assert accounts.authenticate("li.si", NEW_PASSWORD).user.role == "planner"
    assert audit_rows() == [("admin_user_add", "test_admin", "ok", "user=li.si; display_name=李四; role=planner")]
    assert db.current_data_version() == version + 1


@pytest.mark.parametrize("username, role, password, confirm, error", [
    ("li.si", "planner", "short", "short", "auth.error.password_short"),
    ("li.si", "planner", NEW_PASSWORD, "something-else-1", "admin.error.password_mismatch"),
    ("Li Si", "planner", NEW_PASSWORD, NEW_PASSWORD, "auth.error.username"),
    ("li.si", "superuser", NEW_PASSWORD, NEW_PASSWORD, "auth.error.role"),
    ("test_leader", "planner", NEW_PASSWORD, NEW_PASSWORD, "auth.error.exists"),
])
def test_a_bad_new_account_is_refused_and_nothing_changes(registers_db, username, role, password, confirm, error):
    before = snapshot()
    with pytest.raises(admin.AdminError) as refused:
        admin.add_account(ADMIN, username, "", role, password, confirm)
    assert refused.value.key == error
    assert snapshot() == before and audit_rows() == []


def test_the_message_of_a_refusal_is_in_the_users_language():
    error = admin.AdminError("admin.error.number", field="admin.field.target_value")
    assert admin.message(error, "zh") == "“目标值”须为不小于0的数字，未作任何更改。"
    assert admin.message(error, "en") == "\"Target value\" must be a number of 0 or more; nothing was changed."


ACTIONS = {
    "add_account": lambda who: admin.add_account(who, "li.si", "", "leader", NEW_PASSWORD),
    "set_role": lambda who: admin.set_role(who, "test_leader", "admin"),
    "disable": lambda who: admin.set_active(who, "test_leader", False),
    "reset_password": lambda who: admin.reset_password(who, "test_leader", NEW_PASSWORD),
    "unlock": lambda who: admin.unlock(who, "test_leader"),
    "update_target": lambda who: admin.update_target(who, "compulsory_enrolment_rate_2025", 99,
                                                     dt.date(2026, 12, 31), "惠市民政案〔2024〕23号", ""),
    "update_figure": lambda who: admin.update_published_figure(who, "township_station_count", 76, "=", "个",
                                                               dt.date(2023, 12, 31), "x", ""),
}


@pytest.mark.parametrize("role", ["leader", "planner", "data_officer"])
@pytest.mark.parametrize("action", list(ACTIONS))
def test_every_action_refuses_anyone_but_an_administrator(registers_db, role, action):
    before = snapshot()
    with pytest.raises(admin.AdminError, match="admin.error.not_permitted"):
        ACTIONS[action](actor(role))
    assert snapshot() == before
    assert audit_rows() == [("admin_refused", TEST_USERS[role], "refused", "")]


def test_an_administrator_demoted_meanwhile_is_refused_though_the_session_still_says_admin(registers_db):
    admin.add_account(ADMIN, "second_admin", "", "admin", NEW_PASSWORD)
    stale = User("second_admin", "second_admin", "admin")
    admin.set_role(ADMIN, "second_admin", "planner")
    with pytest.raises(admin.AdminError, match="admin.error.not_permitted"):
        admin.set_role(stale, "test_leader", "admin")
    assert account("test_leader").role == "leader"


def test_an_administrator_cannot_demote_or_disable_themselves(registers_db):
    before = snapshot()
    with pytest.raises(admin.AdminError, match="admin.error.self_demote"):
        admin.set_role(ADMIN, "TEST_ADMIN", "data_officer")
    with pytest.raises(admin.AdminError, match="admin.error.self_disable"):
        admin.set_active(ADMIN, "test_admin", False)
    assert snapshot() == before
    assert admin.set_role(ADMIN, "test_admin", "admin") is False  # keeping the role is no change


def test_a_role_change_is_audited_and_applies_to_a_live_session(registers_db):
    token = session_tokens.issue("test_planner")
    assert admin.set_role(ADMIN, "test_planner", "leader") is True
    assert account("test_planner").role == "leader"
    assert session_tokens.check(session_tokens.hash_token(token)).role == "leader"
    assert audit_rows() == [("admin_user_role", "test_admin", "ok", "user=test_planner; role: planner → leader")]


def test_disabling_ends_sign_in_and_sessions_and_enabling_restores_sign_in(registers_db):
    token = session_tokens.issue("test_planner")
    assert admin.set_active(ADMIN, "test_planner", False) is True
    assert accounts.authenticate("test_planner", TEST_PASSWORD).user is None
    assert session_tokens.resume(token) is None
    assert admin.set_active(ADMIN, "test_planner", False) is False
    assert admin.set_active(ADMIN, "test_planner", True) is True
    assert accounts.authenticate("test_planner", TEST_PASSWORD).user.role == "planner"
    assert session_tokens.resume(token) is None  # an ended session stays ended
    assert [row[0] for row in audit_rows()] == ["admin_user_disable", "admin_user_enable"]
    assert audit_rows()[0][3] == "user=test_planner; active: True → False; sessions ended: 1"


def test_a_password_reset_replaces_the_password_ends_sessions_and_never_logs_it(registers_db):
    token = session_tokens.issue("test_leader")
    with pytest.raises(admin.AdminError, match="auth.error.password_short"):
        admin.reset_password(ADMIN, "test_leader", "short")
    with pytest.raises(admin.AdminError, match="admin.error.password_mismatch"):
        admin.reset_password(ADMIN, "test_leader", NEW_PASSWORD, "different-password")
    with pytest.raises(admin.AdminError, match="admin.error.no_account"):
        admin.reset_password(ADMIN, "nobody", NEW_PASSWORD)
    assert accounts.authenticate("test_leader", TEST_PASSWORD).user is not None
    admin.reset_password(ADMIN, "test_leader", NEW_PASSWORD, NEW_PASSWORD)
    assert accounts.authenticate("test_leader", TEST_PASSWORD).user is None
    assert accounts.authenticate("test_leader", NEW_PASSWORD).user.role == "leader"
    assert session_tokens.resume(token) is None
    [row] = audit_rows()
    assert row[0] == "admin_user_password" and NEW_PASSWORD not in row[3] and "$argon2" not in row[3]


def test_unlocking_lets_a_locked_out_user_sign_in_again(registers_db):
    for _ in range(5):
        accounts.authenticate("test_leader", "wrong")
    assert accounts.authenticate("test_leader", TEST_PASSWORD).reason == "locked"
    assert admin.unlock(ADMIN, "test_leader") is True
    assert accounts.authenticate("test_leader", TEST_PASSWORD).reason == "ok"
    assert admin.unlock(ADMIN, "test_leader") is False
    [row] = audit_rows()
    assert row[0] == "admin_user_unlock" and "→ -" in row[3]


def test_the_accounts_query_never_returns_a_password_hash(registers_db):
    frame = admin_queries.accounts()
    assert list(frame.columns) == ["username", "display_name", "role", "is_active", "locked_until",
                                   "last_sign_in_at"]
    assert sorted(frame["username"]) == sorted(TEST_USERS.values())
    assert not frame.astype(str).apply(lambda column: column.str.contains("argon2")).any().any()
    accounts.authenticate("test_leader", TEST_PASSWORD, now=dt.datetime(2026, 3, 4, 9, 30))
    assert frame.columns.tolist() and admin_queries.accounts().set_index("username").at[
        "test_leader", "last_sign_in_at"] == "2026-03-04 09:30"


# ---- targets and published figures ---------------------------------------------------------------
def test_an_edited_target_is_saved_audited_and_seen_by_the_cached_queries(registers_db):
    assert registers.targets().set_index("target_key").at["compulsory_enrolment_rate_2025", "target_value"] == 97
    changed = admin.update_target(ADMIN, "compulsory_enrolment_rate_2025", "98.5", dt.date(2026, 12, 31),
                                  " 惠府〔2025〕1号 ", "提高到98.5%")
    assert changed is True
    row = registers.targets().set_index("target_key").loc["compulsory_enrolment_rate_2025"]
    assert (row["target_value"], row["deadline"], row["source_document"], row["note"]) == \
        (98.5, "2026-12-31", "惠府〔2025〕1号", "提高到98.5%")
    [(action, who, outcome, detail)] = audit_rows()
    assert (action, who, outcome) == ("admin_target", "test_admin", "ok")
    assert detail.startswith("target_key=compulsory_enrolment_rate_2025; target_value: 97 → 98.5; "
                             "deadline: 2025-12-31 → 2026-12-31; source_document: ")


def test_saving_a_target_unchanged_writes_nothing(registers_db):
    row = registers.targets().set_index("target_key").loc["benchmark_station_count_plan"]
    before = snapshot()
    assert admin.update_target(ADMIN, "benchmark_station_count_plan", "18", row["deadline"],
                               row["source_document"], row["note"]) is False
    assert snapshot() == before and audit_rows() == []


@pytest.mark.parametrize("value, deadline, source, error", [
    ("九十七", "2025-12-31", "惠市民政案", "admin.error.number"),
    ("-1", "2025-12-31", "惠市民政案", "admin.error.number"),
    ("nan", "2025-12-31", "惠市民政案", "admin.error.number"),
    ("97", "2025-13-01", "惠市民政案", "admin.error.date"),
    ("97", "1899-12-31", "惠市民政案", "admin.error.date"),
    ("97", "2025-12-31", "   ", "admin.error.required"),
    ("97", "2025-12-31", "x" * 121, "admin.error.too_long"),
])
def test_a_bad_target_is_refused_and_nothing_changes(registers_db, value, deadline, source, error):
    before = snapshot()
    with pytest.raises(admin.AdminError) as refused:
        admin.update_target(ADMIN, "compulsory_enrolment_rate_2025", value, deadline, source, "")
    assert refused.value.key == error
    assert snapshot() == before and audit_rows() == []


def test_an_edited_published_figure_is_saved_and_audited(registers_db):
    assert admin.update_published_figure(ADMIN, "township_station_count", "1,075", "≈", "个", "2024-04-30",
                                         "惠市民政案〔2024〕23号", "全市共建成镇（街）社工站75个") is True
    row = registers.published_figures().set_index("figure_key").loc["township_station_count"]
    assert (row["value"], row["relation"], row["as_of"]) == (1075, "≈", "2024-04-30")
    [(action, _, _, detail)] = audit_rows()
    assert action == "admin_figure" and "value: 75 → 1075" in detail and "relation: = → ≈" in detail


@pytest.mark.parametrize("changes, error", [
    ({"relation": "<"}, "admin.error.relation"),
    ({"unit": ""}, "admin.error.required"),
    ({"value": "1e999"}, "admin.error.number"),
    ({"as_of": "yesterday"}, "admin.error.date"),
    ({"figure_key": "no_such_figure"}, "admin.error.no_entry"),
])
def test_a_bad_published_figure_is_refused_and_nothing_changes(registers_db, changes, error):
    arguments = {"figure_key": "township_station_count", "value": "75", "relation": "=", "unit": "个",
                 "as_of": "2023-12-31", "source_document": "惠市民政案〔2024〕23号", "source_quote": ""} | changes
    before = snapshot()
    with pytest.raises(admin.AdminError) as refused:
        admin.update_published_figure(ADMIN, **arguments)
    assert refused.value.key == error
    assert snapshot() == before


def test_reconcile_checks_the_data_against_the_edited_figure(scratch_db):
    from dashboard.reconcile import reconcile
    status = lambda: reconcile().set_index("figure_key").at["township_station_count", "status"]  # noqa: E731
    assert status() == "match"
    admin.update_published_figure(ADMIN, "township_station_count", 76, "=", "个", "2023-12-31",
                                  "惠市民政案〔2024〕23号", "")
    assert status() == "mismatch"


# ---- the page ----------------------------------------------------------------------------------
def open_tab(at, label: str):
    """Switch the administration page to a tab, as a click does (the tabs rerun the page)."""
    at.session_state["admin_tab"] = label
    return at.run()


def test_the_page_shows_the_three_registers_to_an_administrator(registers_db):
    at = open_page("system-administration")
    assert not at.exception
    assert [t.value for t in at.title] == ["系统管理"]
    assert [tab.label for tab in at.tabs] == ["账户", "目标值", "已公布数字"]
    # Only the open tab's register is made; each tab opens its own.
    assert list(tables(at)) == ["账户"]  # the registers' tables are not made
    assert not any(ti.label.startswith("目标值") for ti in at.text_input)
    accounts_table = tables(at)["账户"]
    targets_table = tables(open_tab(at, "目标值"))["目标值"]
    figures_table = tables(open_tab(at, "已公布数字"))["已公布数字"]
    assert at.session_state["admin_tab"] == "已公布数字"
    assert list(accounts_table.columns) == ["用户名", "显示名称", "角色", "启用", "锁定至", "最近登录"]
    assert set(accounts_table["角色"]) == {"领导", "规划", "数据专员", "管理员"}
    assert "compulsory_enrolment_rate_2025" in set(targets_table["编号"])
    assert "township_station_count" in set(figures_table["编号"])
    assert {"社工站点", "慈善资金", "其他"} <= set(figures_table["领域"])
    assert any("python -m dashboard reconcile" in info.value for info in at.info)


def test_the_page_speaks_english(registers_db):
    at = open_page("system-administration", language="en")
    assert not at.exception
    assert [tab.label for tab in at.tabs] == ["Users", "Targets", "Published figures"]
    assert "Administrator" in set(tables(at)["Users"]["Role"])


def test_adding_an_account_through_the_page(registers_db):
    at = open_page("system-administration")
    form = {ti.label: ti for ti in at.text_input}
    form["用户名"].input("wang.wu")
    form["初始密码（至少10个字符）"].input(NEW_PASSWORD)
    confirms = [ti for ti in at.text_input if ti.label == "再次输入密码"]
    confirms[-1].input(NEW_PASSWORD)
    next(b for b in at.button if b.label == "添加").click().run()
    assert not at.exception and not at.error
    assert [s.value for s in at.success] == ["已添加账户 wang.wu。"]
    assert "wang.wu" in set(tables(at)["账户"]["用户名"])
    assert account("wang.wu").role == "leader"


def test_disabling_oneself_through_the_page_is_refused_with_a_message(registers_db):
    at = open_page("system-administration")
    assert at.selectbox(key="admin_account").value == "test_admin"
    at.button(key="admin_disable").click().run()
    assert [e.value for e in at.error] == ["不能停用您自己的账户，请由另一位管理员操作。"]
    assert account("test_admin").is_active


def test_a_bad_target_through_the_page_shows_a_message_and_changes_nothing(registers_db):
    at = open_tab(open_page("system-administration"), "目标值")
    before = snapshot()
    next(ti for ti in at.text_input if ti.label.startswith("目标值")).input("abc")
    next(b for b in at.button if b.label == "保存").click().run()
    assert [e.value for e in at.error] == ["“目标值”须为不小于0的数字，未作任何更改。"]
    assert snapshot() == before


@pytest.mark.parametrize("role", ["leader", "planner", "data_officer"])
def test_other_roles_get_a_refusal_at_the_address_and_never_the_script(registers_db, role):
    at = signed_in_app(role).run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page("pages/administration.py")
    registered = {page["url_pathname"]: page["script_path"] for page in at._registered_pages.values()}
    assert registered["system-administration"] == ""  # the refusal, not pages/administration.py
    # Open the address as the browser would (the page registered under its url path).
    at._page_hash = next(h for h, page in at._registered_pages.items() if page["url_pathname"] == "system-administration")
    at.run()
    assert [t.value for t in at.title] == ["无权访问"] and not tables(at) and not at.dataframe and not at.tabs
