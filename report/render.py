"""Write the review: one self-contained index.html (pictures inline, sources in an appendix
the rows link to) and one CSV per table."""

from __future__ import annotations

import csv
import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from queries.findings import GAPS_CHECKED, OVERLAPS_CHECKED, WORK_RULE
from report.collect import Review
from report.duplication import THRESHOLD, Pair, handled_by_several, near_duplicates
from report.pictures import heatmap, oversight_map

Row = dict[str, Any]

NO_ONE = "(none recorded)"


@dataclass(frozen=True)
class Page:
    """What the template needs, worked out from the review."""

    review: Review
    findings_by_kind: Counter[str]
    overlaps_checked: dict[str, str]
    gaps_checked: dict[str, str]
    several: list[Row]
    pairs: list[Pair]
    memberships: list[Row]
    passed_by_lead: dict[str, list[Row]]
    passed_by_portfolio: dict[str, list[Row]]
    oversight_svg: str
    heatmap_svg: str
    quoted: dict[str, list[tuple[str, str]]]
    titles: dict[str, str]
    generated: str


def write_report(review: Review, out: Path) -> Path:
    """Write index.html and the CSVs into `out`; return the page's path."""
    out.mkdir(parents=True, exist_ok=True)
    page = _page(review)
    environment = Environment(
        loader=PackageLoader("report"), autoescape=select_autoescape(), keep_trailing_newline=True
    )
    environment.filters["anchor"] = anchor
    environment.filters["first_line"] = first_line
    environment.filters["names"] = names
    html = environment.get_template("index.html.j2").render(
        page=page, threshold=THRESHOLD, work_rule=WORK_RULE
    )
    index = out / "index.html"
    index.write_text(html, encoding="utf-8")
    _write_tables(page, out)
    return index


def _page(review: Review) -> Page:
    findings = review.overlaps + review.gaps
    overlapping = {f["subject"]["id"] for f in review.overlaps}
    memberships = [  # a seat shows with its body; one whose body is hidden is not shown
        {"person": person, "role": role}
        for person in review.shared
        for role in person["roles"]
        if role["body"]
    ]
    several = handled_by_several(review.workstreams)
    pairs = near_duplicates(review.commitments)
    paired = [commitment for pair in pairs for commitment in (pair.first, pair.second)]
    by_kind = Counter(dict.fromkeys((*OVERLAPS_CHECKED, *GAPS_CHECKED), 0))
    by_kind.update(f["kind"] for f in findings)
    return Page(
        review=review,
        findings_by_kind=by_kind,
        overlaps_checked=_silent(OVERLAPS_CHECKED, review.overlaps),
        gaps_checked=_silent(GAPS_CHECKED, review.gaps),
        several=several,
        pairs=pairs,
        memberships=memberships,
        passed_by_lead=_grouped(review.overdue, "leads"),
        passed_by_portfolio=_grouped(review.overdue, "portfolioHolders"),
        oversight_svg=oversight_map(review.edges, overlapping),
        heatmap_svg=_heatmap(review.shared),
        quoted=_quoted([findings, several, paired, review.shared, review.overdue]),
        titles={document["id"]: document["title"] for document in review.documents},
        generated=datetime.date.today().isoformat(),
    )


def _silent(checked: dict[str, str], found: list[Row]) -> dict[str, str]:
    """The kinds that found nothing, each with what that shows."""
    kinds = {finding["kind"] for finding in found}
    return {kind: shows for kind, shows in checked.items() if kind not in kinds}


def _grouped(commitments: list[Row], key: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for commitment in commitments:
        for who in commitment[key] or [{"name": NO_ONE}]:
            groups[who["name"]].append(commitment)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == NO_ONE, item[0])))


def _heatmap(shared: list[Row]) -> str:
    seats: dict[str, set[str]] = {
        person["id"]: {role["body"]["name"] for role in person["roles"] if role["body"]}
        for person in shared
    }
    counts: Counter[tuple[str, str]] = Counter()
    for bodies in seats.values():
        for body in bodies:
            counts[(body, body)] += 1
        for first, second in combinations(sorted(bodies), 2):
            counts[(first, second)] += 1
            counts[(second, first)] += 1
    names = sorted({body for held in seats.values() for body in held})
    return heatmap(names, counts)


def _quoted(shown: list[Any]) -> dict[str, list[tuple[str, str]]]:
    """Every source some row of the report cites, by document, in line order: (lines,
    quote). The quotes are the graph's public readings, never the documents' own lines, so
    no neighbouring restricted line or contact detail reaches the page."""
    quoted: dict[str, set[tuple[str, str]]] = defaultdict(set)

    def visit(value: Any) -> None:
        if isinstance(value, dict):
            if "quote" in value and "lines" in value and value.get("document"):
                quoted[value["document"]["id"]].add((value["lines"], value["quote"]))
            for item in value.values():
                visit(item)
        elif isinstance(value, list):
            for item in value:
                visit(item)

    visit(shown)
    return {
        document: sorted(sources, key=lambda source: (_span(source[0]), source[1]))
        for document, sources in sorted(quoted.items())
    }


def _span(lines: str) -> tuple[int, int]:
    first, _, last = lines.partition("-")
    return int(first), int(last or first)


def anchor(document_id: str, line: int | str) -> str:
    """The id of a line in the sources appendix."""
    return f"{document_id.removeprefix('document/')}-L{line}"


def first_line(lines: str) -> str:
    return lines.partition("-")[0]


def names(items: list[Row] | None) -> str:
    return "; ".join(item["name"] for item in items or []) or NO_ONE


def _sources(row: Row) -> str:
    return " | ".join(
        f"{s['document']['id']} lines {s['lines']}: {s['quote']}" for s in row.get("sources") or []
    )


def _write_tables(page: Page, out: Path) -> None:
    review = page.review
    findings = ["kind", "subject id", "subject", "bodies", "explanation", "sources"]
    tables: dict[str, tuple[list[str], list[list[Any]]]] = {
        "summary": (
            ["what", "count"],
            [[what, count] for what, count in (*review.counts.items(),
                                               *sorted(page.findings_by_kind.items()))],
        ),
        "overlaps": (findings, [_finding(f) for f in review.overlaps]),
        "gaps": (findings, [_finding(f) for f in review.gaps]),
        "duplication": (
            ["workstream id", "workstream", "bodies", "plans", "sources"],
            [[w["id"], w["name"], names(w["bodies"]), names(w["plans"]), _sources(w)]
             for w in page.several],
        ),
        "near_duplicates": (
            ["similarity", "first id", "first plan", "first", "second id", "second plan",
             "second"],
            [[p.similarity, *_commitment(p.first), *_commitment(p.second)] for p in page.pairs],
        ),
        "shared_members": (
            ["person id", "person", "body", "role", "from", "sources"],
            [[m["person"]["id"], m["person"]["name"], m["role"]["body"]["name"],
              m["role"]["kind"], m["role"]["from"], _sources(m["role"])]
             for m in page.memberships],
        ),
        "timescales_passed": (
            ["id", "ref", "commitment", "due", "due by", "rag", "plan", "leads",
             "portfolio holders", "sources"],
            [[c["id"], c["ref"], c["name"], c["dueText"], c["dueBy"], c["rag"],
              (c["plan"] or {}).get("name"), names(c["leads"]), names(c["portfolioHolders"]),
              _sources(c)] for c in review.overdue],
        ),
    }  # fmt: skip
    for name, (header, rows) in tables.items():
        _csv(out / f"{name}.csv", header, rows)


def _finding(finding: Row) -> list[Any]:
    subject = finding["subject"]
    return [finding["kind"], subject["id"], subject["name"], names(finding["bodies"]),
            finding["explanation"], _sources(finding)]  # fmt: skip


def _commitment(commitment: Row) -> list[Any]:
    return [commitment["id"], commitment["plan"]["name"], commitment["name"]]


def _csv(path: Path, header: list[str], rows: list[Any]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
