"""YAML that remembers where each value came from, so every problem names its file and line.

A dataset may come from anyone, so reading it is also where hostile input stops: files
too large to be a dataset, bytes that are not UTF-8, nesting deeper than any record needs,
tags the safe loader cannot type, and aliases that would expand past what a dataset can
need (a "billion laughs"). Each is refused with the line at fault, before it costs memory
or time.
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar

import yaml

Path_ = tuple[str | int, ...]

MAX_YAML_BYTES = 20 * 2**20
"""The largest YAML file read. Kirklees' largest is 97 KB, and a synthetic partnership over
ten years (the benchmark's unit) writes 250 KB: a hundredfold margin that still bounds what
one file can cost."""
MAX_DEPTH = 32
"""Deepest nesting read. Records need 7 levels (meetings, 0, agenda, 1, sources, 0, quote);
this bounds the recursion that reading and alias expansion make."""
MAX_REPEATED_NODES = 100_000
"""How many nodes aliases may add to a whole dataset. Kirklees repeats a few hundred (shared
`sources` lists); nested aliases can otherwise multiply a few hundred bytes into billions."""


@dataclass
class LocatedYaml:
    """Plain data plus the 1-based line of every mapping key, list item and scalar in it."""

    file: Path
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, path: Path_) -> int:
        """The line of `path`, or of its nearest ancestor that has one."""
        for depth in range(len(path), -1, -1):
            line = self.lines.get(path[:depth])
            if line is not None:
                return line
        return 1


class LocatedError(Exception):
    """A file that cannot be read as it is, with the line at fault."""

    field: ClassVar[str] = "file"

    def __init__(self, file: Path, line: int, message: str) -> None:
        super().__init__(f"{file}:{line}: {message}")
        self.file, self.line, self.message = file, line, message


class YamlSyntaxError(LocatedError):
    field = "yaml"


class MissingFile(LocatedError):
    """No file at the path: a problem for a YAML file, but a document's file may be absent
    until a quote needs it."""


@dataclass
class AliasAllowance:
    """The nodes aliases may still add. One allowance serves every file of a dataset, so
    that many small files cannot each expand to the limit."""

    remaining: int = MAX_REPEATED_NODES


def read_text(file: Path, limit: int) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes.

    The file is opened without blocking, so a FIFO named like a data file cannot stall
    validation, and its size is checked before anything is read.
    """
    try:
        descriptor = os.open(file, os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError as error:
        raise MissingFile(file, 1, "not found") from error
    except OSError as error:
        raise LocatedError(file, 1, f"cannot be read: {error.strerror}") from error
    try:
        status = os.fstat(descriptor)
        if not stat.S_ISREG(status.st_mode):
            raise LocatedError(file, 1, "not a regular file")
        if status.st_size > limit:
            raise _too_large(file, limit)
        with open(descriptor, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(descriptor)
    if len(data) > limit:  # it grew after the size was checked
        raise _too_large(file, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        message = f"not valid UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start})"
        raise LocatedError(file, line, message) from None


def _too_large(file: Path, limit: int) -> LocatedError:
    return LocatedError(file, 1, f"larger than the limit of {limit // 2**20} MiB")


def read_located_yaml(file: Path, allowance: AliasAllowance) -> LocatedYaml:
    """Parse with the safe loader, keeping lines; raises LocatedError with the line."""
    text = read_text(file, MAX_YAML_BYTES)
    try:
        root = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(file, line, f"invalid YAML: {error.problem}") from error
    except yaml.reader.ReaderError as error:
        raise _unprintable(file, text, error.character) from error
    except RecursionError as error:  # Python's composer recurses where libyaml counts
        raise YamlSyntaxError(file, 1, f"nested deeper than {MAX_DEPTH} levels") from error
    located = LocatedYaml(file=file, data=None)
    try:
        if root is not None:
            located.data = _Converter(file, located.lines, allowance).convert(root, ())
    finally:  # it keeps every node it saw (and one it failed on), and the file with them
        _SCALARS.constructed_objects.clear()
        _SCALARS.recursive_objects.clear()
    return located


def _unprintable(file: Path, text: str, character: int) -> YamlSyntaxError:
    """Where the character YAML refused is: libyaml counts its position in bytes and Python's
    reader in characters, so it is looked up in the text instead."""
    offset = max(text.find(chr(character)), 0)
    line = text.count("\n", 0, offset) + 1
    return YamlSyntaxError(file, line, f"character U+{character:04X} is not allowed in YAML")


class _Converter:
    """Turns a composed YAML graph into plain data, recording the line of every path.

    The composer shares one node among all the aliases of an anchor, so the graph is
    small however far it would expand. A collection met a second time is an alias: its
    expanded size is measured on the graph, and charged to the allowance, before it is
    copied out.
    """

    def __init__(self, file: Path, lines: dict[Path_, int], allowance: AliasAllowance) -> None:
        self.file = file
        self.lines = lines
        self.allowance = allowance
        self.seen: set[yaml.Node] = set()
        self.sizes: dict[yaml.Node, int] = {}
        self.repeating = False

    def convert(self, node: yaml.Node, path: Path_) -> Any:
        self.lines[path] = node.start_mark.line + 1
        if isinstance(node, yaml.ScalarNode):
            return self.scalar(node)
        if len(path) >= MAX_DEPTH:
            raise self.error(node, f"nested deeper than {MAX_DEPTH} levels")
        if not self.repeating:
            if node in self.seen:
                return self.repeat(node, path)
            self.seen.add(node)
        if isinstance(node, yaml.SequenceNode):
            return [self.convert(item, (*path, index)) for index, item in enumerate(node.value)]
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise self.error(key_node, "a key must be a plain value, not a list or mapping")
            key = self.scalar(key_node)
            if key in result:
                raise self.error(key_node, f"duplicate key {key!r}")
            result[key] = self.convert(value_node, (*path, key))
            self.lines[(*path, key)] = key_node.start_mark.line + 1
        return result

    def repeat(self, node: yaml.Node, path: Path_) -> Any:
        """Copy out an aliased collection if the allowance covers it; the copy's own aliases
        are inside the size already charged."""
        size = self.expanded_size(node, len(path), set())
        if size > self.allowance.remaining:
            raise self.error(
                node,
                f"aliases repeat the value anchored here past the limit of "
                f"{MAX_REPEATED_NODES:,} repeated nodes in a dataset",
            )
        self.allowance.remaining -= size
        self.repeating = True
        try:
            return self.convert(node, path)
        finally:
            self.repeating = False

    def expanded_size(self, node: yaml.Node, depth: int, open_nodes: set[yaml.Node]) -> int:
        """Nodes `node` stands for once every alias in it is expanded, memoised per node so
        that measuring costs no more than the graph is large."""
        if isinstance(node, yaml.ScalarNode):
            return 1
        known = self.sizes.get(node)
        if known is not None:
            return known
        if node in open_nodes:
            raise self.error(node, "an alias inside the value anchored here refers to it")
        if depth >= MAX_DEPTH:
            raise self.error(node, f"nested deeper than {MAX_DEPTH} levels")
        open_nodes.add(node)
        children = (
            node.value
            if isinstance(node, yaml.SequenceNode)
            else [child for pair in node.value for child in pair]
        )
        size = 1 + sum(self.expanded_size(child, depth + 1, open_nodes) for child in children)
        open_nodes.discard(node)
        self.sizes[node] = size
        return size

    def scalar(self, node: yaml.ScalarNode) -> Any:
        if node.tag == TIMESTAMP:
            return node.value  # the models parse dates, so a bad one is a reported problem
        try:
            return _SCALARS.construct_object(node)
        except yaml.constructor.ConstructorError as error:
            raise self.error(node, f"unsupported tag {_shown_tag(node)}") from error
        except (ValueError, KeyError) as error:  # e.g. !!int abc, or 5,000 digits
            shown = node.value if len(node.value) <= 40 else node.value[:40] + "..."
            raise self.error(node, f"{shown!r} is not a valid {_shown_tag(node)}") from error

    def error(self, node: yaml.Node, message: str) -> YamlSyntaxError:
        return YamlSyntaxError(self.file, node.start_mark.line + 1, message)


def _shown_tag(node: yaml.Node) -> str:
    """A tag as it is written: !!int rather than tag:yaml.org,2002:int."""
    standard = "tag:yaml.org,2002:"
    return "!!" + node.tag.removeprefix(standard) if node.tag.startswith(standard) else node.tag


TIMESTAMP = "tag:yaml.org,2002:timestamp"
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser when PyYAML was built with it (tens of times faster), else Python's."""
_SCALARS = yaml.SafeLoader("")
"""One safe constructor for scalars: it types dates, numbers and booleans as the loader would."""
