"""A blank Streamlit app of two pages: the baseline every page's draw time is compared with.

Two pages under st.navigation so the benchmark can reach the blank page the way a user reaches an app
page: by clicking its link in the sidebar from another page of the same session (bench/pages.py).
"other" is the default page, served at "/"; "blank" has its own address."""
import streamlit as st


def blank() -> None:
    st.title("blank")


def other() -> None:
    st.title("other")


st.set_page_config(layout="wide")
st.navigation([st.Page(other, title="other", url_path="other", default=True),
               st.Page(blank, title="blank", url_path="blank")]).run()
