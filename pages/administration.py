"""系统管理: accounts, targets and published figures, for administrators only."""
from datetime import date

import streamlit as st

from dashboard import admin_views, administration as admin, components, html_table, session
from dashboard.administration import EARLIEST_DATE, LATEST_DATE, RELATIONS
from dashboard.i18n import current_language, t
from dashboard.roles import ROLES
from dashboard.routing import ensure_routed
from queries import administration as admin_queries, registers

ensure_routed()
actor = session.current_user()
if not session.may("admin"):  # the router shows a refusal first; the page does not rely on it alone
    session.refusal()
    st.stop()
components.page_header("admin.title", "admin.intro")
language = current_language()
admin_views.show_notice()
# Keyed and tracked, so the open tab survives the rerun an action makes (a notice above it comes and goes);
# only the open tab's content is made (switching tabs reruns the page), not three registers and four forms.
users_tab, targets_tab, figures_tab = st.tabs([t("admin.tab.users"), t("admin.tab.targets"), t("admin.tab.figures")],
                                              key="admin_tab", on_change="rerun")


def role_label(role: str) -> str:
    return t(f"role.{role}")


if users_tab.open:
    with users_tab:
        accounts = admin_queries.accounts()
        html_table.draw(admin_views.accounts_table(accounts, language), t("admin.tab.users"))
        manage, add = st.columns(2, gap="large")
        with manage:
            st.subheader(t("admin.manage.heading"))
            names = accounts["username"].tolist()
            username = st.selectbox(t("admin.manage.account"), names, key="admin_account",
                                    index=names.index(actor.username) if actor.username in names else 0)
            account = accounts[accounts["username"] == username].iloc[0]
            if username == actor.username:
                st.caption(t("admin.manage.self_note"))
            role_column, button_column = st.columns([2, 1], vertical_alignment="bottom")
            new_role = role_column.selectbox(t("admin.manage.new_role"), ROLES, format_func=role_label,
                                             index=ROLES.index(account["role"]), key="admin_new_role")
            if button_column.button(t("admin.manage.change_role"), key="admin_change_role"):
                admin_views.act(lambda: admin.set_role(actor, username, new_role), "admin.done.role",
                                username=username, role=role_label(new_role))
            toggle, unlock, _ = st.columns([1, 1, 1])
            if account["is_active"]:
                if toggle.button(t("admin.manage.disable"), key="admin_disable"):
                    admin_views.act(lambda: admin.set_active(actor, username, False), "admin.done.disable",
                                    username=username)
            elif toggle.button(t("admin.manage.enable"), key="admin_enable"):
                admin_views.act(lambda: admin.set_active(actor, username, True), "admin.done.enable", username=username)
            if unlock.button(t("admin.manage.unlock"), key="admin_unlock", disabled=account["locked_until"] is None):
                admin_views.act(lambda: admin.unlock(actor, username), "admin.done.unlock", username=username)
            with st.form("admin_reset", clear_on_submit=True):
                st.markdown(f"**{t('admin.manage.reset_heading')}**")
                password = st.text_input(t("admin.manage.new_password"), type="password", max_chars=200)
                confirm = st.text_input(t("admin.add.confirm"), type="password", max_chars=200)
                if st.form_submit_button(t("admin.manage.reset")):
                    admin_views.act(lambda: admin.reset_password(actor, username, password, confirm),
                                    "admin.done.password", username=username)
        with add, st.form("admin_add", clear_on_submit=True):
            st.subheader(t("admin.add.heading"))
            new_name = st.text_input(t("admin.users.username"), max_chars=60, help=t("auth.error.username"))
            display_name = st.text_input(t("admin.users.display_name"), max_chars=80)
            role = st.selectbox(t("admin.users.role"), ROLES, format_func=role_label)
            password = st.text_input(t("admin.add.password"), type="password", max_chars=200)
            confirm = st.text_input(t("admin.add.confirm"), type="password", max_chars=200)
            if st.form_submit_button(t("admin.add.submit"), type="primary"):
                admin_views.act(lambda: admin.add_account(actor, new_name, display_name, role, password, confirm),
                                "admin.done.add", username=new_name.strip().lower())

if targets_tab.open:
    with targets_tab:
        st.caption(t("admin.targets.intro"))
        register = registers.targets()
        html_table.draw(admin_views.targets_table(register, language), t("admin.tab.targets"))
        key = st.selectbox(t("admin.targets.choose"), register["target_key"].tolist(), key="admin_target")
        row = register.set_index("target_key").loc[key]
        with st.form(f"admin_target_{key}"):
            value = st.text_input(t("admin.field.target_value_unit", unit=row["unit"]),
                                  admin_views.editable_number(row["target_value"]))
            deadline = st.date_input(t("admin.field.deadline"), date.fromisoformat(row["deadline"]),
                                     min_value=EARLIEST_DATE, max_value=LATEST_DATE)
            source = st.text_input(t("admin.field.source_document"), row["source_document"], max_chars=120)
            note = st.text_area(t("admin.field.note"), row["note"] or "", max_chars=2000)
            if st.form_submit_button(t("admin.save"), type="primary"):
                admin_views.act(lambda: admin.update_target(actor, key, value, deadline, source, note),
                                "admin.done.target", key=key)

if figures_tab.open:
    with figures_tab:
        st.info(t("admin.figures.intro"))
        register = registers.published_figures()
        html_table.draw(admin_views.figures_table(register, language), t("admin.tab.figures"))
        key = st.selectbox(t("admin.figures.choose"), register["figure_key"].tolist(), key="admin_figure")
        row = register.set_index("figure_key").loc[key]
        with st.form(f"admin_figure_{key}"):
            value_column, relation_column, unit_column = st.columns([2, 2, 1])
            value = value_column.text_input(t("admin.field.value"), admin_views.editable_number(row["value"]))
            relation = relation_column.selectbox(t("admin.field.relation"), RELATIONS,
                                                 index=RELATIONS.index(row["relation"]),
                                                 format_func=lambda r: t(f"admin.relation.{r}"))
            unit = unit_column.text_input(t("admin.field.unit"), row["unit"], max_chars=20)
            as_of = st.date_input(t("admin.field.as_of"), date.fromisoformat(row["as_of"]),
                                  min_value=EARLIEST_DATE, max_value=LATEST_DATE)
            source = st.text_input(t("admin.field.source_document"), row["source_document"], max_chars=120)
            quote = st.text_area(t("admin.field.source_quote"), row["source_quote"] or "", max_chars=2000)
            if st.form_submit_button(t("admin.save"), type="primary"):
                admin_views.act(lambda: admin.update_published_figure(actor, key, value, relation, unit, as_of,
                                                                      source, quote), "admin.done.figure", key=key)

# The log opens on request: made only then (its query and its table), like the tables under the charts.
with components.lazy_expander(t("admin.history"), "admin_history") as shown:
    if shown:
        history = admin_queries.admin_history()
        if history.empty:
            st.info(t("admin.history_empty"))
        else:
            st.dataframe(admin_views.history_table(history, language), hide_index=True)
