"""Word knowledge for the figure reader: units, counted nouns, parts of speech and lemmas.

Parts of speech come from lemminflect's lexicon (which lemmas a word form can have); the
tables of units here are the tool's own.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

from lemminflect import getAllInflections, getAllLemmas, getAllLemmasOOV

from factcheck.model import FigureKind
from factcheck.numerals import MULTIPLIERS, TENS, UNITS

if TYPE_CHECKING:
    from factcheck.figures import Candidate

K = FigureKind

TIME_UNITS: dict[str, str] = {
    "second": "seconds",
    "sec": "seconds",
    "minute": "minutes",
    "min": "minutes",
    "hour": "hours",
    "hr": "hours",
    "day": "days",
    "week": "weeks",
    "month": "months",
    "year": "years",
    "yr": "years",
    "decade": "decades",
    "century": "centuries",
    "centurie": "centuries",
    "millennium": "millennia",
    "fortnight": "fortnights",
}
TIME_SECONDS = {"seconds": 1, "minutes": 60, "hours": 3600}

# Physical units (kind quantity). Keys are lower case, as written.
PHYSICAL_UNITS: set[str] = set(
    """
    km kilometer kilometers kilometre kilometres mile miles m meter meters metre metres cm mm
    centimeter centimeters centimetre centimetres millimeter millimeters millimetre millimetres
    ft foot feet inch inches yard yards nm nautical kg kilogram kilograms kilogramme kilogrammes
    g gram grams gramme grammes t ton tons tonne tonnes lb lbs pound-weight ounce ounces oz
    l litre litres liter liters ml millilitre millilitres gallon gallons barrel barrels bbl
    hectare hectares ha acre acres sq square km2 m2 mw gw kw kwh mwh gwh twh watt watts
    megawatt megawatts gigawatt gigawatts kilowatt kilowatts volt volts v hz ghz mhz
    degree degrees °c ºc °f ºf c f celsius fahrenheit kelvin ppm ppb mph kmh kph km/h m/s knots knot
    magnitude mb gb tb megabyte megabytes gigabyte gigabytes terabyte terabytes calorie calories
    kcal joule joules bp decibel decibels db
    """.split()
)
QUANTITY_RATE = re.compile(
    r"(?:\s+of\s+[a-z]+(?:\s+[a-z]+)?)?\s*(?:(?:a|an|per|each|every)\s+(?P<per>day|week|month|year|hour)|"
    r"(?P<adv>daily|weekly|monthly|annually|yearly|hourly))\b",
    re.IGNORECASE,
)
PER_WORDS = {
    "daily": "day",
    "weekly": "week",
    "monthly": "month",
    "annually": "year",
    "yearly": "year",
    "hourly": "hour",
    "annum": "year",
}


def _per_unit(word: str) -> str:
    return PER_WORDS.get(word.lower(), word.lower())


MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?\s+$", re.IGNORECASE)
RATE_TAIL = re.compile(
    r"^\s*(?:(?:a|an|per|each|every)\s+(?P<per>day|week|month|year|hour|minute|second|annum|capita|"
    r"head|person|night|flight|game|match|season)|(?P<adv>daily|weekly|monthly|annually|yearly|hourly))\b",
    re.IGNORECASE,
)
PER_DENOMINATOR = re.compile(
    r"^\s*per\s+(?P<den>(?:\d{1,3}(?:,\d{3})+|\d+)(?:\s+(?:million|thousand))?|million|thousand|hundred)"
    r"(?:\s+(?P<what>[a-z]+))?",
    re.IGNORECASE,
)

NUMBER_WORD_SET = frozenset(UNITS) | frozenset(TENS) | frozenset(MULTIPLIERS)
# Words that end a counted-noun phrase whatever lemminflect says.
STOP_WORDS: set[str] = set(
    """
    a an the this that these those and or but nor of in on at to for from by with as than
    into onto over under about around after before during since until till within without
    between among against through across per via including include includes included
    is are was were be been being am have has had having do does did will would shall should
    can could may might must not no never also only just still even already yet again
    he she it they we you i his her its their our your my them us him me who whom whose which
    what when where why how while whereas although though because if unless so such
    more most less least many much few several some any all each every both either neither
    other another same own very too quite rather almost nearly about approximately roughly
    said says say according reported told there here then now later earlier ago last next
    up down out off away back following including excluding regarding during despite amid
    """.split()
)
# Nouns that head a partitive phrase: "members of security forces", "pieces of hardware".
PARTITIVES = {
    "member",
    "members",
    "piece",
    "pieces",
    "unit",
    "units",
    "case",
    "cases",
    "tonne",
    "tonnes",
    "ton",
    "tons",
    "barrel",
    "barrels",
    "head",
    "heads",
    "kind",
    "kinds",
    "type",
    "types",
    "item",
    "items",
    "bag",
    "bags",
    "bottle",
    "bottles",
    "cup",
    "cups",
    "dose",
    "doses",
    "percent",
    "part",
    "parts",
    "group",
    "groups",
    "set",
    "sets",
    "pair",
    "pairs",
    "kilogram",
    "kilograms",
    "kg",
    "litre",
    "litres",
    "liter",
    "liters",
    "square",
    "acres",
    "hectares",
    "rounds",
    "round",
    "sort",
    "sorts",
    "batch",
    "batches",
    "cubic",
    "vials",
    "vial",
    "lots",
    "sacks",
    "crates",
    "boxes",
    "packs",
    "rows",
    "number",
    "numbers",
    "body",
    "bodies",
}
AUXILIARIES = set(
    """
    is are was were be been being am have has had having do does did will would shall should
    can could may might must reportedly allegedly also
    """.split()
)


@lru_cache(maxsize=65536)
def pos_tags(word: str) -> frozenset[str]:
    """The parts of speech a word form can have ("killed" -> {"VERB"})."""
    lowered = word.lower()
    lemmas = getAllLemmas(lowered)
    if not lemmas and word[:1].isupper():
        lemmas = getAllLemmas(word)
    if not lemmas:
        if lowered.endswith("ing") or lowered.endswith("ed"):
            return frozenset({"VERB", "NOUN"})
        return frozenset({"NOUN", "UNKNOWN"})
    return frozenset(lemmas)


@lru_cache(maxsize=65536)
def verb_forms(word: str) -> frozenset[str]:
    """The Penn tags a word form has as a verb ("fell" -> {"VBD"}, "rate" -> {"VB", "VBP"})."""
    lowered = word.lower()
    lemmas = getAllLemmas(lowered).get("VERB")
    if not lemmas:
        return frozenset()
    forms = getAllInflections(lemmas[0], upos="VERB")
    return frozenset(tag for tag, words in forms.items() if lowered in words)


@lru_cache(maxsize=65536)
def lemma(word: str, upos: str = "VERB") -> str:
    """The lemma of a word form as a given part of speech, lower case."""
    lowered = word.lower()
    lemmas = getAllLemmas(lowered)
    if upos in lemmas:
        return str(lemmas[upos][0]).lower()
    if upos == "VERB" and "AUX" in lemmas:
        return str(lemmas["AUX"][0]).lower()
    if lemmas:
        return str(next(iter(lemmas.values()))[0]).lower()
    guess = getAllLemmasOOV(lowered, upos)
    if guess:
        return str(next(iter(guess.values()))[0]).lower()
    return lowered


def is_nominal(word: str) -> bool:
    """Can this word be part of a noun phrase (noun, adjective, proper noun, code)?"""
    lowered = word.lower()
    if lowered in STOP_WORDS or lowered in AUXILIARIES or lowered in NUMBER_WORD_SET:
        return False
    if "-" in word or any(ch.isdigit() for ch in word):
        return True
    tags = pos_tags(word)
    return bool(tags & {"NOUN", "ADJ", "PROPN", "UNKNOWN"})


def is_noun(word: str) -> bool:
    """Can this word be a noun?"""
    if not word[:1].isalpha():
        return False
    if "-" in word:
        return True
    tags = pos_tags(word)
    return bool(tags & {"NOUN", "PROPN", "UNKNOWN"}) or word[:1].isupper()


WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*[A-Za-z]|[A-Za-z]|°[CF]|º[CF]|%")


def classify_unit(sentence: str, cand: Candidate) -> None:
    """Read the counted noun or unit after a number and set the figure's kind."""
    after_start = cand.end
    if MAGNITUDE_BEFORE.search(sentence, max(0, cand.start - 20), cand.start):
        cand.kind, cand.unit = K.QUANTITY, "magnitude"  # "a magnitude 6.1 quake"
        return
    after = sentence[after_start:]
    # hyphen compounds: "58-year record", "35-kilometer", "two-dose", "10-month-old"
    compound = re.match(r"-([A-Za-z]+)(?:-(old|long))?\b", after)
    if compound:
        word = compound.group(1).lower()
        singular = word[:-1] if word.endswith("s") and word[:-1] in TIME_UNITS else word
        if singular in TIME_UNITS:
            cand.unit = TIME_UNITS[singular]
            cand.kind = K.AGE if compound.group(2) == "old" else K.DURATION
            cand.end += compound.end()
            return
        if word in PHYSICAL_UNITS:
            cand.unit = word + "s" if word.endswith(("meter", "metre")) else word
            cand.kind = K.QUANTITY
            cand.end += compound.end()
            return
        if word in ("point", "points"):
            return
        if compound.group(2) is None and word not in STOP_WORDS and "NOUN" in pos_tags(word):
            # "two-dose vaccine", "a 45-bed centre", "a 200-seat parliament"
            cand.unit = word if word.endswith("s") else word + "s"
            cand.unit_start = after_start + compound.start(1)
            cand.unit_end = after_start + compound.end(1)
            cand.end += compound.end()
            return
    # "1.5°C", "0.2C", "6MW", "35 km"
    glued = re.match(r"(\s?)(°\s?[CF]|º\s?[CF]|[A-Za-z]{1,4}(?:/[A-Za-z]{1,2})?\b)", after)
    if glued and _unit_key(glued.group(2)) in PHYSICAL_UNITS:
        spaced = bool(glued.group(1))
        unit = glued.group(2).lower().replace(" ", "")
        if not spaced:  # "1.5°C", "6MW": the unit is part of the figure's text
            cand.kind, cand.unit = K.QUANTITY, unit
            cand.end += glued.end()
            return
        if unit not in AMBIGUOUS_SHORT_UNITS:  # "70 mm", "400 ppm"
            cand.kind, cand.unit = K.QUANTITY, unit
            cand.unit_start, cand.unit_end = cand.end + glued.start(2), cand.end + glued.end(2)
            return
    words = _following_words(sentence, after_start)
    if words and "(" in sentence[after_start : words[0][1]] and words[0][0][:1].isupper():
        words = []  # "20,000 (Almaty)": a place in brackets, not what is counted
    if not words:
        _unit_before(sentence, cand)
        return
    first, first_start, _ = words[0]
    first_lower = first.lower()
    # "7.8 magnitude", "1.1 degrees Celsius", "400.8 parts per million"
    if first_lower in PHYSICAL_UNITS or first_lower in ("degree", "degrees", "parts"):
        cand.kind = K.QUANTITY
        unit_words = [first_lower]
        tail_rate = QUANTITY_RATE.match(sentence, words[0][2])
        if tail_rate:  # "270 billion tonnes of ice a year", "500,000 barrels a day"
            per = _per_unit(tail_rate.group("per") or tail_rate.group("adv"))
            cand.kind = K.RATE
            cand.unit = f"{first_lower} per {per}"
            cand.unit_start, cand.unit_end = first_start, tail_rate.end()
            return
        tail = sentence[words[0][2] :]
        extra = re.match(
            r"\s+(celsius|fahrenheit|centigrade|per\s+(?:million|billion)|square|cubic)\b",
            tail,
            re.IGNORECASE,
        )
        if extra:
            unit_words.append(extra.group(1).lower())
        cand.unit = " ".join(unit_words)
        cand.unit_start, cand.unit_end = first_start, words[0][2]
        return
    singular = first_lower[:-1] if first_lower.endswith("s") else first_lower
    if singular in TIME_UNITS or first_lower in TIME_UNITS:
        key = singular if singular in TIME_UNITS else first_lower
        cand.unit = TIME_UNITS[key]
        cand.unit_start, cand.unit_end = first_start, words[0][2]
        tail = sentence[words[0][2] :]
        if re.match(r"\s+old\b", tail):
            cand.kind = K.AGE
        else:
            cand.kind = K.DURATION
            _merge_duration_parts(sentence, cand)
        return
    noun = _noun_phrase(sentence, words)
    if noun is None:
        _unit_before(sentence, cand)
        return
    text, start, end = noun
    cand.unit = text.lower()
    cand.unit_start, cand.unit_end = start, end
    per_match = PER_DENOMINATOR.match(sentence[end:])
    if per_match:  # "76 cases per 100,000 people"
        cand.kind = K.RATE
        denominator = " ".join(per_match.group().lower().split())
        cand.unit = f"{cand.unit} {denominator}"
        cand.unit_end = end + per_match.end()
        return
    rate = RATE_TAIL.match(sentence[end:])
    if rate:
        per = _per_unit(rate.group("per") or rate.group("adv"))
        cand.kind = K.RATE
        cand.unit = f"{cand.unit} per {per}"
        cand.unit_end = end + rate.end()


def share_unit(sentence: str, cand: Candidate) -> None:
    """What a fraction or multiple is of: "two-thirds of voters", "three times the average"."""
    lead = SHARE_OF.match(sentence, cand.end)
    if not lead:
        return
    words = _following_words(sentence, lead.end())
    noun = _noun_phrase(sentence, words) if words else None
    if noun is not None:
        cand.unit = noun[0].lower()
        cand.unit_start, cand.unit_end = noun[1], noun[2]


SHARE_OF = re.compile(r"(?:\s+of)?(?:\s+(?:the|its|their|all|his|her|our|them))*(?=\s)")


def _unit_key(unit: str) -> str:
    return unit.lower().replace(" ", "")


# Short units that are also words or letters: only units when glued to the number ("5m").
AMBIGUOUS_SHORT_UNITS = {
    "in",
    "t",
    "c",
    "f",
    "m",
    "l",
    "g",
    "v",
    "ha",
    "db",
    "bp",
    "nm",
    "oz",
    "mb",
    "ft",
}


def _following_words(sentence: str, position: int, limit: int = 8) -> list[tuple[str, int, int]]:
    """The words after a position, up to punctuation that ends a phrase."""
    words: list[tuple[str, int, int]] = []
    index = position
    while len(words) < limit:
        match = re.match(r"[ \t]*(?:\(\s*)?([^\W\d_][\w'’-]*[^\W_]|[^\W\d_])", sentence[index:])
        if not match:
            break
        word = match.group(1)
        words.append((word, index + match.start(1), index + match.end(1)))
        index += match.end()
    return words


def _noun_phrase(sentence: str, words: list[tuple[str, int, int]]) -> tuple[str, int, int] | None:
    """The counted noun phrase at the start of `words` ("members of security forces")."""
    picked: list[tuple[str, int, int]] = []
    index = 0
    while index < len(words) and words[index][0].lower() in (
        "more",
        "additional",
        "extra",
        "further",
    ):
        index += 1  # "3 million more children"
    if index < len(words) and words[index][0].lower() == "of":
        index += 1  # "12,000 of protesters", "dozens of demonstrators"
        if len(words) > index and words[index][0].lower() in (
            "the",
            "them",
            "those",
            "these",
            "its",
            "their",
        ):
            return None
    if index < len(words) and any(ch.isalpha() and not ch.isascii() for ch in words[index][0]):
        # a language the lexicon does not know: the first word is the best guess
        word, start, end = words[index]
        return sentence[start:end], start, end
    while index < len(words) and len(picked) < 5:
        word, start, end = words[index]
        lowered = word.lower()
        if lowered in ("or",) and picked and index + 1 < len(words):
            nxt = words[index + 1][0]
            if (
                is_noun(nxt)
                and nxt.lower() not in STOP_WORDS
                and _gap_is_space(sentence, end, words[index + 1][1])
            ):
                picked.append((word, start, end))
                index += 1
                continue
            break
        if not is_nominal(word):
            # "missed vaccinations", "wounded civilians": a participle used as an adjective
            if not (
                not picked
                and lowered.endswith("ed")
                and index + 1 < len(words)
                and "NOUN" in pos_tags(words[index + 1][0])
                and "VERB" not in pos_tags(words[index + 1][0])
            ):
                break
        if picked and not _gap_is_space(sentence, picked[-1][2], start):
            break
        # a verb form right after the noun ("people were", "troops killed") ends the phrase
        tags = pos_tags(word)
        if (
            picked
            and "VERB" in tags
            and lowered.endswith(("ed", "en"))
            and not ("NOUN" in tags and not lowered.endswith("ed"))
        ):
            break
        picked.append((word, start, end))
        index += 1
        if "NOUN" in tags and "ADJ" not in tags and index < len(words):
            # a plural noun usually ends the phrase unless another noun follows ("police officers")
            nxt = words[index][0]
            if (
                not _gap_is_space(sentence, end, words[index][1])
                or not is_noun(nxt)
                or nxt.lower() in STOP_WORDS
            ):
                break
            if "VERB" in pos_tags(nxt) and "NOUN" not in pos_tags(nxt):
                break
    # drop trailing words that cannot head a noun phrase
    while picked and not is_noun(picked[-1][0]) and picked[-1][0].lower() != "or":
        picked.pop()
    # "the staff quit": a past-tense verb after the noun is not part of it
    if len(picked) > 1 and "VBD" in verb_forms(picked[-1][0]) and is_noun(picked[-2][0]):
        picked.pop()
    while picked and picked[-1][0].lower() == "or":
        picked.pop()
    if not picked:
        return None
    head = picked[-1][0].lower()
    next_index = index
    if head in PARTITIVES and next_index < len(words) and words[next_index][0].lower() == "of":
        tail = _noun_phrase(sentence, words[next_index + 1 :])
        if tail is not None:
            return sentence[picked[0][1] : tail[2]], picked[0][1], tail[2]
    return sentence[picked[0][1] : picked[-1][2]], picked[0][1], picked[-1][2]


def _gap_is_space(sentence: str, end: int, start: int) -> bool:
    return sentence[end:start].strip(" \t") == ""


def _unit_before(sentence: str, cand: Candidate) -> None:
    """With no noun after the number, look for "number of X", "X toll" or "magnitude" before it."""
    before = sentence[max(0, cand.start - 160) : cand.start]
    magnitude = re.search(r"\bmagnitude(?:\s+of)?\s*$", before, re.IGNORECASE)
    if magnitude:
        cand.kind = K.QUANTITY
        cand.unit = "magnitude"
        return
    number_of = re.search(
        r"\b(?:number|total|count|tally|toll)\s+of\s+(?:the\s+)?([a-z][a-z\s-]{2,40}?)\b\s+"
        r"(?:\w+\s+){0,6}?(?:to|at|was|were|is|are|stood|reached|rose|hit|surpass\w*|constitut\w*|exceed\w*)\s+(?:\w+\s+){0,3}$",
        before,
    )
    if number_of:
        phrase = number_of.group(1).split()
        words = [w for w in phrase if w not in STOP_WORDS]
        if words:
            cand.unit = " ".join(words[:3]).lower()
            return
    noun_of = re.search(r"\b(?:a|an|the|its|their)\s+([a-z]+)\s+of\s+$", before)
    if noun_of and noun_of.group(1) not in STOP_WORDS and is_noun(noun_of.group(1)):
        cand.unit = noun_of.group(1)  # "a crowd of 61,274"
        return
    toll = re.search(r"\b((?:death|casualty|injury)\s+toll)\b[^.;]*$", before, re.IGNORECASE)
    if toll:
        cand.unit = toll.group(1).lower()
        return
    subject = re.search(
        r"\b(?:the\s+)?([a-z]+)\s+(?:(?:\w+\s+){0,2})(?:would\s+be|will\s+be|was|were|is|are|numbered|totalled|totaled|stood\s+at)\s+(?:\w+\s+){0,2}$",
        before,
    )
    if subject and is_noun(subject.group(1)) and subject.group(1) not in STOP_WORDS:
        cand.unit = subject.group(1).lower()


def _merge_duration_parts(sentence: str, cand: Candidate) -> None:
    """ "1 hour, 59 minutes and 40.2 seconds" is one duration, in seconds."""
    assert cand.unit is not None
    if cand.unit not in TIME_SECONDS or not isinstance(cand.low, Decimal) or cand.low != cand.high:
        return
    pattern = re.compile(
        r"^\s*(?:hours?|minutes?|seconds?)(?P<rest>(?:\s*(?:,|and|,\s*and)\s*\d+(?:\.\d+)?\s*(?:hours?|minutes?|seconds?))+)"
    )
    match = pattern.match(sentence[cand.end :])
    if not match:
        return
    total = cand.low * TIME_SECONDS[cand.unit]
    for number, unit in re.findall(
        r"(\d+(?:\.\d+)?)\s*(hours?|minutes?|seconds?)", match.group("rest")
    ):
        total += Decimal(number) * TIME_SECONDS[unit if unit.endswith("s") else unit + "s"]
    cand.low = cand.high = total
    cand.unit = "seconds"
    cand.end += match.end()


HEAD_WORD = re.compile(r"[^\W\d_][\w'’-]*")


def unit_head(unit: str | None) -> str | None:
    """The head noun of a unit, as a lemma ("members of security forces" -> force)."""
    if not unit:
        return None
    words = [w.lower() for w in HEAD_WORD.findall(unit)]
    for stop in ("of", "per"):
        if stop in words[1:]:
            at = words.index(stop)
            words = words[at + 1 :] if words[0] in PARTITIVES else words[:at]
            break
    if not words:
        return None
    return lemma(words[-1], "NOUN")
