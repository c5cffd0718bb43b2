"""Synthetic data shaped like Kirklees, for measuring at national scale.

`synthesize` writes a canonical dataset: per partnership, a community safety partnership
with its executive, safeguarding boards and task groups, reporting lines, people holding
roles over the years (with turnover, and some on several bodies), organisations, a plan a
year with themes and commitments (due dates, RAG, leads), strategies, quarterly meetings
with attendance, and the same deliberate overlaps and gaps the Kirklees documents show.
Every record cites a line of a generated document, so the data validates like real data.
The same arguments always give the same dataset.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

AREAS = (
    "Domestic Abuse", "Prevent", "Hate Crime", "Road Safety", "Modern Slavery",
    "Serious Violence", "Child Sexual Exploitation", "Female Genital Mutilation",
)  # fmt: skip
MONTHS = ("March", "June", "September", "December")
PEOPLE = 30
SEATS = 14
ACTIONS = 16

Record = dict[str, Any]
DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


@dataclass
class Document:
    """A generated source: every fact gets a line, and cites it."""

    id: str
    lines: list[str] = field(default_factory=list)

    def cite(self, text: str) -> list[Record]:
        self.lines.append(text)
        return [{"document": self.id, "lines": str(len(self.lines)), "quote": text}]


def synthesize_regions(
    out: Path, partnerships: int, years: int, regions: int, seed: int = 1
) -> list[Path]:
    """Write the partnerships as `regions` datasets, one directory each, as a national
    picture is published area by area; each loads as a transaction of its own. The data is
    the same as one dataset's: partnership n is generated from (seed, n) wherever it falls."""
    size = -(-partnerships // regions)
    written = []
    for region in range(regions):
        first = region * size
        count = min(size, partnerships - first)
        if count > 0:
            path = out / f"region-{region:02d}"
            synthesize(path, count, years, seed, first=first, name=f"synthetic-{region:02d}")
            written.append(path)
    return written


def synthesize(
    out: Path,
    partnerships: int,
    years: int,
    seed: int = 1,
    *,
    first: int = 0,
    name: str = "synthetic",
) -> int:
    """Write the dataset to `out`, partnerships numbered from `first`; return how many
    records it holds."""
    (out / "documents").mkdir(parents=True, exist_ok=True)
    (out / "dataset.yaml").write_text(
        f"dataset: {{name: {name}, title: '{partnerships} synthetic partnerships over "
        f"{years} years'}}\n",
        encoding="utf-8",
    )
    records = 0
    documents = []
    for number in range(first, first + partnerships):
        rng = random.Random(f"{seed}/{number}")
        document = Document(f"document/p{number:05d}")
        sections = _partnership(number, years, rng, document)
        records += sum(len(items) for items in sections.values())
        path = out / f"p{number:05d}.yaml"
        path.write_text(
            yaml.dump(sections, Dumper=DUMPER, sort_keys=False, width=200), encoding="utf-8"
        )
        text = "\n".join(document.lines) + "\n"
        (out / "documents" / f"p{number:05d}.txt").write_text(text, encoding="utf-8")
        documents.append(
            {"id": document.id, "title": f"Synthetic papers of partnership {number}",
             "file": f"p{number:05d}.txt"}
        )  # fmt: skip
    (out / "documents.yaml").write_text(
        yaml.safe_dump({"documents": documents}, sort_keys=False), encoding="utf-8"
    )
    return records + len(documents)


def _partnership(number: int, years: int, rng: random.Random, doc: Document) -> dict[str, Any]:
    p = f"p{number:05d}"
    place = f"District {number}"
    s: dict[str, list[Record]] = {
        key: []
        for key in ("organisations", "people", "bodies", "workstreams", "plans", "themes",
                    "commitments", "indicators", "meetings", "roles", "relations")
    }  # fmt: skip

    def relation(kind: str, source: str, target: str, text: str) -> None:
        s["relations"].append(
            {"type": kind, "from": source, "to": target, "sources": doc.cite(text)}
        )

    for kind, name in (("council", "Council"), ("police", "Police"), ("health", "Health Trust")):
        s["organisations"].append(
            {"id": f"organisation/{p}-{kind}", "name": f"{place} {name}", "kind": kind,
             "sources": doc.cite(f"{place} {name} is a statutory partner.")}
        )  # fmt: skip
    bodies = {
        "csp": ("Community Safety Partnership", "partnership"),
        "exec": ("Partnership Executive", "executive"),
        "adults": ("Adults Safeguarding Board", "board"),
        "children": ("Children's Safeguarding Board", "board"),
    }
    for key, (name, kind) in bodies.items():
        s["bodies"].append(
            {"id": f"body/{p}-{key}", "name": f"{place} {name}", "kind": kind,
             "organisation": f"organisation/{p}-council",
             "sources": doc.cite(f"The {place} {name} meets quarterly.")}
        )  # fmt: skip
    relation("PART_OF", f"body/{p}-exec", f"body/{p}-csp", "The Executive leads the partnership.")
    relation("REPORTS_TO", f"body/{p}-exec", f"organisation/{p}-council", "Reports to Council.")

    strategies = []
    for index, area in enumerate(AREAS):
        slug = area.lower().replace(" ", "-")
        work = f"workstream/{p}-{slug}"
        s["workstreams"].append(
            {"id": work, "name": f"{area} in {place}", "sources": doc.cite(f"{area} is a theme.")}
        )
        governor = f"body/{p}-children" if index >= 6 else f"body/{p}-csp"
        relation("GOVERNS", governor, work, f"{area} (Under {governor[-8:]} governance)")
        gap = (number + index) % 5
        if gap != 0:  # a group delivers most areas
            group = f"body/{p}-{slug}-group"
            s["bodies"].append(
                {"id": group, "name": f"{place} {area} Group", "kind": "task group",
                 "sources": doc.cite(f"A {area} group is in place and meets quarterly.")}
            )  # fmt: skip
            relation("DELIVERS", group, work, f"The {area} group delivers the work.")
            relation("REPORTS_TO", group, f"body/{p}-exec", f"The {area} group reports up.")
        if gap != 1:  # most areas have a strategy; the Domestic Abuse one is owned elsewhere
            strategy = f"plan/{p}-{slug}-strategy"
            strategies.append(strategy)
            s["plans"].append(
                {"id": strategy, "name": f"{place} {area} Strategy", "kind": "strategy",
                 "period_from": f"{2015 + years // 2}-04-01",
                 "sources": doc.cite(f"A {area} strategy is in place.")}
            )  # fmt: skip
            relation("ADDRESSES", strategy, work, f"The strategy covers {area}.")
            owner = f"body/{p}-adults" if index == 0 else governor
            relation("OWNS", owner, strategy, f"The {area} strategy is owned by {owner}.")
        if gap != 2:  # and most have indicators
            indicator = f"indicator/{p}-{slug}"
            s["indicators"].append(
                {"id": indicator, "name": f"{area} incidents in {place}",
                 "sources": doc.cite(f"Performance: {area} incidents are counted.")}
            )  # fmt: skip
            relation("MEASURED_BY", work, indicator, f"{area} is measured.")
    for reader in ("exec", "adults", "children"):  # the same strategy reported three ways
        if strategies:
            relation("RECEIVES_REPORTS", f"body/{p}-{reader}", strategies[0], "Progress reported.")

    for n in range(PEOPLE):
        s["people"].append(
            {"id": f"person/{p}-{n}", "name": f"Person {number}-{n}",
             "honorific": "Councillor" if n < 4 else None,
             "organisation": f"organisation/{p}-{('council', 'police', 'health')[n % 3]}",
             "sources": doc.cite(f"Person {number}-{n} is a partnership officer.")}
        )  # fmt: skip
    for n in range(3):  # a few sit on the safeguarding board as well
        s["roles"].append(
            {"person": f"person/{p}-{n}", "kind": "member", "body": f"body/{p}-adults",
             "listed_on": "2015-04-01", "sources": doc.cite(f"Person {number}-{n} is a member.")}
        )  # fmt: skip

    for offset in range(years):
        _year(s, p, number, place, 2015 + offset, offset, rng, doc, relation)
    return {key: items for key, items in s.items() if items}


def _year(
    s: dict[str, list[Record]], p: str, number: int, place: str, year: int, offset: int,
    rng: random.Random, doc: Document, relation: Any,
) -> None:  # fmt: skip
    plan = f"plan/{p}-{year}"
    s["plans"].append(
        {"id": plan, "name": f"{place} Partnership Plan {year}", "kind": "plan",
         "period_from": f"{year}-04-01", "period_to": f"{year + 1}-03-31",
         "sources": doc.cite(f"The Partnership Plan {year}-{year + 1} was agreed.")}
    )  # fmt: skip
    relation("OWNS", f"body/{p}-csp", plan, "The partnership owns its plan.")
    themes = [f"theme/{p}-{year}-{t}" for t in range(3)]
    for t, theme in enumerate(themes):
        s["themes"].append(
            {"id": theme, "name": f"Theme {t + 1} of {year}", "plan": plan,
             "sources": doc.cite(f"Theme {t + 1}: {AREAS[t]} and related work.")}
        )  # fmt: skip
    for a in range(ACTIONS):
        area = AREAS[(a + offset) % len(AREAS)]
        month = MONTHS[a % 4]
        due_year = year + (1 if month == "March" else 0)
        commitment = f"commitment/{p}-{year}-{a}"
        s["commitments"].append(
            {"id": commitment, "name": f"Deliver action {a + 1} on {area} for {year}",
             "kind": "action",
             "ref": str(a + 1), "plan": plan, "theme": themes[a % 3],
             "due": f"{month} {due_year}", "rag": rng.choice(("red", "amber", "green")),
             "sources": doc.cite(f"{a + 1}. Deliver action on {area}, due {month} {due_year}.")}
        )  # fmt: skip
        if a % 7 != 6:  # some actions have no lead: a gap
            relation("LEADS", f"body/{p}-exec", commitment, f"Lead: the Executive ({a + 1}).")
    first = (2 * offset) % PEOPLE  # the membership turns over a little each year
    members = [(first + k) % PEOPLE for k in range(SEATS)]
    listed = f"{year}-04-01"
    for rank, n in enumerate(members):
        kind = "chair" if rank == 0 else "member"
        s["roles"].append(
            {"person": f"person/{p}-{n}", "kind": kind, "body": f"body/{p}-exec",
             "listed_on": listed,
             "sources": doc.cite(f"Executive members {year}: Person {number}-{n} ({kind}).")}
        )  # fmt: skip
    for quarter, calendar_month in enumerate((6, 9, 12, 3)):
        date = f"{year + (calendar_month == 3)}-{calendar_month:02d}-15"
        meeting = f"meeting/{p}-{year}-q{quarter + 1}"
        s["meetings"].append(
            {"id": meeting, "name": f"{place} Executive, {date}", "body": f"body/{p}-exec",
             "date": date, "sources": doc.cite(f"Minutes of the Executive held on {date}.")}
        )  # fmt: skip
        for n in members:
            kind = "apology" if rng.random() < 0.15 else "attendee"
            s["roles"].append(
                {"person": f"person/{p}-{n}", "kind": kind, "meeting": meeting,
                 "sources": doc.cite(f"{date}: Person {number}-{n}, {kind}.")}
            )  # fmt: skip
