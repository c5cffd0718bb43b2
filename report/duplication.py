"""Cross-board duplication: areas of work handled by several bodies or plans, and
commitments in different plans worded so alike that they may be the same work."""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import combinations
from typing import Any

Row = dict[str, Any]

THRESHOLD = 0.5
"""Least share of the shorter title's content words the other title also has."""

LEAST_SHARED = 3
"""Fewest content words two titles must share, so short titles do not pair by accident."""

STOP_WORDS = frozenset(
    {
        "about",
        "across",
        "after",
        "all",
        "also",
        "and",
        "any",
        "are",
        "been",
        "being",
        "both",
        "but",
        "can",
        "for",
        "from",
        "has",
        "have",
        "including",
        "into",
        "its",
        "more",
        "not",
        "our",
        "that",
        "the",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "using",
        "was",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "will",
        "with",
        "within",
        "would",
        "ensure",
        "develop",
        "continue",
        "work",
        "working",
    }
)
"""Words that carry no subject: common function words and the verbs every plan uses."""


@dataclass(frozen=True)
class Pair:
    similarity: float
    first: Row
    second: Row


def content_words(title: str) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", title.casefold())
    return frozenset(w for w in words if len(w) > 2 and w not in STOP_WORDS)


def similarity(first: str, second: str) -> float:
    """The overlap coefficient of the two titles' content words: 1.0 when one title's
    words all appear in the other, however long the other is."""
    a, b = content_words(first), content_words(second)
    if len(a & b) < LEAST_SHARED:
        return 0.0
    return len(a & b) / min(len(a), len(b))


def near_duplicates(commitments: list[Row], threshold: float = THRESHOLD) -> list[Pair]:
    """Pairs of commitments from different plans (a year's action plan counts as part of its
    strategy) whose titles are at least `threshold` alike, most alike first."""
    pairs = [
        Pair(round(score, 2), first, second)
        for first, second in combinations(commitments, 2)
        if _plan(first) != _plan(second)
        and (score := similarity(first["name"], second["name"])) >= threshold
    ]
    return sorted(pairs, key=lambda pair: -pair.similarity)


def handled_by_several(workstreams: list[Row]) -> list[Row]:
    """Areas of work that more than one body governs, owns a strategy for or delivers, or
    that more than one plan covers."""
    several = []
    for workstream in workstreams:
        bodies = {
            body["id"]: body
            for key in ("governedBy", "strategyOwners", "groups")
            for body in workstream[key]
        }
        if len(bodies) > 1 or len(workstream["plans"]) > 1:
            several.append({**workstream, "bodies": list(bodies.values())})
    return several


def _plan(commitment: Row) -> str | None:
    plan = commitment.get("plan")
    if not plan:
        return None
    return str((plan.get("partOf") or plan)["id"])
