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


@dataclass
class Applied:
    """What the decisions changed, for the command's report."""

    merged: int = 0
    removed: int = 0
    unmatched: list[str] = field(default_factory=list)
    """The first names of `same` lists that name no record: a misspelling, or a name of a
    document not yet ingested."""
    gone: dict[str, str] = field(default_factory=dict)
    """Each id merged into another (-> the kept id) or removed (-> ""), to name when a
    record the decisions do not reach (a hand-written one, a meeting) still refers to it."""


class DecisionsInvalid(Exception):
    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Decisions(BaseModel):
    """decisions.yaml as read: lists of names that are one record, and names of no one."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    same: list[list[str]] = []
    no_one: list[str] = []

    @property
    def empty(self) -> bool:
        return not self.same and not self.no_one

    def settles(self, doubt: Record) -> bool:
        """Whether a doubt about a name (its reason quotes its text: "'Shah' may be any
        of ...") is answered here: the name is in a `same` list or is no one's."""
        text = str(doubt.get("text", ""))
        if not text or repr(text) not in str(doubt.get("reason", "")):
            return False
        named = [*self.no_one, *(name for names in self.same for name in names)]
        return any(key(text) == key(name) for name in named for key in (person_key, body_key))


def read_decisions(root: Path) -> Decisions:
    """The dataset's decisions, none when it has no decisions.yaml; DecisionsInvalid with
    file and line for each problem."""
    file = root / DECISIONS
    if not file.exists():
        return Decisions()
    try:
        located = read_located_yaml(file, AliasAllowance())
    except LocatedError as error:
        raise DecisionsInvalid([str(error)]) from None
    data = located.data or {}
    if not isinstance(data, dict):
        raise DecisionsInvalid([f"{file}:1: expected `same:` and `no_one:`, each a list"])
    data = {key: value or [] for key, value in data.items()}  # `same:` with nothing under it
    try:
        read = Decisions.model_validate(data)
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
    return read


def _key_for(section: str) -> Callable[[str], str]:
    return person_key if section == "people" else body_key


class _Spellings:
    """The ids of one section's records by each of their spellings, as compared."""

    def __init__(self, section: str, records: dict[str, Record]) -> None:
        self.key = _key_for(section)
        self.ids: dict[str, list[str]] = {}
        for entity_id, record in records.items():
            for spelling in _spellings(record):
                ids = self.ids.setdefault(self.key(spelling), [])
                if entity_id not in ids:
                    ids.append(entity_id)

    def named(self, name: str, renamed: dict[str, str], records: dict[str, Record]) -> list[str]:
        """The records `name` names now: those merged away are found as the one they
        were merged into."""
        now = (_last(i, renamed) for i in self.ids.get(self.key(name), []))
        return list(dict.fromkeys(i for i in now if i in records))


def apply_decisions(
    decisions: Decisions, entities: dict[str, dict[str, Record]], files: list[dict[str, Any]]
) -> Applied:
    """Apply `decisions` to the ingested entities (section -> id -> record) and to the
    ingested documents' records (`files`, each a mapping of section to records), in place.
    A `same` list merges within each kind of record it names; a name also said to be no
    one removes the merged record with it."""
    applied = Applied()
    renamed: dict[str, str] = {}
    removed: set[str] = set()
    spellings = {section: _Spellings(section, records) for section, records in entities.items()}
    for names in decisions.same:
        found = {
            section: list(dict.fromkeys(
                i for name in names for i in spellings[section].named(name, renamed, records)
            ))
            for section, records in entities.items()
        }  # fmt: skip
        kinds = [section for section, ids in found.items() if ids]
        if not kinds:
            applied.unmatched.append(names[0])
        for section in kinds:
            first = spellings[section].named(names[0], renamed, entities[section])
            # The list is about this kind of record when its first name is one of them, it
            # names two of them, or it names no other kind.
            if first or len(found[section]) > 1 or len(kinds) == 1:
                _merge(names, found[section], entities[section], spellings[section].key, renamed)
    for section, records in entities.items():
        removed.update(
            i for name in decisions.no_one for i in spellings[section].named(name, renamed, records)
        )
    renamed = {old: _last(new, renamed) for old, new in renamed.items()}
    removed |= {old for old, new in renamed.items() if new in removed}
    for records in entities.values():
        for entity_id in removed:
            records.pop(entity_id, None)
    applied.merged, applied.removed = len(renamed), len(removed - renamed.keys())
    applied.gone = {**renamed, **dict.fromkeys(removed - renamed.keys(), "")}
    for sections in files:
        for section, items in sections.items():
            sections[section] = _rewritten(section, items, renamed, removed)
    return applied


def _last(entity_id: str, renamed: dict[str, str]) -> str:
    """Where a chain of merges (a into b, then b into c) ends."""
    seen = {entity_id}
    while entity_id in renamed and renamed[entity_id] not in seen:
        entity_id = renamed[entity_id]
        seen.add(entity_id)
    return entity_id


def _merge(
    names: list[str],
    found: list[str],
    records: dict[str, Record],
    key: Callable[[str], str],
    renamed: dict[str, str],
) -> None:
    """Merge the records `found` (ids of one section, those the list `names` names) into
    one named by the list's first name, the other spellings its aliases."""
    first = [i for i in found if any(key(s) == key(names[0]) for s in _spellings(records[i]))]
    kept = records[first[0] if first else found[0]]
    every = [*names, *(s for i in found for s in _spellings(records[i]))]
    kept["name"] = names[0]
    aliases: list[str] = []
    for spelling in every:
        if key(spelling) != key(kept["name"]) and spelling not in aliases:
            aliases.append(spelling)
    if aliases:
        kept["aliases"] = aliases
    for other in (records[i] for i in found):
        if other is not kept:
            kept["sources"] += [s for s in other["sources"] if s not in kept["sources"]]
            renamed[other["id"]] = kept["id"]
            del records[other["id"]]


def _spellings(record: Record) -> list[str]:
    return [record["name"], *record.get("aliases", [])]


def _rewritten(section: str, items: Any, renamed: dict[str, str], removed: set[str]) -> Any:
    """A section's records with merged ids pointed at the record kept, records that cannot
    stand without a removed one dropped, other mentions of it left out (in lists too), and
    records made the same by a merge kept once with both sources. A relation a merge turns
    back on itself is dropped."""
    if not isinstance(items, list):
        return items
    kept: list[Record] = []
    for item in items:
        if not isinstance(item, dict):
            kept.append(item)
            continue
        if any(item.get(ref) in removed for ref in PRIMARY.get(section, ())):
            continue
        item = _repointed(item, renamed, removed)
        if section == "relations" and item.get("from") == item.get("to"):
            continue
        twin = next((k for k in kept if _without_sources(k) == _without_sources(item)), None)
        if twin is not None and section in PRIMARY:
            twin["sources"] += [s for s in item.get("sources", []) if s not in twin["sources"]]
        else:
            kept.append(item)
    return kept


def _repointed(value: Any, renamed: dict[str, str], removed: set[str]) -> Any:
    """`value` with every merged id replaced by the kept one and every removed id left
    out, at any depth (an agenda item's officers, a note's subjects)."""
    if isinstance(value, dict):
        return {k: _repointed(v, renamed, removed) for k, v in value.items()
                if not (isinstance(v, str) and v in removed)}  # fmt: skip
    if isinstance(value, list):
        return [_repointed(v, renamed, removed) for v in value
                if not (isinstance(v, str) and v in removed)]  # fmt: skip
    if isinstance(value, str):
        return renamed.get(value, value)
    return value


def _without_sources(item: Record) -> Record:
    return {k: v for k, v in item.items() if k != "sources"}
