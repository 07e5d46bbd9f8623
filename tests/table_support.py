"""Reading the HTML tables (dashboard/html_table.py) of a page run by AppTest."""
from __future__ import annotations

from html.parser import HTMLParser

import pandas as pd


class _Tables(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tables: list[tuple[str, list[str], list[list[str]]]] = []  # (label, header, rows)
        self.cell: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "table" and "data-table" in attributes:
            self.tables.append((attributes["data-table"], [], []))
        elif tag == "tr" and self.tables:
            self.tables[-1][2].append([])
        elif tag in ("th", "td") and self.tables:
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ("th", "td") and self.cell is not None:
            label, header, rows = self.tables[-1]
            (header if tag == "th" else rows[-1]).append("".join(self.cell))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell.append(data)


def tables(at) -> dict[str, pd.DataFrame]:
    """Every HTML table an AppTest run drew, by its label, as text."""
    found = {}
    for element in at.get("html"):
        parser = _Tables()
        parser.feed(element.proto.body)
        for label, header, rows in parser.tables:
            found[label] = pd.DataFrame([row for row in rows if row], columns=header)
    return found
