"""Write the review: one self-contained index.html (pictures inline, sources in an appendix
the rows link to, a print stylesheet for A4) and one CSV per table."""

from __future__ import annotations

import csv
import datetime
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path
from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from loaders.files import replacing_files
from loaders.work import WORK_RULE
from queries.findings import GAPS_CHECKED, OVERLAPS_CHECKED
from report.collect import Review
from report.duplication import THRESHOLD, Pair, handled_by_several, near_duplicates
from report.kinds import KINDS, Kind, Severity
from report.pictures import OversightMap, heatmap, oversight_map

Row = dict[str, Any]

NO_ONE = "(none recorded)"

TOP_FINDINGS = 6
TOP_OF_A_KIND = 2
"""The executive summary leads with six findings, at most two of any one kind, so that a
long list of one kind does not crowd the others off the page."""


@dataclass(frozen=True)
class KindFound:
    """One kind of finding with what the review found of it, and what finding none shows."""

    kind: Kind
    findings: list[Row]
    checked: str
    section: int
    """The review's section that lists them: 3 for overlaps, 4 for gaps."""


SHOWN_PAIRS = 200
"""Near-duplicate pairs the page shows, the most alike first: a prompt for a board to check,
not a register. A region's plans written to one template pair by the thousand (5,400 for
one synthetic area of 10,000 records), which no reader goes through and which made the page
megabytes long; near_duplicates.csv keeps every pair."""


@dataclass(frozen=True)
class Leading:
    """A kind of finding the executive summary leads with, and which of its findings."""

    found: KindFound
    shown: list[Row]


@dataclass(frozen=True)
class Page:
    """What the template needs, worked out from the review."""

    review: Review
    overlap_kinds: list[KindFound]
    gap_kinds: list[KindFound]
    top: list[Leading]
    several: list[Row]
    pairs: list[Pair]
    """Every near-duplicate pair, most alike first (the CSV holds them all; the page shows
    the first `SHOWN_PAIRS`)."""
    memberships: list[Row]
    passed_by_lead: dict[str, list[Row]]
    passed_by_portfolio: dict[str, list[Row]]
    oversight: OversightMap
    heatmap_svg: str
    quoted: dict[str, list[tuple[str, str]]]
    titles: dict[str, str]
    generated: str

    @property
    def kinds(self) -> list[KindFound]:
        """Every kind checked, overlaps and gaps together, most urgent first."""
        return sorted(
            self.overlap_kinds + self.gap_kinds, key=lambda found: _urgency(found.kind.code)
        )

    @property
    def sizes(self) -> list[str]:
        """How large the graph reviewed is, in words."""
        return [
            f"{self.review.counts.get(label, 0)} {plural}"
            for label, plural in (("Body", "bodies"), ("Person", "people"), ("Plan", "plans"),
                                  ("Workstream", "areas of work"), ("Commitment", "commitments"))
        ]  # fmt: skip

    @property
    def found(self) -> int:
        """How many findings there are in all."""
        return sum(len(k.findings) for k in self.kinds)

    @property
    def severities(self) -> list[str]:
        """How many findings are of each severity, in words, the most urgent first."""
        return [
            f"{sum(len(k.findings) for k in self.kinds if k.kind.severity is severity)} of "
            f"{severity.value}"
            for severity in Severity
        ]


def write_report(review: Review, out: Path) -> Path:
    """Write index.html and the CSVs into `out`, all or none of them; return the page's path."""
    page = _page(review)
    environment = Environment(
        loader=PackageLoader("report"), autoescape=select_autoescape(), keep_trailing_newline=True
    )
    environment.filters["anchor"] = anchor
    environment.filters["first_line"] = first_line
    environment.filters["names"] = names
    environment.filters["listed"] = listed
    html = environment.get_template("index.html.j2").render(
        page=page, threshold=THRESHOLD, shown_pairs=SHOWN_PAIRS, work_rule=WORK_RULE
    )
    with replacing_files(out) as staged:
        (staged / "index.html").write_text(html, encoding="utf-8")
        _write_tables(page, staged)
    return out / "index.html"


def _page(review: Review) -> Page:
    overlaps, gaps = _anchored(review.overlaps, "overlap"), _anchored(review.gaps, "gap")
    findings = overlaps + gaps
    memberships = [  # a seat shows with its body; one whose body is hidden is not shown
        {"person": person, "role": role}
        for person in review.shared
        for role in person["roles"]
        if role["body"]
    ]
    several = handled_by_several(review.workstreams)
    pairs = near_duplicates(review.commitments)
    paired = [
        commitment for pair in pairs[:SHOWN_PAIRS] for commitment in (pair.first, pair.second)
    ]
    overlap_kinds = _by_kind(OVERLAPS_CHECKED, overlaps, section=3)
    gap_kinds = _by_kind(GAPS_CHECKED, gaps, section=4)
    return Page(
        review=review,
        overlap_kinds=overlap_kinds,
        gap_kinds=gap_kinds,
        top=_top(overlap_kinds + gap_kinds),
        several=several,
        pairs=pairs,
        memberships=memberships,
        passed_by_lead=_grouped(review.overdue, "leads"),
        passed_by_portfolio=_grouped(review.overdue, "portfolioHolders"),
        oversight=oversight_map(review.edges, review.overlaps),
        heatmap_svg=_heatmap(review.shared),
        quoted=_quoted([findings, several, paired, review.shared, review.overdue]),
        titles={document["id"]: document["title"] for document in review.documents},
        generated=datetime.date.today().isoformat(),
    )


def _anchored(findings: list[Row], prefix: str) -> list[Row]:
    """The findings, each with the id of its row, for the summary to link to."""
    return [{**finding, "anchor": f"{prefix}-{n}"} for n, finding in enumerate(findings, 1)]


def _by_kind(checked: dict[str, str], findings: list[Row], section: int) -> list[KindFound]:
    """Every kind checked, most urgent first, with its findings: a kind with none still
    shows, saying what its absence shows."""
    return sorted(
        (
            KindFound(KINDS[code], [f for f in findings if f["kind"] == code], shows, section)
            for code, shows in checked.items()
        ),
        key=lambda found: _urgency(found.kind.code),
    )


def _urgency(code: str) -> tuple[int, int]:
    """A kind's place in the review: by severity, then as the kinds table lists them."""
    return KINDS[code].severity.rank, list(KINDS).index(code)


def _top(kinds: list[KindFound]) -> list[Leading]:
    """The findings the summary leads with, by kind: the most severe kinds first and, within
    a kind, those that involve the most bodies."""
    top: list[Leading] = []
    room = TOP_FINDINGS
    for found in sorted(kinds, key=lambda found: _urgency(found.kind.code)):
        widest = sorted(found.findings, key=lambda f: -len(f["bodies"]))
        if widest and room:
            top.append(Leading(found, widest[: min(room, TOP_OF_A_KIND)]))
            room -= len(top[-1].shown)
    return top


def _grouped(commitments: list[Row], key: str) -> dict[str, list[Row]]:
    groups: dict[str, list[Row]] = defaultdict(list)
    for commitment in commitments:
        for who in commitment[key] or [{"name": NO_ONE}]:
            groups[who["name"]].append(commitment)
    return dict(sorted(groups.items(), key=lambda item: (item[0] == NO_ONE, item[0])))


def _heatmap(shared: list[Row]) -> str:
    """The body-by-body grid of shared members, or "" when fewer than two pairs of bodies
    share anyone: one pair the table above says as plainly."""
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
    if sum(1 for first, second in counts if first < second) < 2:
        return ""
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


def listed(items: list[str]) -> str:
    """Items as a sentence lists them: "a, b and c"."""
    return " and ".join(filter(None, (", ".join(items[:-1]), *items[-1:])))


def names(items: list[Row] | None) -> str:
    return "; ".join(item["name"] for item in items or []) or NO_ONE


def _sources(row: Row) -> str:
    return " | ".join(
        f"{s['document']['id']} lines {s['lines']}: {s['quote']}" for s in row.get("sources") or []
    )


def _write_tables(page: Page, out: Path) -> None:
    review = page.review
    findings = ["kind", "severity", "label", "subject id", "subject", "bodies", "explanation",
                "sources"]  # fmt: skip
    tables: dict[str, tuple[list[str], Iterable[list[Any]]]] = {
        "summary": (
            ["what", "count"],
            [*([label, count] for label, count in review.counts.items()),
             *sorted([k.kind.code, len(k.findings)] for k in page.kinds)],
        ),
        "overlaps": (findings, (_finding(f) for f in review.overlaps)),
        "gaps": (findings, (_finding(f) for f in review.gaps)),
        "duplication": (
            ["workstream id", "workstream", "bodies", "plans", "sources"],
            ([w["id"], w["name"], names(w["bodies"]), names(w["plans"]), _sources(w)]
             for w in page.several),
        ),
        "near_duplicates": (
            ["similarity", "first id", "first plan", "first", "second id", "second plan",
             "second"],
            ([p.similarity, *_commitment(p.first), *_commitment(p.second)] for p in page.pairs),
        ),
        "shared_members": (
            ["person id", "person", "body", "role", "from", "derived", "sources"],
            ([m["person"]["id"], m["person"]["name"], m["role"]["body"]["name"],
              m["role"]["kind"], m["role"]["from"], m["role"]["derived"], _sources(m["role"])]
             for m in page.memberships),
        ),
        "timescales_passed": (
            ["id", "ref", "commitment", "due", "due by", "rag", "plan", "leads",
             "portfolio holders", "sources"],
            ([c["id"], c["ref"], c["name"], c["dueText"], c["dueBy"], c["rag"],
              (c["plan"] or {}).get("name"), names(c["leads"]), names(c["portfolioHolders"]),
              _sources(c)] for c in review.overdue),
        ),
    }  # fmt: skip
    for name, (header, rows) in tables.items():
        _csv(out / f"{name}.csv", header, rows)


def _finding(finding: Row) -> list[Any]:
    subject, kind = finding["subject"], KINDS[finding["kind"]]
    return [kind.code, kind.severity.value, kind.label, subject["id"], subject["name"],
            names(finding["bodies"]), finding["explanation"], _sources(finding)]  # fmt: skip


def _commitment(commitment: Row) -> list[Any]:
    return [commitment["id"], commitment["plan"]["name"], commitment["name"]]


def _csv(path: Path, header: list[str], rows: Iterable[list[Any]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(header)
        writer.writerows(rows)
