"""The report's pictures, as SVG to inline in the page: the oversight map, laid out by
Graphviz, and the shared-members heatmap."""

from __future__ import annotations

import os
import re
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from html import escape
from typing import Any

import graphviz

from report.kinds import KINDS

Row = dict[str, Any]


SVG_DASHES = {"solid": "", "dashed": ' stroke-dasharray="5,2"', "dotted": ' stroke-dasharray="1,5"'}
"""Graphviz's dashes, as its SVG draws them."""


@dataclass(frozen=True)
class LineStyle:
    """How a kind of line is drawn, on the map and in its legend alike."""

    colour: str
    width: float
    dash: str = "solid"
    """solid, dashed or dotted: lines differ by dash as well as colour, for grey print."""

    def graphviz(self) -> dict[str, str]:
        return {"color": self.colour, "penwidth": str(self.width), "style": self.dash}

    def swatch(self) -> str:
        """A short stretch of the line, as SVG, for the legend."""
        return (
            f'<svg xmlns="http://www.w3.org/2000/svg" width="36" height="10" class="swatch">'
            f'<line x1="0" y1="5" x2="36" y2="5" stroke="{self.colour}" '
            f'stroke-width="{self.width}"{SVG_DASHES[self.dash]}/></svg>'
        )


GRAPH_LINES = {
    "REPORTS_TO": ("reports to", LineStyle("#1f4e79", 1.6)),
    "GOVERNS": ("governs", LineStyle("#2e7d32", 2.6)),
    "OWNS": ("owns", LineStyle("#c55a11", 2.0, "dashed")),
    "PART_OF": ("part of", LineStyle("#7f7f7f", 1.6, "dotted")),
}
"""The graph's own lines, by relation type: what the legend calls them and how they look."""

FINDING_LINES = {
    code: LineStyle("#b85450", 2.2, dash)
    for code, dash in zip(
        (code for code, kind in KINDS.items() if kind.map_line),
        ("solid", "dashed", "dotted"),
        strict=True,
    )
}
"""A finding's own lines, red, by kind: one dash for each kind that draws lines (a fourth
such kind needs a fourth dash, and fails here until it has one)."""

NODE_STYLES = {
    "body": {"shape": "box", "style": "rounded,filled", "fillcolor": "#dae8fc"},
    "organisation": {"shape": "box", "style": "filled", "fillcolor": "#e1d5e7"},
    "workstream": {"shape": "ellipse", "style": "filled", "fillcolor": "#f5f5f5"},
    "plan": {"shape": "note", "style": "filled", "fillcolor": "#fff2cc"},
}
"""By the kind of record, which begins its id ("plan/...": the loader checks it)."""
PLAIN = {"shape": "box", "style": "filled", "fillcolor": "#ffffff"}

OVERLAP = {"fillcolor": "#f8cecc", "color": "#b85450", "penwidth": "2.5"}

NODE_POINTS = 12
LEAST_PRINTED_POINTS = 9
"""Names are set at 12 pt and a drawing is shrunk to fit the page; one shrunk so far that
its names would print under 9 pt is drawn another way instead."""

PRINTED_INCHES = (10.5, 5.2)
"""The room for a map on an A4 landscape page (12 mm margins) under its heading and legend."""

LAYOUTS = (("LR", 30), ("LR", 22), ("TB", 14), ("TB", 20))
"""The ways a map is tried, as (Graphviz rankdir, characters a name wraps at): drawn left to
right, a tall stack of wide names packs best; top to bottom, a wide row of narrow ones."""

PAGE_NODES = 30
ONE_PAGE_AT_MOST = 60
"""Findings whose subjects and bodies number more than 60 never print legibly on one page,
so are not laid out to find out (Graphviz can take seconds over a large graph), but split
over pictures of 30 nodes or so: Kirklees's overlaps, 31 nodes, print at 9.2 pt on one page."""


@dataclass(frozen=True)
class Line:
    """A line of the oversight map: one of the graph's (`kind` its relation type) or one a
    finding records (`kind` the finding's code)."""

    source: Row
    target: Row
    kind: str

    @property
    def style(self) -> LineStyle:
        return GRAPH_LINES[self.kind][1] if self.kind in GRAPH_LINES else FINDING_LINES[self.kind]


@dataclass(frozen=True)
class OversightMap:
    """The map's pictures (SVG) and its legend: (swatch SVG, what the line means)."""

    pictures: list[str]
    legend: list[tuple[str, str]]


def oversight_map(edges: list[Row], findings: list[Row]) -> OversightMap:
    """The oversight map of what the overlap findings are about, as large as an A4
    landscape page prints legibly.

    It draws each finding's subject and bodies, the lines between them and, where no line
    of the graph joins a body to its finding's subject, the finding's own line (a plan
    reported to nine bodies shows nine lines). The graph's other lines out of those nodes
    show too when the page has room. When even the findings' own nodes are too many for
    one page, the findings are split over several pictures, each finding whole and those
    that share a body kept together where they fit. The rest of the graph is left out: at
    national scale it would print as a grey smudge."""
    if not findings:
        return OversightMap([], [])
    focus = set().union(*map(_ends, findings))
    joined = {frozenset((e["source"]["id"], e["target"]["id"])) for e in edges}
    graph_lines = [Line(e["source"], e["target"], e["type"]) for e in edges]
    touching = [line for line in graph_lines if {line.source["id"], line.target["id"]} & focus]
    dot = _Dot({finding["subject"]["id"] for finding in findings})
    said = _said(findings, joined)
    if len(focus) <= ONE_PAGE_AT_MOST:
        for lines in (_unique([*touching, *said]), _unique([*_within(touching, focus), *said])):
            picture = _legible(_layouts([lines], dot)[0])
            if picture is not None:
                return OversightMap([picture], _legend(lines))
    drawn = _fitted(_parts(findings), _within(touching, focus), joined, dot)
    return OversightMap(
        [svg for svg, _ in drawn], _legend([line for _, lines in drawn for line in lines])
    )


def _fitted(
    parts: list[list[Row]],
    graph_lines: list[Line],
    joined: set[frozenset[str]],
    dot: _Dot,
) -> list[tuple[str, list[Line]]]:
    """Each part's findings drawn in one picture, or halved until each half prints legibly
    (a single finding too large for a page is drawn as small as it must be); each picture
    with the lines it draws, in the order of the parts and their halves."""
    pending: list[tuple[tuple[int, ...], list[Row]]] = [
        ((number,), part) for number, part in enumerate(parts)
    ]
    pictures: dict[tuple[int, ...], tuple[str, list[Line]]] = {}
    while pending:
        line_sets = [
            _unique([*_within(graph_lines, set().union(*map(_ends, part))), *_said(part, joined)])
            for _, part in pending
        ]
        halves: list[tuple[tuple[int, ...], list[Row]]] = []
        for (place, part), lines, tried in zip(
            pending, line_sets, _layouts(line_sets, dot), strict=True
        ):
            alone = tried[0][1] if len(part) == 1 else None  # too large: drawn as it must be
            picture = _legible(tried) or alone
            if picture is not None:
                pictures[place] = (picture, lines)
            else:
                half = len(part) // 2
                halves += [((*place, 0), part[:half]), ((*place, 1), part[half:])]
        pending = halves
    return [pictures[place] for place in sorted(pictures)]


def _ends(finding: Row) -> set[str]:
    """The ids of a finding's subject and bodies."""
    return {row["id"] for row in (finding["subject"], *finding["bodies"])}


def _within(lines: list[Line], nodes: set[str]) -> list[Line]:
    return [line for line in lines if {line.source["id"], line.target["id"]} <= nodes]


def _said(findings: list[Row], joined: set[frozenset[str]]) -> list[Line]:
    """The findings' own lines, from each body to the subject, where the graph draws none."""
    return [
        Line(body, finding["subject"], finding["kind"])
        for finding in findings
        if finding["kind"] in FINDING_LINES
        for body in finding["bodies"]
        if frozenset((body["id"], finding["subject"]["id"])) not in joined
    ]


def _parts(findings: list[Row]) -> list[list[Row]]:
    """The findings in as few pictures as keep each to PAGE_NODES nodes (a finding with more
    has one to itself), those that share a node next to each other."""
    pictures: list[list[Row]] = []
    nodes: set[str] = set()
    for finding in _clustered(findings):
        if pictures and len(nodes | _ends(finding)) <= PAGE_NODES:
            pictures[-1].append(finding)
            nodes |= _ends(finding)
        else:
            pictures.append([finding])
            nodes = _ends(finding)
    return pictures


def _clustered(findings: list[Row]) -> list[Row]:
    """The findings ordered so that those linked through shared nodes come together, the
    largest such cluster first."""
    cluster = list(range(len(findings)))

    def root(number: int) -> int:
        while cluster[number] != number:
            number = cluster[number] = cluster[cluster[number]]
        return number

    first_with: dict[str, int] = {}
    for number, finding in enumerate(findings):
        for node in _ends(finding):
            cluster[root(number)] = root(first_with.setdefault(node, number))
    sizes = Counter(root(number) for number in range(len(findings)))
    order = sorted(range(len(findings)), key=lambda n: (-sizes[root(n)], root(n), n))
    return [findings[number] for number in order]


def _legend(lines: list[Line]) -> list[tuple[str, str]]:
    """What each kind of line drawn means, the graph's lines first."""
    kinds = {line.kind for line in lines}
    graph = [(style.swatch(), name) for kind, (name, style) in GRAPH_LINES.items() if kind in kinds]
    said = [
        (style.swatch(), f"{KINDS[code].map_line} ({KINDS[code].label.lower()})")
        for code, style in FINDING_LINES.items()
        if code in kinds
    ]
    return graph + said


def _layouts(line_sets: list[list[Line]], dot: _Dot) -> list[list[tuple[float, str]]]:
    """Each set of lines drawn in the LAYOUTS in turn, until one fits the page unshrunk
    (as large as any can be, so the others are not tried: a national review draws hundreds
    of maps); for each set, every drawing tried, as (scale, SVG)."""
    tried: list[list[tuple[float, str]]] = [[] for _ in line_sets]
    for rankdir, wrap in LAYOUTS:
        pending = [n for n, drawings in enumerate(tried) if not drawings or drawings[-1][0] < 1.0]
        sources = [dot.source(line_sets[n], rankdir, wrap) for n in pending]
        for n, drawing in zip(pending, _drawn(sources), strict=True):
            tried[n].append(drawing)
    return tried


def _legible(tried: list[tuple[float, str]]) -> str | None:
    """The drawing that prints largest, when its names print at 9 pt or more; else None."""
    scale, svg = max(tried, key=lambda drawn: drawn[0])
    worst = scale - 0.005  # Graphviz writes the scale rounded to two places
    return svg if worst * NODE_POINTS >= LEAST_PRINTED_POINTS else None


class _Dot:
    """The map's DOT text, each node's and line's statement written once: a review draws
    the same nodes in several layouts and pictures, and writing DOT (quoting every
    attribute) takes longer than Graphviz takes to lay a small map out."""

    def __init__(self, subjects: set[str]) -> None:
        self.subjects = subjects
        self._statements: dict[tuple[str, ...], str] = {}

    def source(self, lines: list[Line], rankdir: str, wrap: int) -> str:
        """The lines as a Graphviz graph, sized to fit the printed page."""
        graph = graphviz.Digraph("oversight")
        width, height = PRINTED_INCHES
        graph.attr(rankdir=rankdir, fontname="Helvetica", nodesep="0.12", ranksep="0.45",
                   size=f"{width},{height}")  # fmt: skip
        graph.attr(
            "node",
            fontname="Helvetica",
            fontsize=str(NODE_POINTS),
            margin="0.08,0.03",
            height="0.3",
            width="0.5",
        )
        seen: set[str] = set()
        for line in lines:
            for end in (line.source, line.target):
                if end["id"] not in seen:
                    seen.add(end["id"])
                    graph.body.append(self._node(end, wrap))
            graph.body.append(self._line(line))
        return str(graph.source)

    def _node(self, end: Row, wrap: int) -> str:
        key = (end["id"], end["name"], str(wrap))
        if key not in self._statements:
            style = dict(NODE_STYLES.get(end["id"].partition("/")[0], PLAIN))
            if end["id"] in self.subjects:
                style.update(OVERLAP)
            written = graphviz.Digraph()
            written.node(end["id"], _wrap(end["name"], wrap), tooltip=end["id"], **style)
            self._statements[key] = written.body[0]
        return self._statements[key]

    def _line(self, line: Line) -> str:
        key = (line.source["id"], line.target["id"], line.kind)
        if key not in self._statements:
            written = graphviz.Digraph()
            written.edge(line.source["id"], line.target["id"], **line.style.graphviz())
            self._statements[key] = written.body[0]
        return self._statements[key]


def _drawn(sources: list[str]) -> list[tuple[float, str]]:
    """The graphs laid out by Graphviz, each with the scale it shrank it by to fit the page
    (1.0 when it fits as it is). Graphviz takes as long to start as to lay out a small
    map, so it is started once for each core, each run laying out a share of the graphs."""
    if not sources:
        return []
    cores = min(os.cpu_count() or 1, len(sources))
    shares = [sources[core::cores] for core in range(cores)]
    with ThreadPoolExecutor(max_workers=cores) as pool:
        laid_out = list(pool.map(_laid_out, shares))
    return [laid_out[n % cores][n // cores] for n in range(len(sources))]


_PAGED_ID = re.compile(r'id="page\d+,\d+_')
"""How Graphviz names the group of each graph after the first of one run ("page0,1_graph0"):
taken off, so that a picture is the same whichever run drew it."""


def _laid_out(sources: list[str]) -> list[tuple[float, str]]:
    """One Graphviz run over the graphs, each drawn with its scale."""
    output = graphviz.pipe("dot", "svg", "".join(sources).encode()).decode()
    drawings = []
    for svg in re.split(r"(?=<\?xml )", output)[1:]:
        svg = _PAGED_ID.sub('id="', svg)
        shrunk = re.search(r'class="graph" transform="scale\(([\d.]+)', svg)
        drawings.append(((float(shrunk.group(1)) if shrunk else 1.0), _inline(svg)))
    return drawings


def _unique(lines: list[Line]) -> list[Line]:
    """Each line once, in the order first met (a line can touch two findings)."""
    return list(
        {(line.source["id"], line.target["id"], line.kind): line for line in lines}.values()
    )


def heatmap(bodies: list[str], shared: dict[tuple[str, str], int], cell: int = 34) -> str:
    """A body-by-body grid: how many people hold a seat on both (the diagonal: on the body)."""
    label_width = 12 + 7 * max((len(b) for b in bodies), default=0)
    size = label_width + cell * len(bodies)
    top = max((shared.get((b, b), 0) for b in bodies), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="heatmap" width="{size}" '
        f'height="{size}" viewBox="0 0 {size} {size}" font-family="Helvetica" font-size="11">'
    ]
    for row, first in enumerate(bodies):
        y = label_width + row * cell
        parts.append(
            f'<text x="{label_width - 6}" y="{y + cell / 2 + 4}" text-anchor="end">'
            f"{escape(first)}</text>"
        )
        x = label_width + row * cell + cell / 2
        parts.append(
            f'<text transform="translate({x + 4},{label_width - 6}) rotate(-90)">'
            f"{escape(first)}</text>"
        )
        for column, second in enumerate(bodies):
            count = shared.get((first, second), 0)
            shade = 0.08 + 0.92 * count / top if count else 0.0
            parts.append(
                f'<rect x="{label_width + column * cell}" y="{y}" width="{cell - 2}" '
                f'height="{cell - 2}" fill="#b85450" fill-opacity="{shade:.2f}" '
                f'stroke="#cccccc"><title>{escape(first)} and {escape(second)}: '
                f"{count}</title></rect>"
            )
            if count:
                parts.append(
                    f'<text x="{label_width + column * cell + cell / 2 - 1}" '
                    f'y="{y + cell / 2 + 4}" text-anchor="middle">{count}</text>'
                )
    parts.append("</svg>")
    return "".join(parts)


def _wrap(name: str, width: int) -> str:
    words, lines, line = name.split(), [], ""
    for word in words:
        if line and len(line) + len(word) + 1 > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "\n".join(lines)


def _inline(svg: str) -> str:
    """Graphviz output without the XML prologue and doctype, ready to sit inside HTML."""
    return re.sub(r"^.*?(?=<svg)", "", svg, flags=re.DOTALL)
