"""A blank Streamlit app of two pages: the baseline every page's draw time is compared with.

Two pages under st.navigation so the benchmark can reach the blank page the way a user reaches an app
page: by clicking its link in the sidebar from another page of the same session (bench/pages.py).
"other" is the default page, served at "/"; "blank" has its own address.

`/blank?with=NAME` adds one element under the heading, for the reference rows of the benchmark (what
a single element of each kind adds to a blank page, so the budgets can be read against what Streamlit
itself costs): `plotly` (a bar chart of 36 bars, as st.plotly_chart draws it), `echarts` (the same
bars through st.echarts_chart, Streamlit's Apache ECharts element, SVG, no animation), `table` (a
dataframe of 36 rows) or `folium` (a folium map of the seven county outlines, drawn as the coverage page
draws its map: streamlit-folium's component, Leaflet from the app's static folder, no tiles).

The static folder beside this script (bench/static) is a link to the app's own (static/), so that this
app serves Leaflet at the same address as the dashboard."""
import pandas as pd
import streamlit as st

BARS = pd.DataFrame({"x": [f"{2016 + i // 4}Q{i % 4 + 1}" for i in range(36)], "y": [(i * 7) % 13 + 1 for i in range(36)]})


def blank() -> None:
    st.title("blank")
    element = st.query_params.get("with")
    if element == "plotly":
        import plotly.graph_objects as go
        figure = go.Figure(go.Bar(x=BARS["x"], y=BARS["y"]))
        figure.update_layout(title="reference", height=380)
        st.plotly_chart(figure, width="stretch", config={"displaylogo": False})
    elif element == "echarts":
        st.echarts_chart({"title": {"text": "reference"}, "animation": False, "tooltip": {"trigger": "axis"},
                          "xAxis": {"type": "category", "data": BARS["x"].tolist()}, "yAxis": {"type": "value"},
                          "series": [{"type": "bar", "data": BARS["y"].tolist()}]}, height=380, renderer="svg")
    elif element == "folium":
        from geo import maps
        from geo.reference import county_shapes
        counties = county_shapes()
        fmap = maps.offline_map(maps.bounds_of(list(counties.values())))
        outlines = {code: {"tip": code, "style": {"color": "#37474f", "weight": 1.5}} for code in counties}
        maps.add_layer(fmap, maps.area_features(counties, outlines, "county"), "counties")
        maps.show_map(maps.component_args(fmap), "reference", 620, ["last_active_drawing"])
    elif element == "table":
        st.dataframe(BARS, hide_index=True)


def other() -> None:
    st.title("other")


st.set_page_config(layout="wide")
st.navigation([st.Page(other, title="other", url_path="other", default=True),
               st.Page(blank, title="blank", url_path="blank")]).run()
