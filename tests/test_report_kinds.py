"""Every kind of finding the findings code can emit has its words in the review: a severity,
a plain-English label and why it matters. The kinds are read from the findings' own Cypher,
so a kind added there and not here fails this test rather than the report."""

from __future__ import annotations

import re

from queries.findings import GAP_BRANCHES, GAPS_CHECKED, OVERLAP_BRANCHES, OVERLAPS_CHECKED
from report.kinds import KINDS, Severity

EMITTED = re.compile(r"'([A-Z_]+)' AS kind|kind: '([A-Z_]+)'")
"""A kind as the Cypher names it: `RETURN 'NO_OWNER' AS kind` or `{kind: 'NO_GROUP', ...}`."""


def emitted_kinds() -> set[str]:
    cypher = "\n".join(OVERLAP_BRANCHES + GAP_BRANCHES)
    return {returned or listed for returned, listed in EMITTED.findall(cypher)}


def test_every_kind_the_findings_emit_has_an_entry_and_no_entry_is_stale() -> None:
    kinds = emitted_kinds()
    assert len(kinds) >= 2, "the findings' Cypher no longer names its kinds as this test reads"
    assert set(KINDS) == kinds
    assert set(OVERLAPS_CHECKED) | set(GAPS_CHECKED) == kinds


def test_each_kind_is_worded_for_a_board() -> None:
    for code, kind in KINDS.items():
        assert kind.code == code
        assert kind.label and kind.label[0].isupper() and "_" not in kind.label, code
        assert kind.why.endswith(".") and kind.why[0].isupper(), code
    labels = [kind.label for kind in KINDS.values()]
    assert len(set(labels)) == len(labels), "two kinds read alike"


def test_the_kinds_are_listed_most_urgent_first_and_each_severity_is_used() -> None:
    ranks = [kind.severity.rank for kind in KINDS.values()]
    assert ranks == sorted(ranks)
    assert {kind.severity for kind in KINDS.values()} == set(Severity)


def test_only_overlaps_draw_lines_on_the_map() -> None:
    """The map draws the overlaps; a gap is a line that is missing."""
    drawing = {code for code, kind in KINDS.items() if kind.map_line}
    assert drawing and drawing <= set(OVERLAPS_CHECKED)
