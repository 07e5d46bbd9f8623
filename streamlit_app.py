"""惠州民政数据驾驶舱: the entry point is only a router (page config, language, navigation)."""
import streamlit as st

from dashboard.i18n import LANGUAGES, current_language, t
from dashboard.routing import routing

PAGES = [
    # (script, catalogue key of its title, url path)
    ("pages/overview.py", "nav.overview", "overview"),
    ("pages/data_management.py", "nav.data_management", "data_management"),
]
ADMIN_PATHS = {"data_management"}  # pages for the data officers, listed in their own navigation section


def main() -> None:
    """Configure the page, offer the language toggle, and route to the chosen page."""
    st.set_page_config(page_title=t("app.title"), layout="wide")
    language = st.sidebar.selectbox(t("app.language"), list(LANGUAGES), format_func=LANGUAGES.get,
                                    index=list(LANGUAGES).index(current_language()))
    if language != current_language():
        st.query_params["lang"] = language
        st.rerun()
    st.sidebar.markdown(f"**{t('app.title')}**")
    pages = [st.Page(script, title=t(title), url_path=path, default=index == 0)
             for index, (script, title, path) in enumerate(PAGES)]
    sections = {t("nav.section.dashboards"): [p for p in pages if p.url_path not in ADMIN_PATHS],
                t("nav.section.admin"): [p for p in pages if p.url_path in ADMIN_PATHS]}
    navigation = st.navigation(sections)
    with routing():
        navigation.run()


if __name__ == "__main__":
    main()
