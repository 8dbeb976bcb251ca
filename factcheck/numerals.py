"""Reading numbers: numerals with separators and scale words, and number words via text2num."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from text_to_num import text2num

UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
).split()
TENS = "twenty thirty forty fifty sixty seventy eighty ninety".split()
MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
MULTIPLIERS["trillion"] = 10**12

_UNIT_WORD = "|".join(UNITS)
_TENS_WORD = "|".join(TENS)
_MULT_WORD = "|".join(MULTIPLIERS)
# One spelled number word; compounds like "twenty-five" are two words joined by a hyphen.
_WORD = rf"(?:(?:{_TENS_WORD})(?:[- ](?:{_UNIT_WORD[5:]}))?|{_UNIT_WORD}|{_MULT_WORD})"
# A run of number words joined by spaces, hyphens or "and" (only between two number words).
NUMBER_WORDS = re.compile(
    rf"\b(?:an?\s+(?=(?:{_MULT_WORD})\b))?{_WORD}(?:(?:\s+and\s+|[\s-]+){_WORD})*\b",
    re.IGNORECASE,
)
# "four-and-a-half", "two and a half"
HALF = re.compile(r"(?:[\s-]+and[\s-]+a[\s-]+half)\b", re.IGNORECASE)

# Scale words after a numeral: "1.5 million", "$2bn", "3k". Values are multipliers.
SCALES: dict[str, int] = {
    "thousand": 10**3,
    "thousands": 10**3,
    "k": 10**3,
    "million": 10**6,
    "millions": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "m": 10**6,
    "billion": 10**9,
    "billions": 10**9,
    "bn": 10**9,
    "b": 10**9,
    "trillion": 10**12,
    "tn": 10**12,
    "lakh": 10**5,
    "crore": 10**7,
}


def parse_numeral(text: str) -> Decimal | None:
    """Read a numeral such as "3,000", "2.5" or "1 000"; None if it is not one."""
    cleaned = text.replace(",", "").replace("\u202f", "").replace("\u00a0", "").replace(" ", "")
    if not cleaned or len(cleaned) > 40:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return value


def parse_number_words(text: str) -> Decimal | None:
    """Read spelled-out numbers ("twenty-five", "a hundred", "four-and-a-half")."""
    words = text.strip().lower()
    half = Decimal(0)
    match = HALF.search(words)
    if match and match.end() == len(words):
        half = Decimal("0.5")
        words = words[: match.start()]
    words = re.sub(r"^an?\s+", "one ", words)
    words = re.sub(r"[\s-]+", " ", words).strip()
    if not words:
        return None
    try:
        value = Decimal(text2num(words, "en"))
    except (ValueError, TypeError):
        fallback = _sum_words(words)
        if fallback is None:
            return None
        value = fallback
    return value + half


def _sum_words(words: str) -> Decimal | None:
    """Combine number words text2num rejects ("two thousand million")."""
    total = 0
    current = 0
    seen = False
    for word in words.replace(" and ", " ").split():
        if word in UNITS:
            current += UNITS.index(word)
        elif word in TENS:
            current += 20 + 10 * TENS.index(word)
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in MULTIPLIERS:
            total = (total + max(current, 1)) * MULTIPLIERS[word]
            current = 0
        else:
            return None
        seen = True
    return Decimal(total + current) if seen else None
