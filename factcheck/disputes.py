"""Every measure on which documents disagree: group linked figures, then compare them."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from itertools import combinations

from factcheck.linking import Vocabulary, idf_weights, measure_key, resolve_unsaid, score
from factcheck.model import Claim, DisputedMeasure, Mention, Relation
from factcheck.settings import Settings
from factcheck.verdicts import Reading, compare


def find_disputes(
    claims: Sequence[Claim],
    dates: Mapping[str, datetime.date | None],
    settings: Settings | None = None,
) -> list[DisputedMeasure]:
    """Group the claims of many documents into measures and list those with conflicts."""
    settings = settings or Settings()
    vocabulary = Vocabulary(settings)
    keys = [measure_key(claim, vocabulary) for claim in claims]
    resolve_unsaid(keys)
    idf = idf_weights(keys)
    parent = list(range(len(claims)))

    def root(index: int) -> int:
        while parent[index] != index:
            parent[index] = parent[parent[index]]
            index = parent[index]
        return index

    for i, j in combinations(range(len(claims)), 2):
        if claims[i].document == claims[j].document:
            continue
        link = score(keys[i], keys[j], idf)
        if link is not None and link.score >= settings.link_threshold:
            parent[root(i)] = root(j)
    groups: dict[int, list[int]] = {}
    for index in range(len(claims)):
        groups.setdefault(root(index), []).append(index)
    disputes = []
    for members in groups.values():
        if len({claims[i].document for i in members}) < 2:
            continue
        disputed = _disputed(members, claims, dates=dates, settings=settings)
        if disputed is not None:
            disputes.append(disputed)
    disputes.sort(key=lambda item: (-item.severity, item.measure))
    return disputes


def _told(claim: Claim, when: datetime.date | None) -> str:
    unit = f" {claim.unit}" if claim.unit else ""
    dated = f", {when.isoformat()}" if when else ""
    return f"{claim.text}{unit} ({claim.document}{dated})"


def _reading(claim: Claim) -> Reading:
    return Reading(claim.text, claim.kind, claim.low, claim.high, claim.qualifier)


def _disputed(
    members: list[int],
    claims: Sequence[Claim],
    *,
    dates: Mapping[str, datetime.date | None],
    settings: Settings,
) -> DisputedMeasure | None:
    worst = 0.0
    conflicts = []
    for i, j in combinations(members, 2):
        left, right = claims[i], claims[j]
        if left.document == right.document:
            continue
        comparison = compare(_reading(left), _reading(right), settings)
        if comparison.relation is Relation.CONFLICTS:
            worst = max(worst, comparison.gap if comparison.gap is not None else 1.0)
            conflicts.append((left, right, comparison))
    if not conflicts:
        return None
    ordered = sorted(
        (claims[i] for i in members),
        key=lambda claim: (
            dates.get(claim.document) is None,
            dates.get(claim.document),
            claim.document,
        ),
    )
    mentions = [
        Mention(
            document=claim.document,
            date=dates.get(claim.document),
            sentence=claim.sentence,
            start=claim.start,
            end=claim.end,
            text=claim.text,
            low=claim.low,
            high=claim.high,
            qualifier=claim.qualifier,
            unit=claim.unit,
        )
        for claim in ordered
    ]
    told = ", then ".join(_told(claim, dates.get(claim.document)) for claim in ordered)
    first = ordered[0]
    measure = first.claim
    explanation = f"{len(conflicts)} conflicting pair(s): {told}"
    return DisputedMeasure(
        measure=measure, mentions=mentions, explanation=explanation, severity=round(worst, 4)
    )
