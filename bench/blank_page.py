"""A blank Streamlit page: the baseline the coverage page's draw time is compared with."""
import streamlit as st

st.set_page_config(layout="wide")
st.title("blank")
