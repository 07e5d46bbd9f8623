"""Reading the metric cards (dashboard/metric_cards.py) of a page run by AppTest, or in a browser."""
from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser

@dataclass
class Card:
    label: str
    value: str
    delta: str | None = None  # the change's text as shown, arrow included
    direction: str | None = None  # up | down | off, from the change's class
    help: str | None = None
    badge: str | None = None  # the target's status and target, as shown
    notes: list[str] = field(default_factory=list)  # the lines under the value (period, source, deadline)


class _Cards(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.cards: list[Card] = []
        self.in_delta = self.in_badge = self.in_note = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        classes = (attributes.get("class") or "").split()
        if "data-metric-label" in attributes:
            self.cards.append(Card(attributes["data-metric-label"], attributes["data-metric-value"]))
        elif "hz-delta" in classes and self.cards:
            self.in_delta = True
            self.cards[-1].delta = ""
            self.cards[-1].direction = next(c[3:] for c in classes if c in ("hz-up", "hz-down", "hz-off"))
        elif "hz-pill" in classes and self.cards:
            self.in_badge = True
            self.cards[-1].badge = ""
        elif "hz-metric-note" in classes and self.cards:
            self.in_note = True
            self.cards[-1].notes.append("")
        elif "hz-metric-help" in classes and self.cards:
            self.cards[-1].help = attributes.get("title")

    def handle_endtag(self, tag):
        if tag == "span":
            self.in_delta = self.in_badge = False
        elif tag == "div":
            self.in_note = False

    def handle_data(self, data):
        if self.in_delta:
            self.cards[-1].delta += data
        elif self.in_badge:
            self.cards[-1].badge += data
        elif self.in_note:
            self.cards[-1].notes[-1] += data


def cards(at) -> list[Card]:
    """Every metric card an AppTest run drew, in order."""
    found: list[Card] = []
    for element in at.get("html"):
        parser = _Cards()
        parser.feed(element.proto.body)
        found += parser.cards
    return found


def values(at) -> dict[str, str]:
    """Each card's label and value."""
    return {card.label: card.value for card in cards(at)}
