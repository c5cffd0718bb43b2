"""A document as ingestion reads it: normalised text in numbered lines, and what is known
of the file it came from."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Format = Literal["pdf", "html", "docx", "text"]


class UnreadableDocument(ValueError):
    """A file that cannot be read as a document: the message says why, in one line."""


@dataclass(frozen=True)
class Text:
    """`lines[0]` is line 1. Lines are what a person reads top to bottom: one paragraph,
    heading, list item or table row each (cells joined by " | "), white space folded,
    no empty lines at either end."""

    lines: tuple[str, ...]
    format: Format
    original: str
    """The file's own name."""
    checksum: str
    """sha256 of the file's bytes: the same file ingested twice is recognised."""
    title: str | None = None
    """The document's own title where the format holds one (HTML <title>, PDF or DOCX
    metadata), else None; extractors may find a better one in the text."""
    encoding: str | None = None
    """For text files, the encoding they were decoded from."""
    pages: tuple[int, ...] = ()
    """For PDFs, the 1-based page each line stands on (`pages[0]` for line 1), so a fact
    can be cited by the page a reader turns to; empty for formats without pages."""

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def numbered(self) -> list[tuple[int, str]]:
        return list(enumerate(self.lines, start=1))
