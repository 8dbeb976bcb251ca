"""Deterministic generator of news-like English text for the extraction benchmark.

Every sentence comes from the templates and word lists below (written for this
benchmark, not taken from any real article).  The text is dense with the kinds of
figures factcheck extracts — counts with counted nouns, money, percentages, dates,
years, durations, physical quantities, ranges, number words and qualifiers — mixed
with sentences that hold no figure, headlines without a final period and
abbreviations that trip naive sentence splitters ("U.S.", "Mr.", "Gen.", "Jan.").

    build_corpus(5_000_000)  # -> str of at least 5,000,000 UTF-8 bytes, same every run

Run ``python bench/corpus.py --mb 1 --out /tmp/corpus.txt`` to look at a sample.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from collections.abc import Callable

Gen = Callable[[random.Random], str]

# --- word lists -------------------------------------------------------------------

TITLES = [
    "Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Gov.", "Rep.", "Prof.", "Capt.",
    "Lt. Col.", "Sgt.", "Rev.", "Adm.", "Insp.",
]  # fmt: skip
FIRST_NAMES = [
    "Amara", "Bogdan", "Celine", "Dmitri", "Esther", "Farid", "Greta", "Hiroshi", "Ines",
    "Jonas", "Kamala", "Lorenzo", "Mei", "Nikolai", "Olusegun", "Priya", "Quentin", "Rosa",
    "Sven", "Tamar", "Umar", "Valeria", "Wendell", "Ximena", "Yusuf", "Zofia", "Aidan",
    "Beatriz", "Carmen", "Desmond",
]  # fmt: skip
SURNAMES = [
    "Okafor", "Lindqvist", "Haddad", "Ramirez", "Whitfield", "Novak", "Takahashi", "Brennan",
    "Castellanos", "Abiodun", "Kowalczyk", "Marchetti", "Osei", "Petrenko", "Quarshie",
    "Rahimi", "Sandoval", "Thorsen", "Uchenna", "Varga", "Wexler", "Yilmaz", "Zelenko",
    "Abernathy", "Delacroix", "Fairbanks", "Gallagher", "Hollis", "Iversen", "Jakobsen",
    "Kaminski", "Mbeki", "Nakamura", "Oyelaran", "Pemberton",
]  # fmt: skip
PLACES = [
    "the U.S.", "the U.K.", "Washington, D.C.", "St. Petersburg", "Lagos", "Almaty",
    "Lisbon", "Karachi", "Manila", "Quito", "Nairobi", "Rotterdam", "Osaka", "Winnipeg",
    "Tbilisi", "Valparaiso", "Dhaka", "Accra", "Tromso", "Marseille", "Monterrey",
    "New South Wales", "Bavaria", "Kerala", "Ontario", "the Sahel", "the Balkans",
    "Ft. Lauderdale", "Mt. Kenya", "Port Harcourt", "Hanoi", "Cebu", "Izmir", "Gdansk",
    "Antofagasta", "Bulawayo", "the Mekong Delta", "Patagonia", "the Rhine valley",
]  # fmt: skip
ORGS = [
    "the U.N.", "the E.U.", "the Interior Ministry", "the health ministry", "the central bank",
    "the Red Cross", "the International Monetary Fund", "the World Bank", "the Federal Reserve",
    "the European Commission", "the national statistics office", "the weather service",
    "the Department of Education", "the port authority", "the electoral commission",
    "the finance ministry", "the teachers' union", "the city council", "the coast guard",
    "Northwind Corp.", "Halvorsen & Co.", "Greenfield Inc.", "Meridian Holdings Ltd.",
    "Blue Harbor Energy", "Kestrel Airlines", "Tessaract Labs", "Orchard Foods plc",
]  # fmt: skip
COMPANIES = [
    "Northwind Corp.", "Halvorsen & Co.", "Greenfield Inc.", "Meridian Holdings Ltd.",
    "Blue Harbor Energy", "Kestrel Airlines", "Tessaract Labs", "Orchard Foods plc",
    "Vantor Motors", "Silverline Telecom", "Ashgrove Mining", "Calder Pharmaceuticals",
]  # fmt: skip
SPEAKER_ROLES = [
    "a spokesman for {org}", "a spokeswoman for {org}", "an official at {org}",
    "a senior diplomat", "the mayor", "local officials", "the governor's office",
    "an analyst at {company}", "witnesses", "the prime minister", "the president",
    "organisers", "the prosecutor", "hospital staff", "aid workers",
]  # fmt: skip
SAID = [
    "said", "told reporters", "said in a statement", "confirmed", "told a news conference",
    "said on social media", "wrote in a report", "estimated", "announced", "said late",
]  # fmt: skip

# counted noun -> things that happen to it (past tense, plural agreement)
EVENTS: list[tuple[str, list[str]]] = [
    ("troops", ["were deployed", "were sent to the border", "were stationed nearby",
                "took part in the exercise", "were withdrawn"]),
    ("protesters", ["were arrested", "gathered outside parliament", "were detained",
                    "marched through the centre", "were injured in clashes"]),
    ("people", ["were killed", "died", "were injured", "were evacuated", "lost their homes",
                "were left without power", "attended the rally", "signed the petition"]),
    ("homes", ["were destroyed", "were damaged", "lost power", "were flooded"]),
    ("jobs", ["were cut", "were created", "will be lost", "were added"]),
    ("passengers", ["were stranded", "were rescued", "were on board"]),
    ("flights", ["were cancelled", "were delayed", "were diverted"]),
    ("cases", ["were recorded", "were confirmed", "were reported"]),
    ("students", ["enrolled", "sat the exam", "walked out of class"]),
    ("workers", ["went on strike", "were laid off", "were hired", "joined the union"]),
    ("vehicles", ["were recalled", "were sold", "were abandoned on the motorway"]),
    ("patients", ["were treated", "were admitted to hospital", "were discharged"]),
    ("votes", ["were cast", "were counted", "were ruled invalid"]),
    ("refugees", ["crossed the border", "arrived at the camp", "were resettled"]),
    ("doses", ["were administered", "were delivered", "expired"]),
    ("firefighters", ["battled the blaze", "were called to the scene"]),
    ("schools", ["closed", "reopened", "were used as shelters"]),
    ("businesses", ["shut their doors", "applied for aid", "were inspected"]),
    ("civilians", ["were killed", "fled the fighting", "were trapped"]),
    ("officers", ["were deployed", "were injured", "were suspended"]),
    ("migrants", ["were intercepted", "reached the island", "were returned"]),
    ("households", ["received the payment", "were affected", "lost access to water"]),
    ("cattle", ["died in the drought", "were culled", "were moved to higher ground"]),
    ("trees", ["were planted", "were felled", "were uprooted by the wind"]),
    ("complaints", ["were filed", "were upheld", "were received"]),
]  # fmt: skip
SINGULAR = {
    "troops": "soldier", "protesters": "protester", "people": "person", "homes": "home",
    "jobs": "job", "passengers": "passenger", "flights": "flight", "cases": "case",
    "students": "student", "workers": "worker", "vehicles": "vehicle", "patients": "patient",
    "votes": "vote", "refugees": "refugee", "doses": "dose", "firefighters": "firefighter",
    "schools": "school", "businesses": "business", "civilians": "civilian",
    "officers": "officer", "migrants": "migrant", "households": "household",
    "cattle": "head of cattle", "trees": "tree", "complaints": "complaint",
}  # fmt: skip
ONES = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
]  # fmt: skip
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
ORDINALS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "11th", "12th", "15th", "20th", "21st", "22nd", "23rd", "30th", "50th", "100th",
]  # fmt: skip
MONTHS = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
]  # fmt: skip
MONTH_ABBR = [
    "Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.",
    "Dec.",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
QUALIFIERS = [
    "about ", "nearly ", "at least ", "up to ", "more than ", "fewer than ", "roughly ",
    "almost ", "some ", "around ", "over ", "an estimated ", "just under ", "well over ",
    "close to ", "as many as ", "no more than ", "", "", "", "", "", "",
]  # fmt: skip
SAID_THAT = [
    "said", "said that", "told reporters that", "estimated that", "confirmed that",
    "announced that", "wrote that", "insisted that",
]  # fmt: skip
MONEY_VERBS = [
    "approved", "pledged", "set aside", "announced", "borrowed", "raised", "earmarked",
    "promised", "spent", "lost",
]  # fmt: skip
MONEY_PURPOSES = [
    "in emergency loans", "for reconstruction", "to rebuild schools", "in aid",
    "for flood defences", "in fines", "for the new hospital", "in tax relief",
    "to upgrade the rail network", "in compensation", "for vaccine purchases",
    "in bonuses", "on legal fees",
]  # fmt: skip
ITEMS = [
    "loaf of bread", "litre of petrol", "gallon of milk", "one-bedroom flat", "new car",
    "train ticket", "hospital stay", "bag of rice", "cup of coffee", "pair of school shoes",
]  # fmt: skip
INDICATORS = [
    "Inflation", "Unemployment", "The jobless rate", "Core inflation", "Youth unemployment",
    "The poverty rate", "Voter turnout", "The savings rate", "The vacancy rate",
]  # fmt: skip
QUOTES = [
    "We will not back down", "This is a dark day for the country",
    "The numbers speak for themselves", "Nobody expected it to happen so fast",
    "We are doing everything we can", "It is too early to say",
    "Our thoughts are with the families", "The situation is under control",
    "We need answers, not excuses", "This was entirely preventable",
]  # fmt: skip
PLAIN_SENTENCES = [
    "{Speaker} declined to comment.",
    "{Person} denied any wrongdoing.",
    '"{quote}," {person} {said}.',
    "{Org} did not respond to a request for comment.",
    "The cause of the fire is still under investigation.",
    "Talks are set to resume {when_future}.",
    "Critics said the plan did not go far enough.",
    "{Person} is expected to appeal against the verdict.",
    "The opposition called for an independent inquiry.",
    "Residents described scenes of chaos as the water rose.",
    "It was not immediately clear who was responsible.",
    "{Person}, who took office {when_past}, has promised reform.",
    "The decision drew criticism from rights groups in {place}.",
    "Markets in {place} were closed for the holiday.",
    "Neither side has commented publicly on the talks.",
    "The cause of the {event_word} in {place} is still under investigation.",
    "{Speaker} said the figures would be revised.",
    "The report was published ahead of a summit in {place}.",
    "{Person} resigned after the findings were made public.",
    "Aid groups warned that conditions in {place} were deteriorating.",
    "{Company} said it would cooperate fully with regulators.",
    "The vote is seen as a test of {person}'s leadership.",
    "Lawmakers in {place} are due to debate the bill.",
    "Much of the damage was concentrated along the coast.",
    "{Org} has repeatedly rejected the claims.",
    "Investors remain wary of further rate rises.",
    "{Person} called the result \"a turning point\".",
]  # fmt: skip
EVENT_WORDS = ["fire", "collapse", "outage", "explosion", "derailment", "leak", "crash"]
FIGURE_SENTENCES = [
    "{Qevent} in {place} {when}, {speaker} {said}.",
    "{Person} {said_that} {qevent} {when}.",
    "According to {org}, {qevent} {duration}.",
    "{Org} {money_verb} {money} {money_purpose} {when}.",
    "{Indicator} rose to {percent} in {month_year}, up from {percent} a year earlier.",
    "{Indicator} fell {pp} to {percent}, {org} {said}.",
    "{Person}, {age}, was arrested in {place} on {date}.",
    "Temperatures reached {temp} in {place} {when}, the highest since {year}.",
    "The storm dumped {rain} of rain on {place} {duration}.",
    "Officials expect between {small} and {small_b} {noun} to be affected by {date}.",
    "Ticket prices ranged from {money_small} to {money_small}.",
    "{Qcount} {noun} — roughly {fraction} of the total — were involved.",
    "Founded in {year}, {company} employs {count} people in {smallword} countries.",
    "{Company} reported revenue of {money} for the {quarter}, a rise of {percent} on {year}.",
    "{Person} won {percent} of the vote, against {percent} for {person}.",
    "The {length_adj} pipeline will carry up to {flow}.",
    "The trial is expected to last {duration_bare}.",
    "It was the {ordinal} such attack since {month_year}.",
    "One in {smallword} adults in {place} now rents, according to a survey of {count} people.",
    "The fine amounts to {money_small} a day.",
    "Shares in {company} closed {updown} {percent} at {money_small}.",
    "The ceasefire, agreed on {date}, collapsed {duration}.",
    "{Person} served {duration_bare} in prison before being released in {year}.",
    "The bridge, which is {length} long, took {duration_bare} to build and cost {money}.",
    "{Vague} {noun} {verb}, {speaker} {said}.",
    "Rescue teams had searched {area} by {day}.",
    "Police said {count} people had been detained and {count_small} released without charge.",
    "The bus was travelling at {speed} when it left the road {when}.",
    "Polls open at {clock} and close at {clock_pm} on {date}.",
    "The population of {place} has grown from {big} in {year} to {big} today.",
    "The measure passed by {votes} votes to {votes_b}.",
    "The average {item} now costs {money_small}, {multiple} what it did in {year}.",
    "{Org} plans to cut emissions by {percent} by {future_year} compared with {year} levels.",
    "Global temperatures have risen by about {delta_temp} since pre-industrial times.",
    "The earthquake, of magnitude {magnitude}, struck at a depth of {depth} {when}.",
    "{Qevent} {duration}, up from {count_small} {when_past}.",
    "Between {range_low} and {range_high} {noun} {verb} {when}.",
    "{Org} said {range_phrase} {noun} {verb}.",
    "The {ordinal} round of talks will be held in {place} from {date} to {date_b}.",
    "An estimated {big} {noun} {verb} during the {year} crisis.",
    "The government has budgeted {money} over {smallword} years, or {money_small} per {sing}.",
    "{Qcount} {noun} {verb} in {year}, compared with {count} in {year_b}.",
    "A {age_adj} {role} was among the dead.",
    "Wages rose {percent} in the year to {month_year}, while prices climbed {percent}.",
    "The {company} plant produces {qty} of steel a year and employs {count} staff.",
    "Only {percent} of the {money} pledged in {year} has been delivered.",
    "{Place} recorded {count} {noun} in the {decade}, more than {multiple} the figure for {place}.",
    "The dam holds {volume} of water and supplies {big} {noun}.",
    "{Person} was sentenced to {smallword} years in prison on {date}.",
    "The convoy covered {length} {duration}.",
    "Turnout was {percent}, the lowest since {year}.",
    "Roughly {fraction} of {noun} in {place} {verb} {when}.",
]  # fmt: skip
HEADLINES = [
    "{Place_t} Floods Leave {count} Homeless",
    "{Company} to Cut {count} Jobs",
    "Inflation Hits {percent} as Prices Soar",
    "Death Toll Rises to {count_small} in {Place_t} Quake",
    "Markets Rally After Central Bank Holds Rates",
    "{Person} Wins Second Term With {percent} of Vote",
    "{Money} Aid Package Approved",
    "Heatwave Pushes Temperatures Past {temp}",
    "Strike Grounds {count} Flights",
    "Talks Collapse After {SmallWord} Days",
    "Court Blocks Border Plan",
    "Protesters Rally in {Place_t} for {Ordinal} Week",
    "Why the Housing Crisis Is Getting Worse",
    "{Org_t} Warns of Slowdown in {future_year}",
]  # fmt: skip
DATELINES = [
    "LAGOS —", "WASHINGTON (Wire) —", "ALMATY, Kazakhstan —", "LISBON —", "MANILA, Jan. 6 —",
    "NAIROBI, Kenya —", "ST. PETERSBURG, Fla. —", "OSAKA —", "QUITO, Ecuador —",
]  # fmt: skip
ROLES = [
    "nurse", "firefighter", "teacher", "police officer", "journalist", "volunteer",
    "bus driver", "student", "shopkeeper", "farmer",
]  # fmt: skip


# --- number helpers ---------------------------------------------------------------


def _comma(n: int, rng: random.Random) -> str:
    # mostly "3,000"; sometimes "3000" for four-digit numbers, as some outlets print them
    if 1000 <= n < 10000 and rng.random() < 0.15:
        return str(n)
    return f"{n:,}"


def _words(n: int) -> str:
    """English words for 0 <= n < 100."""
    if n <= 20:
        return ONES[n]
    tens, ones = divmod(n, 10)
    return TENS[tens] + ("-" + ONES[ones] if ones else "")


def _nice(rng: random.Random, lo_exp: int, hi_exp: int) -> int:
    """A news-like round-ish number between 10**lo_exp and 10**hi_exp."""
    exp = rng.randint(lo_exp, hi_exp)
    digits = rng.choice([1, 1, 2, 2, 3])
    lead = rng.randint(10 ** (digits - 1), 10**digits - 1)
    scale = max(0, exp - digits + 1)
    return max(1, lead * 10**scale)


def _scaled(rng: random.Random, word_forms: bool = True) -> str:
    """'1.2 million', '3m', '450,000', '2.5 billion'."""
    roll = rng.random()
    if roll < 0.45:
        return _comma(_nice(rng, 3, 6), rng)
    whole = rng.randint(1, 99) if rng.random() < 0.5 else rng.randint(1, 9)
    frac = rng.choice(["", "", f".{rng.randint(1, 9)}", f".{rng.randint(10, 99)}"])
    unit = rng.choice(["million", "million", "billion"])
    if not word_forms or rng.random() < 0.8:
        return f"{whole}{frac} {unit}"
    return f"{whole}{frac}{unit[0]}"


def count(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.45:
        return _comma(_nice(rng, 1, 5), rng)
    if roll < 0.65:
        return _scaled(rng)
    if roll < 0.85:
        return _words(rng.randint(2, 99))
    return rng.choice(["a dozen", "a hundred", "a thousand", "half a million", "two dozen"])


def count_small(rng: random.Random) -> str:
    n = rng.randint(2, 400)
    return _words(n) if n < 10 and rng.random() < 0.7 else str(n)


def vague(rng: random.Random) -> str:
    return rng.choice(
        [
            "dozens of",
            "hundreds of",
            "thousands of",
            "tens of thousands of",
            "hundreds of thousands of",
            "millions of",
            "scores of",
            "a handful of",
            "several hundred",
            "a few thousand",
        ]
    )


def money(rng: random.Random) -> str:
    sym = rng.choice(["$", "$", "$", "€", "£", "US$", "¥", "A$"])
    whole = rng.choice([rng.randint(1, 9), rng.randint(10, 999)])
    frac = rng.choice(["", "", f".{rng.randint(1, 9)}", f".{rng.randint(10, 99)}"])
    style = rng.random()
    if style < 0.5:
        return f"{sym}{whole}{frac} {rng.choice(['million', 'billion', 'billion', 'trillion'])}"
    if style < 0.75:
        return f"{sym}{whole}{frac}{rng.choice(['m', 'bn', 'bn', 'tn'])}"
    if style < 0.9:
        return f"{sym}{_comma(_nice(rng, 4, 7), rng)}"
    cur = rng.choice(["euros", "pounds", "dollars", "yuan", "rupees", "pesos"])
    return f"{whole}{frac} {rng.choice(['million', 'billion'])} {cur}"


def money_small(rng: random.Random) -> str:
    sym = rng.choice(["$", "$", "€", "£"])
    if rng.random() < 0.5:
        return f"{sym}{rng.randint(1, 999)}.{rng.randint(0, 99):02d}"
    return f"{sym}{_comma(rng.randint(2, 25000), rng)}"


def percent(rng: random.Random) -> str:
    value = rng.choice([str(rng.randint(1, 99)), f"{rng.randint(0, 30)}.{rng.randint(1, 9)}"])
    return value + rng.choice(["%", "%", "%", " per cent", " percent"])


def pp(rng: random.Random) -> str:
    value = f"{rng.randint(0, 3)}.{rng.randint(1, 9)}"
    return f"{value} percentage points" if rng.random() < 0.7 else f"{value} points"


def fraction(rng: random.Random) -> str:
    return rng.choice(["half", "a third", "two-thirds", "a quarter", "three-quarters", "a fifth"])


def year(rng: random.Random) -> str:
    return str(rng.randint(1948, 2024))


def future_year(rng: random.Random) -> str:
    return str(rng.choice([2025, 2026, 2027, 2028, 2030, 2030, 2035, 2040, 2050]))


def decade(rng: random.Random) -> str:
    return rng.choice(["1970s", "1980s", "1990s", "2000s", "2010s", "past decade"])


def date(rng: random.Random) -> str:
    m = rng.randrange(12)
    d = rng.randint(1, 28)
    style = rng.random()
    if style < 0.3:
        return f"{MONTH_ABBR[m]} {d}"
    if style < 0.45:
        suffix = {1: "st", 2: "nd", 3: "rd", 21: "st", 22: "nd", 23: "rd"}.get(d, "th")
        return f"{MONTHS[m]} {d}{suffix}"
    if style < 0.65:
        return f"{MONTHS[m]} {d}, {year(rng)}"
    if style < 0.8:
        return f"{d} {MONTHS[m]}"
    return f"{MONTH_ABBR[m]} {d}, {year(rng)}"


def month_year(rng: random.Random) -> str:
    return f"{rng.choice(MONTHS)} {year(rng)}"


def when(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.3:
        return f"on {rng.choice(DAYS)}"
    if roll < 0.55:
        return f"on {date(rng)}"
    if roll < 0.7:
        return f"in {month_year(rng)}"
    if roll < 0.8:
        return f"in {year(rng)}"
    return rng.choice(
        [
            "last week",
            "earlier this month",
            "late on Sunday",
            "over the weekend",
            "this year",
            "in the first quarter",
            "overnight",
            "on Thursday night",
        ]
    )


def when_past(rng: random.Random) -> str:
    return rng.choice([f"in {year(rng)}", f"in {month_year(rng)}", "last year", "in March"])


def when_future(rng: random.Random) -> str:
    return rng.choice(
        [f"on {rng.choice(DAYS)}", f"on {date(rng)}", "next week", "later this month"]
    )


def duration_bare(rng: random.Random, qualified: bool = True) -> str:
    n = rng.randint(2, 72)
    unit = rng.choice(["days", "weeks", "months", "years", "hours", "decades"])
    num = _words(n) if n < 13 and rng.random() < 0.7 else str(n)
    qualifier = rng.choice(["", "", "nearly ", "more than ", "about "]) if qualified else ""
    return f"{qualifier}{num} {unit}"


def duration(rng: random.Random) -> str:
    lead = rng.choice(["within", "in", "for", "over", "after", "in less than", "over the past"])
    if rng.random() < 0.15:
        return f"{lead} {rng.choice(['a week', 'an hour', 'a year', 'a decade', 'a fortnight'])}"
    return f"{lead} {duration_bare(rng, qualified=lead in ('for', 'after', 'within'))}"


def age(rng: random.Random) -> str:
    return str(rng.randint(17, 94))


def age_adj(rng: random.Random) -> str:
    return f"{rng.randint(19, 88)}-year-old"


def temp(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return f"{rng.randint(30, 49)}{rng.choice(['C', 'C', '°C', ' degrees Celsius'])}"
    return f"{rng.randint(90, 121)}{rng.choice(['F', '°F', ' degrees Fahrenheit'])}"


def delta_temp(rng: random.Random) -> str:
    return f"{rng.randint(0, 2)}.{rng.randint(1, 9)}{rng.choice(['C', '°C', ' degrees'])}"


def rain(rng: random.Random) -> str:
    n = rng.randint(20, 400)
    return rng.choice([f"{n}mm", f"{n} mm", f"{n // 25} inches", f"{n / 10:.1f} cm"])


def length(rng: random.Random) -> str:
    n = _comma(_nice(rng, 1, 3), rng)
    return rng.choice([f"{n} km", f"{n}km", f"{n} miles", f"{n}-mile", f"{n} kilometres"])


def length_adj(rng: random.Random) -> str:
    n = _comma(_nice(rng, 1, 3), rng)
    return rng.choice([f"{n}-km", f"{n}-mile", f"{n}-kilometre", f"{n}km"])


def area(rng: random.Random) -> str:
    n = _comma(_nice(rng, 1, 4), rng)
    return rng.choice([f"{n} sq km", f"{n} hectares", f"{n} acres", f"{n} square miles"])


def speed(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(40, 180)} km/h", f"{rng.randint(25, 110)} mph"])


def flow(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{_scaled(rng, False)} barrels a day",
            f"{rng.randint(1, 60)} billion cubic metres of gas a year",
            f"{_comma(_nice(rng, 3, 5), rng)} tonnes of grain a month",
        ]
    )


def qty(rng: random.Random) -> str:
    return rng.choice(
        [f"{_scaled(rng, False)} tonnes", f"{rng.randint(2, 900)},000 tons", "1.5m tonnes"]
    )


def volume(rng: random.Random) -> str:
    return rng.choice(
        [
            f"{_scaled(rng, False)} cubic metres",
            f"{rng.randint(2, 90)} billion litres",
            f"{_comma(_nice(rng, 3, 6), rng)} acre-feet",
        ]
    )


def depth(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(5, 70)} km", f"{rng.randint(3, 45)} miles"])


def magnitude(rng: random.Random) -> str:
    return f"{rng.randint(4, 8)}.{rng.randint(0, 9)}"


def clock(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(6, 9)} a.m.", f"{rng.randint(6, 9)}:30am", "0700 GMT"])


def clock_pm(rng: random.Random) -> str:
    return rng.choice([f"{rng.randint(6, 10)} p.m.", f"{rng.randint(6, 10)}pm", "2000 GMT"])


def multiple(rng: random.Random) -> str:
    return rng.choice(["twice", "three times", "double", "four times", "nearly triple"])


def ordinal(rng: random.Random) -> str:
    return rng.choice(ORDINALS)


def quarter(rng: random.Random) -> str:
    return rng.choice(
        [
            "first quarter",
            "second quarter",
            "third quarter",
            "three months to June",
            "first half",
            f"fiscal year {year(rng)}",
            f"{rng.randint(2000, 2023)}-{rng.randint(1, 24):02d} financial year",
        ]
    )


def person(rng: random.Random) -> str:
    roll = rng.random()
    if roll < 0.5:
        return f"{rng.choice(TITLES)} {rng.choice(SURNAMES)}"
    if roll < 0.8:
        return f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"
    return f"{rng.choice(TITLES)} {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}"


def speaker(rng: random.Random) -> str:
    if rng.random() < 0.4:
        return person(rng)
    role = rng.choice(SPEAKER_ROLES)
    return role.replace("{org}", rng.choice(ORGS)).replace("{company}", rng.choice(COMPANIES))


def title_case(text: str) -> str:
    small = {"a", "an", "the", "of", "in", "for", "to", "on", "and"}
    words = text.split(" ")
    out = [
        w if (i and w.lower() in small) or not w[:1].isalpha() else w[:1].upper() + w[1:]
        for i, w in enumerate(words)
    ]
    return " ".join(out)


# --- the slot table ---------------------------------------------------------------


class _Sentence:
    """Fill one template; noun/verb slots agree within a sentence."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        noun, verbs = rng.choice(EVENTS)
        self.noun = noun
        self.verb = rng.choice(verbs)
        self.low = 1

    def qevent(self) -> str:
        rng = self.rng
        if rng.random() < 0.2:
            return f"{vague(rng)} {self.noun} {self.verb}"
        return f"{rng.choice(QUALIFIERS)}{count(rng)} {self.noun} {self.verb}"

    def range_phrase(self) -> str:
        rng = self.rng
        lo = _nice(rng, 1, 4)
        hi = lo * rng.choice([2, 3, 5, 10])
        style = rng.random()
        if style < 0.35:
            return f"between {_comma(lo, rng)} and {_comma(hi, rng)}"
        if style < 0.7:
            return f"{_comma(lo, rng)} to {_comma(hi, rng)}"
        if style < 0.85:
            return f"{lo}-{hi}"
        return f"from {_comma(lo, rng)} to {_comma(hi, rng)}"

    def slot(self, name: str) -> str:
        rng = self.rng
        cap = name[:1].isupper()
        key = name.lower()
        value: str
        if key == "qevent":
            value = self.qevent()
        elif key == "noun":
            value = self.noun
        elif key == "sing":
            value = SINGULAR[self.noun]
        elif key == "verb":
            value = self.verb
        elif key == "qcount":
            value = f"{rng.choice(QUALIFIERS)}{count(rng)}"
        elif key == "vague":
            value = vague(rng)
        elif key == "range_phrase":
            value = self.range_phrase()
        elif key in ("range_low", "small"):
            self.low = _nice(rng, 1, 3) if key == "range_low" else rng.randint(2, 20)
            value = _comma(self.low, rng)
        elif key in ("range_high", "small_b"):
            value = _comma(self.low * rng.choice([2, 3, 4, 5, 10]), rng)
        elif key in ("smallword",):
            value = _words(rng.randint(2, 19))
        elif key in ("votes", "votes_b"):
            value = str(rng.randint(180, 420) if key == "votes" else rng.randint(20, 179))
        elif key == "big":
            value = _scaled(rng)
        elif key in ("year_b",):
            value = year(rng)
        elif key in ("date_b",):
            value = date(rng)
        elif key == "place_t":
            value = title_case(rng.choice(PLACES).removeprefix("the "))
        elif key == "org_t":
            value = title_case(rng.choice(ORGS).removeprefix("the "))
        elif key == "place":
            value = rng.choice(PLACES)
        elif key == "org":
            value = rng.choice(ORGS)
        elif key == "company":
            value = rng.choice(COMPANIES)
        elif key == "said":
            value = rng.choice(SAID)
        elif key == "said_that":
            value = rng.choice(SAID_THAT)
        elif key == "money_verb":
            value = rng.choice(MONEY_VERBS)
        elif key == "money_purpose":
            value = rng.choice(MONEY_PURPOSES)
        elif key == "indicator":
            value = rng.choice(INDICATORS)
        elif key == "item":
            value = rng.choice(ITEMS)
        elif key == "quote":
            value = rng.choice(QUOTES)
        elif key == "role":
            value = rng.choice(ROLES)
        elif key == "updown":
            value = rng.choice(["up", "down", "higher by", "lower by"])
        elif key == "event_word":
            value = rng.choice(EVENT_WORDS)
        elif key == "day":
            value = rng.choice(DAYS)
        else:
            value = SIMPLE[key](rng)
        if cap and value:
            value = value[:1].upper() + value[1:]
        return value


SIMPLE: dict[str, Gen] = {
    "count": count,
    "count_small": count_small,
    "money": money,
    "money_small": money_small,
    "percent": percent,
    "pp": pp,
    "fraction": fraction,
    "year": year,
    "future_year": future_year,
    "decade": decade,
    "date": date,
    "month_year": month_year,
    "when": when,
    "when_past": when_past,
    "when_future": when_future,
    "duration": duration,
    "duration_bare": duration_bare,
    "age": age,
    "age_adj": age_adj,
    "temp": temp,
    "delta_temp": delta_temp,
    "rain": rain,
    "length": length,
    "length_adj": length_adj,
    "area": area,
    "speed": speed,
    "flow": flow,
    "qty": qty,
    "volume": volume,
    "depth": depth,
    "magnitude": magnitude,
    "clock": clock,
    "clock_pm": clock_pm,
    "multiple": multiple,
    "ordinal": ordinal,
    "quarter": quarter,
    "person": person,
    "speaker": speaker,
}

_SLOT = re.compile(r"\{(\w+)\}")


def _fill(template: str, rng: random.Random) -> str:
    sentence = _Sentence(rng)
    text = _SLOT.sub(lambda m: sentence.slot(m.group(1)), template)
    return text[:1].upper() + text[1:]


# Share of body sentences without a figure. 0.9 gives about one figure per 225 bytes,
# between the median of real reports (≈270 B/figure: 126-947 measured on the sample and
# dispute documents) and the densest ones; the bench also runs a figure-dense corpus
# (0.85, ≈160 B/figure) as a stress case.
PLAIN_SHARE = 0.9


def sentence(rng: random.Random, plain_share: float | None = None) -> str:
    """One body sentence; plain_share of them (default PLAIN_SHARE) carry no figure."""
    share = PLAIN_SHARE if plain_share is None else plain_share
    if rng.random() < share:
        return _fill(rng.choice(PLAIN_SENTENCES), rng)
    return _fill(rng.choice(FIGURE_SENTENCES), rng)


def paragraph(rng: random.Random, plain_share: float | None = None) -> str:
    return " ".join(sentence(rng, plain_share) for _ in range(rng.randint(3, 8)))


def headline(rng: random.Random) -> str:
    text = _fill(rng.choice(HEADLINES), rng)
    return title_case(text)


def article(rng: random.Random, plain_share: float | None = None) -> str:
    """A headline (no final period), an optional byline, then 3-10 paragraphs."""
    parts = [headline(rng)]
    if rng.random() < 0.4:
        parts.append(f"By {rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}")
    body = [paragraph(rng, plain_share) for _ in range(rng.randint(3, 10))]
    if rng.random() < 0.5:
        body[0] = f"{rng.choice(DATELINES)} {body[0]}"
    if rng.random() < 0.3:
        # a crosshead in the middle of the article, also without a final period
        body.insert(len(body) // 2, headline(rng))
    parts.extend(body)
    return "\n\n".join(parts)


def build_corpus(target_bytes: int, seed: int = 7, plain_share: float | None = None) -> str:
    """Return at least ``target_bytes`` UTF-8 bytes of articles, identical for equal seeds.

    ``plain_share`` is the share of body sentences without a figure (None = PLAIN_SHARE).
    """
    rng = random.Random(seed)
    articles: list[str] = []
    size = 0
    while size < target_bytes:
        text = article(rng, plain_share)
        articles.append(text)
        size += len(text.encode("utf-8")) + 2  # the "\n\n" joiner (one too many at the end)
    return "\n\n".join(articles) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=1.0, help="size in MB (10**6 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--plain-share",
        type=float,
        default=None,
        help=f"share of body sentences without a figure (default {PLAIN_SHARE})",
    )
    ap.add_argument("--out", help="write here instead of printing the first 3,000 characters")
    args = ap.parse_args(argv)
    text = build_corpus(int(args.mb * 1_000_000), seed=args.seed, plain_share=args.plain_share)
    if args.out:
        with open(args.out, "w", encoding="utf-8") as fh:
            fh.write(text)
        print(f"wrote {len(text.encode('utf-8')):,} bytes to {args.out}")
    else:
        sys.stdout.write(text[:3000] + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
