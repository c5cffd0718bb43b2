"""Parts of the review that need no graph: how commitments pair as near-duplicates, and how
the oversight map's pictures are drawn many to a Graphviz run."""

from __future__ import annotations

from typing import Any

from report.duplication import COMMON, near_duplicates, similarity, terms, weighted_vectors
from report.pictures import Line, _Dot, _drawn

Row = dict[str, Any]


def commitment(number: int, title: str, plan: str) -> Row:
    return {
        "id": f"commitment/{number}",
        "name": title,
        "plan": {"id": f"plan/{plan}", "name": plan, "periodFrom": None, "periodTo": None},
        "sources": [{"document": {"id": f"doc/{plan}"}, "lines": str(number), "quote": title}],
    }


def test_the_same_line_in_two_plans_pairs_and_twice_in_one_plan_does_not() -> None:
    line = "Commission refuge places for survivors leaving coercive households"
    commitments = [
        commitment(1, line, "housing"),
        commitment(2, line, "housing"),
        commitment(3, line, "safety"),
        commitment(4, "Refresh the night-time economy licensing policy", "safety"),
    ]
    pairs = near_duplicates(commitments)
    paired = {(pair.first["id"], pair.second["id"]) for pair in pairs}
    assert paired == {("commitment/1", "commitment/3"), ("commitment/2", "commitment/3")}
    assert all(pair.similarity == 1.0 for pair in pairs)


def test_a_short_title_pairs_on_its_one_subject_word_and_other_fields_never_pair() -> None:
    commitments = [
        commitment(1, "Re-offending", "justice"),
        commitment(2, "Reducing adult reoffending", "safety"),
        commitment(3, "Increase reports of domestic abuse incidents in the district", "justice"),
        commitment(
            4, "Reduce reports of anti-social behaviour incidents in the district", "safety"
        ),
        commitment(5, "Tenant safety", "justice"),
        commitment(6, "Capture the voice of tenant members on special interest panels", "safety"),
    ]
    paired = {(p.first["id"], p.second["id"]) for p in near_duplicates(commitments)}
    assert paired == {("commitment/1", "commitment/2")}


def test_numbers_and_ways_of_working_are_no_subject() -> None:
    assert terms("Reduce re-offending by 2025") == ["reduc", "reoffend"]
    assert {"prevent", "partnership"} <= COMMON
    early = weighted_vectors(["Prevention and early intervention", "Early help and prevention"])
    assert similarity(*early) == 0.0


def test_a_picture_is_the_same_whichever_run_of_graphviz_drew_it() -> None:
    board = {"id": "body/board", "name": "Safer Places Board"}
    group = {"id": "body/group", "name": "Reducing Reoffending Group"}
    plan = {"id": "plan/one", "name": "Safer Places Plan"}
    panel = {"id": "body/panel", "name": "Youth Justice Panel"}
    dot = _Dot({plan["id"]})
    first = dot.source([Line(group, board, "REPORTS_TO"), Line(board, plan, "OWNS")], "LR", 30)
    second = dot.source([Line(panel, board, "PART_OF")], "TB", 14)
    alone = [*_drawn([first]), *_drawn([second])]
    together = _drawn([first, second, first])
    assert together == [alone[0], alone[1], alone[0]]
    assert all(scale == 1.0 and svg.startswith("<svg") for scale, svg in together)
