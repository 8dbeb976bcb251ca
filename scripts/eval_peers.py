"""Run peer projects' number-word test cases (../shared/eval/peers) through factcheck's reader.

Cardinal cases (`parse_number`, `text2num`) go to `parse_number_words` / `parse_numeral`;
in-sentence cases (`parse`, `alpha2digit`) rewrite each number-word span the figure grammar
finds with its value and compare the sentence. Ordinals and fractions are out of scope:
factcheck does not treat ordinal words as figures (FORMAT.md), so they are counted apart.
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

from factcheck.numerals import (
    NUMBER_WORDS,
    parse_number_words,
    parse_numeral,
    split_number_words,
)

CARDINAL = {"parse_number", "text2num"}
ORDINAL_WORD = re.compile(
    r"\b(?:first|second|third|fifth|eighth|ninth|twelfth|\w+th|\w+ieth)\b", re.IGNORECASE
)
IN_SENTENCE = {"parse", "alpha2digit"}


def read_cardinal(text: str) -> Decimal | None:
    """Read one number written in words or digits; None when it is not one number."""
    stripped = text.strip()
    if not stripped:
        return None
    if stripped[0].isdigit():
        return parse_numeral(stripped)
    return parse_number_words(stripped)


def rewrite_sentence(text: str) -> str:
    """Replace every spelled-out number run with its digits."""

    def digits(match: re.Match[str]) -> str:
        run = match.group()
        value = parse_number_words(run, strict=True)
        spans = [(0, len(run), value)] if value is not None else split_number_words(run)
        out, last = [], 0
        for start, end, number in spans:
            out.append(run[last:start])
            out.append(str(int(number)) if number == number.to_integral_value() else str(number))
            last = end
        out.append(run[last:])
        return "".join(out)

    return NUMBER_WORDS.sub(digits, text)


def passes(case: dict[str, Any]) -> bool:
    function = case["function"]
    if function in CARDINAL:
        got = read_cardinal(case["input"])
        if case.get("expect_error") or case["expected"] is None:
            return got is None
        return got is not None and got == Decimal(str(case["expected"]))
    got_text = rewrite_sentence(case["input"])
    return " ".join(got_text.split()) == " ".join(str(case["expected"]).split())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--shared", type=Path, default=Path(__file__).resolve().parents[2] / "shared"
    )
    parser.add_argument("--show", type=int, default=0, help="print N failing cases per group")
    args = parser.parse_args()
    folder = args.shared / "eval" / "peers"
    cases = [
        json.loads(line)
        for path in sorted(folder.glob("*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    totals: Counter[str] = Counter()
    passed: Counter[str] = Counter()
    failures: dict[str, list[dict[str, Any]]] = {}
    for case in cases:
        function = case["function"]
        group = (
            "cardinal"
            if function in CARDINAL
            else "in-sentence"
            if function in IN_SENTENCE
            else None
        )
        if group == "in-sentence" and ORDINAL_WORD.search(case["input"]):
            group = None  # ordinal words are not figures (FORMAT.md)
        if group is None:
            totals["out of scope (ordinals, fractions)"] += 1
            continue
        totals[group] += 1
        if passes(case):
            passed[group] += 1
        else:
            failures.setdefault(group, []).append(case)
    for group in ("cardinal", "in-sentence"):
        rate = passed[group] / totals[group] if totals[group] else 0.0
        print(f"peers {group:12} {passed[group]}/{totals[group]} pass rate {rate:.3f}")
        for case in failures.get(group, [])[: args.show]:
            got = (
                read_cardinal(case["input"])
                if group == "cardinal"
                else rewrite_sentence(case["input"])
            )
            print(f"  FAIL {case['input']!r}: expected {case['expected']!r}, got {got!r}")
    print(f"peers out of scope: {totals['out of scope (ordinals, fractions)']} cases")
    applicable = totals["cardinal"] + totals["in-sentence"]
    overall = (passed["cardinal"] + passed["in-sentence"]) / applicable if applicable else 0.0
    print(f"peers pass rate {overall:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
