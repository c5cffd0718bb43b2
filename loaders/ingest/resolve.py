"""Names that resolve: one person, body or organisation under the spellings documents use.

pupa's rule: a name resolves to exactly one record or it is reported. A name is *certainly*
a known record when it is the same name once case, punctuation and honorifics are set aside,
or one of the record's aliases, or (for bodies) the same initials ("CSP" and "Community
Safety Partnership" of the same place). A person named by surname alone or by initials
("Cllr Ahmed", "M Ahmed") is the one known person it fits, when exactly one fits; when
several fit, or a body's name is only close to a known one, a new record is made and the
doubt goes to review.yaml.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from graph.names import name_key

SMALL_WORDS = frozenset({"of", "the", "and", "for", "&", "in", "on"})


def person_key(name: str) -> str:
    """A person's name as compared: no honorific, no punctuation, lower case."""
    return " ".join(re.findall(r"[a-z0-9']+", name_key(name, person=True)))


def body_key(name: str) -> str:
    plain = re.sub(r"['’]", "", name_key(name)).replace("&", " and ")
    return " ".join(re.findall(r"[a-z0-9]+", plain))


def initials(name: str) -> str:
    """ "Community Safety Partnership" -> "csp"; "CSP" -> "csp"."""
    words = [w for w in body_key(name).split() if w not in SMALL_WORDS]
    if len(words) == 1 and 2 <= len(words[0]) <= 6 and name.strip().isupper():
        return words[0]
    return "".join(w[0] for w in words)


def _fits(short: list[str], full: list[str]) -> bool:
    """Whether a shorter spelling of a person's name fits a fuller one: the same surname,
    and each given name or initial agreeing with the fuller name's in order."""
    if not short or not full or short[-1] != full[-1]:
        return False
    given, full_given = short[:-1], full[:-1]
    if len(given) > len(full_given):
        return False
    return all(
        a == b or (len(a) == 1 and b.startswith(a)) for a, b in zip(given, full_given, strict=False)
    )


@dataclass
class Known:
    id: str
    name: str
    aliases: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Resolution:
    """`id` is the known record the name is, or None for a new one; `doubt` says what a
    reviewer should check, when anything."""

    id: str | None
    doubt: str | None = None


class Index(ABC):
    """Known records of one kind and their spellings."""

    def __init__(self) -> None:
        self.known: list[Known] = []

    def add(self, known: Known) -> None:
        """A record, or one more spelling of a record already known."""
        same = next((k for k in self.known if k.id == known.id), None)
        if same is None:
            self.known.append(known)
        elif known.name not in (same.name, *same.aliases):
            same.aliases.append(known.name)

    @abstractmethod
    def resolve(self, name: str) -> Resolution:
        """The known record `name` is, or None and the doubt a reviewer should check."""


class People(Index):
    """Known people, to resolve names of people against."""

    def resolve(self, name: str) -> Resolution:
        key = person_key(name)
        exact = [k for k in self.known if key in {person_key(n) for n in (k.name, *k.aliases)}]
        if len(exact) == 1:
            return Resolution(exact[0].id)
        if len(exact) > 1:
            ids = ", ".join(k.id for k in exact)
            return Resolution(None, f"{name!r} matches several people: {ids}")
        words = key.split()
        fitting = [
            k for k in self.known
            if any(_fits(words, person_key(n).split()) or _fits(person_key(n).split(), words)
                   for n in (k.name, *k.aliases))
        ]  # fmt: skip
        if len(fitting) == 1:
            return Resolution(fitting[0].id)
        if fitting:
            ids = ", ".join(k.id for k in fitting)
            return Resolution(None, f"{name!r} may be any of {ids}; recorded as a new person")
        return Resolution(None)


class Bodies(Index):
    """Known bodies or organisations, to resolve their names against."""

    CERTAIN = 95.0
    """Spellings this alike (character by character) are one body."""
    CLOSE = 80.0
    """Names sharing this much of their words are worth a reviewer's look."""

    def resolve(self, name: str) -> Resolution:
        key = body_key(name)
        scores: dict[str, tuple[float, Known]] = {}
        for known in self.known:
            similarity = max(self._similarity(name, key, spelling)
                             for spelling in (known.name, *known.aliases))  # fmt: skip
            if similarity == 100.0:
                return Resolution(known.id)
            scores[known.id] = (similarity, known)
        certain = [k for s, k in scores.values() if s >= self.CERTAIN]
        if len(certain) == 1:
            return Resolution(certain[0].id)
        if certain:
            ids = ", ".join(k.id for k in certain)
            return Resolution(None, f"{name!r} may be any of {ids}; recorded apart")
        close = [
            known for known in self.known
            if max(fuzz.token_set_ratio(key, body_key(spelling))
                   for spelling in (known.name, *known.aliases)) >= self.CLOSE
        ]  # fmt: skip
        if close:
            names = "; ".join(f"{k.name!r} ({k.id})" for k in close)
            return Resolution(None, f"{name!r} is close to {names}; recorded apart")
        return Resolution(None)

    def _similarity(self, name: str, key: str, spelling: str) -> float:
        other = body_key(spelling)
        if key == other:
            return 100.0
        if len(key.split()) > 1 and len(other.split()) > 1:
            return float(fuzz.ratio(key, other))
        if min(len(key), len(other)) > 1 and initials(name) == initials(spelling):
            return self.CERTAIN  # one is the other's initials
        return 0.0
