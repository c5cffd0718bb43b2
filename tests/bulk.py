"""A large, valid dataset for tests that need a load to take a while: one board with many
members, each stated on a line of its own member list."""

from __future__ import annotations

from pathlib import Path

import yaml


def write_bulk_dataset(root: Path, members: int, edition: str) -> Path:
    """A board and `members` people with a member role each; `edition` is in every
    person's name, so two editions differ in every person and every role's source."""
    (root / "documents").mkdir(parents=True, exist_ok=True)
    lines = [f"Member list of the Bulk Board, edition {edition}"]
    lines += [f"Member {n}: Person {n} {edition}" for n in range(members)]
    (root / "documents" / "members.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (root / "dataset.yaml").write_text(
        "dataset: {name: bulk, title: A board with many members}\n", encoding="utf-8"
    )
    source = {"document": "document/members", "lines": "1", "quote": lines[0]}
    data = {
        "documents": [{"id": "document/members", "title": "Member list", "file": "members.txt"}],
        "bodies": [
            {"id": "body/bulk-board", "name": "Bulk Board", "kind": "board", "sources": [source]}
        ],
        "people": [
            {
                "id": f"person/p{n}",
                "name": f"Person {n} {edition}",
                "sources": [{**source, "lines": str(n + 2), "quote": lines[n + 1]}],
            }
            for n in range(members)
        ],
        "roles": [
            {
                "person": f"person/p{n}",
                "kind": "member",
                "body": "body/bulk-board",
                "sources": [{**source, "lines": str(n + 2), "quote": lines[n + 1]}],
            }
            for n in range(members)
        ],
    }
    (root / "data.yaml").write_text(
        yaml.safe_dump(data, sort_keys=False, width=200), encoding="utf-8"
    )
    return root
