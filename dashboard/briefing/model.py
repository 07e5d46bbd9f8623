"""What a slide holds: its message, a chart's data (not a picture of it), and where the numbers come from."""
from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field


@dataclass
class ChartSpec:
    kind: str  # bar | line | pie
    categories: list[str]
    series: dict[str, list[float]]  # series name -> one value per category
    unit: str  # shown on the value axis, e.g. 人次, %, 亿元
    target: float | None = None  # drawn as a reference line


@dataclass
class Slide:
    key: str
    title: str  # the slide's message in words
    points: list[str] = field(default_factory=list)  # headline figures, one per line
    chart: ChartSpec | None = None
    image_png: bytes | None = None  # only the map, which has no native chart form
    source: str = ""
    as_of: str = ""
    is_demo: bool = False
    notes: list[str] = field(default_factory=list)  # consistency notes shown on the slide

    def content(self) -> dict:
        """Everything the slide shows, as plain data (the image by its digest)."""
        data = asdict(self)
        data["image_png"] = hashlib.sha256(self.image_png).hexdigest() if self.image_png else None
        return data


def snapshot_id(slides: list[Slide]) -> str:
    """An identifier of the data and choices behind a deck: equal decks, equal identifiers."""
    text = json.dumps([s.content() for s in slides], ensure_ascii=False, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
