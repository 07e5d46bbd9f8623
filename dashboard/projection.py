"""Will a rate reach its target by the deadline? A straight-line projection of the recent trend, a
status (met / on track / at risk / off track) and the children still to enrol. Pure functions.

Method: a least-squares line through the last TREND_YEARS school years up to the year looked at,
extended to the school year the deadline falls in, and capped at 0-100%.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from fractions import Fraction

# Three school years: the 14th Five-Year Plan's own years so far (2021-2023) and the fewest points
# through which a fitted line is not simply drawn through every point.
TREND_YEARS = 3
# A line needs two points; with fewer no trend is claimed.
MIN_TREND_POINTS = 2
# A projected shortfall under 2 percentage points is about one year's recent gain (and the overview's
# "near target" margin): closable with extra effort, so "at risk" rather than "off track".
AT_RISK_SHORTFALL_PCT_POINTS = 2.0
RATE_FLOOR_PCT, RATE_CEILING_PCT = 0.0, 100.0

MET, ON_TRACK, AT_RISK, OFF_TRACK, INSUFFICIENT = "met", "on_track", "at_risk", "off_track", "insufficient_data"
STATUSES = [MET, ON_TRACK, AT_RISK, OFF_TRACK, INSUFFICIENT]


@dataclass(frozen=True)
class Projection:
    latest_year: int | None
    latest_value: float | None
    points_used: int
    slope_per_year: float | None  # percentage points per school year; None with too few points
    target_year: int
    projected_value: float | None  # at target_year; None with too few points


def deadline_school_year(deadline: date) -> int:
    """The school year (named by its first calendar year, starting 1 September) a deadline falls in."""
    return deadline.year if deadline.month >= 9 else deadline.year - 1


def least_squares_line(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """Slope and intercept of the ordinary least-squares line through at least two distinct xs."""
    if len(set(xs)) < 2:
        raise ValueError("a line needs at least two distinct x values")
    n = len(xs)
    mean_x, mean_y = sum(xs) / n, sum(ys) / n
    spread = sum((x - mean_x) ** 2 for x in xs)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys)) / spread
    return slope, mean_y - slope * mean_x


def project(years: Sequence[int], values: Sequence[float | None], target_year: int,
            as_of_year: int | None = None, trend_years: int = TREND_YEARS,
            floor: float = RATE_FLOOR_PCT, ceiling: float = RATE_CEILING_PCT) -> Projection:
    """The value the recent trend reaches by target_year, from the years up to as_of_year (default:
    all). Missing values are skipped; the window is the last trend_years school years."""
    points = sorted((int(y), float(v)) for y, v in zip(years, values)
                    if v is not None and not math.isnan(v) and (as_of_year is None or y <= as_of_year))
    if not points:
        return Projection(None, None, 0, None, target_year, None)
    latest_year, latest_value = points[-1]
    window = [(y, v) for y, v in points if y > latest_year - trend_years]
    if len(window) < MIN_TREND_POINTS:
        return Projection(latest_year, latest_value, len(window), None, target_year, None)
    slope, intercept = least_squares_line([y for y, _ in window], [v for _, v in window])
    if target_year <= latest_year:  # the deadline has passed: what was seen is the answer
        projected = latest_value
    else:
        projected = min(ceiling, max(floor, slope * target_year + intercept))
    return Projection(latest_year, latest_value, len(window), slope, target_year, projected)


def status(projection: Projection, target: float,
           at_risk_shortfall: float = AT_RISK_SHORTFALL_PCT_POINTS) -> str:
    """met: reached now and not projected to fall below; on track: not yet, but projected to reach it;
    at risk: projected short by less than the margin, or reached now but projected to fall below;
    off track: projected short by the margin or more; insufficient data: too few points to say."""
    latest, projected = projection.latest_value, projection.projected_value
    if latest is None:
        return INSUFFICIENT
    if projected is None:
        return MET if latest >= target else INSUFFICIENT
    if latest >= target:
        return MET if projected >= target else AT_RISK
    if projected >= target:
        return ON_TRACK
    return AT_RISK if target - projected < at_risk_shortfall else OFF_TRACK


def children_to_enrol(target_pct: float, eligible_count: float | None, enrolled_count: float) -> int | None:
    """ceil(target x eligible) - enrolled, at least 0; None when eligible is unknown. Exact arithmetic,
    so 97% of 100 children is 97, not 98 through a rounding error."""
    if eligible_count is None or (isinstance(eligible_count, float) and math.isnan(eligible_count)):
        return None
    needed = math.ceil(Fraction(str(target_pct)) * int(eligible_count) / 100)
    return max(0, needed - int(enrolled_count))
