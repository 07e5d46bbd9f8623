"""惠州民政数据驾驶舱: the entry point is only a router: page config, sign-in, language, and the
pages the user's role may open (others, reached by URL, show a refusal)."""
import streamlit as st

from dashboard import db, language_switch, roles, session, user_box
from dashboard.i18n import current_language, t
from dashboard.routing import routing

PAGES = [
    # (script, catalogue key of its title, url path, permission needed). A url path never equals a
    # pages/ file name: Streamlit's legacy routing would run that file without this router.
    ("pages/overview.py", "nav.overview", "city-overview", "view"),
    ("pages/coverage.py", "nav.coverage", "station-coverage", "map"),
    ("pages/special_education.py", "nav.special_education", "special-education", "view"),
    ("pages/visits.py", "nav.visits", "home-visits", "view"),
    ("pages/renovations.py", "nav.renovations", "elderly-care", "view"),
    ("pages/charity.py", "nav.charity", "charity-flows", "view"),
    ("pages/social_assistance.py", "nav.social_assistance", "social-assistance", "view"),
    ("pages/briefing.py", "nav.briefing", "npc-briefing", "briefing"),
    ("pages/data_management.py", "nav.data_management", "data-management", "import"),
    ("pages/administration.py", "nav.administration", "system-administration", "admin"),
]
# Pages for maintaining the data, listed in their own navigation section.
DATA_SECTION_PATHS = {"data-management", "system-administration"}


def main() -> None:
    """Configure the page, sign the user in, and route to a page their role may open."""
    st.set_page_config(page_title=t("app.title"), layout="wide")
    # The language switch and the signed-in user's box sit at the top of the sidebar but are written
    # once the page has run, as one element: the switch's links keep the query parameters the page has
    # just written (dashboard/language_switch.py), and the box is there only while a user is signed in.
    top_slot = st.sidebar.empty()
    try:
        _route()
    finally:
        params = [(name, value) for name in st.query_params for value in st.query_params.get_all(name)]
        top = language_switch.links_html(t("app.language"), params, current_language())
        top_slot.html(top + _user_box_html())


def _route() -> None:
    """Sign the user in, and route to a page their role may open."""
    user = session.establish()
    if user is not None and session.take_sign_out_request():
        session.sign_out()
        user = None
    if user is None:
        session.write_cookie()
        # Every address shows the sign-in form, so a deep link opens its page after signing in.
        pages = [st.Page(session.sign_in_form, title=t("auth.sign_in"), url_path="sign-in", default=True)]
        pages += [st.Page(session.sign_in_form, title=t("auth.sign_in"), url_path=path, visibility="hidden")
                  for _, _, path, _ in PAGES]
        st.navigation(pages, position="hidden").run()
        return
    session.write_cookie()
    pages = [_page_for(entry, roles.may(user.role, entry[3])) for entry in PAGES]
    first = next(page for page, entry in zip(pages, PAGES) if roles.may(user.role, entry[3]))
    # Streamlit serves the default page at "/" whatever its url path, so a hidden landing page takes
    # that place and forwards to the first page the role may open; every page keeps its own address.
    home = st.Page(lambda: st.switch_page(first, query_params=st.query_params.to_dict()),
                   title=t("app.title"), url_path="home", default=True, visibility="hidden")
    sections = {t("nav.section.dashboards"): [home] + [p for p in pages if p.url_path not in DATA_SECTION_PATHS]}
    data_pages = [p for p in pages if p.url_path in DATA_SECTION_PATHS]
    if data_pages:
        sections[t("nav.section.admin")] = data_pages
    navigation = st.navigation(sections)
    with routing(), db.one_data_version():
        navigation.run()


def _page_for(entry, permitted: bool) -> st.Page:
    script, title, path, _ = entry
    if permitted:
        return st.Page(script, title=t(title), url_path=path)
    return st.Page(session.refusal, title=t(title), url_path=path, visibility="hidden")


def _user_box_html() -> str:
    """The signed-in user's box (dashboard/user_box.py), or nothing when no one is signed in (no code)."""
    code = session.sign_out_code()
    if code is None:
        return ""
    stored = st.session_state[session.SESSION_KEY]
    return user_box.box_html(t("app.title"), t("auth.signed_in_as", name=stored["display_name"],
                                                 role=t(f"role.{stored['role']}")),
                             t("auth.sign_out"),
                             user_box.sign_out_href(session.SIGN_OUT_PARAM, code, st.query_params.get("lang")))


if __name__ == "__main__":
    main()
