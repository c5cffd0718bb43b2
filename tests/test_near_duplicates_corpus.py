"""Near-duplicate commitments measured on the real plans of other councils.

tests/fixtures/findings_eval/corpus_pairs.yaml labels pairs of commitments from the plans and
strategies of the document corpus (tests/fixtures/documents, tuning documents only: their
expected facts, not what the extractors read), each as a scrutiny officer would take it if
the two plans were two boards' in one area: the same work, or not. The pairs were pooled
before any labelling (every pair alike by the rule as it stood or by a token-set ratio), and
the rule's pairs since. This module pairs those commitments as the review does, every plan
in force with every other, and scores the pairs on the plans the rule was tuned on and,
apart, on the held-out plans. It fails below the review's targets on the tuned plans, and on
any pair it reports that is not labelled."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from report.duplication import near_duplicates
from tests.conftest import FIXTURES
from tests.ingest_corpus import fixtures
from tests.test_findings_eval import PAIR_PRECISION_TARGET, PAIR_RECALL_FLOOR, Score

LABELS = FIXTURES / "findings_eval" / "corpus_pairs.yaml"

Commitment = tuple[str, str]
"""A commitment as (document folder, text)."""

Pair = frozenset[Commitment]


@dataclass(frozen=True)
class Label:
    pair: Pair
    same_work: bool
    held_out: bool


LABEL_FILE = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
DOCUMENTS = frozenset(LABEL_FILE["documents"])
"""The documents whose commitments were paired and labelled; later plans are left out."""


def read_labels(data: dict[str, Any]) -> list[Label]:
    held_out = set(data["held_out"])
    labels = []
    for entry in data["pairs"]:
        first, second = tuple(entry["first"]), tuple(entry["second"])
        answer, _, reason = entry["label"].partition(": ")
        assert answer in ("yes", "no") and reason, f"{entry}: say yes or no, then why"
        pair = frozenset((first, second))
        labels.append(Label(pair, answer == "yes", bool({first[0], second[0]} & held_out)))
    return labels


def commitments() -> list[dict[str, Any]]:
    """The expected commitments of the labelled documents, as the review's rows: each plan
    its own, undated, so that every plan is compared with every other."""
    rows = []
    for fixture in fixtures("tuning"):
        if fixture.folder not in DOCUMENTS:
            continue
        for number, priority in enumerate(fixture.expected().priorities):
            rows.append(
                {
                    "id": f"{fixture.folder}#{number}",
                    "name": priority.text,
                    "plan": {"id": fixture.folder},
                    "sources": [{"document": {"id": fixture.folder}, "lines": str(priority.line)}],
                    "commitment": (fixture.folder, priority.text),
                }
            )
    return rows


LABELLED = read_labels(LABEL_FILE)


@pytest.fixture(scope="module")
def reported() -> set[Pair]:
    return {
        frozenset((pair.first["commitment"], pair.second["commitment"]))
        for pair in near_duplicates(commitments())
    }


def score(labels: Iterable[Label], reported: set[Pair]) -> Score:
    counts = Score()
    for label in labels:
        counts.count(label.pair in reported, label.same_work)
    return counts


def test_every_labelled_commitment_is_in_the_corpus() -> None:
    known = {row["commitment"] for row in commitments()}
    stale = sorted(
        commitment for label in LABELLED for commitment in label.pair if commitment not in known
    )
    assert stale == [], "the corpus's facts changed: label these pairs again"


def test_every_pair_reported_is_labelled(reported: set[Pair]) -> None:
    labelled = {label.pair for label in LABELLED}
    unlabelled = sorted(sorted(pair) for pair in reported - labelled)
    assert unlabelled == [], f"label these in {LABELS.name}"


def test_near_duplicates_of_real_plans(
    reported: set[Pair], capsys: pytest.CaptureFixture[str]
) -> None:
    """The targets hold on the tuned plans; the held-out plans are scored and printed, no
    gate, as the estimate of how the rule does on plans it was not fitted to."""
    tuned = score((label for label in LABELLED if not label.held_out), reported)
    held_out = score((label for label in LABELLED if label.held_out), reported)
    with capsys.disabled():
        for name, counts in (("tuned", tuned), ("held out", held_out)):
            print(
                f"\nnear-duplicates of real plans, {name}: {counts.true_positives} right, "
                f"{counts.false_positives} wrong, {counts.false_negatives} missed "
                f"(precision {counts.precision:.0%}, recall {counts.recall:.0%})"
            )
    assert tuned.precision is not None and tuned.precision >= PAIR_PRECISION_TARGET
    assert tuned.recall is not None and tuned.recall >= PAIR_RECALL_FLOOR
