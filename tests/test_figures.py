"""Table-driven tests of the figure reader: every case lives in tests/cases/figures.yml.

Each case is a short sentence written for this suite, with every figure the reader must
find in it (text, kind, low, high, qualifier, unit), following the labelling conventions of
the evaluation data. Numbers are compared as numbers, dates as ISO strings.
"""

from __future__ import annotations

import datetime
import math
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from factcheck.figures import DateContext, find_figures
from factcheck.model import Figure

CASES_FILE = Path(__file__).parent / "cases" / "figures.yml"
FIELDS = ("text", "kind", "low", "high", "qualifier", "unit")
KINDS = {
    "count",
    "money",
    "percent",
    "rate",
    "date",
    "year",
    "duration",
    "quantity",
    "age",
    "ordinal",
    "other",
}
QUALIFIERS = {"exact", "approx", "gt", "ge", "lt", "le", "range", "vague"}


def load_cases() -> list[dict[str, Any]]:
    with CASES_FILE.open(encoding="utf-8") as handle:
        cases = yaml.safe_load(handle)
    assert isinstance(cases, list)
    return cases


CASES = load_cases()


def _bound_matches(got: Any, expected: Any) -> bool:
    if expected is None or got is None:
        return got is None and expected is None
    if isinstance(expected, str):
        return isinstance(got, str) and got == expected
    if isinstance(got, str) or isinstance(expected, bool):
        return False
    # abs_tol lets a repeating fraction be written to six places ("two-thirds": 0.666667)
    return math.isclose(float(got), float(expected), rel_tol=1e-9, abs_tol=1e-6)


def _describe(figure: Figure) -> dict[str, Any]:
    row = {field: getattr(figure, field) for field in FIELDS}
    row["kind"] = figure.kind.value
    row["qualifier"] = figure.qualifier.value
    for bound in ("low", "high"):
        if isinstance(row[bound], Decimal):
            row[bound] = float(row[bound])
    return row


def _doc_date(case: dict[str, Any]) -> datetime.date | None:
    raw = case.get("doc_date")
    if raw is None:
        return None
    return raw if isinstance(raw, datetime.date) else datetime.date.fromisoformat(raw)


def test_case_file_is_well_formed() -> None:
    names = [case["name"] for case in CASES]
    assert len(names) == len(set(names)), "case names must be unique"
    for case in CASES:
        assert set(case) <= {"name", "sentence", "figures", "doc_date"}, case["name"]
        assert isinstance(case["sentence"], str) and case["sentence"], case["name"]
        assert isinstance(case["figures"], list), case["name"]
        for expected in case["figures"]:
            assert set(expected) == set(FIELDS), case["name"]
            assert expected["kind"] in KINDS, case["name"]
            assert expected["qualifier"] in QUALIFIERS, case["name"]
            assert expected["text"] in case["sentence"], case["name"]
            for bound in ("low", "high"):
                # dates must be quoted: YAML would otherwise read them as date objects
                assert not isinstance(expected[bound], datetime.date), case["name"]


@pytest.mark.parametrize("case", CASES, ids=[case["name"] for case in CASES])
def test_figures(case: dict[str, Any]) -> None:
    sentence: str = case["sentence"]
    figures = find_figures(sentence, DateContext(doc_date=_doc_date(case)))
    got = [_describe(figure) for figure in figures]
    expected = case["figures"]
    assert [row["text"] for row in got] == [row["text"] for row in expected], got
    for found, figure, wanted in zip(got, figures, expected, strict=True):
        assert sentence[figure.start : figure.end] == figure.text
        assert found["kind"] == wanted["kind"], found
        assert found["qualifier"] == wanted["qualifier"], found
        assert found["unit"] == wanted["unit"], found
        assert _bound_matches(figure.low, wanted["low"]), found
        assert _bound_matches(figure.high, wanted["high"]), found
