"""Extraction scored on real documents of other councils: every kind of fact, on the
documents rules were written against (tuning) and, apart, on the third held out from that
work (heldout), which says how the rules do on documents nobody here has read. The floors
are the held-out figures reached, so that a change which loses facts fails; the README
states them beside the targets."""

from __future__ import annotations

import pytest

from loaders.ingest.pipeline import EXTRACTORS
from loaders.ingest.read import read
from tests.ingest_corpus import Score, fixtures, score, table

HELD_OUT_FLOORS = {
    "people": (0.64, 0.77),
    "agenda_items": (0.57, 0.73),
    "actions": (0.10, 0.25),
    "priorities": (0.38, 0.69),
    "relations": (0.21, 0.75),
}
"""(recall, precision) that held-out extraction must not fall below: the figures of the 43
held-out documents (14 of them new this round, first scored after the round's rules).
Relations moved once since: the structure rules of a later round (members named in their
sentence, groups that each head their own description) found two more held-out relations,
one right and one wrong: 30 of 39 to 31 of 41, recall 21% to 22%, precision 77% to 76%
(75.6%), so the floor on recall rose and the one on precision fell by a point."""


def scores(split: str) -> dict[str, Score]:
    return score((f, EXTRACTORS[f.kind](read(f.path))) for f in fixtures(split))


@pytest.mark.parametrize("split", ["tuning", "heldout"])
def test_extraction_scores(split: str, capsys: pytest.CaptureFixture[str]) -> None:
    measured = scores(split)
    with capsys.disabled():
        print(f"\n{split}:\n{table(measured)}")
    if split == "heldout":  # counts only: held-out facts are never printed
        for kind, (recall, precision) in HELD_OUT_FLOORS.items():
            reached, exact = measured[kind].recall, measured[kind].precision  # plain figures
            assert reached >= recall, f"{kind} recall {reached:.1%}"
            assert exact >= precision, f"{kind} precision {exact:.1%}"
