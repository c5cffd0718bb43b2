"""Read a dataset directory, validate all of it, and report every problem at once.

Validation runs in three passes, each over every file: the YAML itself, each record
against its model, then what only the whole dataset can tell (duplicate ids, references
that must resolve to exactly one record, quotes that must stand in the cited lines).

Every path a dataset names (its YAML files, `documents_dir`, each document's `file`) must
resolve, links followed, to somewhere inside the dataset directory: otherwise a dataset
could copy any file the loading user can read into the graph.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from graph.model import KINDS
from graph.names import fold, name_key
from loaders.located_yaml import (
    AliasAllowance,
    LocatedError,
    LocatedYaml,
    MissingFile,
    read_located_yaml,
    read_text,
)
from loaders.records import (
    SECTIONS,
    AgendaItem,
    Body,
    Commitment,
    DatasetInfo,
    Decision,
    Document,
    Entity,
    Meeting,
    Note,
    Organisation,
    Person,
    Plan,
    Record,
    Relation,
    Role,
    Source,
    Theme,
)

SINGULAR = {kind.section: kind.singular for kind in KINDS}
ID_PATTERN = re.compile(r"^[a-z]+/[a-z0-9]+(?:-[a-z0-9]+)*$")
ANY = frozenset(SINGULAR.values())
MAX_DOCUMENT_BYTES = 20 * 2**20
"""The largest source document read. Kirklees' largest is 56 KB and a synthetic
partnership's papers over ten years 46 KB; the text is stored on its Document node."""


@dataclass(frozen=True)
class Problem:
    file: Path
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.field}: {self.message}"


NOT_RECORDS = ("dataset.yaml", "review.yaml", "decisions.yaml")
"""YAML files of a dataset that hold no records: its name, what a person should review
(written by `govgraph ingest`) and what a reviewer decided (read by it)."""


class DatasetInvalid(Exception):
    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the dataset")
        self.problems = problems


@dataclass(frozen=True)
class Located:
    """A validated record and where it was written."""

    record: Record
    section: str
    origin: LocatedYaml
    path: tuple[str | int, ...]

    @property
    def file(self) -> Path:
        return self.origin.file

    def line(self, *path: str | int) -> int:
        return self.origin.line_of((*self.path, *path))


@dataclass
class Dataset:
    info: DatasetInfo
    root: Path
    records: list[Located] = field(default_factory=list)
    resolve: dict[tuple[str | int, ...], str] = field(default_factory=dict)
    """The id each reference resolved to, keyed by (file, *path of the reference)."""
    texts: dict[str, str | None] = field(default_factory=dict)
    """Each readable document's text by id (None when its file is absent), read once while
    validating so that a load stores exactly the text that was checked."""
    name_line: int = 1
    """The line of dataset.yaml that names it."""

    def of(self, section: str) -> Iterator[Located]:
        return (item for item in self.records if item.section == section)

    def ref(self, item: Located, *path: str | int) -> str:
        return self.resolve[(str(item.file), *item.path, *path)]

    def document_text(self, document: Document) -> str | None:
        """The text of a source document, if its file is present."""
        return self.texts.get(document.id)

    def claims(self) -> Claims:
        """What this dataset claims that no other loaded with it may."""
        ids = {}
        for item in self.records:
            record_id = getattr(item.record, "id", None)
            if record_id is not None:
                ids[record_id] = (item.file, item.line("id"))
        return Claims(self.info.name, (self.root / "dataset.yaml", self.name_line), ids)


Where = tuple[Path, int]


@dataclass(frozen=True)
class Claims:
    """A dataset's name and its records' ids, each with where it is written: the graph keeps
    one area per name and one record per id, across every area."""

    name: str
    name_at: Where
    ids: dict[str, Where]


def clashes(claims: Iterable[Claims]) -> list[Problem]:
    """Names and record ids claimed by two datasets loaded together. A name twice would have
    the second area replace the first, and an id twice fail the second area's write after the
    first area was written: both are refused before anything is written."""
    problems: list[Problem] = []
    names: dict[str, Where] = {}
    owners: dict[str, tuple[str, Where]] = {}
    for claim in claims:
        first = names.setdefault(claim.name, claim.name_at)
        if first != claim.name_at:
            problems.append(
                Problem(*claim.name_at, "dataset.name",
                        f"{claim.name!r} names the dataset at {_at(first)} too")
            )  # fmt: skip
        for record_id, where in claim.ids.items():
            owner, owned_at = owners.setdefault(record_id, (claim.name, where))
            if owner != claim.name:
                problems.append(
                    Problem(*where, "id", f"{record_id!r} is a record of {owner!r} too, at "
                            f"{_at(owned_at)}: an id names one record across every area")
                )  # fmt: skip
    return problems


def _at(where: Where) -> str:
    return f"{where[0]}:{where[1]}"


def read_dataset(root: Path) -> Dataset:
    """Read and validate a dataset directory; raise DatasetInvalid listing every problem."""
    problems: list[Problem] = []
    allowance = AliasAllowance()
    info, name_line = _read_info(root, allowance, problems) or (None, 1)
    dataset = Dataset(
        info=info or DatasetInfo(name=root.name, title=root.name), root=root, name_line=name_line
    )
    files = sorted(p for p in root.glob("*.yaml") if p.name not in NOT_RECORDS)
    if not files:
        problems.append(Problem(root, 1, "dataset", "no *.yaml files found"))
    for file in files:
        located = _read_yaml(root, file, allowance, problems)
        if located is None:
            continue
        dataset.records.extend(_validate_file(located, problems))
        located.data = None  # the records hold it now; the lines stay, for later problems
    if info is not None:  # else where the documents are is unknown, and already reported
        _read_documents(dataset, problems)
    _check_whole(dataset, problems)
    if problems:
        raise DatasetInvalid(sorted(problems, key=lambda p: (str(p.file), p.line, p.field)))
    return dataset


def _escape(root: Path, path: Path) -> str | None:
    """Why `path` may not be read: it leads outside `root` once links and `..` are
    followed, or it cannot be followed at all. None when it stays inside."""
    try:
        target = path.resolve()
    except RuntimeError:  # Python 3.11 reports a loop of links so
        return "is a loop of links"
    except (OSError, ValueError) as error:  # ValueError: a NUL in the path
        return f"cannot be followed: {error}"
    if target.is_relative_to(root.resolve()):
        return None
    return f"leads to {target}, outside the dataset directory"


def _read_yaml(
    root: Path, file: Path, allowance: AliasAllowance, problems: list[Problem]
) -> LocatedYaml | None:
    escape = _escape(root, file)
    if escape is not None:
        problems.append(Problem(file, 1, "file", escape))
        return None
    try:
        return read_located_yaml(file, allowance)
    except LocatedError as error:
        problems.append(Problem(file, error.line, error.field, error.message))
        return None


def _read_info(
    root: Path, allowance: AliasAllowance, problems: list[Problem]
) -> tuple[DatasetInfo, int] | None:
    """The dataset's name, title and documents directory, and the line that names it."""
    file = root / "dataset.yaml"
    if not root.is_dir():
        problems.append(Problem(root, 1, "dataset", "not a directory"))
        return None
    if not file.exists():
        problems.append(Problem(file, 1, "dataset", "missing dataset.yaml naming the dataset"))
        return None
    located = _read_yaml(root, file, allowance, problems)
    if located is None:
        return None
    data = located.data
    if not isinstance(data, dict) or not isinstance(data.get("dataset"), dict):
        line = located.line_of(("dataset",))
        expected = "expected dataset: {name, title, documents_dir}"
        problems.append(Problem(file, line, "dataset", expected))
        return None
    try:
        info = DatasetInfo.model_validate(data["dataset"])
    except ValidationError as error:
        for detail in error.errors():
            where = ".".join(str(part) for part in ("dataset", *detail["loc"]))
            line = located.line_of(("dataset", *detail["loc"]))
            problems.append(Problem(file, line, where, detail["msg"]))
        return None
    escape = _escape(root, root / info.documents_dir)
    if escape is not None:
        line = located.line_of(("dataset", "documents_dir"))
        message = f"{info.documents_dir!r} {escape}"
        problems.append(Problem(file, line, "dataset.documents_dir", message))
        return None
    return info, located.line_of(("dataset", "name"))


def _validate_file(located: LocatedYaml, problems: list[Problem]) -> Iterator[Located]:
    file = located.file
    if not isinstance(located.data, dict):
        empty = "empty; " if located.data is None else ""
        expected = f"{empty}expected a mapping of section: [records]"
        problems.append(Problem(file, 1, "file", expected))
        return
    for section, items in located.data.items():
        model = SECTIONS.get(section)
        line = located.line_of((section,))
        if model is None:
            known = ", ".join(SECTIONS)
            problems.append(
                Problem(file, line, section, f"unknown section; expected one of {known}")
            )
            continue
        if not isinstance(items, list):
            problems.append(Problem(file, line, section, "expected a list of records"))
            continue
        for index, item in enumerate(items):
            try:
                record = model.model_validate(item)
            except ValidationError as error:
                for detail in error.errors():
                    loc = (section, index, *detail["loc"])
                    where = ".".join(str(part) for part in detail["loc"]) or section
                    problems.append(Problem(file, located.line_of(loc), where, detail["msg"]))
                continue
            yield Located(record, section, located, (section, index))


def _read_documents(dataset: Dataset, problems: list[Problem]) -> None:
    """Read every document's text, whether or not a quote cites it, since the load stores
    each one. A document refused here gets no text, so its quotes are not checked too."""
    for item in dataset.of("documents"):
        document = item.record
        assert isinstance(document, Document)
        path = dataset.root / dataset.info.documents_dir / document.file
        escape = _escape(dataset.root, path)
        if escape is not None:
            message = f"{document.file!r} {escape}"
            problems.append(Problem(item.file, item.line("file"), "file", message))
            continue
        try:
            dataset.texts[document.id] = read_text(path, MAX_DOCUMENT_BYTES)
        except MissingFile:
            dataset.texts[document.id] = None
        except LocatedError as error:
            problems.append(Problem(path, error.line, error.field, error.message))


def _check_whole(dataset: Dataset, problems: list[Problem]) -> None:
    ids = _check_ids(dataset, problems)
    index = _name_index(dataset)
    for item, path, value, kinds in _references(dataset):
        _resolve(dataset, ids, index, item, path, value, kinds, problems)
    _check_quotes(dataset, problems)
    for item in dataset.of("roles"):
        role = item.record
        assert isinstance(role, Role)
        if (role.person is None) == (role.organisation is None):
            problems.append(
                Problem(item.file, item.line(), "roles", "give exactly one of person, organisation")
            )


def _check_ids(dataset: Dataset, problems: list[Problem]) -> dict[str, list[Located]]:
    ids: dict[str, list[Located]] = defaultdict(list)
    for item in dataset.records:
        record_id = getattr(item.record, "id", None)
        if record_id is None:
            continue
        ids[record_id].append(item)
        kind = SINGULAR[item.section]
        if not ID_PATTERN.match(record_id) or not record_id.startswith(kind + "/"):
            problems.append(
                Problem(
                    item.file,
                    item.line("id"),
                    "id",
                    f"{record_id!r} is not of the form {kind}/lower-case-slug",
                )
            )
    for record_id, holders in ids.items():
        if len(holders) > 1:
            places = ", ".join(f"{h.file.name}:{h.line('id')}" for h in holders)
            for holder in holders:
                problems.append(
                    Problem(
                        holder.file,
                        holder.line("id"),
                        "id",
                        f"duplicate id {record_id!r} (declared at {places})",
                    )
                )
    return ids


def _name_index(dataset: Dataset) -> dict[str, set[str]]:
    index: dict[str, set[str]] = defaultdict(set)
    for item in dataset.records:
        record = item.record
        if isinstance(record, Entity):
            person = isinstance(record, Person)
            for name in (record.name, *record.aliases):
                index[name_key(name, person=person)].add(record.id)
                if isinstance(record, Person) and record.honorific:
                    index[name_key(f"{record.honorific} {name}")].add(record.id)
    return index


def _references(
    dataset: Dataset,
) -> Iterator[tuple[Located, tuple[str | int, ...], str, frozenset[str]]]:
    """Every reference in the dataset with the kinds of record it may point to."""
    org, person, body, plan = (frozenset({k}) for k in ("organisation", "person", "body", "plan"))
    for item in dataset.records:
        record = item.record
        single: dict[str, frozenset[str]] = {}
        many: dict[str, frozenset[str]] = {}
        if isinstance(record, Organisation):
            single = {"part_of": org}
        elif isinstance(record, Person | Body):
            single = {"organisation": org}
        elif isinstance(record, Plan):
            single = {"part_of": plan}
        elif isinstance(record, Theme):
            single = {"plan": plan}
        elif isinstance(record, Commitment):
            single = {
                "plan": plan,
                "parent": frozenset({"commitment"}),
                "theme": frozenset({"theme"}),
                "meeting": frozenset({"meeting"}),
            }
        elif isinstance(record, Meeting):
            single = {"body": body}
            for number, agenda in enumerate(record.agenda):
                yield from _agenda_references(item, number, agenda)
        elif isinstance(record, Decision):
            single = {"body": body, "meeting": frozenset({"meeting"})}
            many = {"subjects": ANY}
        elif isinstance(record, Role):
            single = {
                "person": person,
                "organisation": org,
                "body": body,
                "subject": ANY,
                "meeting": frozenset({"meeting"}),
                "on_behalf_of": org | body,
            }
        elif isinstance(record, Relation):
            single = {"source": ANY, "target": ANY}
        elif isinstance(record, Note):
            many = {"about": ANY}
        for name, kinds in single.items():
            value = getattr(record, name)
            if value is not None:
                key = "from" if name == "source" else "to" if name == "target" else name
                yield item, (key,), value, kinds
        for name, kinds in many.items():
            for position, value in enumerate(getattr(record, name)):
                yield item, (name, position), value, kinds
        for position, source in enumerate(getattr(record, "sources", [])):
            yield item, ("sources", position, "document"), source.document, frozenset({"document"})


def _agenda_references(
    item: Located, number: int, agenda: AgendaItem
) -> Iterator[tuple[Located, tuple[str | int, ...], str, frozenset[str]]]:
    people = frozenset({"person"})
    for field_name in ("lead_officers", "contact_officers"):
        for position, value in enumerate(getattr(agenda, field_name)):
            yield item, ("agenda", number, field_name, position), value, people
    for position, source in enumerate(agenda.sources):
        path = ("agenda", number, "sources", position, "document")
        yield item, path, source.document, frozenset({"document"})


def _resolve(
    dataset: Dataset,
    ids: dict[str, list[Located]],
    index: dict[str, set[str]],
    item: Located,
    path: tuple[str | int, ...],
    value: str,
    kinds: frozenset[str],
    problems: list[Problem],
) -> None:
    def allowed(candidate: str) -> bool:
        return candidate.split("/", 1)[0] in kinds

    if value in ids:
        candidates = {value} if allowed(value) else set()
    else:
        found = index.get(name_key(value), set()) | index.get(name_key(value, person=True), set())
        candidates = {c for c in found if allowed(c)}
    field_name = ".".join(str(part) for part in path)
    line = item.line(*path)
    if len(candidates) == 1:
        dataset.resolve[(str(item.file), *item.path, *path)] = candidates.pop()
    elif not candidates:
        wanted = " or ".join(sorted(kinds)) if kinds != ANY else "record"
        problems.append(Problem(item.file, line, field_name, f"{value!r} matches no {wanted}"))
    else:
        listed = ", ".join(sorted(candidates))
        problems.append(
            Problem(item.file, line, field_name, f"{value!r} is ambiguous: candidates {listed}")
        )


def _check_quotes(dataset: Dataset, problems: list[Problem]) -> None:
    documents = {
        item.record.id: item.record
        for item in dataset.of("documents")
        if isinstance(item.record, Document)
    }
    texts: dict[str, list[str] | None] = {}
    for item, path, source in _sources(dataset):
        document = documents.get(source.document) or documents.get(
            dataset.resolve.get((str(item.file), *item.path, *path, "document"), "")
        )
        if document is None or document.id not in dataset.texts:
            continue  # an unresolved or unreadable document is already reported
        if document.id not in texts:
            text = dataset.texts[document.id]
            texts[document.id] = None if text is None else text.splitlines()
        lines = texts[document.id]
        line = item.line(*path, "quote")
        if lines is None:
            problems.append(
                Problem(
                    item.file,
                    line,
                    "sources.document",
                    f"{document.file} not found for {document.id}",
                )
            )
            continue
        first, last = source.line_span
        if last > len(lines):
            problems.append(
                Problem(
                    item.file,
                    item.line(*path, "lines"),
                    "sources.lines",
                    f"{document.file} has only {len(lines)} lines",
                )
            )
            continue
        if fold(source.quote) not in fold(" ".join(lines[first - 1 : last])):
            problems.append(
                Problem(
                    item.file,
                    line,
                    "sources.quote",
                    f"not found in {document.file} lines {source.lines}",
                )
            )


def _sources(dataset: Dataset) -> Iterator[tuple[Located, tuple[str | int, ...], Source]]:
    for item in dataset.records:
        yield from _record_sources(item, (), item.record)


def _record_sources(
    item: Located, prefix: tuple[str | int, ...], record: Record
) -> Iterator[tuple[Located, tuple[str | int, ...], Source]]:
    for position, source in enumerate(getattr(record, "sources", [])):
        yield item, (*prefix, "sources", position), source
    if isinstance(record, Meeting):
        for number, agenda in enumerate(record.agenda):
            yield from _record_sources(item, ("agenda", number), agenda)
