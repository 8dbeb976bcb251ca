"""Settings: every tolerance and synonym the checker uses, with documented defaults.

A workspace may override them in `factcheck.toml`; explanations print the tolerances used.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

# Classes of event words: two figures can measure the same thing only if their predicates
# fall in the same class (or one has none). Words are lemmas.
DEFAULT_EVENTS: dict[str, list[str]] = {
    "killed": [
        "kill",
        "die",
        "dead",
        "death",
        "deaths",
        "toll",
        "fatality",
        "fatalities",
        "perish",
        "slay",
        "massacre",
        "murder",
        "lose",
    ],
    "injured": ["injure", "wound", "hurt", "injury", "casualty", "hospitalize"],
    "detained": ["detain", "arrest", "jail", "imprison", "custody", "detention", "seize"],
    "released": ["release", "free", "pardon"],
    "deployed": [
        "deploy",
        "send",
        "dispatch",
        "arrive",
        "station",
        "mass",
        "head",
        "deployment",
        "number",
    ],
    "withdrawn": ["withdraw", "withdrawal", "leave", "pull", "return", "exit"],
    "started": ["start", "begin", "erupt", "break", "spark", "launch", "outbreak"],
    "ended": ["end", "finish", "conclude", "close"],
    "suppressed": ["crush", "suppress", "quell", "put down", "disperse"],
    "restored": ["restore", "stabilize", "normalize", "calm"],
    "flew": ["fly", "flight", "airlift", "transport", "land"],
    "left office": ["retire", "resign", "step", "rule", "oust"],
    "protested": [
        "protest",
        "rally",
        "demonstrate",
        "march",
        "demonstration",
        "riot",
        "unrest",
        "uprising",
    ],
    "fined": ["fine", "penalize", "penalty", "slap", "hand", "levy"],
    "rose": ["rise", "increase", "grow", "climb", "jump", "surge", "soar", "hike", "gain"],
    "fell": ["fall", "drop", "decline", "decrease", "slump", "plunge", "cut", "shrink"],
}
# Classes of counted nouns. "people" is deliberately its own class: a total of people is
# not a count of protesters.
DEFAULT_NOUNS: dict[str, list[str]] = {
    "protesters": ["protester", "protestor", "demonstrator", "rioter", "activist", "bandit"],
    "troops": [
        "troop",
        "soldier",
        "serviceman",
        "servicemen",
        "paratrooper",
        "peacekeeper",
        "military",
        "force",
        "contingent",
        "personnel",
        "військовослужбовець",
        "військовослужбовців",
        "військових",
        "миротворців",
        "миротворчі",
        "миротворці",
        "военнослужащих",
        "военных",
        "миротворцев",
        "миротворцы",
    ],
    "security forces": [
        "security forces",
        "security force",
        "police",
        "policeman",
        "policemen",
        "officer",
        "security",
        "guard",
        "law enforcement",
    ],
    "people": ["people", "person", "civilian", "resident", "individual", "toll"],
    "planes": ["plane", "aircraft", "flight", "jet", "airplane", "il-76", "an-124"],
    "detainees": ["detainee", "prisoner", "arrestee"],
}


class Settings(BaseModel):
    """Tolerances and vocabularies; the defaults are the documented ones."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    approx_tolerance: float = Field(
        0.10, ge=0, le=1, description='"about", "nearly", "some" widen a figure by this share'
    )
    rounding: bool = Field(
        True, description="a round number stands for the values that round to it (9,900 ± 50)"
    )
    max_rounding: float = Field(
        0.05, ge=0, le=1, description="the rounding a whole number implies, at most this share"
    )
    link_threshold: float = Field(
        0.4, ge=0, le=1, description="the score from which two figures measure the same thing"
    )
    max_evidence: int = Field(8, ge=1, description="evidence kept per claim, best first")
    events: dict[str, list[str]] = Field(default_factory=lambda: dict(DEFAULT_EVENTS))
    nouns: dict[str, list[str]] = Field(default_factory=lambda: dict(DEFAULT_NOUNS))

    def describe(self) -> str:
        """The tolerances in one line, for explanations."""
        return (
            f"approx ±{self.approx_tolerance:.0%}, rounding of round numbers "
            f"{'on' if self.rounding else 'off'} (at most ±{self.max_rounding:.0%})"
        )
