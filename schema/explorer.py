"""The GraphQL explorer: GraphiQL served by the app itself from the npm packages installed at
setup (no CDN, so it works on closed networks), opening with one example tab for each
accountability question."""

from __future__ import annotations

import html
import json
import os
import re
from pathlib import Path

from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, PlainTextResponse, Response

PACKAGES = Path(
    os.environ.get(
        "GOVGRAPH_EXPLORER_ASSETS",
        Path(__file__).resolve().parent.parent / "explorer" / "node_modules",
    )
)

ASSETS = {
    "react.js": "react/umd/react.production.min.js",
    "react-dom.js": "react-dom/umd/react-dom.production.min.js",
    "graphiql.js": "graphiql/graphiql.min.js",
    "graphiql.css": "graphiql/graphiql.min.css",
}
"""The npm files served under /explorer/ (with OWN_ASSETS, the only files served there): a
fixed map, so no request names a path."""

EXAMPLES = {
    "Which board oversees a workstream?": """
# Who governs Domestic Abuse, who owns its strategy, which group delivers it,
# and the chain of accountability above, with the sources that say so.
{
  workstream(name: "Domestic Abuse") {
    name
    governedBy { name }
    strategyOwners { name }
    groups { name }
    oversightChain { name }
    plans { name kind }
    indicators { name }
    relations(types: [GOVERNS, OWNS, DELIVERS]) {
      type qualifier from { name } to { name }
      sources { document { title } lines quote }
    }
  }
}""",
    "Who is accountable for an action?": """
# Ownership works for any entity: who owns, governs and leads it, and the chain above.
{
  ownership(id: "commitment/da-action-4") {
    subject { name ... on Commitment { ref dueText rag } }
    owners { name }
    governors { name }
    leads { name }
    oversightChain { name }
    sources { document { title } lines quote }
  }
}""",
    "Where do two boards govern the same thing?": """
{
  governanceOverlaps {
    kind
    subject { name }
    bodies { name }
    explanation
    sources { document { title } lines quote }
  }
}""",
    "Where does nothing govern it?": """
{
  governanceGaps {
    kind
    subject { name }
    bodies { name }
    explanation
    sources { lines quote }
  }
}""",
    "Who sits on several boards?": """
{
  sharedMembers(minBodies: 2, asOf: "2016-03-01") {
    name
    honorific
    roles(asOf: "2016-03-01", kinds: [CHAIR, DEPUTY_CHAIR, MEMBER]) {
      kind title body { name } from sources { lines quote }
    }
  }
}""",
    "What is overdue?": """
{
  overdue(asOf: "2016-03-18") {
    ref name dueText dueBy rag
    plan { name }
    leads { name }
    portfolioHolders { name }
  }
}""",
    "A long list, a page at a time": """
# Any long list a page at a time, with its total: pass the page's endCursor as `after`.
{
  governanceGapsPage(first: 5, area: "kirklees") {
    totalCount
    pageInfo { endCursor hasNextPage }
    nodes { kind subject { name } explanation }
  }
}""",
    "Who attended a meeting?": """
{
  node(id: "meeting/csp-executive-2015-12-10") {
    name
    ... on Meeting {
      date
      body { name }
      attendees { name honorific }
      apologies { name honorific }
      actionsAgreed { ref name leads { name } }
    }
  }
}""",
    "What does a board report to?": """
{
  body(name: "Domestic Abuse Partnership Board") {
    name kind
    reportsTo { name }
    oversightChain { name }
    subgroups { name }
    leads { ref name dueText }
  }
}""",
}

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>govgraph explorer</title>
<link rel="stylesheet" href="/explorer/graphiql.css">
<link rel="stylesheet" href="/explorer/explorer.css">
</head>
<body>
<div id="graphiql" data-tabs="{tabs}">Loading the explorer…</div>
<script src="/explorer/react.js"></script>
<script src="/explorer/react-dom.js"></script>
<script src="/explorer/graphiql.js"></script>
<script src="/explorer/explorer.js"></script>
</body>
</html>
"""
"""No inline script or style: the Content-Security-Policy lets pages run only files the app
serves. The example tabs travel as JSON in an attribute, read by explorer.js."""

OWN_ASSETS = {
    "explorer.css": (
        "text/css",
        "body { margin: 0; height: 100vh; }\n#graphiql { height: 100vh; }\n",
    ),
    "explorer.js": (
        "text/javascript",
        """const root = document.getElementById("graphiql");
const fetcher = GraphiQL.createFetcher({ url: window.location.pathname });
ReactDOM.createRoot(root).render(
  React.createElement(GraphiQL, {
    fetcher,
    defaultTabs: JSON.parse(root.dataset.tabs),
    defaultEditorToolsVisibility: true,
  })
);
""",
    ),
}
"""The explorer's own style and start-up script, as (media type, text)."""
CACHED = {"Cache-Control": "public, max-age=86400"}


def page() -> Response:
    missing = [name for name, path in ASSETS.items() if not (PACKAGES / path).is_file()]
    if missing:
        return PlainTextResponse(
            f"explorer assets not installed ({', '.join(missing)}); run `make setup`\n",
            status_code=503,
        )
    tabs = [{"query": _named(title, query)} for title, query in EXAMPLES.items()]
    return HTMLResponse(PAGE.format(tabs=html.escape(json.dumps(tabs), quote=True)))


def _named(title: str, query: str) -> str:
    """The example as a named operation, so the explorer's tab shows what it asks."""
    operation = "".join(word.capitalize() for word in re.findall(r"[A-Za-z]+", title))
    body = re.sub(r"^\{", f"query {operation} {{", query.strip(), count=1, flags=re.MULTILINE)
    return f"# {title}\n{body}\n"


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name in OWN_ASSETS:
        media_type, text = OWN_ASSETS[name]
        return Response(text, media_type=media_type, headers=CACHED)
    path = ASSETS.get(name)
    if path is None or not (PACKAGES / path).is_file():
        return PlainTextResponse("not found\n", status_code=404)
    return FileResponse(PACKAGES / path, headers=CACHED)
