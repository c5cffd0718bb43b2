"""Kirklees council outcome pages as a plan with its priorities, actions and deliverables.

The pages share one layout: a heading; "What we're aiming to achieve" bullets; "Priorities
for action", numbered, each with Action, Deliverable(s) (a "Timescale:" under each) and
Portfolio holder cells; and "Tracking our progress" bullets. Deliverables may nest: a lead
bullet ("... by:") whose sub-bullets carry the timescales.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from loaders.extract import Collector, Lines, Records, fold, opening, slugify

_AIMS = re.compile(r"what we['’]re aiming to achieve", re.I)
_PRIORITIES = re.compile(r"priorities for action", re.I)
_TRACKING = re.compile(r"tracking our progress", re.I)
_PRIORITY = re.compile(r"^(\d{1,2})\.\s+(\S.*?)\s*$")
_ACTION = re.compile(r"actions?", re.I)
_DELIVERABLES = re.compile(r"deliverables?(?:\s*\(s\))?", re.I)
_PORTFOLIO = re.compile(r"portfolio holders?", re.I)
_CELLS = (_ACTION, _DELIVERABLES, _PORTFOLIO)
_BULLET = re.compile(r"^(\s*)[•◦▪*-]\s+(\S.*?)\s*$")
_TIMESCALE = re.compile(r"^\s*timescales?\s*:\s*(.*?)\.?\s*$", re.I)
_COUNCILLOR = re.compile(r"^(Councillor|Cllr\.?)\s+(\S.*)$")
_NAME_SEPARATOR = re.compile(r"\s*(?:,|\band\b|&)\s*")
# Tracking bullets that speak to the reader ("We will ...", "get involved at: ...") or run
# long are narrative, not the names of measures.
_NARRATIVE = re.compile(r"\b(?:we|our|us|you|your)\b|:", re.I)
_MEASURE_WORDS = 15
# The introduction is the first sentence-like line under the heading, not an image caption.
_DESCRIPTION_WORDS = 8
_PLAN_SLUG_LENGTH = 48


@dataclass(eq=False)
class _Bullet:
    """A bullet with its wrapped lines, its parent bullet and its timescale line, if any."""

    indent: int
    first: int
    last: int
    text: str
    parent: _Bullet | None
    timescale: tuple[int, str] | None = None


def _find(lines: Lines, pattern: re.Pattern[str], start: int = 1) -> int | None:
    for number in range(start, len(lines) + 1):
        if pattern.fullmatch(lines[number].strip()):
            return number
    return None


def _bullets(lines: Lines, numbers: Sequence[int]) -> list[_Bullet]:
    """Bullets in document order; unbulleted text continues the bullet above it."""
    found: list[_Bullet] = []
    for number in numbers:
        text = lines[number]
        if not text.strip():
            continue
        if timescale := _TIMESCALE.match(text):
            if found:
                found[-1].timescale = (number, timescale[1])
            continue
        bullet = _BULLET.match(text)
        if bullet is None and found:
            found[-1].text = fold(f"{found[-1].text} {text}")
            found[-1].last = number
            continue
        indent = len(bullet[1]) if bullet else 0
        parent = found[-1] if found else None
        while parent is not None and parent.indent >= indent:
            parent = parent.parent
        found.append(_Bullet(indent, number, number, bullet[2] if bullet else fold(text), parent))
    return found


def _bullet_block(lines: Lines, header: int) -> list[int]:
    """Line numbers of the bulleted list under a header, up to the next unindented text."""
    numbers: list[int] = []
    for number in range(header + 1, len(lines) + 1):
        text = lines[number]
        if text.strip() and not text[0].isspace() and not _BULLET.match(text):
            break
        numbers.append(number)
    return numbers


def _name(text: str) -> str:
    """A record name from printed text: folded, without closing punctuation."""
    return fold(text).rstrip(".:;")


def _cells(lines: Lines, first: int, last: int) -> dict[re.Pattern[str], list[int]]:
    """Each cell (Action, Deliverable(s), Portfolio holder): its header line, then its lines."""
    cells: dict[re.Pattern[str], list[int]] = {}
    current: list[int] | None = None
    for number in range(first, last + 1):
        header = next((cell for cell in _CELLS if cell.fullmatch(lines[number].strip())), None)
        if header is not None:
            current = cells.setdefault(header, [number])
        elif current is not None:
            current.append(number)
    return cells


def _paragraph(lines: Lines, numbers: Sequence[int]) -> list[int]:
    """The first run of non-blank lines."""
    run: list[int] = []
    for number in numbers:
        if lines[number].strip():
            run.append(number)
        elif run:
            break
    return run


class _Page:
    """One page's extraction: the page plan's slug and the records gathered so far."""

    def __init__(self, lines: Lines, heading: int) -> None:
        self.lines = lines
        self.slug = slugify(lines[heading], _PLAN_SLUG_LENGTH)
        self.plan = f"plan/{self.slug}"
        self.out = Collector()

    def add_plan(self, heading: int, intro_end: int) -> None:
        sources = [self.lines.source(heading)]
        description = None
        for number in range(heading + 1, intro_end):
            text = fold(self.lines[number])
            if text.endswith(".") and len(text.split()) >= _DESCRIPTION_WORDS:
                description = text
                sources.append(self.lines.source(number, quote=opening(text)))
                break
        self.out.entity(
            "plans",
            {
                "id": self.plan,
                "name": fold(self.lines[heading]),
                "kind": "outcome",
                "description": description,
                "sources": sources,
            },
        )

    def add_aims(self, header: int) -> None:
        for index, aim in enumerate(_bullets(self.lines, _bullet_block(self.lines, header)), 1):
            self.out.entity(
                "commitments",
                {
                    "id": f"commitment/{self.slug}-aim-{index}",
                    "name": _name(aim.text),
                    "kind": "objective",
                    "plan": self.plan,
                    "sources": [self.lines.source(aim.first, aim.last, opening(aim.text))],
                },
            )

    def add_priority(self, heading: int, last: int) -> None:
        match = _PRIORITY.match(self.lines[heading])
        assert match is not None
        ref, priority = match[1], f"commitment/{self.slug}-priority-{match[1]}"
        self.out.entity(
            "commitments",
            {
                "id": priority,
                "name": fold(match[2]),
                "kind": "priority",
                "ref": ref,
                "plan": self.plan,
                "sources": [self.lines.source(heading)],
            },
        )
        cells = _cells(self.lines, heading + 1, last)
        parent = self._add_action(priority, cells.get(_ACTION, [])[1:])
        self._add_deliverables(priority, parent, cells.get(_DELIVERABLES, [])[1:])
        if _PORTFOLIO in cells:
            self._add_portfolio_holders(priority, cells[_PORTFOLIO])

    def _add_action(self, priority: str, numbers: Sequence[int]) -> str:
        """The action, whose id parents the deliverables; the priority when there is none."""
        text = [number for number in numbers if self.lines[number].strip()]
        if not text:
            return priority
        action = f"{priority}-action"
        words = self.lines.span(text[0], text[-1])
        self.out.entity(
            "commitments",
            {
                "id": action,
                "name": _name(words),
                "kind": "action",
                "parent": priority,
                "plan": self.plan,
                "sources": [self.lines.source(text[0], text[-1], opening(words))],
            },
        )
        return action

    def _add_deliverables(self, priority: str, action: str, numbers: Sequence[int]) -> None:
        ids: dict[_Bullet, str] = {}
        counts: dict[str, int] = {}
        for bullet in _bullets(self.lines, numbers):
            parent = ids[bullet.parent] if bullet.parent else action
            counts[parent] = counts.get(parent, 0) + 1
            if bullet.parent:
                ref = f"{parent}-{counts[parent]}"
            else:
                ref = f"{priority}-deliverable-{counts[parent]}"
            ids[bullet] = ref
            sources = [self.lines.source(bullet.first, bullet.last, opening(bullet.text))]
            due = None
            if bullet.timescale:
                number, due = bullet.timescale
                sources.append(self.lines.source(number))
            self.out.entity(
                "commitments",
                {
                    "id": ref,
                    "name": _name(bullet.text),
                    "kind": "deliverable",
                    "parent": parent,
                    "plan": self.plan,
                    "due": due or None,
                    "sources": sources,
                },
            )

    def _add_portfolio_holders(self, priority: str, cell: Sequence[int]) -> None:
        """People named under "Portfolio holder"; the relation quotes the header with them."""
        header = cell[0]
        for number in _paragraph(self.lines, cell[1:]):
            for printed in _NAME_SEPARATOR.split(self.lines[number].strip()):
                if not printed:
                    continue
                councillor = _COUNCILLOR.match(printed)
                name = councillor[2] if councillor else printed
                person = self.out.entity(
                    "people",
                    {
                        "id": f"person/{slugify(name)}",
                        "name": name,
                        "honorific": "Councillor" if councillor else None,
                        "sources": [self.lines.source(number, quote=printed)],
                    },
                )
                self.out.add(
                    "relations",
                    {
                        "type": "PORTFOLIO_HOLDER_FOR",
                        "from": person,
                        "to": priority,
                        "sources": [self.lines.source(header, number)],
                    },
                )

    def add_measures(self, header: int) -> None:
        """Tracking bullets that name a measure; narrative ("We will work ...") is skipped."""
        for bullet in _bullets(self.lines, _bullet_block(self.lines, header)):
            if len(bullet.text.split()) > _MEASURE_WORDS or _NARRATIVE.search(bullet.text):
                continue
            name = _name(bullet.text)
            source = self.lines.source(bullet.first, bullet.last, bullet.text)
            indicator = self.out.entity(
                "indicators",
                {"id": f"indicator/{slugify(name)}", "name": name, "sources": [source]},
            )
            self.out.add(
                "relations",
                {"type": "MEASURED_BY", "from": self.plan, "to": indicator, "sources": [source]},
            )


def extract_council_page(path: Path, document_id: str) -> Records:
    """Canonical records for one outcome page, each citing the lines it comes from."""
    lines = Lines.read(path, document_id)
    heading = next((n for n in range(1, len(lines) + 1) if lines[n].strip()), None)
    if heading is None:
        raise ValueError(f"{path}: empty page")
    aims = _find(lines, _AIMS, heading + 1)
    priorities = _find(lines, _PRIORITIES, heading + 1)
    tracking = _find(lines, _TRACKING, (priorities or heading) + 1)
    page = _Page(lines, heading)
    page.add_plan(heading, aims or priorities or tracking or len(lines) + 1)
    if aims:
        page.add_aims(aims)
    if priorities:
        end = (tracking or len(lines) + 1) - 1
        headings = [n for n in range(priorities + 1, end + 1) if _PRIORITY.match(lines[n])]
        for heading_line, next_heading in zip(headings, [*headings[1:], end + 1], strict=True):
            page.add_priority(heading_line, next_heading - 1)
    if tracking:
        page.add_measures(tracking)
    return page.out.records()
