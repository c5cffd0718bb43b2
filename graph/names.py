"""How names are compared: case, apostrophes, white space and (for people) titles don't count."""

from __future__ import annotations

HONORIFICS = (
    "councillor",
    "cllr",
    "chief superintendent",
    "superintendent",
    "inspector",
    "sergeant",
    "dr",
    "mr",
    "mrs",
    "ms",
    "miss",
    "prof",
    "professor",
    "sir",
    "dame",
)


def fold(text: str) -> str:
    """Collapse runs of white space to one space."""
    return " ".join(text.split())


def name_key(name: str, *, person: bool = False) -> str:
    key = fold(name.replace("\u2019", "'").replace("\u2018", "'")).casefold()
    if person:
        for honorific in HONORIFICS:
            if key.startswith(honorific + " "):
                return key[len(honorific) + 1 :]
    return key
