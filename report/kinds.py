"""What each kind of finding means to a board: how serious it is, a plain-English name and
why it matters. The codes (OWNERSHIP_GOVERNANCE_SPLIT, NO_LEAD, ...) are the findings' own
(queries/findings.py); everywhere the review shows a finding it shows these words first."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    """How soon a board should act on a finding of a kind, most urgent first."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"

    @property
    def rank(self) -> int:
        """0 for the most urgent, for sorting."""
        return list(Severity).index(self)


@dataclass(frozen=True)
class Kind:
    """One kind of finding as the review presents it."""

    code: str
    severity: Severity
    label: str
    why: str
    map_line: str | None = None
    """On the oversight map, what a line drawn from each of a finding's bodies to its
    subject says, where no reporting, governing or owning line joins them already. None
    where the graph's own lines show the finding (several governing lines) and for the
    gaps, which are about lines that are missing."""


KINDS = {
    kind.code: kind
    for kind in (
        Kind(
            "OWNERSHIP_GOVERNANCE_SPLIT",
            Severity.HIGH,
            "Governance and strategy split between bodies",
            "One body is held to account for this work while another owns the strategy "
            "for it, so neither can answer for the whole of it.",
            "owns its strategy",
        ),
        Kind(
            "MULTIPLE_GOVERNORS",
            Severity.HIGH,
            "Governed by more than one body",
            "With several bodies in charge, their decisions can conflict and each may rely "
            "on another to hold the work to account.",
        ),
        Kind(
            "MULTIPLE_REPORTING",
            Severity.HIGH,
            "Scrutinised in separate lines of accountability",
            "The same work is reported and challenged more than once, which takes officers' "
            "time and can bring conflicting direction.",
            "receives its reports",
        ),
        Kind(
            "NO_GOVERNANCE",
            Severity.HIGH,
            "Nothing governs this work",
            "No body is answerable for this work, so nobody checks that it is done.",
        ),
        Kind(
            "DUPLICATE_COMMITMENT",
            Severity.MEDIUM,
            "Same work promised in several plans",
            "Promising one piece of work in more than one plan in force at once risks "
            "paying for it twice and blurs who delivers it.",
            "commits to it",
        ),
        Kind(
            "NO_OWNER",
            Severity.MEDIUM,
            "Plan with no owner",
            "A plan nobody owns has no one to answer for its delivery or to keep it up to date.",
        ),
        Kind(
            "NO_STRATEGY",
            Severity.MEDIUM,
            "No strategy in place",
            "Without a strategy or plan in force, the governing body has nothing agreed to "
            "hold the work to.",
        ),
        Kind(
            "NO_LEAD",
            Severity.MEDIUM,
            "Action with no lead",
            "An action nobody leads is easily left undone, and nobody reports on it.",
        ),
        Kind(
            "NO_GROUP",
            Severity.LOW,
            "No group delivering governed work",
            "Work that a board governs but no group delivers may rest on no one in practice.",
        ),
        Kind(
            "NO_INDICATORS",
            Severity.LOW,
            "No performance measures",
            "Without measures the governing body cannot tell whether the work is making a "
            "difference.",
        ),
    )
}
"""Every kind of finding, most urgent first."""
