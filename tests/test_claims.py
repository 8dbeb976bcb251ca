"""extract_claims: offsets, one claim per figure, predicates, ids and the JSON contract."""

from __future__ import annotations

import datetime
import json
import os
import subprocess
import sys
from decimal import Decimal

import pytest

from factcheck.claims import extract_claims
from factcheck.figures import DateContext, find_figures
from factcheck.model import Claim, Document, FigureKind
from factcheck.text import split_sentences

CONTRACT_KEYS = {
    "id",
    "document",
    "sentence",
    "sentence_start",
    "sentence_end",
    "start",
    "end",
    "text",
    "kind",
    "low",
    "high",
    "qualifier",
    "unit",
    "predicate",
    "subject",
    "claim",
}

ARTICLE = (
    "Russia deployed more than 3,000 troops to the region. "
    "At least 120 protesters and 19 members of security forces were killed in the clashes.\n\n"
    "Police arrested 9,900 people on Tuesday. Prices rose 30% in May 2020, officials said.\n"
    "The airline flew over 70 planes a day to the capital."
)


def make_document(text: str = ARTICLE, doc_id: str = "article") -> Document:
    return Document(id=doc_id, text=text, date=datetime.date(2022, 1, 15))


@pytest.fixture(scope="module")
def claims() -> list[Claim]:
    return extract_claims(make_document())


def by_text(claims: list[Claim], text: str) -> Claim:
    matches = [claim for claim in claims if claim.text == text]
    assert len(matches) == 1, [claim.text for claim in claims]
    return matches[0]


def test_offsets_map_into_the_document(claims: list[Claim]) -> None:
    document = make_document()
    assert claims
    for claim in claims:
        assert document.text[claim.start : claim.end] == claim.text
        assert document.text[claim.sentence_start : claim.sentence_end] == claim.sentence
        assert claim.sentence_start <= claim.start < claim.end <= claim.sentence_end
        assert claim.document == "article"


def test_claims_are_in_text_order(claims: list[Claim]) -> None:
    starts = [claim.start for claim in claims]
    assert starts == sorted(starts)


def test_one_claim_per_figure(claims: list[Claim]) -> None:
    document = make_document()
    expected: list[tuple[int, str]] = []
    for start, end in split_sentences(document.text):
        sentence = document.text[start:end]
        for figure in find_figures(sentence, DateContext(doc_date=document.date)):
            expected.append((start + figure.start, figure.text))
    assert [(claim.start, claim.text) for claim in claims] == expected
    assert [claim.text for claim in claims] == [
        "more than 3,000",
        "At least 120",
        "19",
        "9,900",
        "Tuesday",
        "30%",
        "May 2020",
        "over 70",
    ]


def test_claims_keep_the_figure_reading(claims: list[Claim]) -> None:
    troops = by_text(claims, "more than 3,000")
    assert troops.kind is FigureKind.COUNT
    assert troops.low == Decimal(3000) and troops.high is None
    assert troops.qualifier.value == "gt"
    assert troops.unit == "troops"
    tuesday = by_text(claims, "Tuesday")
    assert tuesday.kind is FigureKind.DATE
    assert tuesday.low == tuesday.high == "2022-01-11"
    planes = by_text(claims, "over 70")
    assert planes.kind is FigureKind.RATE
    assert planes.unit == "planes per day"


def test_two_figures_share_one_predicate(claims: list[Claim]) -> None:
    protesters = by_text(claims, "At least 120")
    security = by_text(claims, "19")
    assert protesters.sentence == security.sentence
    assert protesters.predicate == security.predicate == "kill"
    assert protesters.unit == "protesters"
    assert security.unit == "members of security forces"
    assert protesters.qualifier.value == "ge"
    assert security.qualifier.value == "exact"


def test_no_figures_no_claims() -> None:
    document = Document(id="quiet", text="The talks went well. Everyone went home happy.")
    assert extract_claims(document) == []


def test_sentence_offsets_across_paragraphs() -> None:
    text = "Intro line without figures.\n\nOfficials said 45 people were injured.\n"
    claim = extract_claims(Document(id="p", text=text))[0]
    assert claim.text == "45"
    assert claim.sentence == "Officials said 45 people were injured."
    assert text[claim.sentence_start : claim.sentence_end] == claim.sentence
    assert claim.start == text.index("45")


PREDICATES = [
    ("Russia deployed more than 3,000 troops to the region.", "more than 3,000", "deploy"),
    ("Police arrested 9,900 people in the capital.", "9,900", "arrest"),
    ("The government sent 2,030 soldiers to the border.", "2,030", "send"),
    ("Officials said 45 people were injured.", "45", "injure"),
    ("The company hired 500 workers.", "500", "hire"),
    ("The airline flew over 70 planes a day to the capital.", "over 70", "fly"),
    ("Prices rose 30% in the spring.", "30%", "rise"),
    ("At least 164 people were killed in the blast.", "At least 164", "kill"),
]


@pytest.mark.parametrize(
    ("sentence", "figure", "predicate"), PREDICATES, ids=[row[2] for row in PREDICATES]
)
def test_predicate_lemmas(sentence: str, figure: str, predicate: str) -> None:
    claim = by_text(extract_claims(Document(id="p", text=sentence)), figure)
    assert claim.predicate == predicate


@pytest.mark.parametrize(
    ("sentence", "figure", "subject"),
    [
        ("Russia deployed more than 3,000 troops to the region.", "more than 3,000", "Russia"),
        ("Police arrested 9,900 people in the capital.", "9,900", "Police"),
    ],
)
def test_subjects(sentence: str, figure: str, subject: str) -> None:
    claim = by_text(extract_claims(Document(id="s", text=sentence)), figure)
    assert claim.subject == subject


def test_figure_as_subject_has_no_subject() -> None:
    claim = extract_claims(Document(id="s", text="At least 164 people were killed."))[0]
    assert claim.subject is None


def test_claim_text_mentions_the_figure(claims: list[Claim]) -> None:
    for claim in claims:
        assert claim.text in claim.claim


def test_ids_are_stable_within_a_run(claims: list[Claim]) -> None:
    again = extract_claims(make_document())
    assert [claim.id for claim in again] == [claim.id for claim in claims]
    assert len({claim.id for claim in claims}) == len(claims)
    for claim in claims:
        assert claim.id.startswith("sha256:")


def test_ids_depend_on_the_document() -> None:
    first = extract_claims(make_document(doc_id="one"))
    second = extract_claims(make_document(doc_id="two"))
    assert {claim.id for claim in first}.isdisjoint(claim.id for claim in second)


def test_ids_are_stable_across_processes(claims: list[Claim]) -> None:
    script = (
        "import datetime, json, sys\n"
        "from factcheck import Document, extract_claims\n"
        "doc = Document(id='article', text=sys.stdin.read(), date=datetime.date(2022, 1, 15))\n"
        "print(json.dumps([c.id for c in extract_claims(doc)]))\n"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    result = subprocess.run(
        [sys.executable, "-c", script],
        input=ARTICLE,
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=60,
    )
    assert json.loads(result.stdout) == [claim.id for claim in claims]


def test_json_dump_has_exactly_the_contract_keys(claims: list[Claim]) -> None:
    for claim in claims:
        row = claim.model_dump(mode="json")
        assert set(row) == CONTRACT_KEYS
        assert isinstance(row["kind"], str) and isinstance(row["qualifier"], str)
        for key in ("sentence_start", "sentence_end", "start", "end"):
            assert type(row[key]) is int
        assert json.loads(json.dumps(row)) == row


def test_json_bounds_are_numbers_or_iso_strings(claims: list[Claim]) -> None:
    rows = {claim.text: claim.model_dump(mode="json") for claim in claims}
    troops = rows["more than 3,000"]
    assert troops["low"] == 3000 and type(troops["low"]) is int
    assert troops["high"] is None
    assert rows["30%"]["low"] == 30 and type(rows["30%"]["low"]) is int
    assert rows["Tuesday"]["low"] == "2022-01-11"
    assert rows["May 2020"]["low"] == rows["May 2020"]["high"] == "2020-05"
    for row in rows.values():
        for bound in ("low", "high"):
            value = row[bound]
            if row["kind"] == "date":
                assert value is None or isinstance(value, str)
            else:
                assert value is None or type(value) in (int, float)
                assert not isinstance(value, bool)


def test_json_bounds_keep_decimals() -> None:
    claim = extract_claims(Document(id="d", text="Inflation reached 7.25 percent."))[0]
    row = claim.model_dump(mode="json")
    assert row["low"] == row["high"] == 7.25
    assert type(row["low"]) is float
    text = json.dumps(row)
    assert '"low": 7.25' in text


def test_year_bounds_are_numbers() -> None:
    claim = extract_claims(Document(id="y", text="The plant closed in 2019."))[0]
    row = claim.model_dump(mode="json")
    assert row["kind"] == "year"
    assert row["low"] == row["high"] == 2019 and type(row["low"]) is int
