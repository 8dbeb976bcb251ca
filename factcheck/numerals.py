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
MULTIPLIERS = {
    "hundred": 100,
    "thousand": 10**3,
    "million": 10**6,
    "billion": 10**9,
    "trillion": 10**12,
    "quadrillion": 10**15,
    "quintillion": 10**18,
    "sextillion": 10**21,
}

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
# "seventy-five thousands": a plural scale after a number word reads as the singular
PLURAL_SCALE = re.compile(r"(?<=[a-z] )(hundred|thousand|million|billion|trillion)s\b")
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


GROUPED_BY_SPACES = re.compile(r"\d{1,3}(?: \d{3})+")


def parse_numeral(text: str) -> Decimal | None:
    """Read a numeral such as "3,000", "2.5" or "1 000"; None if it is not one."""
    cleaned = text.replace(",", "").replace("\u202f", "").replace("\u00a0", "")
    if GROUPED_BY_SPACES.fullmatch(cleaned):
        cleaned = cleaned.replace(" ", "")  # "2 000"
    if not cleaned or len(cleaned) > 40:
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    return value


def parse_number_words(text: str, *, strict: bool = False) -> Decimal | None:
    """Read spelled-out numbers ("twenty-five", "a hundred", "four-and-a-half").

    With `strict`, only what text2num reads as one number; otherwise scale words are also
    combined by our own rule ("two thousand million").
    """
    words = text.strip().lower()
    half = Decimal(0)
    match = HALF.search(words)
    if match and match.end() == len(words):
        half = Decimal("0.5")
        words = words[: match.start()]
    words = re.sub(r"^an?\s+", "one ", words)
    words = PLURAL_SCALE.sub(r"\1", re.sub(r"[\s-]+", " ", words).strip())
    if not words:
        return None
    try:
        value = Decimal(text2num(words, "en"))
    except (ValueError, TypeError):
        if strict:
            return None
        fallback = _sum_words(words)
        if fallback is None:
            return None
        value = fallback
    return value + half


def _sum_words(words: str) -> Decimal | None:
    """Combine number words text2num rejects ("two thousand million", "quadrillion").

    Below a thousand the usual grammar holds ("sixty fifteen" is not one number); a scale
    word larger than every group so far multiplies the whole ("two thousand million").
    """
    total = 0
    small = 0
    last = ""  # the kind of the last word within the current group
    last_scale = 0
    tokens = words.replace(" and ", " ").split()
    if not tokens or "zero" in tokens and len(tokens) > 1:
        return None
    for word in tokens:
        if word in UNITS:
            value = UNITS.index(word)
            if not (small % 100 == 0 and last != "unit" or last == "ten" and 0 < value < 10):
                return None
            small += value
            last = "unit"
        elif word in TENS:
            if small % 100 != 0:
                return None
            small += 20 + 10 * TENS.index(word)
            last = "ten"
        elif word == "hundred":
            if small >= 100 or last == "hundred":
                return None
            small = max(small, 1) * 100
            last = "hundred"
        elif word in MULTIPLIERS:
            scale = MULTIPLIERS[word]
            if last_scale and scale > last_scale:
                total = (total + max(small, 1)) * scale
            elif last_scale and scale == last_scale:
                return None
            else:
                total += max(small, 1) * scale
            last_scale = scale
            small = 0
            last = "scale"
        else:
            return None
    return Decimal(total + small)


def split_number_words(text: str) -> list[tuple[int, int, Decimal]]:
    """Read a run of number words as one or more numbers: "three twenty seven" -> 3 and 27.

    Returns (start, end, value) spans within `text`, taking the longest run text2num reads
    as one number at each step.
    """
    words = [(m.start(), m.end()) for m in re.finditer(r"[A-Za-z]+", text)]
    spans: list[tuple[int, int, Decimal]] = []
    index = 0
    while index < len(words):
        found = None
        for stop in range(len(words), index, -1):
            start, end = words[index][0], words[stop - 1][1]
            piece = text[start:end]
            if piece.lower().endswith(" and") or piece.lower().startswith("and"):
                continue
            value = _strict_words(piece)
            if value is not None:
                found = (start, end, value, stop)
                break
        if found is None:
            index += 1
            continue
        spans.append(found[:3])
        index = found[3]
    return spans


def _strict_words(text: str) -> Decimal | None:
    words = re.sub(r"[\s-]+", " ", text.strip().lower())
    words = PLURAL_SCALE.sub(r"\1", re.sub(r"^an?\s+", "one ", words))
    try:
        return Decimal(text2num(words, "en"))
    except (ValueError, TypeError):
        return None
