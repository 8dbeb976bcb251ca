"""Comparing two figures openly: each is an interval widened by its qualifier and its rounding.

A pair agrees when the intervals overlap, else it conflicts, with the relative gap. Dates
compare at the coarser granularity ("May 2020" and "2020" agree).
"""

from __future__ import annotations

import calendar
import datetime
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from factcheck.model import Bound, FigureKind, Qualifier, Relation
from factcheck.settings import Settings

K = FigureKind
Q = Qualifier

NUMERAL = re.compile(r"\d[\d,.\u00a0\u202f ]*\d|\d")
YEARLIKE = re.compile(r"1[5-9]\d\d|20\d\d")


@dataclass(frozen=True)
class Reading:
    """What the comparison needs to know of a figure."""

    text: str
    kind: FigureKind
    low: Bound
    high: Bound
    qualifier: Qualifier


@dataclass(frozen=True)
class Comparison:
    """The outcome of comparing two figures, with the intervals that decided it."""

    relation: Relation
    gap: float | None
    left: str
    right: str


def rounding(value: float, text: str, settings: Settings) -> float:
    """The rounding a written number allows, in its own units.

    A decimal stands for half a unit of its last written place, scaled by its scale word
    ("93.5 million" covers ±50,000); a whole number with trailing zeros for half a unit of
    its last non-zero digit, at most `max_rounding` of it ("9,900" ±50, "3,000" ±150);
    other whole numbers and years are exact.
    """
    if not settings.rounding or value == 0:
        return 0.0
    match = NUMERAL.search(text)
    written = (
        match.group().replace("\u00a0", "").replace("\u202f", "").replace(" ", "") if match else ""
    )
    digits = written.replace(",", "")
    if YEARLIKE.fullmatch(written) and value == int(digits):
        return 0.0  # a year ("2020"), not a round count ("2,000")
    if "." in digits:
        try:
            shown = float(digits)
        except ValueError:
            shown = 0.0
        if shown:
            decimals = len(digits.rsplit(".", 1)[1])
            return float(0.5 * 10**-decimals * abs(value / shown))
    if value != int(value):
        return 0.0
    whole, place = int(abs(value)), 1
    while whole and whole % 10 == 0:
        whole //= 10
        place *= 10
    return 0.0 if place == 1 else float(min(place / 2, settings.max_rounding * abs(value)))


def interval(figure: Reading, settings: Settings) -> tuple[float, float] | None:
    """The numeric interval a figure asserts, widened by its qualifier and rounding."""
    if isinstance(figure.low, str) or isinstance(figure.high, str):
        return None
    low = -math.inf if figure.low is None else float(figure.low)
    high = math.inf if figure.high is None else float(figure.high)
    if figure.qualifier is Q.APPROX:
        spread = settings.approx_tolerance
        low, high = sorted((low * (1 - spread), high * (1 + spread)))
    elif figure.qualifier is Q.EXACT and low == high:
        margin = rounding(low, figure.text, settings)
        low, high = low - margin, high + margin
    elif figure.qualifier is Q.GE and math.isfinite(low):
        low -= rounding(low, figure.text, settings)  # "at least 9,900" may be 9,850
    elif figure.qualifier is Q.LE and math.isfinite(high):
        high += rounding(high, figure.text, settings)
    if figure.qualifier is Q.GT:
        low = math.nextafter(low, math.inf)
    if figure.qualifier is Q.LT:
        high = math.nextafter(high, -math.inf)
    return low, high


def date_span(value: Bound, *, end: bool) -> tuple[datetime.date | None, bool]:
    """A date bound as the first (or last) day it covers; the flag says the year is unknown."""
    if value is None:
        return None, False
    if isinstance(value, Decimal):  # a year
        year = int(value)
        return (datetime.date(year, 12, 31) if end else datetime.date(year, 1, 1)), False
    text = value
    unknown_year = text.startswith("--")
    if unknown_year:
        text = "2000" + text[1:]  # a leap year, so 29 February survives
    parts = [int(part) for part in text.split("-")]
    year, month = parts[0], parts[1] if len(parts) > 1 else (12 if end else 1)
    if len(parts) > 2:
        day = parts[2]
    else:
        day = calendar.monthrange(year, month)[1] if end else 1
    return datetime.date(year, month, day), unknown_year


def _date_interval(
    figure: Reading,
) -> tuple[datetime.date | None, datetime.date | None, bool]:
    low, low_unknown = date_span(figure.low, end=False)
    high, high_unknown = date_span(figure.high, end=True)
    return low, high, low_unknown or high_unknown


def compare(left: Reading, right: Reading, settings: Settings) -> Comparison:
    """Compare two figures of one measure."""
    if left.kind in (K.DATE, K.YEAR) or right.kind in (K.DATE, K.YEAR):
        return _compare_dates(left, right)
    a, b = interval(left, settings), interval(right, settings)
    if a is None or b is None:
        return Comparison(Relation.CONFLICTS, None, str(left.low), str(right.low))
    overlap = a[0] <= b[1] and b[0] <= a[1]
    gap = None if overlap else _relative_gap(a, b)
    return Comparison(Relation.AGREES if overlap else Relation.CONFLICTS, gap, _show(a), _show(b))


def _relative_gap(a: tuple[float, float], b: tuple[float, float]) -> float | None:
    near_a, near_b = (a[1], b[0]) if a[1] < b[0] else (a[0], b[1])
    scale = max(abs(near_a), abs(near_b))
    if not math.isfinite(scale) or scale == 0:
        return None
    return abs(near_a - near_b) / scale


def _compare_dates(left: Reading, right: Reading) -> Comparison:
    l_low, l_high, l_unknown = _date_interval(left)
    r_low, r_high, r_unknown = _date_interval(right)
    if l_unknown or r_unknown:
        # a date without its year: compare month and day only
        l_low, l_high = _drop_year(l_low), _drop_year(l_high)
        r_low, r_high = _drop_year(r_low), _drop_year(r_high)
    overlap = (l_low is None or r_high is None or l_low <= r_high) and (
        r_low is None or l_high is None or r_low <= l_high
    )
    relation = Relation.AGREES if overlap else Relation.CONFLICTS
    unknown = l_unknown or r_unknown
    return Comparison(
        relation,
        None,
        _show_dates(l_low, l_high, without_year=unknown),
        _show_dates(r_low, r_high, without_year=unknown),
    )


def _drop_year(day: datetime.date | None) -> datetime.date | None:
    return day.replace(year=2000) if day else None


def _show(bounds: tuple[float, float]) -> str:
    low, high = bounds
    if low == high:
        return _number(low)
    return f"{_number(low)}–{_number(high)}"


def _number(value: float) -> str:
    if math.isinf(value):
        return "∞" if value > 0 else "−∞"
    if value == int(value) and abs(value) < 1e15:
        return f"{int(value):,}"
    return f"{value:,.4g}"


def _show_dates(
    low: datetime.date | None, high: datetime.date | None, *, without_year: bool = False
) -> str:
    def show(day: datetime.date | None) -> str:
        if day is None:
            return "…"
        return day.strftime("--%m-%d") if without_year else day.isoformat()

    if low and high and not without_year and low.day == 1:
        if (low.month, high.month, high.day) == (1, 12, 31) and low.year == high.year:
            return str(low.year)  # a whole year
        last = calendar.monthrange(high.year, high.month)[1]
        if (low.year, low.month) == (high.year, high.month) and high.day == last:
            return low.strftime("%Y-%m")  # a whole month
    left, right = show(low), show(high)
    return left if left == right else f"{left}–{right}"
