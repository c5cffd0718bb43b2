"""The report's pictures, as SVG to inline in the page: the oversight map, laid out by
Graphviz, and the shared-members heatmap."""

from __future__ import annotations

import re
from html import escape
from typing import Any

import graphviz

Row = dict[str, Any]

EDGE_STYLES = {
    "REPORTS_TO": {"color": "#1f4e79", "penwidth": "1.6", "label": "reports to"},
    "GOVERNS": {"color": "#2e7d32", "penwidth": "2.2", "label": "governs"},
    "OWNS": {"color": "#c55a11", "style": "dashed", "penwidth": "2", "label": "owns"},
    "PART_OF": {"color": "#7f7f7f", "style": "dotted", "label": "part of"},
}

NODE_STYLES = {
    "Body": {"shape": "box", "style": "rounded,filled", "fillcolor": "#dae8fc"},
    "Organisation": {"shape": "box", "style": "filled", "fillcolor": "#e1d5e7"},
    "Workstream": {"shape": "ellipse", "style": "filled", "fillcolor": "#f5f5f5"},
    "Plan": {"shape": "note", "style": "filled", "fillcolor": "#fff2cc"},
}

OVERLAP = {"fillcolor": "#f8cecc", "color": "#b85450", "penwidth": "2.5"}


def oversight_map(edges: list[Row], overlapping: set[str]) -> str:
    """Bodies and organisations with their reporting, governing and owning lines; what the
    overlaps are about is drawn in red."""
    graph = graphviz.Digraph("oversight", format="svg")
    graph.attr(rankdir="LR", fontname="Helvetica", nodesep="0.25", ranksep="0.9")
    graph.attr("node", fontname="Helvetica", fontsize="10")
    graph.attr("edge", fontname="Helvetica", fontsize="8")
    seen: set[str] = set()
    for edge in edges:
        for end in (edge["source"], edge["target"]):
            if end["id"] in seen:
                continue
            seen.add(end["id"])
            style = dict(NODE_STYLES.get(end["label"], {}))
            if end["id"] in overlapping:
                style.update(OVERLAP)
            graph.node(end["id"], _wrap(end["name"]), tooltip=end["id"], **style)
        graph.edge(edge["source"]["id"], edge["target"]["id"], **EDGE_STYLES[edge["type"]])
    return _inline(graph.pipe(encoding="utf-8"))


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


def _wrap(name: str, width: int = 24) -> str:
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
