"""A reviewer's decisions about names, kept beside the dataset and applied at every ingest.

Extraction cannot tell that "Cllr Ahmed" and "Councillor Masood Ahmed" are one person when
another Ahmed sits on the board, nor that "The Chair" or "Western Areas" is no one: it
records each apart and says so in review.yaml. The reviewer's answer goes in
`decisions.yaml`, and each ingest applies it to the whole dataset, the documents ingested
before included, so a decision is made once and not lost when a document is read again:

    same:     # each list names one person, body or organisation; the first is its name
      - [Councillor Masood Ahmed, Cllr Ahmed]
    no_one:   # names that are no one: a post, a heading or a place taken for a name
      - The Chair

A name matches a record's name or alias as names resolve (case, punctuation and, for
people, honorifics aside). Merging keeps one record, with the others' spellings as aliases
and their sources, and points every reference at it. Removing a name removes the record,
the roles and relations it is the subject or object of, and any other mention of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from loaders.ingest.resolve import body_key, person_key
from loaders.located_yaml import AliasAllowance, LocatedError, read_located_yaml

DECISIONS = "decisions.yaml"

Record = dict[str, Any]

PRIMARY = {"roles": ("person", "body", "meeting"), "relations": ("from", "to")}
"""The references a role or relation cannot stand without: removing either removes it."""


class _Decisions(BaseModel):
    model_config = ConfigDict(extra="forbid")

    same: list[list[str]] = []
    no_one: list[str] = []


@dataclass
class Applied:
    """What the decisions changed, for the command's report."""

    merged: int = 0
    removed: int = 0
    unmatched: list[str] = field(default_factory=list)
    """The first names of `same` lists that name no record: a misspelling, or a name of a
    document not yet ingested."""


class DecisionsInvalid(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Decisions:
    same: list[list[str]]
    no_one: list[str]

    @property
    def empty(self) -> bool:
        return not self.same and not self.no_one

    def settles(self, text: str) -> bool:
        """Whether a doubt about the name `text` is answered here: the name is in a `same`
        list or is no one's (compared as people's and as bodies' names are)."""
        named = [*self.no_one, *(name for names in self.same for name in names)]
        return any(key(text) == key(name) for name in named for key in (person_key, body_key))


def read_decisions(root: Path) -> Decisions:
    """The dataset's decisions, none when it has no decisions.yaml; DecisionsInvalid with
    file and line for each problem."""
    file = root / DECISIONS
    if not file.exists():
        return Decisions([], [])
    try:
        located = read_located_yaml(file, AliasAllowance())
    except LocatedError as error:
        raise DecisionsInvalid([str(error)]) from None
    try:
        read = _Decisions.model_validate(located.data or {})
    except ValidationError as invalid:
        raise DecisionsInvalid(
            [f"{file}:{located.line_of(tuple(e['loc']))}: {'.'.join(map(str, e['loc']))}: "
             f"{e['msg']}" for e in invalid.errors()]
        ) from None  # fmt: skip
    problems = [
        f"{file}:{located.line_of(('same', index))}: same: a list of two names or more"
        for index, names in enumerate(read.same)
        if len(names) < 2
    ]
    if problems:
        raise DecisionsInvalid(problems)
    return Decisions(read.same, read.no_one)


def _key_for(section: str) -> Callable[[str], str]:
    return person_key if section == "people" else body_key


def apply_decisions(
    decisions: Decisions, entities: dict[str, dict[str, Record]], files: list[dict[str, Any]]
) -> Applied:
    """Apply `decisions` to the ingested entities (section -> id -> record) and to the
    ingested documents' records (`files`, each a mapping of section to records), in place."""
    applied = Applied()
    renamed: dict[str, str] = {}
    removed: set[str] = set()
    for names in decisions.same:
        if not any(
            _merge(names, section, records, renamed) for section, records in entities.items()
        ):
            applied.unmatched.append(names[0])
    for name in decisions.no_one:  # (one removed before matches nothing now: not reported)
        removed.update(
            entity_id
            for section, records in entities.items()
            for entity_id, record in records.items()
            if _named(record, name, _key_for(section))
        )
    for records in entities.values():
        for entity_id in removed:
            records.pop(entity_id, None)
    applied.merged, applied.removed = len(renamed), len(removed)
    for sections in files:
        for section, items in sections.items():
            sections[section] = _rewritten(section, items, renamed, removed)
    return applied


def _named(record: Record, name: str, key: Callable[[str], str]) -> bool:
    wanted = key(name)
    return any(key(spelling) == wanted for spelling in (record["name"], *record.get("aliases", [])))


def _merge(
    names: list[str], section: str, records: dict[str, Record], renamed: dict[str, str]
) -> bool:
    """Merge the records of `section` that any of `names` names into one; say whether any did."""
    key = _key_for(section)
    found = [r for r in records.values() if any(_named(r, name, key) for name in names)]
    if not found:
        return False
    kept = next((r for r in found if _named(r, names[0], key)), found[0])
    spellings = [names[0], *(s for r in found for s in (r["name"], *r.get("aliases", [])))]
    kept["name"] = names[0]
    aliases: list[str] = []
    for spelling in spellings[1:]:
        if key(spelling) != key(names[0]) and spelling not in aliases:
            aliases.append(spelling)
    if aliases:
        kept["aliases"] = aliases
    for other in found:
        if other is not kept:
            kept["sources"] += [s for s in other["sources"] if s not in kept["sources"]]
            renamed[other["id"]] = kept["id"]
            del records[other["id"]]
    return True


def _rewritten(section: str, items: Any, renamed: dict[str, str], removed: set[str]) -> Any:
    """A section's records with merged ids pointed at the record kept, records that cannot
    stand without a removed one dropped, other mentions of it left out, and records made
    the same by a merge kept once with both sources."""
    if not isinstance(items, list):
        return items
    kept: list[Record] = []
    for item in items:
        if not isinstance(item, dict):
            kept.append(item)
            continue
        if any(item.get(ref) in removed for ref in PRIMARY.get(section, ())):
            continue
        item = {k: renamed.get(v, v) if isinstance(v, str) else v
                for k, v in item.items() if not (isinstance(v, str) and v in removed)}  # fmt: skip
        twin = next((k for k in kept if _without_sources(k) == _without_sources(item)), None)
        if twin is not None and section in PRIMARY:
            twin["sources"] += [s for s in item.get("sources", []) if s not in twin["sources"]]
        else:
            kept.append(item)
    return kept


def _without_sources(item: Record) -> Record:
    return {k: v for k, v in item.items() if k != "sources"}
