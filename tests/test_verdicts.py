"""Comparing figures: rounding, intervals widened by qualifiers, agree/conflict and gaps."""

from __future__ import annotations

import math
from decimal import Decimal

import pytest

from factcheck.model import Bound, FigureKind, Qualifier, Relation
from factcheck.settings import Settings
from factcheck.verdicts import Reading, compare, interval, rounding

K = FigureKind
Q = Qualifier
SETTINGS = Settings()


def number(
    text: str,
    low: float | str | None,
    high: float | str | None = "same",
    qualifier: Qualifier = Q.EXACT,
    kind: FigureKind = K.COUNT,
) -> Reading:
    """A numeric reading; `high` defaults to `low` (a single value)."""
    low_bound = None if low is None else Decimal(str(low))
    if high == "same":
        high_bound = low_bound
    else:
        high_bound = None if high is None else Decimal(str(high))
    return Reading(text, kind, low_bound, high_bound, qualifier)


def date(text: str, low: Bound, high: Bound = None, qualifier: Qualifier = Q.EXACT) -> Reading:
    """A date reading (ISO strings); `high` defaults to `low`."""
    return Reading(text, K.DATE, low, low if high is None else high, qualifier)


def year(value: int) -> Reading:
    return Reading(str(value), K.YEAR, Decimal(value), Decimal(value), Q.EXACT)


# rounding ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "expected"),
    [
        ("9,900", 9900, 50),  # half a unit of the hundreds
        ("3,000", 3000, 150),  # half a thousand is 500, capped at 5% of 3,000
        ("227", 227, 0),  # no trailing zero: exact
        ("2020", 2020, 0),  # a year is exact
        ("93.5 million", 93_500_000, 50_000),  # half of 0.1 million
        ("2.5", 2.5, 0.05),  # half of the last decimal place
        ("40", 40, 2),  # half of ten is 5, capped at 5% of 40
        ("0", 0, 0),
    ],
)
def test_rounding(text: str, value: float, expected: float) -> None:
    assert rounding(value, text, SETTINGS) == pytest.approx(expected)


def test_rounding_can_be_switched_off() -> None:
    assert rounding(9900, "9,900", Settings(rounding=False)) == 0


def test_rounding_cap_follows_max_rounding() -> None:
    assert rounding(3000, "3,000", Settings(max_rounding=0.5)) == 500
    assert rounding(3000, "3,000", Settings(max_rounding=0)) == 0


def test_a_round_number_that_is_not_year_like_is_rounded() -> None:
    assert rounding(3000, "3000", SETTINGS) == 150


# interval ---------------------------------------------------------------------------------


def test_exact_interval_is_widened_by_rounding_only() -> None:
    assert interval(number("227", 227), SETTINGS) == (227, 227)
    assert interval(number("9,900", 9900), SETTINGS) == (9850, 9950)
    assert interval(number("3,000", 3000), SETTINGS) == (2850, 3150)


def test_approx_interval_is_ten_percent_either_side() -> None:
    low, high = interval(number("about 3,000", 3000, qualifier=Q.APPROX), SETTINGS) or (0, 0)
    assert low == pytest.approx(2700)
    assert high == pytest.approx(3300)


def test_approx_interval_follows_the_setting() -> None:
    reading = number("about 200", 200, qualifier=Q.APPROX)
    low, high = interval(reading, Settings(approx_tolerance=0.25)) or (0, 0)
    assert (low, high) == (pytest.approx(150), pytest.approx(250))


def test_gt_is_open_above_and_excludes_its_bound() -> None:
    low, high = interval(number("more than 200", 200, None, Q.GT), SETTINGS) or (0, 0)
    assert low > 200 and low == math.nextafter(200, math.inf)
    assert high == math.inf


def test_ge_is_open_above_and_widened_below_by_rounding() -> None:
    assert interval(number("at least 208", 208, None, Q.GE), SETTINGS) == (208, math.inf)
    assert interval(number("at least 9,900", 9900, None, Q.GE), SETTINGS) == (9850, math.inf)


def test_lt_is_open_below_and_excludes_its_bound() -> None:
    low, high = interval(number("fewer than 50", None, 50, Q.LT), SETTINGS) or (0, 0)
    assert low == -math.inf
    assert high < 50 and high == math.nextafter(50, -math.inf)


def test_le_is_open_below_and_includes_its_bound() -> None:
    assert interval(number("at most 227", None, 227, Q.LE), SETTINGS) == (-math.inf, 227)


def test_range_and_vague_keep_their_bounds() -> None:
    assert interval(number("between 200 and 300", 200, 300, Q.RANGE), SETTINGS) == (200, 300)
    assert interval(number("hundreds", 200, 999, Q.VAGUE), SETTINGS) == (200, 999)


def test_date_bounds_have_no_numeric_interval() -> None:
    assert interval(date("May 2020", "2020-05"), SETTINGS) is None


# compare: numbers -------------------------------------------------------------------------


def test_more_than_200_agrees_with_208() -> None:
    result = compare(number("more than 200", 200, None, Q.GT), number("208", 208), SETTINGS)
    assert result.relation is Relation.AGREES
    assert result.gap is None


def test_about_3000_agrees_with_3012() -> None:
    result = compare(
        number("about 3,000", 3000, qualifier=Q.APPROX), number("3,012", 3012), SETTINGS
    )
    assert result.relation is Relation.AGREES
    assert result.gap is None


def test_225_conflicts_with_227_with_a_gap() -> None:
    result = compare(number("225", 225), number("227", 227), SETTINGS)
    assert result.relation is Relation.CONFLICTS
    assert result.gap == pytest.approx(2 / 227)
    assert (result.left, result.right) == ("225", "227")


def test_gap_is_symmetric() -> None:
    left, right = number("225", 225), number("227", 227)
    assert compare(left, right, SETTINGS).gap == compare(right, left, SETTINGS).gap


def test_round_9900_overlaps_over_9900() -> None:
    # 9,900 covers 9,850-9,950; "over 9,900" is everything above 9,900: they overlap
    result = compare(number("9,900", 9900), number("over 9,900", 9900, None, Q.GT), SETTINGS)
    assert result.relation is Relation.AGREES
    assert result.left == "9,850–9,950"


def test_rounding_off_makes_exact_9900_conflict_with_over_9900() -> None:
    settings = Settings(rounding=False)
    result = compare(number("9,900", 9900), number("over 9,900", 9900, None, Q.GT), settings)
    assert result.relation is Relation.CONFLICTS


def test_round_numbers_agree_within_their_rounding() -> None:
    assert compare(number("9,900", 9900), number("9,940", 9940), SETTINGS).relation is (
        Relation.AGREES
    )
    assert compare(number("9,900", 9900), number("9,960", 9960), SETTINGS).relation is (
        Relation.CONFLICTS
    )


def test_about_outside_its_tolerance_conflicts() -> None:
    result = compare(
        number("about 3,000", 3000, qualifier=Q.APPROX), number("3,412", 3412), SETTINGS
    )
    assert result.relation is Relation.CONFLICTS
    assert result.gap == pytest.approx(112 / 3412)


def test_lower_bound_above_the_other_figure_conflicts() -> None:
    result = compare(number("at least 300", 300, None, Q.GE), number("208", 208), SETTINGS)
    assert result.relation is Relation.CONFLICTS
    assert result.gap is not None and result.gap > 0


def test_ranges_that_overlap_agree() -> None:
    left = number("between 200 and 300", 200, 300, Q.RANGE)
    assert compare(left, number("hundreds", 250, 999, Q.VAGUE), SETTINGS).relation is (
        Relation.AGREES
    )
    assert compare(left, number("fewer than 150", None, 150, Q.LT), SETTINGS).relation is (
        Relation.CONFLICTS
    )


# compare: dates ---------------------------------------------------------------------------


def test_month_agrees_with_its_year() -> None:
    result = compare(date("May 2020", "2020-05"), year(2020), SETTINGS)
    assert result.relation is Relation.AGREES
    assert result.gap is None


def test_month_conflicts_with_another_year() -> None:
    assert compare(date("May 2020", "2020-05"), year(2021), SETTINGS).relation is (
        Relation.CONFLICTS
    )


def test_different_months_conflict() -> None:
    result = compare(date("May 2020", "2020-05"), date("August 2020", "2020-08"), SETTINGS)
    assert result.relation is Relation.CONFLICTS
    assert result.gap is None  # dates have no relative gap


def test_day_agrees_with_its_month() -> None:
    result = compare(date("May 12, 2020", "2020-05-12"), date("May 2020", "2020-05"), SETTINGS)
    assert result.relation is Relation.AGREES


def test_date_without_year_compares_month_and_day() -> None:
    assert compare(
        date("Jan. 2", "--01-02"), date("2 January 2022", "2022-01-02"), SETTINGS
    ).relation is (Relation.AGREES)
    assert compare(
        date("Jan. 3", "--01-03"), date("2 January 2022", "2022-01-02"), SETTINGS
    ).relation is (Relation.CONFLICTS)


def test_date_ranges_overlapping_agree() -> None:
    left = date("Jan. 2-9, 2022", "2022-01-02", "2022-01-09", Q.RANGE)
    right = date("Jan. 8-12, 2022", "2022-01-08", "2022-01-12", Q.RANGE)
    assert compare(left, right, SETTINGS).relation is Relation.AGREES
    later = date("Jan. 10-12, 2022", "2022-01-10", "2022-01-12", Q.RANGE)
    assert compare(left, later, SETTINGS).relation is Relation.CONFLICTS


def test_open_date_bound_agrees_with_anything_on_its_side() -> None:
    since = Reading("since March 2021", K.DATE, "2021-03", None, Q.GE)
    assert compare(since, date("June 2022", "2022-06"), SETTINGS).relation is Relation.AGREES
    assert compare(since, date("June 2020", "2020-06"), SETTINGS).relation is Relation.CONFLICTS


def test_leap_day_without_year_survives() -> None:
    result = compare(date("Feb. 29", "--02-29"), date("Feb. 29, 2024", "2024-02-29"), SETTINGS)
    assert result.relation is Relation.AGREES
